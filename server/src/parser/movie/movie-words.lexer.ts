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

const FIRST_RUN = /[a-z0-9]+/;
const NON_ALNUM = /[^a-z0-9]+/g;
const OPENERS_ONLY = /^[([{]*$/;

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
    const m = FIRST_RUN.exec(lower);
    out.push({
      raw,
      start,
      sepAfter: i < n ? s[i]! : '',
      head: m ? m[0] : '',
      flat: lower.replace(NON_ALNUM, ''),
      headLeads: m ? OPENERS_ONLY.test(lower.slice(0, m.index)) : false,
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
