// STUB (owned by the quality/movie parser work): replace wholesale.
import type { ParsedMovieInfo } from './movie.types.js';

export function parseMovieTitle(_title: string, _opts: { isDir?: boolean } = {}): ParsedMovieInfo | null {
  return null;
}

export function parseMoviePath(_path: string): ParsedMovieInfo | null {
  return null;
}

export function cleanMovieTitle(title: string): string {
  return title.toLowerCase();
}
