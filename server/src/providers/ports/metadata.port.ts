// What a metadata provider (TMDB, TVDB, ...) offers the library, in domain shapes. Providers cover different
// ground (TVDB has no movies), so every operation is optional and named in the provider's capabilities; callers
// ask `supports(provider, 'getMovie')` instead of switching on an implementation id.
import type { IntegrationInstance } from '../ports.js';

/** Dates are ISO calendar dates (`YYYY-MM-DD`) as the providers publish them; air times are resolved later. */
export type IsoDate = string;

export interface MetadataImages {
  poster?: string;
  fanart?: string;
  banner?: string;
}

export interface AlternativeTitle {
  title: string;
  /** ISO 3166-1 alpha-2 (TMDB) or alpha-3 (TVDB) code, when the provider says. */
  country?: string;
}

/** TMDB's production states, normalised; the library derives availability from these plus the dates. */
export type MovieStatus =
  | 'rumored'
  | 'planned'
  | 'inProduction'
  | 'postProduction'
  | 'released'
  | 'canceled'
  | 'unknown';
export type SeriesStatus = 'continuing' | 'ended' | 'upcoming' | 'unknown';

export interface MovieSummary {
  tmdbId: number;
  title: string;
  originalTitle?: string;
  year?: number;
  overview?: string;
  images: MetadataImages;
}

export interface MovieMetadata extends MovieSummary {
  imdbId?: string;
  alternativeTitles: AlternativeTitle[];
  runtime?: number;
  status: MovieStatus;
  inCinemas?: IsoDate;
  physicalRelease?: IsoDate;
  digitalRelease?: IsoDate;
  /** For the provider's configured country (US by default). */
  certification?: string;
  genres: string[];
  studio?: string;
  collection?: { tmdbId: number; title: string };
}

export interface SeriesSummary {
  /** The provider's own id of the series is always set (tvdbId for TVDB, tmdbId for TMDB). */
  tvdbId?: number;
  tmdbId?: number;
  imdbId?: string;
  title: string;
  year?: number;
  overview?: string;
  status: SeriesStatus;
  network?: string;
  firstAired?: IsoDate;
  images: MetadataImages;
}

export interface SeasonMetadata {
  seasonNumber: number;
  images: MetadataImages;
}

export interface EpisodeMetadata {
  tvdbId?: number;
  tmdbId?: number;
  seasonNumber: number;
  episodeNumber: number;
  absoluteEpisodeNumber?: number;
  title: string;
  overview?: string;
  airDate?: IsoDate;
  runtime?: number;
  /** Specials: where they air relative to the regular seasons (TVDB only). */
  airsBeforeSeason?: number;
  airsBeforeEpisode?: number;
}

export interface SeriesMetadata extends SeriesSummary {
  originalTitle?: string;
  alternativeTitles: AlternativeTitle[];
  runtime?: number;
  /** `HH:MM` in the network's local time, when known. */
  airTime?: string;
  genres: string[];
  certification?: string;
  seasons: SeasonMetadata[];
  episodes: EpisodeMetadata[];
}

export interface MetadataOperations {
  searchMovies(term: string, year?: number): Promise<MovieSummary[]>;
  /** Throws NotFoundError for an unknown id. */
  getMovie(tmdbId: number): Promise<MovieMetadata>;
  findMovieByImdbId(imdbId: string): Promise<MovieSummary | null>;
  searchSeries(term: string): Promise<SeriesSummary[]>;
  /** `id` is the provider's own series id (tvdbId for TVDB, tmdbId for TMDB). Throws NotFoundError. */
  getSeries(id: number): Promise<SeriesMetadata>;
  findSeriesByTvdbId(tvdbId: number): Promise<SeriesSummary | null>;
  findSeriesByImdbId(imdbId: string): Promise<SeriesSummary | null>;
}

export type MetadataCapability = keyof MetadataOperations;

export const METADATA_CAPABILITIES: readonly MetadataCapability[] = [
  'searchMovies',
  'getMovie',
  'findMovieByImdbId',
  'searchSeries',
  'getSeries',
  'findSeriesByTvdbId',
  'findSeriesByImdbId',
];

export interface MetadataProviderPort extends IntegrationInstance, Partial<MetadataOperations> {
  /** The operations this instance implements; the integration definition lists the same names. */
  readonly capabilities: readonly MetadataCapability[];
}

/** Narrows a provider to one that implements `op`. */
export function supports<C extends MetadataCapability>(
  provider: MetadataProviderPort,
  op: C,
): provider is MetadataProviderPort & Pick<MetadataOperations, C> {
  return provider.capabilities.includes(op) && typeof provider[op] === 'function';
}
