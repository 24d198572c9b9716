// Finds where the movie title ends inside the word list and rebuilds it as people write it
// (`U.N.C.L.E.`, `Dr. Dolittle`, `X AKA Y`).
import { editionEnd } from './edition.rules.js';
import { isLanguageWord, isReleaseWord, isShouted } from './movie-keywords.js';
import { type MovieWord, yearOf } from './movie-words.lexer.js';

export interface TitleSpan {
  /** First word after the title (the year, an edition or a release tag). */
  end: number;
  /** Index of the word holding the year, or -1. */
  yearAt: number;
}

/** Is word `i` a language tag rather than a title word ("GERMAN.DL" vs "The Good German 2006")? */
function languageTag(words: MovieWord[], i: number): boolean {
  const w = words[i]!;
  if (!isLanguageWord(w)) return false;
  if (isShouted(w)) return true;
  const next = words[i + 1];
  return next !== undefined && (isReleaseWord(next) || isLanguageWord(next));
}

/** True when the edition starting at `i` runs into a year, a tag or the end: then it is not a title word. */
function editionStops(words: MovieWord[], i: number): boolean {
  const end = editionEnd(words, i, words.length, false);
  if (end === i) return false;
  const next = words[end];
  return next === undefined || yearOf(next) > 0 || isReleaseWord(next) || languageTag(words, end);
}

/** No movie title runs this long before its year or first tag; past it the name is not a release name. */
const MAX_TITLE_WORDS = 40;

export function findTitleEnd(words: MovieWord[], first: number): TitleSpan | null {
  const limit = Math.min(words.length, first + MAX_TITLE_WORDS);
  for (let i = first + 1; i < limit; i++) {
    const w = words[i]!;
    if (yearOf(w)) {
      // "Movie Klasse von 1999 1990": of two years in a row the second is the release year.
      const next = words[i + 1];
      if (next && yearOf(next)) continue;
      return { end: i, yearAt: i };
    }
    if (isReleaseWord(w) || languageTag(words, i) || editionStops(words, i)) return { end: i, yearAt: -1 };
  }
  return null;
}

const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'st', 'jr', 'sr', 'vs']);
const SINGLE_LETTER = /^[a-z]$/i;

/** Title pieces, one per output word; dotted single letters become one acronym piece. */
export function titlePieces(words: MovieWord[], from: number, to: number): string[] {
  const pieces: string[] = [];
  let i = from;
  while (i < to) {
    const w = words[i]!;
    let j = i;
    while (j < to && SINGLE_LETTER.test(words[j]!.raw) && words[j]!.sepAfter === '.') j++;
    if (j - i >= 2) {
      // "U.N.C.L.E." / "A.I." keep their dots (a single dotted letter is just a word: "A.Movie").
      let acronym = '';
      for (let k = i; k < j; k++) acronym += words[k]!.raw + '.';
      pieces.push(acronym.toLowerCase() === 'a.k.a.' ? 'AKA' : acronym);
      i = j;
      continue;
    }
    pieces.push(w.sepAfter === '.' && HONORIFICS.has(w.flat) ? w.raw + '.' : w.raw);
    i++;
  }
  // Separators and dangling brackets left at the end ("Movie Title -", "Title (") are not part of the title.
  while (pieces.length > 1 && /^[-–([{:,]*$/.test(pieces[pieces.length - 1]!)) pieces.pop();
  return pieces;
}

/** Splits "X AKA Y" / "X (aka Y)" into [full, X, Y]; a title without AKA gives [title]. */
export function akaTitles(pieces: string[]): string[] {
  const full = pieces.join(' ');
  for (let i = 1; i < pieces.length - 1; i++) {
    const p = pieces[i]!;
    const bare = p.replace(/^\(/, '').toLowerCase();
    if (bare !== 'aka') continue;
    const first = pieces.slice(0, i).join(' ');
    let second = pieces.slice(i + 1).join(' ');
    if (p.startsWith('(')) second = second.replace(/\)$/, '');
    return [full, first, second];
  }
  return [full];
}
