// series and episodes rows <-> Series / Episode: booleans 0/1, JSON text. The only place that knows.
import type { Insertable, Selectable } from 'kysely';
import type {
  Episode,
  EpisodeMetadata,
  NewItemMonitoring,
  NewSeries,
  Series,
  SeriesStatus,
  SeriesType,
} from '../../domain/library/series.types.js';
import type { EpisodesTable, SeriesTable } from '../schema.js';
import { bool, parseImages, parseJson, parseRatings } from './library-query.util.js';

export function seriesFromRow(row: Selectable<SeriesTable>): Series {
  return {
    id: row.id,
    tvdbId: row.tvdb_id,
    tmdbId: row.tmdb_id,
    imdbId: row.imdb_id,
    title: row.title,
    sortTitle: row.sort_title,
    cleanTitle: row.clean_title,
    year: row.year,
    status: row.status as SeriesStatus,
    overview: row.overview,
    network: row.network,
    airTime: row.air_time,
    runtime: row.runtime,
    seriesType: row.series_type as SeriesType,
    certification: row.certification,
    genres: parseJson(row.genres),
    images: parseImages(row.images),
    ratings: parseRatings(row.ratings),
    monitored: row.monitored === 1,
    monitorNewItems: row.monitor_new_items as NewItemMonitoring,
    qualityProfileId: row.quality_profile_id,
    path: row.path,
    rootFolderPath: row.root_folder_path,
    seasonFolder: row.season_folder === 1,
    tags: parseJson(row.tags),
    added: row.added,
    lastInfoSync: row.last_info_sync,
    firstAired: row.first_aired,
    lastAired: row.last_aired,
    nextAiring: row.next_airing,
    previousAiring: row.previous_airing,
  };
}

export function seriesToRow(s: NewSeries): Insertable<SeriesTable> {
  return {
    tvdb_id: s.tvdbId,
    tmdb_id: s.tmdbId,
    imdb_id: s.imdbId,
    title: s.title,
    sort_title: s.sortTitle,
    clean_title: s.cleanTitle,
    year: s.year,
    status: s.status,
    overview: s.overview,
    network: s.network,
    air_time: s.airTime,
    runtime: s.runtime,
    series_type: s.seriesType,
    certification: s.certification,
    genres: JSON.stringify(s.genres),
    images: JSON.stringify(s.images),
    ratings: JSON.stringify(s.ratings),
    monitored: bool(s.monitored),
    monitor_new_items: s.monitorNewItems,
    quality_profile_id: s.qualityProfileId,
    path: s.path,
    root_folder_path: s.rootFolderPath,
    season_folder: bool(s.seasonFolder),
    tags: JSON.stringify([...new Set(s.tags)]),
    added: s.added,
    last_info_sync: s.lastInfoSync,
    first_aired: s.firstAired,
    last_aired: s.lastAired,
    next_airing: s.nextAiring,
    previous_airing: s.previousAiring,
  };
}

export function episodeFromRow(row: Selectable<EpisodesTable>): Episode {
  return {
    id: row.id,
    seriesId: row.series_id,
    tvdbId: row.tvdb_id,
    tmdbId: row.tmdb_id,
    seasonNumber: row.season_number,
    episodeNumber: row.episode_number,
    absoluteEpisodeNumber: row.absolute_episode_number,
    sceneSeasonNumber: row.scene_season_number,
    sceneEpisodeNumber: row.scene_episode_number,
    sceneAbsoluteEpisodeNumber: row.scene_absolute_episode_number,
    title: row.title,
    overview: row.overview,
    airDate: row.air_date,
    airDateUtc: row.air_date_utc,
    runtime: row.runtime,
    monitored: row.monitored === 1,
    episodeFileId: row.episode_file_id,
    unverifiedSceneNumbering: row.unverified_scene_numbering === 1,
  };
}

/** The metadata columns a refresh may overwrite; monitored and episode_file_id are never among them. */
export function episodeMetadataToRow(e: EpisodeMetadata) {
  return {
    tvdb_id: e.tvdbId,
    tmdb_id: e.tmdbId,
    season_number: e.seasonNumber,
    episode_number: e.episodeNumber,
    absolute_episode_number: e.absoluteEpisodeNumber,
    scene_season_number: e.sceneSeasonNumber,
    scene_episode_number: e.sceneEpisodeNumber,
    scene_absolute_episode_number: e.sceneAbsoluteEpisodeNumber,
    title: e.title,
    overview: e.overview,
    air_date: e.airDate,
    air_date_utc: e.airDateUtc,
    runtime: e.runtime,
    unverified_scene_numbering: bool(e.unverifiedSceneNumbering),
  };
}
