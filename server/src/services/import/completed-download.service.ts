// Completed download handling (issue 7 item 1): on `download.completed` (and ProcessCompletedDownloads for
// retries) the download's local folder is checked (inside the allowed folders, reachable, readable), its video
// files are matched and checked, and the accepted ones imported. Anything that cannot be imported leaves the
// download in `importBlocked` with one clear message per cause; nothing in the download is deleted then.
import type { HistoryRepository } from '../../db/repositories/history.repository.js';
import type { TrackedDownloadRepository } from '../../db/repositories/tracked-download.repository.js';
import type { NamingConfig } from '../../domain/naming/naming.types.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { StatusMessage, TrackedDownload } from '../downloads/download.types.js';
import { PATH_NOT_FOUND_TITLE } from '../downloads/tracking.rules.js';
import { describeFsError, errno, type FsPort } from './fs-port.js';
import type { HardlinkHealth } from './hardlink-health.js';
import type { ImportCandidate, ImportOutcome, ImportSettings, TransferMode } from './import.types.js';
import type { ImportDecider } from './import-decider.js';
import { failedOutcome, type ImportContext, type MediaImporter } from './media-importer.js';
import { guardPath } from './path-guard.js';

export const PROCESSABLE = ['completed', 'importPending', 'importBlocked'] as const;

export interface CompletedDownloadDeps {
  decider: ImportDecider;
  importer: MediaImporter;
  settings(): Promise<ImportSettings>;
  naming(): Promise<NamingConfig>;
  tracked: Pick<TrackedDownloadRepository, 'get' | 'update' | 'pageActive'>;
  history: Pick<HistoryRepository, 'insertMany'>;
  /** Name and host of a download client (null when it is gone). */
  client(id: number): Promise<{ name: string; host: string } | null>;
  /** Local paths of the remote path mappings (allowed import sources). */
  mappedFolders(): Promise<string[]>;
  /** The downloads work's hook: marks imported and removes from the client when configured. */
  markImported(trackedId: number): Promise<unknown>;
  hardlinks: HardlinkHealth;
  events: EventBus;
  fs: FsPort;
  clock: Clock;
  log: Logger;
}

export interface ProcessResult {
  trackedDownloadId: number;
  status: 'imported' | 'importBlocked' | 'skipped';
  imported: ImportOutcome[];
  messages: StatusMessage[];
}

export function transferModeFor(protocol: string, settings: ImportSettings): TransferMode {
  if (protocol === 'torrent') return settings.copyUsingHardlinks ? 'hardlink' : 'copy';
  return 'move';
}

