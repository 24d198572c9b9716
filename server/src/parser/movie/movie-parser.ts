// Public entry points of the movie parser: release title / path → ParsedMovieInfo (or null when the
// name carries no recognisable movie title, e.g. an obfuscated hash).
import { isTooLong } from '../input-limit.js';
import { parseLanguages } from '../language/language-parser.js';
import { parseQuality, splitExtension } from '../quality/quality-parser.js';
import { parseReleaseGroup } from '../release-group/release-group-parser.js';
import { findEdition } from './edition.rules.js';
import type { ParsedMovieInfo } from './movie.types.js';
import { isLanguageWord, isReleaseWord } from './movie-keywords.js';
import { akaTitles, findTitleEnd, titlePieces } from './movie-title.rules.js';
import { type MovieWord, splitWords, yearOf } from './movie-words.lexer.js';

export { cleanMovieTitle } from './clean-movie-title.js';

const TLD = 'com|org|net|info|biz|tv|tc|to|me|io|cc|ws|eu|ru|de|fr|nl|it|es|uk|ca|au|nz|za|in|co|us|se|dk|pl|pt|br';
// A release site stamped in front of the name: "[www.site.com] - ", "site.net - ", "(site.com) ".
const SITE_PREFIX = new RegExp(
  `^(?:[[(]\\s*(?:www\\.)?[a-z0-9][-a-z0-9]*(?:\\.[-a-z0-9]+)*\\.(?:${TLD})\\s*[\\])]\\s*-?\\s*` +
    `|(?:www\\.)?[a-z0-9][-a-z0-9]*(?:\\.[-a-z0-9]+)*\\.(?:${TLD})\\s+-\\s+)`,
  'i',
);
// Anime-style leading group tag: "[Group] Title".
const LEADING_GROUP = /^\[[^\]]{1,40}\]\s*/;
const IMDB = /\btt(\d{7,8})\b/;
const TMDB = /tmdb(?:id)?[-=](\d+)/i;
const KNOWN_HC = /^[a-z]{2,3}subs?$/i;

function hardcodedSubs(words: MovieWord[], from: number): string | null {
  for (let i = from; i < words.length; i++) {
    const w = words[i]!;
    if (w.flat === 'hc' || w.flat === 'subbed') return 'Generic Hardcoded Subs';
    if (KNOWN_HC.test(w.raw) && w.raw === w.raw.toUpperCase()) return w.raw;
  }
  return null;
}

/** Where the stretch after the title stops holding edition words: the first quality/language tag. */
function tagStretchEnd(words: MovieWord[], from: number): number {
  for (let i = from; i < words.length; i++) {
    const w = words[i]!;
    if (yearOf(w) || isLanguageWord(w)) continue;
    if (isReleaseWord(w)) return i;
  }
  return words.length;
}

export function parseMovieTitle(title: string, _opts: { isDir?: boolean } = {}): ParsedMovieInfo | null {
  if (isTooLong(title)) return null;
  const [base] = splitExtension(title.trim());
  // SITE_PREFIX opens with a bracket or needs whitespace before its ` - `; plain dotted names skip its scan.
  const c = base.charAt(0);
  let body = c === '[' || c === '(' || /\s/.test(base) ? base.replace(SITE_PREFIX, '') : base;
  if (LEADING_GROUP.test(body) && body.replace(LEADING_GROUP, '') !== '') body = body.replace(LEADING_GROUP, '');
  const words = splitWords(body);
  if (words.length < 2) return null;

  let first = 0;
  let span = null as ReturnType<typeof findTitleEnd>;
  // "(1995) Movie Name": a bracketed year in front names the year, the title follows it.
  const leadYear = words[0]!.raw.startsWith('(') ? yearOf(words[0]!) : 0;
  if (leadYear) {
    first = 1;
    span = findTitleEnd(words, first) ?? { end: words.length, yearAt: 0 };
  } else span = findTitleEnd(words, first);
  if (!span) return null;

  const pieces = titlePieces(words, first, span.end);
  const titles = akaTitles(pieces);
  const movieTitle = titles[0]!;
  if (!movieTitle) return null;

  let year = leadYear;
  if (!year) {
    for (let i = span.end; i < words.length; i++) {
      year = yearOf(words[i]!);
      if (year) break;
    }
  }
  const stretchEnd = tagStretchEnd(words, span.end);
  const rest = span.end < words.length ? body.slice(words[span.end]!.start) : '';
  return {
    movieTitle,
    movieTitles: titles,
    year,
    edition: findEdition(words, span.end, stretchEnd, span.yearAt >= 0 && span.yearAt <= span.end),
    imdbId: IMDB.exec(body)?.[0] ?? null,
    tmdbId: Number(TMDB.exec(body)?.[1] ?? 0),
    hardcodedSubs: hardcodedSubs(words, span.end),
    releaseGroup: parseReleaseGroup(title),
    languages: parseLanguages(rest),
    quality: parseQuality(title),
    releaseTitle: title,
  };
}

/** Full path: the file name when it parses, else its folder (scene folders around obfuscated file names). */
export function parseMoviePath(path: string): ParsedMovieInfo | null {
  const parts = path.split(/[\\/]+/).filter((p) => p !== '');
  const file = parts[parts.length - 1];
  if (!file) return null;
  const fromFile = parseMovieTitle(file);
  if (fromFile) return fromFile;
  const folder = parts[parts.length - 2];
  const fromFolder = folder ? parseMovieTitle(folder, { isDir: true }) : null;
  if (!fromFolder) return null;
  if (fromFolder.quality.sourceDetection === 'unknown' && fromFolder.quality.resolutionDetection === 'unknown') {
    fromFolder.quality = parseQuality(file);
  }
  return fromFolder;
}
