// Recognises a movie edition ("Director's Cut", "Extended Theatrical Version IMAX", "50th Anniversary Edition").
// Before the year only recognised edition words count (so "The Christmas Edition 1941" stays a title);
// after the year any short phrase ending in Edition/Cut/Version also counts ("The Imperial Edition").
import type { MovieWord } from './movie-words.lexer.js';

/** Words that are an edition on their own. */
const EDITION_WORDS = new Set([
  'extended',
  'directors',
  'director',
  'theatrical',
  'imax',
  'despecialized',
  'remastered',
  'restored',
  'uncut',
  'unrated',
  'ultimate',
  'fanedit',
  '2in1',
  'recut',
  'uncensored',
  'dc',
]);
/** Words that close an edition phrase. */
const ANCHORS = new Set(['edition', 'cut', 'version', 'edit', 'matte']);
/** Words that only belong to an edition when an anchor follows ("Special Edition", "Open Matte"). */
const JOINERS = new Set(['special', 'open', 'assembly', 'final', 'fan', 'alternate', 'alternative', 'collectors']);
const MAX_EDITION_WORDS = 8;
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
const ARTICLES = new Set(['the', 'a', 'an']);

type Kind = 'word' | 'anchor' | 'joiner' | 'free' | 'stop';
const NUMBER = /^\d*$/;

function kindOf(w: MovieWord): Kind {
  const k = w.flat;
  // Years and bare numbers ("2012") separate phrases; they are never edition words.
  if (NUMBER.test(k)) return 'stop';
  if (EDITION_WORDS.has(k)) return 'word';
  if (ANCHORS.has(k)) return 'anchor';
  if (JOINERS.has(k) || ORDINAL.test(k)) return 'joiner';
  return 'free';
}

/** Index after the last word of the edition that starts at `i`, or `i` when none starts there. */
export function editionEnd(words: MovieWord[], i: number, stop: number, allowFree: boolean): number {
  let end = i;
  let pendingFree = 0;
  // Editions are short phrases; the cap keeps scans linear on pathological word lists.
  const limit = Math.min(stop, i + MAX_EDITION_WORDS);
  for (let j = i; j < limit; j++) {
    const kind = kindOf(words[j]!);
    if (kind === 'word' || kind === 'anchor') {
      if (kind === 'anchor' && j === i) return i;
      end = j + 1;
      pendingFree = 0;
    } else if (kind === 'joiner' || (allowFree && kind === 'free' && !ARTICLES.has(words[j]!.flat))) {
      // Joiners and (after the year) free words need an anchor before the phrase closes.
      if (++pendingFree > 2) break;
      if (j === i && kind === 'free' && !nextIsAnchor(words, j, stop)) return i;
    } else break;
  }
  return end;
}

/** A free word starts an edition only when it directly precedes its anchor chain ("Imperial Edition"). */
function nextIsAnchor(words: MovieWord[], j: number, stop: number): boolean {
  for (let k = j + 1; k < stop && k <= j + 2; k++) {
    const kind = kindOf(words[k]!);
    if (kind === 'anchor') return true;
    if (kind !== 'joiner' && kind !== 'free') return false;
  }
  return false;
}

/** The edition text of words [i, end): brackets stripped, original spelling kept. */
export function editionText(words: MovieWord[], i: number, end: number): string {
  const parts: string[] = [];
  for (let j = i; j < end; j++) {
    const t = words[j]!.raw.replace(/^[([{]+|[)\]}]+$/g, '');
    if (t) parts.push(t);
  }
  return parts.join(' ');
}

/** First edition in words [from, stop) (the stretch after the title, up to the first quality tag). */
export function findEdition(words: MovieWord[], from: number, stop: number, allowFree: boolean): string {
  for (let i = from; i < stop; i++) {
    if (ARTICLES.has(words[i]!.flat)) continue;
    const end = editionEnd(words, i, stop, allowFree);
    if (end > i) return editionText(words, i, end);
  }
  return '';
}
