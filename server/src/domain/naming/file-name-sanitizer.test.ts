import { describe, expect, it } from 'vitest';
import {
  finishComponent,
  guardReservedName,
  sanitizeValue,
  truncateToBytes,
  utf8Length,
} from './file-name-sanitizer.js';
import type { ColonReplacement } from './naming.types.js';

const on = (colonReplacementFormat: ColonReplacement) => ({ replaceIllegalCharacters: true, colonReplacementFormat });

describe('sanitizeValue: colon modes', () => {
  it.each<[ColonReplacement, string, string]>([
    ['delete', 'Series: Title', 'Series Title'],
    ['dash', 'Series: Title', 'Series- Title'],
    ['spaceDash', 'Series: Title', 'Series - Title'],
    ['spaceDashSpace', 'Series: Title', 'Series - Title'],
    ['smart', 'Series: Title', 'Series - Title'],
    ['delete', '24: 12:30', '24 1230'],
    ['dash', '24: 12:30', '24- 12-30'],
    ['spaceDash', '24: 12:30', '24 - 12 -30'],
    ['spaceDashSpace', '24: 12:30', '24 - 12 - 30'],
    ['smart', '24: 12:30', '24 - 12-30'],
    ['smart', 'Re:Zero', 'Re-Zero'],
    ['smart', 'Title:', 'Title'],
    ['smart', 'A : B', 'A - B'],
  ])('%s: %s → %s', (mode, input, expected) => {
    expect(sanitizeValue(input, on(mode))).toBe(expected);
  });
});

describe('sanitizeValue: illegal characters', () => {
  it.each([
    ['AC/DC', 'AC+DC'],
    ['Back\\Slash', 'Back+Slash'],
    ['Who?', 'Who!'],
    ['M*A*S*H', 'M-A-S-H'],
    ['"Quoted" <Angle> |Pipe|', 'Quoted Angle Pipe'],
    ['Tab\tand\u0000null\u001f', 'Tabandnull'],
    ['  many    spaces  ', 'many spaces'],
    ['Ünïcödé ok — 日本語', 'Ünïcödé ok — 日本語'],
  ])('%s → %s', (input, expected) => {
    expect(sanitizeValue(input, on('smart'))).toBe(expected);
  });

  it('deletes every illegal character, colons included, when replacement is off', () => {
    expect(
      sanitizeValue('Who?: AC/DC *live* "x" <y> |z|', {
        replaceIllegalCharacters: false,
        colonReplacementFormat: 'dash',
      }),
    ).toBe('Who ACDC live x y z');
  });
});

describe('finishComponent', () => {
  it.each([
    ['  .hidden name. . ', '', 'hidden name'],
    ['Title...', '.mkv', 'Title.mkv'],
    ['CON', '', 'CON_'],
    ['con', '.mkv', 'con_.mkv'],
    ['nul.part', '', 'nul_.part'],
    ['COM1', '.srt', 'COM1_.srt'],
    ['Console', '', 'Console'],
    ['LPT', '', 'LPT'],
    ['...', '.mkv', '_.mkv'],
    ['', '', '_'],
  ])('%j + %j → %j', (name, ext, expected) => {
    expect(finishComponent(name, ext)).toBe(expected);
  });

  it('keeps a component within 255 bytes of UTF-8 with its extension, never splitting a character', () => {
    const long = 'é'.repeat(200); // 400 bytes
    const out = finishComponent(long, '.mkv');
    expect(utf8Length(out)).toBe(254); // 125 × 2 bytes + 4: a 126th é would need 256
    expect(out).toBe(`${'é'.repeat(125)}.mkv`);
    expect(finishComponent('a'.repeat(300))).toBe('a'.repeat(255));
  });

  it('truncates by bytes on character boundaries (4-byte emoji, 3-byte CJK)', () => {
    expect(truncateToBytes('ab😀cd', 5)).toBe('ab');
    expect(truncateToBytes('ab😀cd', 6)).toBe('ab😀');
    expect(truncateToBytes('日本語', 7)).toBe('日本');
    expect(utf8Length('a€😀')).toBe(8);
  });

  it('guards reserved device names only as whole names', () => {
    expect(guardReservedName('aux')).toBe('aux_');
    expect(guardReservedName('Auxiliary')).toBe('Auxiliary');
    expect(guardReservedName('PRN.txt')).toBe('PRN_.txt');
  });
});
