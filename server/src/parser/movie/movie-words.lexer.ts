// Splits a movie release name into words on the separators release names use (space, dot, underscore),
// remembering which separator followed each word: acronyms like `U.N.C.L.E.` depend on it.

export interface MovieWord {
  /** The word as written (brackets and other punctuation kept). */
  raw: string;
  /** Offset of the word in the string it was split from. */
  start: number;
  /** The separator right after the word ('' at the end). */
  sepAfter: string;
  /** Lowercase first run of ASCII letters/digits (`(BDRip` → `bdrip`, `x264-GRP` → `x264`). */
  head: string;
  /** Lowercase word with every non-alphanumeric removed (`Blu-ray` → `bluray`, `WEB-DL` → `webdl`). */
  flat: string;
  /** True when only brackets precede `head` (so `(2009)` and `[2023]` still read as years). */
  headLeads: boolean;
}

function isSep(c: number, hyphen: boolean): boolean {
  return c === 32 || c === 46 || c === 95 || c === 9 || (hyphen && c === 45);
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

/** `lower` without anything but a-z0-9; a char loop, as this runs for every word of every title. */
function flatten(lower: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    if (isAlnum(lower.charCodeAt(i))) continue;
    out += lower.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

/** True when `lower[0, end)` holds only the openers `(`, `[`, `{`. */
function onlyOpeners(lower: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = lower.charCodeAt(i);
    if (c !== 40 && c !== 91 && c !== 123) return false;
  }
  return true;
}

/** Words of `s`; a name with no other separator is split on hyphens ("Words-Here-Movie-(1990)"). */
export function splitWords(s: string): MovieWord[] {
  const words = split(s, false);
  return words.length === 1 && s.includes('-') ? split(s, true) : words;
}

function split(s: string, hyphen: boolean): MovieWord[] {
  const out: MovieWord[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSep(s.charCodeAt(i), hyphen)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSep(s.charCodeAt(i), hyphen)) i++;
    const raw = s.slice(start, i);
    const lower = raw.toLowerCase();
    // head: the first run of [a-z0-9] in `lower`, found with a char loop.
    let h = 0;
    while (h < lower.length && !isAlnum(lower.charCodeAt(h))) h++;
    let e = h;
    while (e < lower.length && isAlnum(lower.charCodeAt(e))) e++;
    out.push({
      raw,
      start,
      sepAfter: i < n ? s[i]! : '',
      head: lower.slice(h, e),
      flat: flatten(lower),
      headLeads: e > h && onlyOpeners(lower, h),
    });
  }
  return out;
}

/** 4-digit year a release could carry (film started in the 1880s; leave room for future dates). */
export function yearOf(w: MovieWord): number {
  if (!w.headLeads || w.head.length !== 4) return 0;
  const y = Number(w.head);
  return y >= 1880 && y <= 2100 && String(y) === w.head ? y : 0;
}