export class CompletedDownloadService {
  /** One import at a time: a download is never processed twice concurrently, and disk I/O stays sequential. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: CompletedDownloadDeps) {}

  /** Queues processing of one tracked download. */
  process(trackedId: number): Promise<ProcessResult> {
    const run = this.chain.then(() => this.processNow(trackedId));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Every tracked download waiting for import (or the given ones). */
  async processPending(ids?: readonly number[]): Promise<ProcessResult[]> {
    let targets = ids ? [...ids] : [];
    if (!ids) {
      const active = await this.deps.tracked.pageActive({
        offset: 0,
        limit: 5000,
        sortKey: 'added',
        sortDirection: 'ascending',
      });
      targets = active.records
        .filter((t) => (PROCESSABLE as readonly string[]).includes(t.status))
        .filter((t) => !t.statusMessages.some((m) => m.title === PATH_NOT_FOUND_TITLE))
        .map((t) => t.id);
    }
    const out: ProcessResult[] = [];
    for (const id of targets) out.push(await this.process(id));
    return out;
  }

  private async processNow(trackedId: number): Promise<ProcessResult> {
    const t = await this.deps.tracked.get(trackedId);
    const skipped = (messages: StatusMessage[] = []): ProcessResult => ({
      trackedDownloadId: trackedId,
      status: 'skipped',
      imported: [],
      messages,
    });
    if (!t || !(PROCESSABLE as readonly string[]).includes(t.status)) return skipped();
    try {
      return await this.handle(t);
    } catch (err) {
      this.deps.log.error({ err, trackedId }, 'import of a completed download failed');
      return this.block(t, [{ title: 'Import failed', messages: [(err as Error).message] }], []);
    }
  }

  private async handle(t: TrackedDownload): Promise<ProcessResult> {
    const { fs } = this.deps;
    const settings = await this.deps.settings();
    const client = await this.deps.client(t.downloadClientId);
    const clientName = client?.name ?? `download client ${t.downloadClientId}`;
    if (!t.outputPath)
      return this.block(t, [
        {
          title: 'No output path',
          messages: [`${clientName} did not report where the files of ${t.title} are; nothing was imported`],
        },
      ]);
    const folder = t.outputPath;
    const allowed = [...settings.downloadFolders, ...(await this.deps.mappedFolders())];
    const guard = await guardPath(fs, folder, allowed, { what: 'download folder' });
    if (!guard.ok) return this.block(t, [{ title: 'Refused path', messages: [guard.reason] }]);
    try {
      await fs.stat(folder);
    } catch (err) {
      const code = errno(err);
      if (code === 'ENOENT' || code === 'ENOTDIR')
        return this.block(t, [
          {
            title: PATH_NOT_FOUND_TITLE,
            messages: [
              `idkarr cannot see ${folder}: add a remote path mapping for host ${client?.host || '(the client host)'} (Settings → Download clients → Remote path mappings) if ${clientName} runs on another machine or in a container, and check that idkarr can read that folder`,
            ],
          },
        ]);
      return this.block(t, [
        { title: 'Cannot read the download', messages: [describeFsError(err, 'reading', folder)] },
      ]);
    }

    const mode = transferModeFor(t.protocol, settings);
    const decision = await this.deps.decider.decide({ folder, settings, tracked: t, mode });
    const problems: StatusMessage[] = decision.problem
      ? [{ title: 'Cannot read the download', messages: [decision.problem] }]
      : [];
    if (!decision.candidates.length) {
      const others = decision.otherFiles;
      const samples = decision.skipped.map((s) => s.rejections[0]?.reason ?? s.relativePath);
      return this.block(t, [
        ...problems,
        {
          title: 'No video files',
          messages: [
            `no importable video file in ${folder}${others.length ? ` (found ${others.length} other file(s): ${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''})` : ' (the folder is empty)'}; the download was left untouched`,
            ...samples,
          ],
        },
      ]);
    }
    // A pack with files that cannot be matched is blocked as a whole: importing part of it and letting the
    // client remove the rest is how packs lose episodes.
    const unmatched = decision.candidates.filter((c) => !c.target);
    if (unmatched.length && decision.candidates.length > 1) {
      return this.block(t, [
        ...problems,
        {
          title: 'Pack not fully matched',
          messages: [
            `${unmatched.length} of ${decision.candidates.length} files could not be matched; nothing was imported so the pack stays whole. Import the files in manual import.`,
          ],
        },
        ...perFile(unmatched),
      ]);
    }
    const naming = await this.deps.naming();
    const ctx: ImportContext = { mode, naming, settings, download: { tracked: t, clientName } };
    const outcomes: ImportOutcome[] = [];
    const notImported: ImportCandidate[] = [];
    let fatal = false;
    for (const c of decision.candidates) {
      if (c.rejections.length || !c.target) {
        notImported.push(c);
        continue;
      }
      const target = await this.deps.decider.resolveFor(c);
      if (!target) {
        c.rejections.push({ reason: 'the item is no longer in the library', type: 'permanent' });
        notImported.push(c);
        continue;
      }
      let outcome: ImportOutcome;
      try {
        outcome = await this.deps.importer.importFile(c, target, ctx);
      } catch (err) {
        outcome = failedOutcome(c.path, err);
        fatal = true;
      }
      outcomes.push(outcome);
      if (outcome.fellBackToCopy) this.deps.hardlinks.recordFallback(folder, outcome.destination ?? '');
      if (!outcome.imported) {
        c.rejections.push(...outcome.rejections);
        notImported.push(c);
      }
    }
    const imported = outcomes.filter((o) => o.imported);
    // "Already imported" files count as done; everything else keeps the download waiting.
    const waiting = notImported.filter(
      (c) => fatal || !c.rejections.every((r) => /already imported|already a library file/.test(r.reason)),
    );
    if (!waiting.length && (imported.length || notImported.length)) {
      await this.deps.markImported(t.id);
      return { trackedDownloadId: t.id, status: 'imported', imported, messages: [] };
    }
    return this.block(t, [...problems, ...perFile(waiting)], imported);
  }

  /**
   * The user gives up on importing a download (Sonarr's "ignore"): it leaves the queue as `ignored`, nothing on
   * disk is touched, and `downloadIgnored` history says so.
   */
  async ignore(trackedId: number, reason = 'ignored by the user'): Promise<TrackedDownload> {
    const t = await this.deps.tracked.get(trackedId);
    if (!t) throw new NotFoundError(`tracked download ${trackedId} not found`);
    const now = new Date(this.deps.clock.now()).toISOString();
    const updated = (await this.deps.tracked.update(trackedId, { status: 'ignored', statusMessages: [] })) ?? t;
    await this.deps.history.insertMany(
      (t.episodeIds.length ? t.episodeIds : [null]).map((episodeId) => ({
        eventType: 'downloadIgnored' as const,
        date: now,
        sourceTitle: t.title,
        quality: t.quality,
        languages: t.languages,
        customFormatScore: t.release.customFormatScore ?? 0,
        movieId: t.movieId,
        seriesId: t.seriesId,
        episodeId,
        downloadId: t.downloadId,
        data: { reason, trackedDownloadId: t.id, downloadClientId: t.downloadClientId, indexer: t.indexer },
      })),
    );
    this.deps.events.emit('queue.updated', { changed: [], removedIds: [trackedId] });
    return updated;
  }

  private async block(
    t: TrackedDownload,
    messages: StatusMessage[],
    imported: ImportOutcome[] = [],
  ): Promise<ProcessResult> {
    const same = t.status === 'importBlocked' && JSON.stringify(t.statusMessages) === JSON.stringify(messages);
    if (!same) {
      const updated = await this.deps.tracked.update(t.id, { status: 'importBlocked', statusMessages: messages });
      if (updated) this.deps.events.emit('queue.updated', { changed: [updated], removedIds: [] });
    }
    this.deps.log.info(
      { trackedId: t.id, title: t.title, reasons: messages.flatMap((m) => m.messages).slice(0, 10) },
      'import blocked',
    );
    return { trackedDownloadId: t.id, status: 'importBlocked', imported, messages };
  }
}

function perFile(candidates: readonly ImportCandidate[]): StatusMessage[] {
  return candidates.map((c) => ({ title: c.relativePath, messages: c.rejections.map((r) => r.reason) }));
}
