// episodes: bulk upsert keyed by (series, season, episode) so ids survive every refresh, lookups for every way a
// release names an episode, and the wanted/calendar queries (paged, index-backed, one count + one page query).
import { type Kysely, sql } from 'kysely';
import { type Page, type PageRequest, pageOffset } from '../../domain/library/paging.types.js';
import type { Episode, EpisodeMetadata } from '../../domain/library/series.types.js';
import type { DB } from '../schema.js';
import { bool, chunk, inTransaction, type SortColumn, sortOrder } from './library-query.util.js';
import { episodeFromRow, episodeMetadataToRow } from './series-row.mapper.js';

/** What a refresh writes: metadata, plus `monitored` for episodes that are new (existing ones keep theirs). */
export type EpisodeUpsert = EpisodeMetadata & { monitored: boolean };

export interface UpsertResult {
  insertedIds: number[];
  updatedIds: number[];
}

export const WANTED_SORT_KEYS = {
  airDateUtc: { column: 'e.air_date_utc' },
  'episodes.airDateUtc': { column: 'e.air_date_utc' },
  seriesTitle: { column: 's.sort_title' },
  'series.sortTitle': { column: 's.sort_title' },
  title: { column: 'e.title', nullable: true },
} satisfies Record<string, SortColumn>;
export type WantedSortKey = keyof typeof WANTED_SORT_KEYS;

// 18 columns per row: 400 rows stay under SQLite's and PostgreSQL's bound-parameter limits with room to spare.
const UPSERT_BATCH = 400;

