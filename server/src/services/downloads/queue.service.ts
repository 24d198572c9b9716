// The queue as the API shows it: tracked downloads (with their movie or series + episodes, loaded in batches) and,
// after them, releases the decision engine holds back (pending_releases). Also removal from the queue and the
// after-import hook that removes completed downloads from the client.
import type { Kysely } from 'kysely';
import type { EpisodeRepository } from '../../db/repositories/episode.repository.js';
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import type { QueueSortKey, TrackedDownloadRepository } from '../../db/repositories/tracked-download.repository.js';
import type { DB } from '../../db/schema.js';
import type { Page } from '../../domain/library/paging.types.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { DownloadClientPort } from '../../providers/ports/download-client.port.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import type { QualityModel, StatusMessage, TrackedDownload, TrackedStatus } from './download.types.js';
import type { FailedDownloadService } from './failed-download.service.js';

export interface QueueRecord {
  id: number;
  /** `download` (tracked) or `pending` (held back by a delay profile; not sent to a client yet). */
  source: 'download' | 'pending';
  downloadClientId: number | null;
  downloadClient: string | null;
  downloadId: string | null;
  protocol: string;
  title: string;
  indexer: string | null;
  movieId: number | null;
  movie: { id: number; title: string; year: number } | null;
  seriesId: number | null;
  series: { id: number; title: string; year: number } | null;
  episodeIds: number[];
  episodes: Array<{ id: number; seasonNumber: number; episodeNumber: number; title: string | null }>;
  quality: QualityModel;
  languages: string[];
  customFormatScore: number;
  size: number;
  sizeleft: number;
  /** 0..100 */
  progress: number;
  /** `HH:MM:SS` (days as `D.HH:MM:SS`), null when unknown. */
  timeleft: string | null;
  estimatedCompletionTime: string | null;
  /** The client's normalised state, or `delay` for pending releases. */
  status: string;
  trackedDownloadStatus: 'ok' | 'warning' | 'error';
  trackedDownloadState: TrackedStatus | 'pending';
  statusMessages: StatusMessage[];
  errorMessage: string | null;
  outputPath: string | null;
  added: string;
}

export interface QueuePageRequest {
  page: number;
  pageSize: number;
  sortKey: QueueSortKey;
  sortDirection: 'ascending' | 'descending';
  includePending: boolean;
}

export interface QueueStatus {
  totalCount: number;
  count: number;
  pendingCount: number;
  errors: boolean;
  warnings: boolean;
  states: Partial<Record<TrackedStatus, number>>;
}

export interface QueueServiceDeps {
  db: Kysely<DB>;
  tracked: TrackedDownloadRepository;
  movies: Pick<MovieRepository, 'getMany'>;
  series: Pick<SeriesRepository, 'getMany'>;
  episodes: Pick<EpisodeRepository, 'getMany'>;
  clientDefinitions(): Promise<ProviderDefinition[]>;
  client(id: number): Promise<{ definition: ProviderDefinition; client: DownloadClientPort } | undefined>;
  failed: Pick<FailedDownloadService, 'fail'>;
  events: EventBus;
  clock: Clock;
  log: Logger;
}

