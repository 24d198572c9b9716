// Failed downloads (client error states, usenet failures, stalled downloads, a user's "remove and blocklist"):
// one transaction marks the entry failed, writes `downloadFailed` history and blocklists the release; after the
// commit the download is removed from the client when its settings say so, and download.failed is emitted with
// `searchAgain` for the search work.
import type { Kysely } from 'kysely';
import { HistoryRepository } from '../../db/repositories/history.repository.js';
import { TrackedDownloadRepository } from '../../db/repositories/tracked-download.repository.js';
import type { DB } from '../../db/schema.js';
import type { NewBlocklistEntry } from '../../domain/decisions/storage.types.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { DownloadClientPort } from '../../providers/ports/download-client.port.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import type { NewHistoryRecord, TrackedDownload } from './download.types.js';
import { applyPatch } from './tracking.rules.js';

/** Writes a blocklist entry inside the caller's transaction. */
export interface Blocklister {
  add(trx: Kysely<DB>, entry: NewBlocklistEntry): Promise<void>;
}

export interface FailOptions {
  /** Remove from the client (default: the client's `removeFailedDownloads` setting, else true). */
  removeFromClient?: boolean;
  blocklist?: boolean;
  /** Ask for another search (default: the service's `redownloadFailed`). */
  searchAgain?: boolean;
  /** The entry leaves the queue (a user removed it). */
  leaveQueue?: boolean;
}

export interface FailedDownloadServiceDeps {
  db: Kysely<DB>;
  blocklister: Blocklister;
  client(id: number): Promise<{ definition: ProviderDefinition; client: DownloadClientPort } | undefined>;
  events: EventBus;
  clock: Clock;
  log: Logger;
  /** Fixed answer (tests); otherwise `handling()` is asked at each failure, else true. */
  redownloadFailed?: boolean;
  /** The user's setting, read at each failure so a change applies at once. */
  handling?(): Promise<{ redownloadFailed: boolean }>;
}

export function blocklistEntryFor(t: TrackedDownload, reason: string, date: string): NewBlocklistEntry {
  return {
    movieId: t.movieId,
    seriesId: t.seriesId,
    episodeIds: t.episodeIds,
    sourceTitle: t.title,
    quality: t.quality.quality,
    languages: t.languages,
    customFormats: t.release.customFormats ?? [],
    indexerId: t.indexerId,
    indexer: t.indexer,
    protocol: t.protocol,
    guid: t.guid,
    torrentInfoHash: t.infoHash,
    size: t.size || null,
    publishedDate: t.release.publishDate ?? null,
    date,
    message: reason,
  };
}

export class FailedDownloadService {
  constructor(private readonly deps: FailedDownloadServiceDeps) {}

  async fail(t: TrackedDownload, reason: string, opts: FailOptions = {}): Promise<TrackedDownload> {
    const now = new Date(this.deps.clock.now()).toISOString();
    const resolved = await this.deps.client(t.downloadClientId);
    const clientName = resolved?.definition.name ?? `download client ${t.downloadClientId}`;
    const history: NewHistoryRecord[] = (t.episodeIds.length ? t.episodeIds : [null]).map((episodeId) => ({
      eventType: 'downloadFailed',
      date: now,
      sourceTitle: t.title,
      quality: t.quality,
      languages: t.languages,
      customFormatScore: t.release.customFormatScore ?? 0,
      movieId: t.movieId,
      seriesId: t.seriesId,
      episodeId,
      downloadId: t.downloadId,
      data: {
        reason,
        indexer: t.indexer,
        indexerId: t.indexerId,
        downloadClient: clientName,
        downloadClientId: t.downloadClientId,
        trackedDownloadId: t.id,
        releaseGroup: t.release.releaseGroup,
        guid: t.guid,
        infoHash: t.infoHash,
        protocol: t.protocol,
        size: t.size,
      },
    }));
    const patch = {
      status: 'failed' as const,
      statusMessages: [{ title: 'Download failed', messages: [reason] }],
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await new TrackedDownloadRepository(trx).update(t.id, patch);
      await new HistoryRepository(trx).insertMany(history);
      if (opts.blocklist !== false) await this.deps.blocklister.add(trx, blocklistEntryFor(t, reason, now));
    });
    let failed = applyPatch(t, patch);
    this.deps.log.warn({ trackedId: t.id, title: t.title, client: clientName, reason }, 'download failed');

    const settingRemove = resolved?.definition.settings.removeFailedDownloads;
    const remove = opts.removeFromClient ?? (typeof settingRemove === 'boolean' ? settingRemove : true);
    let removedFromClient = false;
    if (remove && resolved) {
      try {
        await resolved.client.remove(t.downloadId, true);
        removedFromClient = true;
      } catch (err) {
        this.deps.log.warn(
          { trackedId: t.id, client: clientName, errorType: (err as Error)?.name },
          'removing the failed download from the client failed',
        );
      }
    }
    if (removedFromClient || opts.leaveQueue) {
      const updated = await new TrackedDownloadRepository(this.deps.db).update(t.id, { status: 'removed' });
      if (updated) failed = updated;
    }
    const searchAgain = opts.searchAgain ?? this.deps.redownloadFailed ?? (await this.redownloadSetting());
    this.deps.events.emit('download.failed', {
      trackedDownload: failed,
      downloadClient: { id: t.downloadClientId, name: clientName },
      reason,
      searchAgain,
    });
    this.deps.events.emit(
      'queue.updated',
      failed.status === 'removed' ? { changed: [], removedIds: [t.id] } : { changed: [failed], removedIds: [] },
    );
    return failed;
  }

  private async redownloadSetting(): Promise<boolean> {
    if (!this.deps.handling) return true;
    try {
      return (await this.deps.handling()).redownloadFailed;
    } catch (err) {
      // The failure itself is recorded already; the search after it is the lesser loss.
      this.deps.log.warn({ err }, 'reading the download handling settings failed; not searching again');
      return false;
    }
  }
}

/** The blocklist of the decision engine (BlocklistRepository), bound to the caller's transaction. */
export const blocklistRepositoryAdapter = (
  make: (trx: Kysely<DB>) => { insert(entry: NewBlocklistEntry): Promise<unknown> },
): Blocklister => ({
  async add(trx, entry) {
    await make(trx).insert(entry);
  },
});
