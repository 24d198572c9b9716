// tracked_downloads rows <-> TrackedDownload: the queue. One row per (download client, download id); the tracker
// reads a client's active rows once per poll and writes every change of a poll in one transaction.
import { type Kysely, type RawBuilder, type Selectable, sql, type Updateable } from 'kysely';
import type { DownloadProtocol, DownloadStatus, MediaType } from '../../providers/ports/download-client.port.js';
import {
  ACTIVE_STATUSES,
  DEDUPE_STATUSES,
  type NewTrackedDownload,
  type QualityModel,
  type TrackedDownload,
  type TrackedDownloadUpdate,
  type TrackedStatus,
} from '../../services/downloads/download.types.js';
import type { DB, TrackedDownloadsTable } from '../schema.js';
import { chunk, inTransaction, parseJson } from './library-query.util.js';

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function toDomain(row: Selectable<TrackedDownloadsTable>): TrackedDownload {
  return {
    id: row.id,
    downloadClientId: row.download_client_id,
    downloadId: row.download_id,
    protocol: row.protocol as DownloadProtocol,
    title: row.title,
    indexer: row.indexer,
    indexerId: row.indexer_id,
    guid: row.guid,
    infoHash: row.info_hash,
    size: Number(row.size),
    remainingSize: num(row.remaining_size),
    progress: Number(row.progress),
    etaSeconds: row.eta_seconds,
    clientStatus: row.client_status as DownloadStatus | null,
    quality: parseJson<QualityModel>(row.quality),
    languages: parseJson(row.languages),
    release: parseJson(row.release),
    mediaType: row.media_type as MediaType,
    movieId: row.movie_id,
    seriesId: row.series_id,
    episodeIds: parseJson(row.episode_ids),
    status: row.status as TrackedStatus,
    statusMessages: parseJson(row.status_messages),
    outputPath: row.output_path,
    added: row.added,
    lastSeen: row.last_seen,
    lastProgressAt: row.last_progress_at,
    lastProgress: num(row.last_progress),
    seedRatio: row.seed_ratio === null ? null : Number(row.seed_ratio),
    seedTimeMinutes: row.seed_time_minutes,
    importAttempts: row.import_attempts,
  };
}

function toRow(t: NewTrackedDownload) {
  return {
    download_client_id: t.downloadClientId,
    download_id: t.downloadId,
    protocol: t.protocol,
    title: t.title,
    indexer: t.indexer,
    indexer_id: t.indexerId,
    guid: t.guid,
    info_hash: t.infoHash?.toLowerCase() ?? null,
    size: t.size,
    remaining_size: t.remainingSize,
    progress: t.progress,
    eta_seconds: t.etaSeconds,
    client_status: t.clientStatus,
    quality: JSON.stringify(t.quality),
    languages: JSON.stringify(t.languages),
    release: JSON.stringify(t.release),
    media_type: t.mediaType,
    movie_id: t.movieId,
    series_id: t.seriesId,
    episode_ids: JSON.stringify(t.episodeIds),
    status: t.status,
    status_messages: JSON.stringify(t.statusMessages),
    output_path: t.outputPath,
    added: t.added,
    last_seen: t.lastSeen,
    last_progress_at: t.lastProgressAt,
    last_progress: t.lastProgress,
    seed_ratio: t.seedRatio,
    seed_time_minutes: t.seedTimeMinutes,
    import_attempts: t.importAttempts,
  };
}

function patchRow(p: TrackedDownloadUpdate) {
  const out: Updateable<TrackedDownloadsTable> = {};
  if (p.remainingSize !== undefined) out.remaining_size = p.remainingSize;
  if (p.progress !== undefined) out.progress = p.progress;
  if (p.etaSeconds !== undefined) out.eta_seconds = p.etaSeconds;
  if (p.clientStatus !== undefined) out.client_status = p.clientStatus;
  if (p.status !== undefined) out.status = p.status;
  if (p.statusMessages !== undefined) out.status_messages = JSON.stringify(p.statusMessages);
  if (p.outputPath !== undefined) out.output_path = p.outputPath;
  if (p.lastSeen !== undefined) out.last_seen = p.lastSeen;
  if (p.lastProgressAt !== undefined) out.last_progress_at = p.lastProgressAt;
  if (p.lastProgress !== undefined) out.last_progress = p.lastProgress;
  if (p.size !== undefined) out.size = p.size;
  if (p.importAttempts !== undefined) out.import_attempts = p.importAttempts;
  return out;
}

export type QueueSortKey = 'added' | 'title' | 'progress' | 'size' | 'status';
const SORT_COLUMNS: Record<QueueSortKey, 'added' | 'title' | 'progress' | 'size' | 'status'> = {
  added: 'added',
  title: 'title',
  progress: 'progress',
  size: 'size',
  status: 'status',
};

export interface DuplicateProbe {
  guid: string | null;
  indexerId: number | null;
  infoHash: string | null;
}

