// STUB (owned by the quality/movie parser work): extend freely.
import type { QualityParse } from '../quality/quality.types.js';

export interface ParsedMovieInfo {
  movieTitle: string;
  movieTitles: string[];
  year: number;
  edition: string;
  imdbId: string | null;
  tmdbId: number;
  hardcodedSubs: string | null;
  releaseGroup: string | null;
  languages: string[];
  quality: QualityParse;
  releaseTitle: string;
}
