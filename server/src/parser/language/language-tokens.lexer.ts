// Splits a release title into word tokens and classifies each one for the language parser.
// Classification is a handful of Map lookups per token, so the whole pass is linear.
import { isMediaToken } from '../release-group/media-tokens.data.js';
import { scanWords } from '../release-group/word-scan.util.js';
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

function classify(raw: string, start: number): LangToken {
  const c = raw.charCodeAt(0);
  const token = classifyText(c >= 48 && c <= 57 ? raw.replace(COUNT_PREFIX, '') : raw);
  // Plain assignment: an object spread here dominated the profile (megamorphic clone).
  token.start = start;
  token.end = start + raw.length;
  return token;
}

function classifyText(text: string): LangToken {
  const lower = text.toLowerCase();
  const word = LANGUAGE_WORDS.get(lower);
  if (word) return { text, start: 0, end: 0, kind: 'lang', language: word, form: 'word' };
  const code = LANGUAGE_CODES.get(lower);
  if (code) return { text, start: 0, end: 0, kind: 'lang', language: code, form: 'code' };
  const pair = LANGUAGE_PAIRS.get(text);
  if (pair) return { text, start: 0, end: 0, kind: 'lang', language: pair, form: 'pair' };
  const country = LANGUAGE_COUNTRIES.get(lower);
  if (country) return { text, start: 0, end: 0, kind: 'lang', language: country, form: 'country' };
  if (SUB_MARKERS.has(lower)) return { text, start: 0, end: 0, kind: 'sub' };
  if (DUB_MARKERS.has(lower) || SOFT_SUB_MARKERS.has(lower)) return { text, start: 0, end: 0, kind: 'dub' };
  if (isMediaToken(text)) return { text, start: 0, end: 0, kind: 'media' };
  const compound = COMPOUND_HINT.test(lower) ? classifyCompound(lower, text) : undefined;
  return compound ?? { text, start: 0, end: 0, kind: 'other' };
}

/** All word tokens of `text`, classified. */
export function tokenize(text: string): LangToken[] {
  const tokens: LangToken[] = [];
  for (const word of scanWords(text)) tokens.push(classify(word.text, word.start));
  return tokens;
}