export class TrackedDownloadRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(t: NewTrackedDownload): Promise<TrackedDownload> {
    return toDomain(
      await this.db.insertInto('tracked_downloads').values(toRow(t)).returningAll().executeTakeFirstOrThrow(),
    );
  }

  async get(id: number): Promise<TrackedDownload | undefined> {
    const row = await this.db.selectFrom('tracked_downloads').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  async getMany(ids: readonly number[]): Promise<TrackedDownload[]> {
    const out: TrackedDownload[] = [];
    for (const part of chunk([...new Set(ids)], 500)) {
      const rows = await this.db.selectFrom('tracked_downloads').selectAll().where('id', 'in', part).execute();
      out.push(...rows.map(toDomain));
    }
    return out.sort((a, b) => a.id - b.id);
  }

  async findByDownloadId(clientId: number, downloadId: string): Promise<TrackedDownload | undefined> {
    const row = await this.db
      .selectFrom('tracked_downloads')
      .selectAll()
      .where('download_client_id', '=', clientId)
      .where('download_id', '=', downloadId)
      .executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  /** Rows the tracker polls for one client. */
  async activeForClient(clientId: number): Promise<TrackedDownload[]> {
    const rows = await this.db
      .selectFrom('tracked_downloads')
      .selectAll()
      .where('download_client_id', '=', clientId)
      .where('status', 'in', ACTIVE_STATUSES)
      .orderBy('id')
      .execute();
    return rows.map(toDomain);
  }

  /** Rows (grabbed, queued, or already imported) that carry the same release: guid on the same indexer or info hash. */
  async findDuplicates(probe: DuplicateProbe): Promise<TrackedDownload[]> {
    const hash = probe.infoHash?.toLowerCase() ?? null;
    if (!probe.guid && !hash) return [];
    const rows = await this.db
      .selectFrom('tracked_downloads')
      .selectAll()
      .where('status', 'in', DEDUPE_STATUSES)
      .where((eb) => {
        const ors = [];
        if (probe.guid) {
          const byIndexer =
            probe.indexerId === null ? eb('indexer_id', 'is', null) : eb('indexer_id', '=', probe.indexerId);
          ors.push(eb.and([eb('guid', '=', probe.guid), byIndexer]));
        }
        if (hash) ors.push(eb('info_hash', '=', hash));
        return eb.or(ors);
      })
      .execute();
    return rows.map(toDomain);
  }

  /**
   * Applies every change of a poll in one transaction: one UPDATE per chunk of rows, each changed column set with
   * `CASE id WHEN … THEN … ELSE column END`, so a poll of 1,000 changed downloads is a handful of statements.
   */
  async updateMany(changes: ReadonlyArray<{ id: number; patch: TrackedDownloadUpdate }>): Promise<void> {
    const rows = changes.map((c) => ({ id: c.id, set: patchRow(c.patch) })).filter((r) => Object.keys(r.set).length);
    if (!rows.length) return;
    await inTransaction(this.db, async (trx) => {
      for (const part of chunk(rows, 100)) {
        const columns = [
          ...new Set(part.flatMap((r) => Object.keys(r.set))),
        ] as (keyof Updateable<TrackedDownloadsTable>)[];
        const set: Record<string, RawBuilder<unknown>> = {};
        for (const column of columns) {
          const whens = part
            .filter((r) => r.set[column] !== undefined)
            .map((r) => sql`when ${r.id} then ${r.set[column] as unknown}`);
          set[column] = sql`case ${sql.ref('id')} ${sql.join(whens, sql` `)} else ${sql.ref(column)} end`;
        }
        await trx
          .updateTable('tracked_downloads')
          .set(set as Updateable<TrackedDownloadsTable>)
          .where(
            'id',
            'in',
            part.map((r) => r.id),
          )
          .execute();
      }
    });
  }

  async update(id: number, patch: TrackedDownloadUpdate): Promise<TrackedDownload | undefined> {
    const set = patchRow(patch);
    if (Object.keys(set).length === 0) return this.get(id);
    const row = await this.db
      .updateTable('tracked_downloads')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  /** Active rows, one page, with the count. */
  async pageActive(req: {
    offset: number;
    limit: number;
    sortKey: QueueSortKey;
    sortDirection: 'ascending' | 'descending';
  }): Promise<{ total: number; records: TrackedDownload[] }> {
    const base = this.db.selectFrom('tracked_downloads').where('status', 'in', ACTIVE_STATUSES);
    const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const dir = req.sortDirection === 'ascending' ? 'asc' : 'desc';
    const rows =
      req.limit <= 0
        ? []
        : await base
            .selectAll()
            .orderBy(SORT_COLUMNS[req.sortKey], dir)
            .orderBy('id', dir)
            .limit(req.limit)
            .offset(req.offset)
            .execute();
    return { total: Number(count.n), records: rows.map(toDomain) };
  }

  async countByStatus(): Promise<Map<TrackedStatus, number>> {
    const rows = await this.db
      .selectFrom('tracked_downloads')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ACTIVE_STATUSES)
      .groupBy('status')
      .execute();
    return new Map(rows.map((r) => [r.status as TrackedStatus, Number(r.n)]));
  }

  /** Active rows for any of these movies or episodes (the decision engine's queue lookup). */
  async activeForItems(items: {
    movieIds: readonly number[];
    episodeIds: readonly number[];
  }): Promise<TrackedDownload[]> {
    const out = new Map<number, TrackedDownload>();
    for (const part of chunk([...new Set(items.movieIds)], 500)) {
      const rows = await this.db
        .selectFrom('tracked_downloads')
        .selectAll()
        .where(
          'status',
          'in',
          DEDUPE_STATUSES.filter((s) => s !== 'imported'),
        )
        .where('movie_id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, toDomain(r));
    }
    if (items.episodeIds.length) {
      const wanted = new Set(items.episodeIds);
      const rows = await this.db
        .selectFrom('tracked_downloads')
        .selectAll()
        .where(
          'status',
          'in',
          DEDUPE_STATUSES.filter((s) => s !== 'imported'),
        )
        .where('series_id', 'is not', null)
        .execute();
      for (const r of rows) {
        const t = toDomain(r);
        if (t.episodeIds.some((e) => wanted.has(e))) out.set(t.id, t);
      }
    }
    return [...out.values()];
  }
}
