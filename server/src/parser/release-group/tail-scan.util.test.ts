// The backward scans must agree with the regexes they replace on every input, including odd Unicode.
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../../bench/support/fuzz-titles.js';
import { trailingBracket, trailingLetterWord } from './tail-scan.util.js';

const LETTER_WORD_RE = /[-\s._]+([\p{L}]+)$/u;
const BRACKET_RE = /\s*-?\s*\[([^[\]]*)\]\s*$/;

/** Characters that matter to either pattern, plus letters outside ASCII and the BMP, and lone surrogates. */
const ALPHABET = [
  'a',
  'Z',
  '9',
  ' ',
  '\t',
  '\u00a0',
  '\u3000',
  '-',
  '.',
  '_',
  '[',
  ']',
  'é',
  'Я',
  '中',
  '𝐀',
  '\ud835',
  '\udc00',
  '(',
  'x',
];

function randomStrings(count: number): string[] {
  const rng = seededRng(20_260_521);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let s = '';
    const len = Math.floor(rng() * 14);
    for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(rng() * ALPHABET.length)]!;
    out.push(s);
  }
  return out;
}

const SAMPLES = [
  '',
  'Show.S01E01.720p-GRP English',
  'Show - [rarbg.com]',
  'Show -- [x]',
  'Show-[x]',
  'a]b[c]',
  '[x]',
  ' - [x]',
  'x264-SKGTV_English',
  'Title.𝐀𝐁',
  ...randomStrings(20_000),
];

describe('tail scans', () => {
  it('trailingLetterWord agrees with its regex', () => {
    for (const s of SAMPLES) {
      const m = LETTER_WORD_RE.exec(s);
      expect(trailingLetterWord(s), JSON.stringify(s)).toEqual(m ? { index: m.index, group: m[1] } : null);
    }
  });

  it('trailingBracket agrees with its regex on text ending in a bracket', () => {
    for (const raw of SAMPLES) {
      const s = raw.trimEnd();
      const m = s.endsWith(']') ? BRACKET_RE.exec(s) : null;
      expect(trailingBracket(s), JSON.stringify(s)).toEqual(m ? { index: m.index, group: m[1] } : null);
    }
  });
});
