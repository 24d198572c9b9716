// series, seasons and series_alternative_titles. Lists are paged in SQL (one count + one page query); statistics
// for any number of series come from one grouped query over episodes, never a query per series.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Page, PageRequest } from '../../domain/library/paging.types.js';
import type {
  NewSeries,
  Season,
  Series,
  SeriesAlternativeTitle,
  SeriesStatus,
  SeriesType,
} from '../../domain/library/series.types.js';
import type { SeasonStatistics } from '../../domain/library/series-statistics.js';
import { ConflictError } from '../../lib/errors.js';
import type { DB } from '../schema.js';
import {
  type LibraryFilter,
  type ListJsonRow,
  listJsonSlice,
  listRows,
  pageRows,
  sharedConditions,
} from './library-list.sql.js';
import { bool, chunk, inTransaction, isUniqueViolation, type SortColumn } from './library-query.util.js';
import { SeasonStatisticsStore } from './season-statistics.store.js';
import { seriesJson } from './series-json.mapper.js';
import { seriesFromRow, seriesToRow } from './series-row.mapper.js';

export const SERIES_SORT_KEYS = {
  title: { column: 'series.sort_title' },
  sortTitle: { column: 'series.sort_title' },
  year: { column: 'series.year' },
  added: { column: 'series.added' },
  path: { column: 'series.path' },
  runtime: { column: 'series.runtime' },
  status: { column: 'series.status' },
  seriesType: { column: 'series.series_type' },
  qualityProfileId: { column: 'series.quality_profile_id' },
  network: { column: 'series.network', nullable: true },
  tvdbId: { column: 'series.tvdb_id', nullable: true },
  nextAiring: { column: 'series.next_airing', nullable: true },
  previousAiring: { column: 'series.previous_airing', nullable: true },
} satisfies Record<string, SortColumn>;
export type SeriesSortKey = keyof typeof SERIES_SORT_KEYS;

/** One series of the unpaginated list: its keyset position and its API JSON. */
export type SeriesJsonRow = ListJsonRow;

export interface SeriesFilter extends LibraryFilter {
  status?: SeriesStatus;
  seriesType?: SeriesType;
  /** Only series with a monitored episode without a file that aired before this ISO instant. */
  missingBefore?: string;
}

function where(eb: ExpressionBuilder<DB, 'series'>, f: SeriesFilter) {
  const c = sharedConditions(eb, 'series', f);
  if (f.seriesType !== undefined) c.push(eb('series.series_type', '=', f.seriesType));
  if (f.missingBefore !== undefined) {
    c.push(
      eb.exists(
        eb
          .selectFrom('episodes as e')
          .select(sql.lit(1).as('one'))
          .whereRef('e.series_id', '=', 'series.id')
          .where('e.monitored', '=', 1)
          .where('e.episode_file_id', 'is', null)
          .where('e.air_date_utc', '<=', f.missingBefore),
      ),
    );
  }
  return eb.and(c);
}

