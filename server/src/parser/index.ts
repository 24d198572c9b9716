// Public API of the release-title parser (TV, movie, quality, languages, release groups, paths, scene names).
export { cleanSeriesTitle } from './clean/clean-series-title.util.js';
export type { SubtitleInfo } from './language/language-parser.js';
export { parseLanguages, parseSubtitleInfo } from './language/language-parser.js';
export type { ParsedMovieInfo } from './movie/movie.types.js';
export { cleanMovieTitle, parseMoviePath, parseMovieTitle } from './movie/movie-parser.js';
export { parsePath } from './path/parse-path.parser.js';
export type { DetectionSource, QualityParse, Revision } from './quality/quality.types.js';
export { parseQuality, qualityNameFor } from './quality/quality-parser.js';
export { parseReleaseGroup } from './release-group/release-group-parser.js';
export { getSceneTitle, isSceneTitle, type SceneFlavour } from './scene/scene-title.checker.js';
export type { ParsedEpisodeInfo, ParseOptions, SeriesTitleInfo } from './tv/episode-info.types.js';
export { parseEpisodeTitle } from './tv/episode-title.parser.js';
export { normalizeEpisodeTitle, parseSeriesName } from './tv/series-name.parser.js';
