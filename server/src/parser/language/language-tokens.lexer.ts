// Splits a release title into word tokens and classifies each one for the language parser.
// Classification is a handful of Map lookups per token, so the whole pass is linear.
import { isMediaPatternToken, MEDIA_WORDS } from '../release-group/media-tokens.data.js';
import { forEachWord, type Word } from '../release-group/word-scan.util.js';
import { LANGUAGE_CODES, LANGUAGE_COUNTRIES, LANGUAGE_PAIRS, LANGUAGE_WORDS } from './language-table.data.js';

export type TokenKind = 'lang' | 'sub' | 'dub' | 'media' | 'other';

export interface LangToken {
  text: string;
  start: number;
  /** Offset just past the raw token (the raw token may carry a `2x` count prefix). */
  end: number;
  kind: TokenKind;
  /** Language named by a `lang` token. */
  language?: string;
  /** How the language was spelled: full words are trusted, bare abbreviations need media context. */
  form?: 'word' | 'code' | 'pair' | 'country';
  /** The token itself says the language is a subtitle (`SUBFRENCH`, `PLSUB`, `ENSub`). */
  subtitle?: boolean;
}

/** Leading channel count on a language (`2xUkr`, `4xUkr`, `2Ukr`): the count says nothing about which language. */
const COUNT_PREFIX = /^\d{1,2}x?(?=\p{L}{2,}$)/u;
const SUB_MARKERS = new Set([
  'sub',
  'subs',
  'subtitle',
  'subtitles',
  'subbed',
  'subtitulos',
  'subtitulado',
  'legendado',
]);
const SOFT_SUB_MARKERS = new Set(['esub', 'esubs', 'msub', 'msubs', 'multisub', 'multisubs', 'softsubs', 'vostfr']);
const DUB_MARKERS = new Set(['dub', 'dubbed', 'audio', 'lek', 'lektor', 'multi', 'dual', 'mvo', 'dvo', 'avo', 'vo']);
/** Cheap pre-check so only tokens that can be compounds pay for the affix loop. */
const COMPOUND_HINT = /dub|audio|lek|sub/;
const AUDIO_AFFIXES = ['dubbed', 'dub', 'audio', 'lek'];
const SUB_AFFIXES = ['subs', 'sub'];

function lookupCore(core: string): string | undefined {
  const lower = core.toLowerCase();
  return LANGUAGE_WORDS.get(lower) ?? LANGUAGE_CODES.get(lower) ?? LANGUAGE_PAIRS.get(core.toUpperCase());
}

/** `PLDUB`, `DUBPL`, `LEKPL`, `HebDubbed`, `BGAUDIO`, `SUBFRENCH`, `RUSub`: a language glued to a dub/sub marker. */
function classifyCompound(lower: string, original: string): LangToken | undefined {
  for (const [affixes, subtitle] of [
    [AUDIO_AFFIXES, false],
    [SUB_AFFIXES, true],
  ] as const) {
    for (const affix of affixes) {
      if (lower.length <= affix.length + 1) continue;
      let core: string | undefined;
      if (lower.endsWith(affix)) core = original.slice(0, original.length - affix.length);
      else if (lower.startsWith(affix)) core = original.slice(affix.length);
      const language = core === undefined ? undefined : lookupCore(core);
      if (language) return { text: original, start: 0, end: 0, kind: 'lang', language, form: 'word', subtitle };
    }
  }
  return undefined;
}

/** A word as the classifier reads it: without a leading channel count. */
function tokenText(raw: string): string {
  const c = raw.charCodeAt(0);
  return c >= 48 && c <= 57 ? raw.replace(COUNT_PREFIX, '') : raw;
}

function classify(raw: string, start: number): LangToken {
  return classifyAt(tokenText(raw), start, start + raw.length);
}

function classifyAt(text: string, start: number, end: number): LangToken {
  const token = classifyText(text);
  // Plain assignment: an object spread here dominated the profile (megamorphic clone).
  token.start = start;
  token.end = end;
  return token;
}

/** What a lowercased token means on its own; the token object is built from it per occurrence. */
interface LexEntry {
  kind: 'lang' | 'sub' | 'dub' | 'media';
  language?: string;
  form?: 'word' | 'code' | 'country';
}

/**
 * Words, codes, countries, sub and dub markers in one Map, first spelling wins in the order the checks
 * used to run, so one lookup replaces up to seven. Pairs stay apart: they match on exact case and sit
 * between codes and countries in precedence.
 */
const LEXICON = new Map<string, LexEntry>();
function indexLanguages(map: Map<string, string>, form: 'word' | 'code' | 'country'): void {
  for (const [key, language] of map) if (!LEXICON.has(key)) LEXICON.set(key, { kind: 'lang', language, form });
}
function indexMarkers(set: ReadonlySet<string>, kind: 'sub' | 'dub' | 'media'): void {
  for (const key of set) if (!LEXICON.has(key)) LEXICON.set(key, { kind });
}
indexLanguages(LANGUAGE_WORDS, 'word');
indexLanguages(LANGUAGE_CODES, 'code');
indexLanguages(LANGUAGE_COUNTRIES, 'country');
indexMarkers(SUB_MARKERS, 'sub');
indexMarkers(DUB_MARKERS, 'dub');
indexMarkers(SOFT_SUB_MARKERS, 'dub');
// Media words last: they only count when nothing above claimed the spelling (isMediaToken's word half).
indexMarkers(MEDIA_WORDS, 'media');

function classifyText(text: string): LangToken {
  const lower = text.toLowerCase();
  const e = LEXICON.get(lower);
  if (e !== undefined && (e.form === 'word' || e.form === 'code')) {
    return { text, start: 0, end: 0, kind: 'lang', language: e.language, form: e.form };
  }
  // Pairs are two letters; skipping the lookup for every other token saves a string hash per word.
  const pair = text.length === 2 ? LANGUAGE_PAIRS.get(text) : undefined;
  if (pair) return { text, start: 0, end: 0, kind: 'lang', language: pair, form: 'pair' };
  if (e !== undefined) {
    return e.kind === 'lang'
      ? { text, start: 0, end: 0, kind: 'lang', language: e.language, form: e.form }
      : { text, start: 0, end: 0, kind: e.kind };
  }
  if (isMediaPatternToken(text)) return { text, start: 0, end: 0, kind: 'media' };
  const compound = COMPOUND_HINT.test(lower) ? classifyCompound(lower, text) : undefined;
  return compound ?? { text, start: 0, end: 0, kind: 'other' };
}

/** True when every word (at least one) names a language; stops at the first one that does not. */
export function allLanguageWords(words: Word[]): boolean {
  if (words.length === 0) return false;
  for (const w of words) if (classify(w.text, w.start).kind !== 'lang') return false;
  return true;
}

/**
 * Word tokens of `text`, classified. Only words starting at or after `classifyFrom` are classified and
 * returned (the language parser never looks at the title's words); `onWord` sees every word as read.
 */
export function tokenize(text: string, classifyFrom = 0, onWord?: (word: string, start: number) => void): LangToken[] {
  const tokens: LangToken[] = [];
  forEachWord(
    text,
    (start, stop) => {
      const word = tokenText(text.slice(start, stop));
      onWord?.(word, start);
      if (start >= classifyFrom) tokens.push(classifyAt(word, start, stop));
    },
    onWord === undefined ? classifyFrom : 0,
  );
  return tokens;
}