export function formatTimeLeft(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  const s = Math.round(seconds);
  const days = Math.floor(s / 86_400);
  const hh = String(Math.floor((s % 86_400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${days ? `${days}.` : ''}${hh}:${mm}:${ss}`;
}

function trackedState(t: TrackedDownload): QueueRecord['trackedDownloadStatus'] {
  if (t.status === 'failed' || t.status === 'importBlocked') return 'error';
  if (t.statusMessages.length || t.clientStatus === 'warning') return 'warning';
  return 'ok';
}

export class QueueService {
  constructor(private readonly deps: QueueServiceDeps) {}

  async page(req: QueuePageRequest): Promise<Page<QueueRecord, QueueSortKey>> {
    const offset = (Math.max(1, req.page) - 1) * req.pageSize;
    const tracked = await this.deps.tracked.pageActive({
      offset,
      limit: req.pageSize,
      sortKey: req.sortKey,
      sortDirection: req.sortDirection,
    });
    let pendingTotal = 0;
    let pendingRows: Awaited<ReturnType<QueueService['pendingPage']>> = [];
    if (req.includePending) {
      pendingTotal = await this.pendingCount();
      const room = req.pageSize - tracked.records.length;
      const pendingOffset = Math.max(0, offset - tracked.total);
      if (room > 0 && pendingTotal > pendingOffset) pendingRows = await this.pendingPage(pendingOffset, room);
    }
    const records = await this.view(tracked.records, pendingRows);
    return {
      page: req.page,
      pageSize: req.pageSize,
      sortKey: req.sortKey,
      sortDirection: req.sortDirection,
      totalRecords: tracked.total + pendingTotal,
      records,
    };
  }

  async get(id: number): Promise<QueueRecord> {
    const t = await this.deps.tracked.get(id);
    if (!t || !['grabbed', 'downloading', 'completed', 'importPending', 'importBlocked', 'failed'].includes(t.status))
      throw new NotFoundError(`queue item ${id} not found`);
    const [record] = await this.view([t], []);
    return record as QueueRecord;
  }

  async status(): Promise<QueueStatus> {
    const counts = await this.deps.tracked.countByStatus();
    const pendingCount = await this.pendingCount();
    const count = [...counts.values()].reduce((a, b) => a + b, 0);
    const warningRows = await this.deps.db
      .selectFrom('tracked_downloads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['grabbed', 'downloading', 'completed', 'importPending'])
      .where((eb) => eb.or([eb('status_messages', '!=', '[]'), eb('client_status', '=', 'warning')]))
      .executeTakeFirstOrThrow();
    return {
      totalCount: count + pendingCount,
      count,
      pendingCount,
      errors: (counts.get('failed') ?? 0) + (counts.get('importBlocked') ?? 0) > 0,
      warnings: Number(warningRows.n) > 0,
      states: Object.fromEntries(counts),
    };
  }

  /**
   * Removes an entry from the queue: optionally from the client (with its data) and optionally blocklisting the
   * release (recorded as a failed download, so history shows it and a new search may follow).
   */
  async remove(
    id: number,
    opts: { removeFromClient: boolean; blocklist: boolean; skipRedownload: boolean },
  ): Promise<void> {
    if (id < 0) {
      const r = await this.deps.db.deleteFrom('pending_releases').where('id', '=', -id).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw new NotFoundError(`queue item ${id} not found`);
      this.deps.events.emit('queue.updated', { changed: [], removedIds: [id] });
      return;
    }
    const t = await this.deps.tracked.get(id);
    if (!t || t.status === 'removed' || t.status === 'imported' || t.status === 'ignored')
      throw new NotFoundError(`queue item ${id} not found`);
    if (opts.blocklist) {
      await this.deps.failed.fail(t, 'removed from the queue and blocklisted by the user', {
        removeFromClient: opts.removeFromClient,
        // Like Sonarr: skipRedownload can only veto the search; the "redownload failed" setting still decides.
        ...(opts.skipRedownload ? { searchAgain: false } : {}),
        leaveQueue: true,
      });
      return;
    }
    if (opts.removeFromClient) {
      const c = await this.deps.client(t.downloadClientId);
      if (!c)
        throw new ValidationError(
          `download client ${t.downloadClientId} is not available; remove without removeFromClient`,
        );
      await c.client.remove(t.downloadId, true);
    }
    await this.deps.tracked.update(id, { status: 'removed' });
    this.deps.events.emit('queue.updated', { changed: [], removedIds: [id] });
  }

  async removeMany(
    ids: readonly number[],
    opts: { removeFromClient: boolean; blocklist: boolean; skipRedownload: boolean },
  ): Promise<{ removed: number[]; failed: Array<{ id: number; message: string }> }> {
    const removed: number[] = [];
    const failed: Array<{ id: number; message: string }> = [];
    for (const id of new Set(ids)) {
      try {
        await this.remove(id, opts);
        removed.push(id);
      } catch (err) {
        failed.push({ id, message: (err as Error).message });
      }
    }
    return { removed, failed };
  }

  /**
   * The import hook (issue 7): a tracked download was imported. Marks it imported and, when the client's
   * `removeCompletedDownloads` is on and the client no longer needs the files (seeding done / usenet), removes it
   * from the client; otherwise lets the client apply its post-import category.
   */
  async onImported(trackedId: number): Promise<TrackedDownload> {
    const t = await this.deps.tracked.get(trackedId);
    if (!t) throw new NotFoundError(`tracked download ${trackedId} not found`);
    const updated = (await this.deps.tracked.update(trackedId, { status: 'imported', statusMessages: [] })) ?? t;
    this.deps.events.emit('queue.updated', { changed: [], removedIds: [trackedId] });
    const c = await this.deps.client(t.downloadClientId);
    if (!c) return updated;
    try {
      const removeSetting = c.definition.settings.removeCompletedDownloads;
      const item = await c.client.get(t.downloadId);
      const canRemove = item !== null && (t.protocol === 'usenet' || item.canMoveFiles);
      if (removeSetting !== false && canRemove) await c.client.remove(t.downloadId, true);
      else if (item) await c.client.markImported?.(t.downloadId);
    } catch (err) {
      this.deps.log.warn(
        { trackedId, client: c.definition.name, errorType: (err as Error)?.name },
        'post-import clean-up in the download client failed',
      );
    }
    return updated;
  }

  private async pendingCount(): Promise<number> {
    const r = await this.deps.db
      .selectFrom('pending_releases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  private pendingPage(offset: number, limit: number) {
    return this.deps.db
      .selectFrom('pending_releases')
      .selectAll()
      .orderBy('added')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  private async view(
    tracked: readonly TrackedDownload[],
    pending: Awaited<ReturnType<QueueService['pendingPage']>>,
  ): Promise<QueueRecord[]> {
    const movieIds = new Set<number>();
    const seriesIds = new Set<number>();
    const episodeIds = new Set<number>();
    const pendingParsed = pending.map((p) => ({ row: p, episodeIds: JSON.parse(p.episode_ids) as number[] }));
    for (const t of tracked) {
      if (t.movieId !== null) movieIds.add(t.movieId);
      if (t.seriesId !== null) seriesIds.add(t.seriesId);
      for (const e of t.episodeIds) episodeIds.add(e);
    }
    for (const p of pendingParsed) {
      if (p.row.movie_id !== null) movieIds.add(p.row.movie_id);
      if (p.row.series_id !== null) seriesIds.add(p.row.series_id);
      for (const e of p.episodeIds) episodeIds.add(e);
    }
    const [movies, series, episodes, clients] = await Promise.all([
      movieIds.size ? this.deps.movies.getMany([...movieIds]) : [],
      seriesIds.size ? this.deps.series.getMany([...seriesIds]) : [],
      episodeIds.size ? this.deps.episodes.getMany([...episodeIds]) : [],
      this.deps.clientDefinitions(),
    ]);
    const movieById = new Map(movies.map((m) => [m.id, { id: m.id, title: m.title, year: m.year }]));
    const seriesById = new Map(series.map((s) => [s.id, { id: s.id, title: s.title, year: s.year }]));
    const episodeById = new Map(
      episodes.map((e) => [
        e.id,
        { id: e.id, seasonNumber: e.seasonNumber, episodeNumber: e.episodeNumber, title: e.title },
      ]),
    );
    const clientName = new Map(clients.map((c) => [c.id, c.name]));
    const eps = (ids: readonly number[]) =>
      ids.map((id) => episodeById.get(id)).filter((e): e is NonNullable<typeof e> => e !== undefined);
    const now = this.deps.clock.now();
    const out: QueueRecord[] = tracked.map((t) => {
      const sizeleft = t.remainingSize ?? Math.round(t.size * (1 - t.progress));
      const failedMessage = t.status === 'failed' ? (t.statusMessages[0]?.messages[0] ?? 'download failed') : null;
      return {
        id: t.id,
        source: 'download',
        downloadClientId: t.downloadClientId,
        downloadClient: clientName.get(t.downloadClientId) ?? null,
        downloadId: t.downloadId,
        protocol: t.protocol,
        title: t.title,
        indexer: t.indexer,
        movieId: t.movieId,
        movie: t.movieId === null ? null : (movieById.get(t.movieId) ?? null),
        seriesId: t.seriesId,
        series: t.seriesId === null ? null : (seriesById.get(t.seriesId) ?? null),
        episodeIds: t.episodeIds,
        episodes: eps(t.episodeIds),
        quality: t.quality,
        languages: t.languages,
        customFormatScore: t.release.customFormatScore ?? 0,
        size: t.size,
        sizeleft,
        progress: Math.round(t.progress * 10_000) / 100,
        timeleft: formatTimeLeft(t.etaSeconds),
        estimatedCompletionTime: t.etaSeconds === null ? null : new Date(now + t.etaSeconds * 1000).toISOString(),
        status: t.clientStatus ?? 'queued',
        trackedDownloadStatus: trackedState(t),
        trackedDownloadState: t.status,
        statusMessages: t.statusMessages,
        errorMessage: failedMessage,
        outputPath: t.outputPath,
        added: t.added,
      };
    });
    for (const { row, episodeIds: ids } of pendingParsed) {
      const release = JSON.parse(row.release) as { protocol?: string; indexer?: string; size?: number } | null;
      out.push({
        id: -row.id,
        source: 'pending',
        downloadClientId: null,
        downloadClient: null,
        downloadId: null,
        protocol: release?.protocol ?? 'unknown',
        title: row.title,
        indexer: release?.indexer ?? null,
        movieId: row.movie_id,
        movie: row.movie_id === null ? null : (movieById.get(row.movie_id) ?? null),
        seriesId: row.series_id,
        series: row.series_id === null ? null : (seriesById.get(row.series_id) ?? null),
        episodeIds: ids,
        episodes: eps(ids),
        quality: { quality: row.quality, revision: { version: row.revision_version, real: row.revision_real } },
        languages: [],
        customFormatScore: row.custom_format_score,
        size: Number(release?.size ?? 0),
        sizeleft: Number(release?.size ?? 0),
        progress: 0,
        timeleft: null,
        estimatedCompletionTime: null,
        status: 'delay',
        trackedDownloadStatus: 'ok',
        trackedDownloadState: 'pending',
        statusMessages: [{ title: 'Pending', messages: [`held back: ${row.reason}`] }],
        errorMessage: null,
        outputPath: null,
        added: row.added,
      });
    }
    return out;
  }
}