export class EpisodeRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Inserts or updates a series' episodes in one transaction. Existing rows keep their id, `monitored` and file
   * link; only metadata changes. Returns which ids are new so the caller can apply monitoring to them.
   */
  async upsertMany(seriesId: number, episodes: readonly EpisodeUpsert[]): Promise<UpsertResult> {
    return inTransaction(this.db, async (trx) => {
      const before = await trx.selectFrom('episodes').select('id').where('series_id', '=', seriesId).execute();
      const existing = new Set(before.map((r) => r.id));
      // PostgreSQL refuses a statement that updates one row twice: the last entry for a key wins.
      const unique = [...new Map(episodes.map((e) => [`${e.seasonNumber}x${e.episodeNumber}`, e])).values()];
      const ids: number[] = [];
      for (const part of chunk(unique, UPSERT_BATCH)) {
        const rows = await trx
          .insertInto('episodes')
          .values(
            part.map((e) => ({
              ...episodeMetadataToRow(e),
              series_id: seriesId,
              monitored: bool(e.monitored),
              episode_file_id: null,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['series_id', 'season_number', 'episode_number']).doUpdateSet((eb) => ({
              tvdb_id: eb.ref('excluded.tvdb_id'),
              tmdb_id: eb.ref('excluded.tmdb_id'),
              absolute_episode_number: eb.ref('excluded.absolute_episode_number'),
              scene_season_number: eb.ref('excluded.scene_season_number'),
              scene_episode_number: eb.ref('excluded.scene_episode_number'),
              scene_absolute_episode_number: eb.ref('excluded.scene_absolute_episode_number'),
              title: eb.ref('excluded.title'),
              overview: eb.ref('excluded.overview'),
              air_date: eb.ref('excluded.air_date'),
              air_date_utc: eb.ref('excluded.air_date_utc'),
              runtime: eb.ref('excluded.runtime'),
              unverified_scene_numbering: eb.ref('excluded.unverified_scene_numbering'),
            })),
          )
          .returning('id')
          .execute();
        ids.push(...rows.map((r) => r.id));
      }
      return {
        insertedIds: ids.filter((id) => !existing.has(id)),
        updatedIds: ids.filter((id) => existing.has(id)),
      };
    });
  }

  /** Removes a series' episodes that metadata no longer lists; returns how many went. */
  async deleteExcept(seriesId: number, keepIds: readonly number[]): Promise<number> {
    const keep = new Set(keepIds);
    const rows = await this.db.selectFrom('episodes').select('id').where('series_id', '=', seriesId).execute();
    const gone = rows.map((r) => r.id).filter((id) => !keep.has(id));
    for (const part of chunk(gone, 500)) await this.db.deleteFrom('episodes').where('id', 'in', part).execute();
    return gone.length;
  }

  async get(id: number): Promise<Episode | undefined> {
    const row = await this.db.selectFrom('episodes').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? episodeFromRow(row) : undefined;
  }

  async getMany(ids: readonly number[]): Promise<Episode[]> {
    const out: Episode[] = [];
    for (const part of chunk([...new Set(ids)], 500)) {
      const rows = await this.db.selectFrom('episodes').selectAll().where('id', 'in', part).orderBy('id').execute();
      out.push(...rows.map(episodeFromRow));
    }
    return out;
  }

  /** A series' episodes (optionally one season) in season/episode order, from the unique index. */
  async listBySeries(seriesId: number, seasonNumber?: number): Promise<Episode[]> {
    let query = this.db.selectFrom('episodes').selectAll().where('series_id', '=', seriesId);
    if (seasonNumber !== undefined) query = query.where('season_number', '=', seasonNumber);
    const rows = await query.orderBy('season_number').orderBy('episode_number').execute();
    return rows.map(episodeFromRow);
  }

  async findByNumbers(seriesId: number, seasonNumber: number, episodeNumbers: readonly number[]): Promise<Episode[]> {
    if (episodeNumbers.length === 0) return [];
    const rows = await this.db
      .selectFrom('episodes')
      .selectAll()
      .where('series_id', '=', seriesId)
      .where('season_number', '=', seasonNumber)
      .where('episode_number', 'in', [...episodeNumbers])
      .orderBy('episode_number')
      .execute();
    return rows.map(episodeFromRow);
  }

  /** Daily shows: releases are named by air date (`YYYY-MM-DD`). */
  async findByAirDate(seriesId: number, airDate: string): Promise<Episode[]> {
    const rows = await this.db
      .selectFrom('episodes')
      .selectAll()
      .where('series_id', '=', seriesId)
      .where('air_date', '=', airDate)
      .orderBy('season_number')
      .orderBy('episode_number')
      .execute();
    return rows.map(episodeFromRow);
  }

  /** Anime: releases are named by absolute number. */
  async findByAbsoluteNumbers(seriesId: number, numbers: readonly number[]): Promise<Episode[]> {
    if (numbers.length === 0) return [];
    const rows = await this.db
      .selectFrom('episodes')
      .selectAll()
      .where('series_id', '=', seriesId)
      .where('absolute_episode_number', 'in', [...numbers])
      .orderBy('absolute_episode_number')
      .execute();
    return rows.map(episodeFromRow);
  }

  /** Scene-numbered releases (XEM mappings). */
  async findBySceneNumbers(
    seriesId: number,
    sceneSeason: number,
    sceneEpisodes: readonly number[],
  ): Promise<Episode[]> {
    if (sceneEpisodes.length === 0) return [];
    const rows = await this.db
      .selectFrom('episodes')
      .selectAll()
      .where('series_id', '=', seriesId)
      .where('scene_season_number', '=', sceneSeason)
      .where('scene_episode_number', 'in', [...sceneEpisodes])
      .orderBy('scene_episode_number')
      .execute();
    return rows.map(episodeFromRow);
  }

  async setMonitored(ids: readonly number[], monitored: boolean): Promise<number> {
    let changed = 0;
    for (const part of chunk([...new Set(ids)], 500)) {
      const r = await this.db
        .updateTable('episodes')
        .set({ monitored: bool(monitored) })
        .where('id', 'in', part)
        .executeTakeFirst();
      changed += Number(r.numUpdatedRows);
    }
    return changed;
  }

  async setSeasonMonitored(seriesId: number, seasonNumber: number, monitored: boolean): Promise<number> {
    const r = await this.db
      .updateTable('episodes')
      .set({ monitored: bool(monitored) })
      .where('series_id', '=', seriesId)
      .where('season_number', '=', seasonNumber)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async setFile(ids: readonly number[], episodeFileId: number | null): Promise<void> {
    for (const part of chunk([...new Set(ids)], 500)) {
      await this.db.updateTable('episodes').set({ episode_file_id: episodeFileId }).where('id', 'in', part).execute();
    }
  }

  /**
   * Wanted (missing): monitored episodes of monitored series, without a file, aired by `now` (ISO instant).
   * Two queries whatever the page size; the (monitored, episode_file_id, air_date_utc) index serves both.
   */
  async wantedMissing(req: PageRequest<WantedSortKey>, now: string): Promise<Page<Episode, WantedSortKey>> {
    const sort: SortColumn = WANTED_SORT_KEYS[req.sortKey] ?? WANTED_SORT_KEYS.airDateUtc;
    const base = this.db
      .selectFrom('episodes as e')
      .innerJoin('series as s', 's.id', 'e.series_id')
      .where('e.monitored', '=', 1)
      .where('e.episode_file_id', 'is', null)
      .where('e.air_date_utc', '<=', now)
      .where('s.monitored', '=', 1);
    const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await base
      .selectAll('e')
      .orderBy(sql.ref(sort.column), sortOrder(req.sortDirection, sort.nullable))
      .orderBy('e.id', sortOrder(req.sortDirection))
      .limit(req.pageSize)
      .offset(pageOffset(req))
      .execute();
    return { ...req, totalRecords: Number(count.n), records: rows.map(episodeFromRow) };
  }

  /** Episodes airing in [start, end) (ISO instants), by air time; unmonitored ones (or series) only on request. */
  async calendar(start: string, end: string, opts: { includeUnmonitored?: boolean } = {}): Promise<Episode[]> {
    let query = this.db
      .selectFrom('episodes as e')
      .innerJoin('series as s', 's.id', 'e.series_id')
      .selectAll('e')
      .where('e.air_date_utc', '>=', start)
      .where('e.air_date_utc', '<', end);
    if (!opts.includeUnmonitored) query = query.where('e.monitored', '=', 1).where('s.monitored', '=', 1);
    const rows = await query.orderBy('e.air_date_utc').orderBy('e.id').execute();
    return rows.map(episodeFromRow);
  }
}
