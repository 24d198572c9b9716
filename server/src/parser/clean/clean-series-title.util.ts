// CleanSeriesTitle: the matching key for series names. Case, accents, punctuation and the small
// words (a, an, the, and, or, of) inside a title do not distinguish two series; a leading or trailing
// small word does ("The Series", "word word the").

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of']);
/** Letters NFD does not decompose into base + accent. */
const FOLDS: Record<string, string> = { ð: 'd', þ: 'th', æ: 'ae', ø: 'o', ß: 'ss', đ: 'd', ł: 'l', œ: 'oe', ı: 'i' };

export function removeAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ðþæøßđłœı]/g, (ch) => FOLDS[ch] ?? ch);
}

export function cleanSeriesTitle(title: string): string {
  if (typeof title !== 'string') return '';
  const s = removeAccents(title.toLowerCase()).replace(/(\d)\s*%/g, '$1percent');
  const words = s.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  return words.filter((w, i) => i === 0 || i === words.length - 1 || !SMALL_WORDS.has(w)).join('');
}
