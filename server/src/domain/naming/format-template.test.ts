import { describe, expect, it } from 'vitest';
import { parseTemplate } from './format-template.js';

const tokenOf = (format: string) => {
  const parsed = parseTemplate(format);
  expect(parsed.errors).toEqual([]);
  const t = parsed.parts.find((p) => p.kind === 'token');
  if (t?.kind !== 'token') throw new Error('no token');
  return { key: t.key, separator: t.separator, casing: t.casing, prefix: t.prefix, suffix: t.suffix, format: t.format };
};

describe('parseTemplate tokens', () => {
  it.each([
    ['{Series Title}', 'series title', ' ', 'asis', '', '', null],
    ['{Series.Title}', 'series title', '.', 'asis', '', '', null],
    ['{Series_Title}', 'series title', '_', 'asis', '', '', null],
    ['{Series-Title}', 'series title', '-', 'asis', '', '', null],
    ['{SERIES TITLE}', 'series title', ' ', 'upper', '', '', null],
    ['{series title}', 'series title', ' ', 'lower', '', '', null],
    ['{season:00}', 'season', ' ', 'lower', '', '', '00'],
    ['{Air-Date}', 'air date', '-', 'asis', '', '', null],
    ['{-Release Group}', 'release group', ' ', 'asis', '-', '', null],
    ['{[Quality Full]}', 'quality full', ' ', 'asis', '[', ']', null],
    ['{ (Release Year)}', 'release year', ' ', 'asis', ' (', ')', null],
    ['{Episode Title:30}', 'episode title', ' ', 'asis', '', '', '30'],
    ['{ImdbId}', 'imdbid', ' ', 'asis', '', '', null],
  ])('%s', (format, key, separator, casing, prefix, suffix, fmt) => {
    expect(tokenOf(format)).toEqual({ key, separator, casing, prefix, suffix, format: fmt });
  });

  it('splits literal text, tokens and path breaks, and reads escaped braces as text', () => {
    const parsed = parseTemplate('Season {season}/{{x}} {Series Title}\\end');
    expect(parsed.errors).toEqual([]);
    expect(parsed.parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'token' ? `<${p.key}>` : '/'))).toEqual([
      'Season ',
      '<season>',
      '/',
      '{x} ',
      '<series title>',
      '/',
      'end',
    ]);
  });

  it('reads the Plex-style wrapper {imdb-{ImdbId}}', () => {
    const parsed = parseTemplate('{Movie Title} {imdb-{ImdbId}}');
    expect(parsed.errors).toEqual([]);
    expect(parsed.parts[2]).toMatchObject({ kind: 'token', key: 'imdbid', wrapper: 'imdb-', raw: '{imdb-{ImdbId}}' });
  });

  it.each([
    ['{Series Title', 'unclosed token {Series Title'],
    ['Title}', 'unmatched } (write }} for a literal brace)'],
    ['{Series Title:}', 'invalid token {Series Title:}'],
    ['{Series Title!}', 'invalid token {Series Title!}'],
    ['{a b c}', 'invalid token {a b c}'],
    ['{x-{ImdbId}', 'invalid token {x-{ImdbId}'],
  ])('reports %s', (format, message) => {
    expect(parseTemplate(format).errors.map((e) => e.message)).toEqual([message]);
  });
});
