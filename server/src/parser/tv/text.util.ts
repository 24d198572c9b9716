// Small character helpers shared by the TV recognisers.

/** Han, kana and CJK punctuation: used to find the Latin alternative of a Chinese/Japanese title. */
const CJK_RE = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20]/;
const LATIN_RE = /[A-Za-z]/;

export const hasCjk = (s: string): boolean => CJK_RE.test(s);
export const hasLatin = (s: string): boolean => LATIN_RE.test(s);

/** Non-Latin scripts (Cyrillic, Greek, CJK, Hangul, Arabic...) mark a localised alternative title. */
export const hasNonLatinLetters = (s: string): boolean =>
  /[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/.test(s);

let lastText: string | undefined;
let lastLower = '';

/**
 * `s.toLowerCase()`, kept for the last string asked about: the recognisers all look at the same title,
 * and a literal they need (`cap`, `afl`, `season`...) missing from it lets them skip a regex scan.
 * Only used for ASCII literals of regexes without the `u` flag, where `/i` matches exactly the ASCII cases.
 */
export function lowerOf(s: string): string {
  if (s !== lastText) {
    lastText = s;
    lastLower = s.toLowerCase();
  }
  return lastLower;
}

/** The season words the season regexes open with, looked for in a lower-cased title before running them. */
export function hasSeasonWord(lower: string): boolean {
  return lower.includes('season') || lower.includes('saison') || lower.includes('temporada');
}

/** Arabic-Indic, Persian and full-width digits read as ASCII so the numeric rules see them. */
const OTHER_DIGIT_RE = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/;

export function asciiDigits(s: string): string {
  // A plain test first: most titles have none, and replace with a callback costs more even without a match.
  if (!OTHER_DIGIT_RE.test(s)) return s;
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10) return String(c - 0xff10);
    if (c >= 0x06f0) return String(c - 0x06f0);
    return String(c - 0x0660);
  });
}

/** Largest range a release can plausibly span; longer ones are reported as their end points only. */
const MAX_RANGE = 500;

/** `first..last` inclusive; a descending or huge pair is kept as the listed numbers. */
export function range(first: number, last: number): number[] {
  if (last <= first || last - first > MAX_RANGE) return last === first ? [first] : [first, last];
  const out: number[] = [];
  for (let n = first; n <= last; n++) out.push(n);
  return out;
}

/** Numbers listed as `1-2-3` / `1E2E3` mean the span from the first to the last. */
export function spanOf(nums: number[]): number[] {
  if (nums.length === 0) return [];
  const first = nums[0]!;
  const last = nums[nums.length - 1]!;
  return nums.length === 1 ? [first] : range(first, last);
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

export function wordNumber(s: string): number | null {
  const n = WORD_NUMBERS[s.toLowerCase()];
  if (n !== undefined) return n;
  return /^\d{1,3}$/.test(s) ? Number(s) : null;
}

/** Plausible broadcast year, so a 4-digit number next to a title is read as a year, not an episode. */
export const isYear = (n: number): boolean => n >= 1900 && n <= 2100;
