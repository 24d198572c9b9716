// A movie in the library. Field names follow Radarr so the later /api/v3 surface is a thin mapping.
import type { MediaImage, Ratings } from './media.types.js';

export const MOVIE_STATUSES = ['tba', 'announced', 'inCinemas', 'released', 'deleted'] as const;
export type MovieStatus = (typeof MOVIE_STATUSES)[number];

export const MINIMUM_AVAILABILITIES = ['announced', 'inCinemas', 'released'] as const;
export type MinimumAvailability = (typeof MINIMUM_AVAILABILITIES)[number];

export interface MovieCollection {
  tmdbId: number;
  title: string;
}

export interface Movie {
  id: number;
  tmdbId: number;
  imdbId: string | null;
  title: string;
  originalTitle: string | null;
  sortTitle: string;
  cleanTitle: string;
  /** 0 when unknown. */
  year: number;
  /** Minutes; 0 when unknown. */
  runtime: number;
  overview: string | null;
  status: MovieStatus;
  /** Calendar days `YYYY-MM-DD`. */
  inCinemas: string | null;
  physicalRelease: string | null;
  digitalRelease: string | null;
  minimumAvailability: MinimumAvailability;
  certification: string | null;
  genres: string[];
  studio: string | null;
  images: MediaImage[];
  ratings: Ratings;
  monitored: boolean;
  qualityProfileId: number;
  path: string;
  rootFolderPath: string;
  tags: number[];
  collection: MovieCollection | null;
  /** ISO instant. */
  added: string;
  lastInfoSync: string | null;
  /** The movie's file (the file table arrives with imports); null = missing. */
  movieFileId: number | null;
}

export type NewMovie = Omit<Movie, 'id'>;

export interface AlternativeTitle {
  title: string;
  cleanTitle: string;
  /** Where it came from: tmdb, user, mappings… */
  source: string;
}
