// A `series` row as the API's series JSON, built in SQL: the same text JSON.stringify writes for the service's
// SeriesView of that row (series-row.mapper.ts + SeriesService.views), seasons and statistics from
// `season_statistics` included. The unpaginated series list sends these strings as they come, so 5,000 series
// are never 5,000 objects with their seasons in Node. library-series-json.test.ts holds the two to each other.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';
import { type JsonSql, type JsonText, jsonSql } from './json-text.sql.js';

const ref = (column: string) => sql.ref(column);

function statistics(j: JsonSql, p: string, extra: Record<string, JsonText> = {}): JsonText {
  const count = (column: string) => sql<number>`coalesce(${ref(`${p}.${column}`)}, 0)`;
  return j.object({
    episodeCount: j.integer(count('episode_count')),
    episodeFileCount: j.integer(count('episode_file_count')),
    totalEpisodeCount: j.integer(count('total_episode_count')),
    percentOfEpisodes: j.percent(count('episode_file_count'), count('episode_count')),
    // Bytes of the episode files; the file table arrives with imports (as in SeriesService).
    sizeOnDisk: sql<string>`'0'`,
    nextAiring: j.value(ref(`${p}.next_airing`)),
    previousAiring: j.value(ref(`${p}.previous_airing`)),
    ...extra,
  });
}

/** The JSON of the `series` row in scope (the outer query must select from `series` unaliased). */
export function seriesJson(db: Kysely<DB>): JsonText {
  const j = jsonSql(db);
  const v = (column: string) => j.value(ref(`series.${column}`));
  const int = (column: string) => j.integer(ref(`series.${column}`));
  // Series totals: the sum of its season rows (specials count, except in seasonCount), as summarizeSeries does.
  const totals = sql`(select
      sum(case when season_number > 0 then 1 else 0 end) as season_count,
      sum(episode_count) as episode_count,
      sum(episode_file_count) as episode_file_count,
      sum(total_episode_count) as total_episode_count,
      min(next_airing) as next_airing,
      max(previous_airing) as previous_airing
    from season_statistics where series_id = series.id) as t`;
  const airing = (fn: 'min' | 'max', column: string) =>
    j.value(sql`(select ${sql.raw(fn)}(${ref(column)}) from season_statistics where series_id = series.id)`);
  const season = j.object({
    seasonNumber: j.integer(ref('s.season_number')),
    monitored: j.bool(ref('s.monitored')),
    statistics: statistics(j, 'st'),
  });
  return j.object({
    id: int('id'),
    tvdbId: int('tvdb_id'),
    tmdbId: int('tmdb_id'),
    imdbId: v('imdb_id'),
    title: v('title'),
    sortTitle: v('sort_title'),
    cleanTitle: v('clean_title'),
    year: int('year'),
    status: v('status'),
    overview: v('overview'),
    network: v('network'),
    airTime: v('air_time'),
    runtime: int('runtime'),
    seriesType: v('series_type'),
    certification: v('certification'),
    // Stored as JSON.stringify output already.
    genres: sql<string>`series.genres`,
    images: j.pickArray(ref('series.images'), ['coverType', 'remoteUrl']),
    ratings: j.pickObjectValues(ref('series.ratings'), ['value', 'votes']),
    monitored: j.bool(ref('series.monitored')),
    monitorNewItems: v('monitor_new_items'),
    qualityProfileId: int('quality_profile_id'),
    path: v('path'),
    rootFolderPath: v('root_folder_path'),
    seasonFolder: j.bool(ref('series.season_folder')),
    tags: sql<string>`series.tags`,
    added: v('added'),
    lastInfoSync: v('last_info_sync'),
    firstAired: v('first_aired'),
    lastAired: v('last_aired'),
    // The view's airing dates are the statistics' (the stored columns may be older).
    nextAiring: airing('min', 'next_airing'),
    previousAiring: airing('max', 'previous_airing'),
    seasons: sql<string>`(select ${j.arrayAgg(season, ref('s.season_number'))}
      from seasons as s
      left join season_statistics as st on st.series_id = s.series_id and st.season_number = s.season_number
      where s.series_id = series.id)`,
    statistics: sql<string>`(select ${statistics(j, 't', { seasonCount: j.integer(sql`coalesce(t.season_count, 0)`) })} from ${totals})`,
  });
}
