// A series with its seasons and episodes. Field names follow Sonarr.
import type { MediaImage, Ratings } from './media.types.js';

export const SERIES_STATUSES = ['continuing', 'ended', 'upcoming', 'deleted'] as const;
export type SeriesStatus = (typeof SERIES_STATUSES)[number];

export const SERIES_TYPES = ['standard', 'daily', 'anime'] as const;
export type SeriesType = (typeof SERIES_TYPES)[number];

/** What happens to seasons that appear on refresh (Sonarr's monitorNewItems). */
export const NEW_ITEM_MONITORING = ['all', 'none'] as const;
export type NewItemMonitoring = (typeof NEW_ITEM_MONITORING)[number];

export interface Series {
  id: number;
  tvdbId: number | null;
  tmdbId: number | null;
  imdbId: string | null;
  title: string;
  sortTitle: string;
  cleanTitle: string;
  year: number;
  status: SeriesStatus;
  overview: string | null;
  network: string | null;
  /** Local air time `HH:mm` at the network. */
  airTime: string | null;
  runtime: number;
  seriesType: SeriesType;
  certification: string | null;
  genres: string[];
  images: MediaImage[];
  ratings: Ratings;
  monitored: boolean;
  monitorNewItems: NewItemMonitoring;
  qualityProfileId: number;
  path: string;
  rootFolderPath: string;
  seasonFolder: boolean;
  tags: number[];
  added: string;
  lastInfoSync: string | null;
  /** Calendar day of the first episode. */
  firstAired: string | null;
  lastAired: string | null;
  /** ISO instants, denormalised on refresh so list pages can sort by them without touching episodes. */
  nextAiring: string | null;
  previousAiring: string | null;
}

export type NewSeries = Omit<Series, 'id'>;

export interface SeriesAlternativeTitle {
  title: string;
  cleanTitle: string;
  /** Scene titles can be specific to one season (-1/null = all). */
  sceneSeasonNumber: number | null;
}

export interface Season {
  seriesId: number;
  seasonNumber: number;
  monitored: boolean;
}

export interface Episode {
  id: number;
  seriesId: number;
  tvdbId: number | null;
  tmdbId: number | null;
  seasonNumber: number;
  episodeNumber: number;
  absoluteEpisodeNumber: number | null;
  sceneSeasonNumber: number | null;
  sceneEpisodeNumber: number | null;
  sceneAbsoluteEpisodeNumber: number | null;
  title: string | null;
  overview: string | null;
  /** `YYYY-MM-DD` in the network's zone (what daily releases are named by). */
  airDate: string | null;
  airDateUtc: string | null;
  runtime: number;
  monitored: boolean;
  episodeFileId: number | null;
  unverifiedSceneNumbering: boolean;
}

/** What a metadata refresh knows about an episode; monitored and the file link are the user's and the importer's. */
export type EpisodeMetadata = Omit<Episode, 'id' | 'seriesId' | 'monitored' | 'episodeFileId'>;
