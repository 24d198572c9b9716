// Naming: formats with Sonarr/Radarr tokens, multi-episode styles, folder names and filename safety. Pure code; the
// import pipeline and the RenameFiles command call the builders with plain objects.
export {
  buildEpisodeFileName,
  buildEpisodeRelativePath,
  buildMovieFileName,
  buildMovieFolder,
  buildMovieRelativePath,
  buildRelativePath,
  buildSeasonFolder,
  buildSeriesFolder,
  episodeFormatFor,
  type NamingTarget,
  normalizeExtension,
} from './file-name-builder.js';
export { MAX_COMPONENT_BYTES } from './file-name-sanitizer.js';
export * from './naming.types.js';
export { DEFAULT_MOVIE_NAMING, DEFAULT_SERIES_NAMING, defaultNamingConfig } from './naming-defaults.js';
export { type NamingExamples, namingExamples } from './naming-examples.js';
export { NAMING_TOKENS } from './naming-tokens.js';
export { formatProblems, type NamingFinding, validateNamingConfig } from './naming-validation.js';
