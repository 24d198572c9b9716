// Grab: sends an accepted release to the best download client for its protocol and records it atomically — the
// tracked download (queue entry) and the `grabbed` history rows in one transaction — then emits download.grabbed
// and queue.updated after the commit. A client rejection is an error for the caller, never a silent success. The
// same release is never sent twice: in-flight grabs hold a key per guid and info hash (concurrent grabs of one
// release: the first adds, the others get a ConflictError), and stored entries are checked before anything is sent.
import type { Kysely } from 'kysely';
import type { EpisodeRepository } from '../../db/repositories/episode.repository.js';
import { HistoryRepository } from '../../db/repositories/history.repository.js';
import { isUniqueViolation } from '../../db/repositories/library-query.util.js';
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import { TrackedDownloadRepository } from '../../db/repositories/tracked-download.repository.js';
import type { DB } from '../../db/schema.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import {
  AuthError,
  ConflictError,
  IdkarrError,
  NotFoundError,
  ServiceUnavailableError,
  ValidationError,
} from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { DownloadClientPort, DownloadSource, MediaType } from '../../providers/ports/download-client.port.js';
import type { ReleaseInfo } from '../../providers/ports/indexer.port.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import type { ClientSelector } from './client-selector.js';
import type { NewHistoryRecord, NewTrackedDownload, QualityModel, TrackedDownload } from './download.types.js';
import type { ReleaseFetcher } from './release-fetcher.js';

export const RECENT_DAYS = 14;

export interface GrabRequest {
  release: ReleaseInfo;
  movieId?: number;
  seriesId?: number;
  episodeIds?: number[];
  quality: QualityModel;
  languages?: string[];
  customFormatScore?: number;
  customFormats?: string[];
  releaseGroup?: string | null;
  /** Derived from the item when absent (movie, or the series type: anime/tv). */
  mediaType?: MediaType;
  /** Send to this client instead of choosing one. */
  downloadClientId?: number;
}

export interface GrabResult {
  trackedDownload: TrackedDownload;
  downloadClient: { id: number; name: string };
}

export interface GrabServiceDeps {
  db: Kysely<DB>;
  selector: ClientSelector;
  fetcher: Pick<ReleaseFetcher, 'fetch'>;
  movies: Pick<MovieRepository, 'get'>;
  series: Pick<SeriesRepository, 'get'>;
  episodes: Pick<EpisodeRepository, 'getMany'>;
  /** A specific client by id (for downloadClientId). */
  client(id: number): Promise<{ definition: ProviderDefinition; client: DownloadClientPort } | undefined>;
  health: { recordFailure(id: number, err: unknown): Promise<void>; recordSuccess(id: number): Promise<void> };
  events: EventBus;
  clock: Clock;
  log: Logger;
}

interface Target {
  movieId: number | null;
  seriesId: number | null;
  episodeIds: number[];
  tags: number[];
  mediaType: MediaType;
  isRecent: boolean;
}

/** Failures that say the client itself is in trouble (feed the provider backoff), not that it refused this release. */
const clientTrouble = (err: unknown) =>
  err instanceof AuthError || (err instanceof IdkarrError && err.retryable) || !(err instanceof IdkarrError);