export class SeriesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  transaction<T>(fn: (repo: SeriesRepository) => Promise<T>): Promise<T> {
    return inTransaction(this.db, (trx) => fn(new SeriesRepository(trx)));
  }

  async insert(series: NewSeries): Promise<Series> {
    try {
      const row = await this.db
        .insertInto('series')
        .values(seriesToRow(series))
        .returningAll()
        .executeTakeFirstOrThrow();
      return seriesFromRow(row);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(conflictMessage(series));
      throw err;
    }
  }

  async update(id: number, series: NewSeries): Promise<Series | undefined> {
    try {
      const row = await this.db
        .updateTable('series')
        .set(seriesToRow(series))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? seriesFromRow(row) : undefined;
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(conflictMessage(series));
      throw err;
    }
  }

  /** Bulk edit of the user's fields (series editor). */
  async updateMany(
    ids: readonly number[],
    patch: Partial<Pick<Series, 'monitored' | 'qualityProfileId' | 'seriesType' | 'seasonFolder' | 'tags'>>,
  ): Promise<number> {
    const set: Record<string, string | number> = {};
    if (patch.monitored !== undefined) set.monitored = bool(patch.monitored);
    if (patch.qualityProfileId !== undefined) set.quality_profile_id = patch.qualityProfileId;
    if (patch.seriesType !== undefined) set.series_type = patch.seriesType;
    if (patch.seasonFolder !== undefined) set.season_folder = bool(patch.seasonFolder);
    if (patch.tags !== undefined) set.tags = JSON.stringify([...new Set(patch.tags)]);
    if (Object.keys(set).length === 0 || ids.length === 0) return 0;
    let changed = 0;
    for (const part of chunk(ids, 500)) {
      const r = await this.db.updateTable('series').set(set).where('id', 'in', part).executeTakeFirst();
      changed += Number(r.numUpdatedRows);
    }
    return changed;
  }

  async get(id: number): Promise<Series | undefined> {
    const row = await this.db.selectFrom('series').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? seriesFromRow(row) : undefined;
  }

  async getMany(ids: readonly number[]): Promise<Series[]> {
    const out: Series[] = [];
    for (const part of chunk([...new Set(ids)], 500)) {
      const rows = await this.db.selectFrom('series').selectAll().where('id', 'in', part).orderBy('id').execute();
      out.push(...rows.map(seriesFromRow));
    }
    return out;
  }

  async findByTvdbId(tvdbId: number): Promise<Series | undefined> {
    const row = await this.db.selectFrom('series').selectAll().where('tvdb_id', '=', tvdbId).executeTakeFirst();
    return row ? seriesFromRow(row) : undefined;
  }

  async findByTmdbId(tmdbId: number): Promise<Series | undefined> {
    const row = await this.db.selectFrom('series').selectAll().where('tmdb_id', '=', tmdbId).executeTakeFirst();
    return row ? seriesFromRow(row) : undefined;
  }

  /** The item filed at exactly this folder (paths are unique per table). */
  async findByPath(path: string): Promise<Series | undefined> {
    const row = await this.db.selectFrom('series').selectAll().where('path', '=', path).executeTakeFirst();
    return row ? seriesFromRow(row) : undefined;
  }

  async findByImdbId(imdbId: string): Promise<Series | undefined> {
    const row = await this.db.selectFrom('series').selectAll().where('imdb_id', '=', imdbId).executeTakeFirst();
    return row ? seriesFromRow(row) : undefined;
  }

  /** Exact clean-title matches on the title or an alternative/scene title. */
  async findByCleanTitle(cleanTitle: string): Promise<Series[]> {
    const rows = await this.db
      .selectFrom('series')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('clean_title', '=', cleanTitle),
          eb(
            'id',
            'in',
            eb.selectFrom('series_alternative_titles').select('series_id').where('clean_title', '=', cleanTitle),
          ),
        ]),
      )
      .orderBy('id')
      .execute();
    return rows.map(seriesFromRow);
  }

  async list(filter: SeriesFilter = {}): Promise<Series[]> {
    const rows = await listRows(
      this.db,
      (db) => db.selectFrom('series'),
      (eb) => where(eb, filter),
    );
    return rows.map(seriesFromRow);
  }

  /**
   * Up to `limit` series in list order (sort title, then id) after the given one, each as the API's JSON text
   * (series-json.mapper.ts): the unpaginated list read a slice at a time (keyset, along the sort_title index).
   * Statistics are read as stored: call refreshStaleStatistics first.
   */
  listJsonAfter(
    filter: SeriesFilter,
    limit: number,
    after?: { sortTitle: string; id: number },
  ): Promise<SeriesJsonRow[]> {
    return listJsonSlice(
      this.db,
      (db) => db.selectFrom('series'),
      (eb) => where(eb, filter),
      () => seriesJson(this.db),
      limit,
      after,
    );
  }

  async page(req: PageRequest<SeriesSortKey>, filter: SeriesFilter = {}): Promise<Page<Series, SeriesSortKey>> {
    const sort: SortColumn = SERIES_SORT_KEYS[req.sortKey] ?? SERIES_SORT_KEYS.title;
    const { total, rows } = await pageRows(
      this.db,
      (db) => db.selectFrom('series'),
      (eb) => where(eb, filter),
      sort,
      req,
    );
    return { ...req, totalRecords: total, records: rows.map(seriesFromRow) };
  }

  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('series').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Inserts new seasons and sets `monitored` on the listed ones; seasons not listed are left alone. */
  async upsertSeasons(seriesId: number, seasons: readonly Omit<Season, 'seriesId'>[]): Promise<void> {
    if (seasons.length === 0) return;
    await this.db
      .insertInto('seasons')
      .values(
        seasons.map((s) => ({ series_id: seriesId, season_number: s.seasonNumber, monitored: bool(s.monitored) })),
      )
      .onConflict((oc) =>
        oc.columns(['series_id', 'season_number']).doUpdateSet((eb) => ({ monitored: eb.ref('excluded.monitored') })),
      )
      .execute();
  }

  /** Seasons of many series (every series: 'all') in one query per 500 ids, ordered by season number. */
  async seasonsFor(seriesIds: readonly number[] | 'all'): Promise<Map<number, Season[]>> {
    const out = new Map<number, Season[]>();
    const parts = seriesIds === 'all' ? [undefined] : chunk([...new Set(seriesIds)], 500);
    for (const part of parts) {
      let query = this.db.selectFrom('seasons').select(['series_id', 'season_number', 'monitored']);
      if (part) query = query.where('series_id', 'in', part);
      const rows = await query.orderBy('series_id').orderBy('season_number').execute();
      for (const r of rows) {
        const list = out.get(r.series_id) ?? [];
        list.push({ seriesId: r.series_id, seasonNumber: r.season_number, monitored: r.monitored === 1 });
        out.set(r.series_id, list);
      }
    }
    return out;
  }

  async deleteSeasonsExcept(seriesId: number, keep: readonly number[]): Promise<void> {
    let query = this.db.deleteFrom('seasons').where('series_id', '=', seriesId);
    if (keep.length > 0) query = query.where('season_number', 'not in', keep);
    await query.execute();
  }

  async replaceAlternativeTitles(seriesId: number, titles: readonly SeriesAlternativeTitle[]): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await trx.deleteFrom('series_alternative_titles').where('series_id', '=', seriesId).execute();
      for (const part of chunk(titles, 300)) {
        await trx
          .insertInto('series_alternative_titles')
          .values(
            part.map((t) => ({
              series_id: seriesId,
              title: t.title,
              clean_title: t.cleanTitle,
              scene_season_number: t.sceneSeasonNumber,
            })),
          )
          .execute();
      }
    });
  }

  async alternativeTitlesFor(seriesIds: readonly number[]): Promise<Map<number, SeriesAlternativeTitle[]>> {
    const out = new Map<number, SeriesAlternativeTitle[]>();
    for (const part of chunk([...new Set(seriesIds)], 500)) {
      const rows = await this.db
        .selectFrom('series_alternative_titles')
        .selectAll()
        .where('series_id', 'in', part)
        .orderBy('id')
        .execute();
      for (const r of rows) {
        const list = out.get(r.series_id) ?? [];
        list.push({ title: r.title, cleanTitle: r.clean_title, sceneSeasonNumber: r.scene_season_number });
        out.set(r.series_id, list);
      }
    }
    return out;
  }

  /**
   * Per-season episode statistics for the given series (all series when omitted) at `now` (an ISO instant: what
   * has aired by then counts as available); see SeasonStatisticsStore.read.
   */
  seasonStatistics(now: string, seriesIds?: readonly number[]): Promise<SeasonStatistics[]> {
    return new SeasonStatisticsStore(this.db).read(now, seriesIds);
  }

  /** Brings stored statistics up to `now` for readers of the stored rows (listJsonAfter). */
  refreshStaleStatistics(now: string): Promise<void> {
    return new SeasonStatisticsStore(this.db).refreshStale(now);
  }

  /** Paths of every item filed under any of these root folders, in one query (root folders' unmapped folders). */
  async pathsInRootFolders(rootFolderPaths: readonly string[]): Promise<string[]> {
    if (rootFolderPaths.length === 0) return [];
    const rows = await this.db
      .selectFrom('series')
      .select('path')
      .where('root_folder_path', 'in', [...rootFolderPaths])
      .execute();
    return rows.map((r) => r.path);
  }

  async usingProfile(profileId: number, limit = 5): Promise<{ total: number; titles: string[] }> {
    const total = await this.db
      .selectFrom('series')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('quality_profile_id', '=', profileId)
      .executeTakeFirstOrThrow();
    const rows = await this.db
      .selectFrom('series')
      .select('title')
      .where('quality_profile_id', '=', profileId)
      .orderBy('sort_title')
      .limit(limit)
      .execute();
    return { total: Number(total.n), titles: rows.map((r) => r.title) };
  }
}

function conflictMessage(series: NewSeries): string {
  return `a series with tvdbId ${series.tvdbId ?? '(none)'} or path "${series.path}" already exists`;
}
