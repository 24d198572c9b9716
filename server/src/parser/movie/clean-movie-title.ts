// Normalises a movie title for matching: case, accents, punctuation and filler words must not matter.

const FILLER = new Set(['the', 'and', 'or', 'an', 'of', 'a']);
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’`]/g;
const NON_ALNUM = /[^\p{L}\p{N}]+/u;

/**
 * `The Movie: Title à Deux (2009)` → `themovietitledeux2009`. Filler words are dropped only between other
 * words (a leading "The" or trailing "A" is part of the name), and single letters in a run are an acronym
 * (`a N K L E`), never filler.
 */
export function cleanMovieTitle(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .split(NON_ALNUM)
    .filter((w) => w !== '');
  let out = '';
  const last = words.length - 1;
  for (let i = 0; i <= last; i++) {
    const w = words[i]!;
    if (i > 0 && i < last && FILLER.has(w)) {
      const inAcronym = w.length === 1 && (words[i - 1]!.length === 1 || words[i + 1]!.length === 1);
      if (!inAcronym) continue;
    }
    out += w;
  }
  return out;
}
