// What a fresh install names files like: Sonarr v4's and Radarr v5's shipped defaults (renaming off until the user
// turns it on, smart colon replacement, prefixed-range multi-episode numbering).
import type { MovieNamingConfig, NamingConfig, SeriesNamingConfig } from './naming.types.js';

export const DEFAULT_SERIES_NAMING: Readonly<SeriesNamingConfig> = Object.freeze({
  renameEpisodes: false,
  replaceIllegalCharacters: true,
  colonReplacementFormat: 'smart',
  multiEpisodeStyle: 'prefixedRange',
  standardEpisodeFormat: '{Series Title} - S{season:00}E{episode:00} - {Episode Title} {Quality Full}',
  dailyEpisodeFormat: '{Series Title} - {Air-Date} - {Episode Title} {Quality Full}',
  animeEpisodeFormat: '{Series Title} - S{season:00}E{episode:00} - {Episode Title} {Quality Full}',
  seriesFolderFormat: '{Series Title}',
  seasonFolderFormat: 'Season {season}',
  specialsFolderFormat: 'Specials',
});

export const DEFAULT_MOVIE_NAMING: Readonly<MovieNamingConfig> = Object.freeze({
  renameMovies: false,
  replaceIllegalCharacters: true,
  colonReplacementFormat: 'smart',
  standardMovieFormat: '{Movie Title} ({Release Year}) {Quality Full}',
  movieFolderFormat: '{Movie Title} ({Release Year})',
});

export function defaultNamingConfig(): NamingConfig {
  return { series: { ...DEFAULT_SERIES_NAMING }, movie: { ...DEFAULT_MOVIE_NAMING } };
}
