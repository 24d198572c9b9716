// Backward scans that give exactly what two end-anchored regexes give, without the regex trying every
// start position of a 200-character tail. Each is checked against its regex in tail-scan.util.test.ts.

const LETTER = /\p{L}/u;
const SPACE = /\s/;

/** Length (1, or 2 for a surrogate pair) of the `\p{L}` code point ending just before `i`; 0 when none. */
function letterBefore(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 0;
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return LETTER.test(text.slice(i - 2, i)) ? 2 : 0;
  }
  return LETTER.test(text.charAt(i - 1)) ? 1 : 0;
}

function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(text.charAt(i));
}

/** `[-\s._]`, as a char test. */
function isSeparator(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 45 || c === 46 || c === 95 || isSpace(text, i);
}

export interface TailMatch {
  /** Where the regex match would start. */
  index: number;
  /** Its first capture group. */
  group: string;
}

/** Same as `/[-\s._]+([\p{L}]+)$/u.exec(text)`: the trailing letters and where their separators start. */
export function trailingLetterWord(text: string): TailMatch | null {
  let i = text.length;
  while (i > 0) {
    const n = letterBefore(text, i);
    if (n === 0) break;
    i -= n;
  }
  if (i === text.length || i === 0 || !isSeparator(text, i - 1)) return null;
  const word = i;
  while (i > 0 && isSeparator(text, i - 1)) i--;
  return { index: i, group: text.slice(word) };
}

/** Same as `/\s*-?\s*\[([^[\]]*)\]\s*$/.exec(text)` for a `text` that ends in `]`. */
export function trailingBracket(text: string): TailMatch | null {
  const close = text.length - 1;
  if (text.charCodeAt(close) !== 93) return null;
  const open = text.lastIndexOf('[', close);
  if (open < 0 || text.lastIndexOf(']', close - 1) > open) return null;
  // The leftmost start: spaces, at most one dash, spaces, walked back from the bracket.
  let i = open;
  while (i > 0 && isSpace(text, i - 1)) i--;
  if (i > 0 && text.charCodeAt(i - 1) === 45) {
    i--;
    while (i > 0 && isSpace(text, i - 1)) i--;
  }
  return { index: i, group: text.slice(open + 1, close) };
}