export class GrabService {
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: GrabServiceDeps) {}

  async grab(req: GrabRequest): Promise<GrabResult> {
    const { release } = req;
    const target = await this.target(req);
    const keys = [`guid:${release.indexerId ?? ''}:${release.guid}`];
    const declaredHash = release.infoHash?.toUpperCase();
    if (declaredHash) keys.push(`hash:${declaredHash}`);
    this.claim(keys, release.title);
    try {
      await this.checkNotGrabbed(release.guid, release.indexerId, declaredHash ?? null, release.title);
      const chosen = await this.chooseClient(req, target);
      const { source, infoHash } = await this.source(release);
      if (infoHash && infoHash !== declaredHash) {
        this.claim([`hash:${infoHash}`], release.title);
        keys.push(`hash:${infoHash}`);
        await this.checkNotGrabbed(null, null, infoHash, release.title);
      }
      const { definition, client } = chosen;
      let downloadId: string;
      try {
        ({ downloadId } = await client.add({
          title: release.title,
          mediaType: target.mediaType,
          source,
          isRecent: target.isRecent,
          ...(release.minimumRatio !== undefined ? { seedRatio: release.minimumRatio } : {}),
          ...(release.minimumSeedTime !== undefined
            ? { seedTimeMinutes: Math.ceil(release.minimumSeedTime / 60) }
            : {}),
        }));
      } catch (err) {
        if (clientTrouble(err)) await this.deps.health.recordFailure(definition.id, err).catch(() => {});
        this.deps.log.warn(
          { client: definition.name, release: release.title, errorType: (err as Error)?.name },
          'download client refused the grab',
        );
        throw err;
      }
      const tracked = await this.record(req, target, definition, downloadId, infoHash ?? declaredHash ?? null);
      const downloadClient = { id: definition.id, name: definition.name };
      this.deps.events.emit('download.grabbed', {
        trackedDownload: tracked,
        downloadClient,
        release: { guid: release.guid, indexer: release.indexer, indexerId: release.indexerId },
      });
      this.deps.events.emit('queue.updated', { changed: [tracked], removedIds: [] });
      this.deps.log.info(
        { client: definition.name, release: release.title, downloadId, trackedId: tracked.id },
        'release grabbed',
      );
      return { trackedDownload: tracked, downloadClient };
    } finally {
      for (const k of keys) this.inFlight.delete(k);
    }
  }

  private claim(keys: readonly string[], title: string): void {
    if (keys.some((k) => this.inFlight.has(k))) throw new ConflictError(`"${title}" is being grabbed already`);
    for (const k of keys) this.inFlight.add(k);
  }

  private async checkNotGrabbed(
    guid: string | null,
    indexerId: number | null,
    infoHash: string | null,
    title: string,
  ): Promise<void> {
    const repo = new TrackedDownloadRepository(this.deps.db);
    const dupes = await repo.findDuplicates({ guid, indexerId, infoHash });
    if (dupes.length)
      throw new ConflictError(`"${title}" was grabbed already (queue entry ${dupes[0]?.id}, ${dupes[0]?.status})`);
  }

  private async chooseClient(req: GrabRequest, target: Target) {
    if (req.downloadClientId !== undefined) {
      const c = await this.deps.client(req.downloadClientId);
      if (!c) throw new NotFoundError(`download client ${req.downloadClientId} not found or not available`);
      if (c.client.protocol !== req.release.protocol)
        throw new ValidationError(
          `download client ${c.definition.name} does not take ${req.release.protocol} releases`,
        );
      return c;
    }
    const chosen = await this.deps.selector.select(req.release.protocol, target.tags);
    if (!chosen)
      throw new ServiceUnavailableError(
        `no enabled, available ${req.release.protocol} download client${target.tags.length ? ' for the item’s tags' : ''}`,
      );
    return chosen;
  }

  private async source(release: ReleaseInfo): Promise<{ source: DownloadSource; infoHash: string | null }> {
    const url = release.downloadUrl || release.magnetUrl;
    if (!url) throw new ValidationError('the release has no download link');
    try {
      const fetched = await this.deps.fetcher.fetch(url, release.protocol);
      if (fetched.kind === 'magnet')
        return { source: { kind: 'magnet', uri: fetched.uri }, infoHash: fetched.infoHash };
      if (fetched.kind === 'torrentFile')
        return {
          source: { kind: 'torrentFile', data: fetched.data, fileName: `${safeName(release.title)}.torrent` },
          infoHash: fetched.infoHash,
        };
      return {
        source: { kind: 'nzbFile', data: fetched.data, fileName: `${safeName(release.title)}.nzb` },
        infoHash: null,
      };
    } catch (err) {
      // The .torrent link failed but the indexer also gave a magnet: use it.
      if (release.protocol === 'torrent' && release.magnetUrl && url !== release.magnetUrl) {
        this.deps.log.warn(
          { release: release.title, errorType: (err as Error)?.name },
          'torrent link failed; using the magnet',
        );
        const f = await this.deps.fetcher.fetch(release.magnetUrl, 'torrent');
        if (f.kind === 'magnet') return { source: { kind: 'magnet', uri: f.uri }, infoHash: f.infoHash };
      }
      throw err;
    }
  }

  private async record(
    req: GrabRequest,
    target: Target,
    definition: ProviderDefinition,
    downloadId: string,
    infoHash: string | null,
  ): Promise<TrackedDownload> {
    const { release } = req;
    const now = new Date(this.deps.clock.now()).toISOString();
    const entry: NewTrackedDownload = {
      downloadClientId: definition.id,
      downloadId,
      protocol: release.protocol,
      title: release.title,
      indexer: release.indexer,
      indexerId: release.indexerId,
      guid: release.guid,
      infoHash,
      size: release.size,
      remainingSize: release.size || null,
      progress: 0,
      etaSeconds: null,
      clientStatus: null,
      quality: req.quality,
      languages: req.languages ?? [],
      release: {
        guid: release.guid,
        infoHash,
        releaseGroup: req.releaseGroup ?? null,
        customFormatScore: req.customFormatScore ?? 0,
        customFormats: req.customFormats ?? [],
        publishDate: release.publishDate ?? null,
        downloadUrl: release.downloadUrl ?? null,
      },
      mediaType: target.mediaType,
      movieId: target.movieId,
      seriesId: target.seriesId,
      episodeIds: target.episodeIds,
      status: 'grabbed',
      statusMessages: [],
      outputPath: null,
      added: now,
      lastSeen: null,
      lastProgressAt: now,
      lastProgress: release.size || null,
      seedRatio: release.minimumRatio ?? null,
      seedTimeMinutes: release.minimumSeedTime === undefined ? null : Math.ceil(release.minimumSeedTime / 60),
      importAttempts: 0,
    };
    try {
      return await this.deps.db.transaction().execute(async (trx) => {
        const tracked = await new TrackedDownloadRepository(trx).insert(entry);
        await new HistoryRepository(trx).insertMany(grabbedHistory(tracked, definition, req, now));
        return tracked;
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new ConflictError(`${definition.name} download ${downloadId} is already in the queue`);
      throw err;
    }
  }

  private async target(req: GrabRequest): Promise<Target> {
    const now = this.deps.clock.now();
    const recent = (day: string | null | undefined) => {
      if (!day) return false;
      const t = Date.parse(day);
      return Number.isFinite(t) && t <= now + 86_400_000 && now - t <= RECENT_DAYS * 86_400_000;
    };
    if (req.movieId !== undefined) {
      if (req.seriesId !== undefined || req.episodeIds?.length)
        throw new ValidationError('a grab is for a movie or for episodes, not both');
      const movie = await this.deps.movies.get(req.movieId);
      if (!movie) throw new NotFoundError(`movie ${req.movieId} not found`);
      return {
        movieId: movie.id,
        seriesId: null,
        episodeIds: [],
        tags: movie.tags,
        mediaType: req.mediaType ?? 'movie',
        isRecent: [movie.inCinemas, movie.digitalRelease, movie.physicalRelease].some(recent),
      };
    }
    if (req.seriesId === undefined || !req.episodeIds?.length)
      throw new ValidationError('a grab needs movieId, or seriesId with episodeIds');
    const series = await this.deps.series.get(req.seriesId);
    if (!series) throw new NotFoundError(`series ${req.seriesId} not found`);
    const episodes = await this.deps.episodes.getMany(req.episodeIds);
    const missing = req.episodeIds.filter((id) => !episodes.some((e) => e.id === id && e.seriesId === series.id));
    if (missing.length) throw new NotFoundError(`episodes not found in series ${series.id}: ${missing.join(', ')}`);
    return {
      movieId: null,
      seriesId: series.id,
      episodeIds: [...new Set(req.episodeIds)],
      tags: series.tags,
      mediaType: req.mediaType ?? (series.seriesType === 'anime' ? 'anime' : 'tv'),
      isRecent: episodes.some((e) => recent(e.airDateUtc ?? e.airDate)),
    };
  }
}

function safeName(title: string): string {
  return title.replace(/[^\w.\- ()[\]]+/g, '_').slice(0, 200) || 'release';
}

/** One `grabbed` row per episode (one for a movie), like Sonarr/Radarr. */
export function grabbedHistory(
  tracked: TrackedDownload,
  client: { id: number; name: string },
  req: Pick<GrabRequest, 'release'>,
  date: string,
): NewHistoryRecord[] {
  const base = {
    eventType: 'grabbed' as const,
    date,
    sourceTitle: tracked.title,
    quality: tracked.quality,
    languages: tracked.languages,
    customFormatScore: tracked.release.customFormatScore,
    movieId: tracked.movieId,
    seriesId: tracked.seriesId,
    downloadId: tracked.downloadId,
    data: {
      indexer: tracked.indexer,
      indexerId: tracked.indexerId,
      downloadClient: client.name,
      downloadClientId: client.id,
      trackedDownloadId: tracked.id,
      releaseGroup: tracked.release.releaseGroup,
      guid: tracked.guid,
      infoHash: tracked.infoHash,
      protocol: tracked.protocol,
      size: tracked.size,
      downloadUrl: req.release.downloadUrl,
      publishedDate: req.release.publishDate,
    },
  };
  if (tracked.episodeIds.length === 0) return [{ ...base, episodeId: null }];
  return tracked.episodeIds.map((episodeId) => ({ ...base, episodeId }));
}
