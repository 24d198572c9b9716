// Batched library reads for the decision engine: every release of an evaluation is matched with a handful of
// queries (ids, clean titles, episode numbers), never one query per release. Uses the library's row mappers.
import type { Kysely } from 'kysely';
import type { Movie } from '../../domain/library/movie.types.js';
import type { Episode, Series } from '../../domain/library/series.types.js';
import type { DB } from '../schema.js';
import { chunk } from './library-query.util.js';
import { movieFromRow } from './movie-row.mapper.js';
import { episodeFromRow, seriesFromRow } from './series-row.mapper.js';

/** What episodes one series needs; everything is optional and merged into one condition. */
export interface EpisodeRequest {
  seriesId: number;
  /** Whole seasons (season packs). */
  seasons?: number[];
  /** Episode numbers by season, matched on the regular or the scene numbering. */
  numbers?: { season: number; episodes: number[] }[];
  airDates?: string[];
  absolutes?: number[];
}

export class DecisionLookupRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async moviesByTmdbIds(ids: readonly number[]): Promise<Map<number, Movie>> {
    const out = new Map<number, Movie>();
    for (const part of chunk([...new Set(ids)], 500)) {
      const rows = await this.db.selectFrom('movies').selectAll().where('tmdb_id', 'in', part).execute();
      for (const r of rows) out.set(r.tmdb_id, movieFromRow(r));
    }
    return out;
  }

  async moviesByImdbIds(ids: readonly string[]): Promise<Map<string, Movie>> {
    const out = new Map<string, Movie>();
    for (const part of chunk([...new Set(ids)], 500)) {
      const rows = await this.db.selectFrom('movies').selectAll().where('imdb_id', 'in', part).orderBy('id').execute();
      for (const r of rows) if (r.imdb_id && !out.has(r.imdb_id)) out.set(r.imdb_id, movieFromRow(r));
    }
    return out;
  }

  /** Movies whose clean title or an alternative clean title is one of `titles`, keyed by that clean title. */
  async moviesByCleanTitles(titles: readonly string[]): Promise<Map<string, Movie[]>> {
    const wanted = [...new Set(titles)].filter((t) => t !== '');
    const keys = new Map<number, Set<string>>();
    const add = (id: number, key: string) => {
      const set = keys.get(id);
      if (set) set.add(key);
      else keys.set(id, new Set([key]));
    };
    const movies = new Map<number, Movie>();
    for (const part of chunk(wanted, 500)) {
      const rows = await this.db.selectFrom('movies').selectAll().where('clean_title', 'in', part).execute();
      for (const r of rows) {
        movies.set(r.id, movieFromRow(r));
        add(r.id, r.clean_title);
      }
      const alts = await this.db
        .selectFrom('movie_alternative_titles')
        .select(['movie_id', 'clean_title'])
        .where('clean_title', 'in', part)
        .execute();
      for (const a of alts) add(a.movie_id, a.clean_title);
    }
    const missing = [...keys.keys()].filter((id) => !movies.has(id));
    for (const part of chunk(missing, 500)) {
      const rows = await this.db.selectFrom('movies').selectAll().where('id', 'in', part).execute();
      for (const r of rows) movies.set(r.id, movieFromRow(r));
    }
    const out = new Map<string, Movie[]>();
    for (const [id, set] of [...keys].sort((a, b) => a[0] - b[0])) {
      const movie = movies.get(id);
      if (!movie) continue;
      for (const key of set) {
        const list = out.get(key);
        if (list) list.push(movie);
        else out.set(key, [movie]);
      }
    }
    return out;
  }

  async seriesByTvdbIds(ids: readonly number[]): Promise<Map<number, Series>> {
    const out = new Map<number, Series>();
    for (const part of chunk([...new Set(ids)], 500)) {
      const rows = await this.db.selectFrom('series').selectAll().where('tvdb_id', 'in', part).execute();
      for (const r of rows) if (r.tvdb_id !== null) out.set(r.tvdb_id, seriesFromRow(r));
    }
    return out;
  }

  /** Series by clean title or alternative/scene title, with the scene season an alias is limited to. */
  async seriesByCleanTitles(
    titles: readonly string[],
  ): Promise<Map<string, { series: Series; sceneSeasonNumber: number | null }[]>> {
    const wanted = [...new Set(titles)].filter((t) => t !== '');
    const hits: { id: number; key: string; sceneSeason: number | null }[] = [];
    const series = new Map<number, Series>();
    for (const part of chunk(wanted, 500)) {
      const rows = await this.db.selectFrom('series').selectAll().where('clean_title', 'in', part).execute();
      for (const r of rows) {
        series.set(r.id, seriesFromRow(r));
        hits.push({ id: r.id, key: r.clean_title, sceneSeason: null });
      }
      const alts = await this.db
        .selectFrom('series_alternative_titles')
        .select(['series_id', 'clean_title', 'scene_season_number'])
        .where('clean_title', 'in', part)
        .execute();
      for (const a of alts) {
        const season = a.scene_season_number === null || a.scene_season_number < 0 ? null : a.scene_season_number;
        hits.push({ id: a.series_id, key: a.clean_title, sceneSeason: season });
      }
    }
    const missing = [...new Set(hits.map((h) => h.id))].filter((id) => !series.has(id));
    for (const part of chunk(missing, 500)) {
      const rows = await this.db.selectFrom('series').selectAll().where('id', 'in', part).execute();
      for (const r of rows) series.set(r.id, seriesFromRow(r));
    }
    const out = new Map<string, { series: Series; sceneSeasonNumber: number | null }[]>();
    hits.sort((a, b) => a.id - b.id);
    for (const h of hits) {
      const s = series.get(h.id);
      if (!s) continue;
      const list = out.get(h.key) ?? [];
      if (!list.some((x) => x.series.id === h.id && x.sceneSeasonNumber === h.sceneSeason)) {
        list.push({ series: s, sceneSeasonNumber: h.sceneSeason });
      }
      out.set(h.key, list);
    }
    return out;
  }

  /**
   * Every episode any request asks for. Each numbering is one indexed row-value query per chunk of pairs
   * (`(series_id, season_number) IN ((…), …)` and the like), so SQLite and PostgreSQL both stay on the indexes;
   * whole seasons come back and callers pick the numbers they need.
   */
  async episodes(requests: readonly EpisodeRequest[]): Promise<Episode[]> {
    const seasons = new Map<string, [number, number]>();
    const dates = new Map<string, [number, string]>();
    const absolutes = new Map<string, [number, number]>();
    for (const r of requests) {
      for (const s of r.seasons ?? []) seasons.set(`${r.seriesId}:${s}`, [r.seriesId, s]);
      for (const n of r.numbers ?? []) seasons.set(`${r.seriesId}:${n.season}`, [r.seriesId, n.season]);
      for (const d of r.airDates ?? []) dates.set(`${r.seriesId}:${d}`, [r.seriesId, d]);
      for (const a of r.absolutes ?? []) absolutes.set(`${r.seriesId}:${a}`, [r.seriesId, a]);
    }
    const byId = new Map<number, Episode>();
    const run = async <V extends number | string>(
      column:
        | 'season_number'
        | 'scene_season_number'
        | 'air_date'
        | 'absolute_episode_number'
        | 'scene_absolute_episode_number',
      pairs: readonly [number, V][],
    ) => {
      for (const part of chunk(pairs, 250)) {
        const rows = await this.db
          .selectFrom('episodes')
          .selectAll()
          .where((eb) =>
            eb(
              eb.refTuple('series_id', column),
              'in',
              part.map(([id, v]) => eb.tuple(id, v as never)),
            ),
          )
          .execute();
        for (const r of rows) if (!byId.has(r.id)) byId.set(r.id, episodeFromRow(r));
      }
    };
    const seasonPairs = [...seasons.values()];
    await run('season_number', seasonPairs);
    await run('scene_season_number', seasonPairs);
    await run('air_date', [...dates.values()]);
    const absolutePairs = [...absolutes.values()];
    await run('absolute_episode_number', absolutePairs);
    // No index pairs series with scene absolute numbers: narrow by series (the unique index's first column).
    for (const part of chunk(absolutePairs, 250)) {
      const rows = await this.db
        .selectFrom('episodes')
        .selectAll()
        .where('series_id', 'in', [...new Set(part.map(([id]) => id))])
        .where('scene_absolute_episode_number', 'in', [...new Set(part.map(([, n]) => n))])
        .execute();
      for (const r of rows) if (!byId.has(r.id)) byId.set(r.id, episodeFromRow(r));
    }
    return [...byId.values()].sort(
      (a, b) => a.seriesId - b.seriesId || a.seasonNumber - b.seasonNumber || a.episodeNumber - b.episodeNumber,
    );
  }

  /** Monitored flags of the seasons of these series (season packs of unmonitored seasons). */
  async seasons(seriesIds: readonly number[]): Promise<Map<string, boolean>> {
    const out = new Map<string, boolean>();
    for (const part of chunk([...new Set(seriesIds)], 500)) {
      const rows = await this.db
        .selectFrom('seasons')
        .select(['series_id', 'season_number', 'monitored'])
        .where('series_id', 'in', part)
        .execute();
      for (const r of rows) out.set(`${r.series_id}:${r.season_number}`, r.monitored === 1);
    }
    return out;
  }
}
