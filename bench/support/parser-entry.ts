// The parser's public entry points (server/src/parser/index.ts) as plain title → result functions,
// shared by the fuzz test and the benchmark.
import {
  parseEpisodeTitle,
  parseLanguages,
  parseMoviePath,
  parseMovieTitle,
  parsePath,
  parseQuality,
  parseReleaseGroup,
} from '../../server/src/parser/index.js';

type TitleFn = (title: string) => unknown;

export interface ParserEntryPoints {
  parseQuality: TitleFn;
  parseMovieTitle: TitleFn;
  parseMoviePath: TitleFn;
  parseLanguages: TitleFn;
  parseReleaseGroup: TitleFn;
  parseEpisodeTitle: TitleFn;
  parsePath: TitleFn;
  /** idkarr's whole parse of one release name: episode when it is one, else movie. */
  parseRelease: TitleFn;
}

export const parserEntryPoints: ParserEntryPoints = {
  parseQuality,
  parseMovieTitle: (t) => parseMovieTitle(t),
  parseMoviePath,
  parseLanguages,
  parseReleaseGroup,
  parseEpisodeTitle: (t) => parseEpisodeTitle(t),
  parsePath: (t) => parsePath(t),
  parseRelease: (t) => parseEpisodeTitle(t) ?? parseMovieTitle(t),
};
