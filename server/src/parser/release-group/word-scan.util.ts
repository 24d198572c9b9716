// Hand-written word scanner: a char-code loop is several times faster than a Unicode-property regex
// with matchAll, and the parsers scan every title more than once.

export interface Word {
  text: string;
  start: number;
  end: number;
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0x200b && c <= 0x200d) return false; // zero-width spaces separate words
  return NON_ASCII_WORD.test(text[i]!);
}

/**
 * Calls `visit(start, end)` for each maximal run of letters/digits that starts at or after `from`, building
 * no word objects. One call per
 * text: under the dev loader every cross-module call goes through an export getter, so per-word helpers
 * imported from here cost more than this loop.
 */
export function forEachWord(text: string, visit: (start: number, end: number) => void, from = 0): void {
  let start = -1;
  // Words starting before `from` are skipped: step over the rest of one that straddles it.
  let i = from;
  while (i > 0 && i < text.length && isWordChar(text, i - 1) && isWordChar(text, i)) i++;
  for (; i <= text.length; i++) {
    const inWord = i < text.length && isWordChar(text, i);
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(start, i);
      start = -1;
    }
  }
}

/**
 * `forEachWord` from the last word back to the first, until `visit` returns true. Finding the last word
 * of some kind this way usually stops after a word or two instead of walking the whole text.
 */
export function findWordFromEnd(text: string, visit: (start: number, end: number) => boolean): void {
  let i = text.length - 1;
  while (i >= 0) {
    while (i >= 0 && !isWordChar(text, i)) i--;
    if (i < 0) return;
    const end = i + 1;
    while (i >= 0 && isWordChar(text, i)) i--;
    if (visit(i + 1, end)) return;
  }
}

/** Maximal runs of letters/digits in `text`, with their offsets. */
export function scanWords(text: string): Word[] {
  const words: Word[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && isWordChar(text, i);
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      words.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    }
  }
  return words;
}
