// history rows <-> HistoryRecord: what happened to releases and files (grabbed, imported, failed, deleted,
// renamed, ignored). Paged newest first with filters on the indexed columns.
import type { Kysely, Selectable } from 'kysely';
import type { Page } from '../../domain/library/paging.types.js';
import type {
  HistoryEventType,
  HistoryRecord,
  NewHistoryRecord,
  QualityModel,
} from '../../services/downloads/download.types.js';
import type { DB, HistoryTable } from '../schema.js';
import { chunk, parseJson } from './library-query.util.js';

function toDomain(row: Selectable<HistoryTable>): HistoryRecord {
  return {
    id: row.id,
    eventType: row.event_type as HistoryEventType,
    date: row.date,
    sourceTitle: row.source_title,
    quality: parseJson<QualityModel>(row.quality),
    languages: parseJson(row.languages),
    customFormatScore: row.custom_format_score,
    movieId: row.movie_id,
    seriesId: row.series_id,
    episodeId: row.episode_id,
    downloadId: row.download_id,
    data: parseJson(row.data),
  };
}

function toRow(r: NewHistoryRecord) {
  return {
    event_type: r.eventType,
    date: r.date,
    source_title: r.sourceTitle,
    quality: JSON.stringify(r.quality),
    languages: JSON.stringify(r.languages),
    custom_format_score: r.customFormatScore,
    movie_id: r.movieId,
    series_id: r.seriesId,
    episode_id: r.episodeId,
    download_id: r.downloadId,
    data: JSON.stringify(r.data),
  };
}

export interface HistoryFilter {
  movieId?: number;
  seriesId?: number;
  episodeId?: number;
  eventType?: HistoryEventType;
  downloadId?: string;
}

export class HistoryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertMany(records: readonly NewHistoryRecord[]): Promise<HistoryRecord[]> {
    if (!records.length) return [];
    const out: HistoryRecord[] = [];
    for (const part of chunk(records, 200)) {
      const rows = await this.db.insertInto('history').values(part.map(toRow)).returningAll().execute();
      out.push(...rows.map(toDomain));
    }
    return out.sort((a, b) => a.id - b.id);
  }

  async page(
    req: { page: number; pageSize: number; sortDirection: 'ascending' | 'descending' },
    filter: HistoryFilter = {},
  ): Promise<Page<HistoryRecord, 'date'>> {
    let base = this.db.selectFrom('history');
    if (filter.movieId !== undefined) base = base.where('movie_id', '=', filter.movieId);
    if (filter.seriesId !== undefined) base = base.where('series_id', '=', filter.seriesId);
    if (filter.episodeId !== undefined) base = base.where('episode_id', '=', filter.episodeId);
    if (filter.eventType !== undefined) base = base.where('event_type', '=', filter.eventType);
    if (filter.downloadId !== undefined) base = base.where('download_id', '=', filter.downloadId);
    const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const dir = req.sortDirection === 'ascending' ? 'asc' : 'desc';
    const rows = await base
      .selectAll()
      .orderBy('date', dir)
      .orderBy('id', dir)
      .limit(req.pageSize)
      .offset((Math.max(1, req.page) - 1) * req.pageSize)
      .execute();
    return {
      page: req.page,
      pageSize: req.pageSize,
      sortKey: 'date',
      sortDirection: req.sortDirection,
      totalRecords: Number(count.n),
      records: rows.map(toDomain),
    };
  }

  /** `grabbed` records of these download ids (any client), for adopting downloads idkarr grabbed earlier. */
  async grabbedFor(downloadIds: readonly string[]): Promise<HistoryRecord[]> {
    const out: HistoryRecord[] = [];
    for (const part of chunk([...new Set(downloadIds)], 500)) {
      const rows = await this.db
        .selectFrom('history')
        .selectAll()
        .where('event_type', '=', 'grabbed')
        .where('download_id', 'in', part)
        .orderBy('id')
        .execute();
      out.push(...rows.map(toDomain));
    }
    return out;
  }
}
