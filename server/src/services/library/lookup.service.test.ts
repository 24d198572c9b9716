import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../lib/errors.js';
import { parseLookupTerm } from './lookup.service.js';

describe('parseLookupTerm', () => {
  it.each([
    ['fight club', { kind: 'text', text: 'fight club' }],
    ['  The Wire  ', { kind: 'text', text: 'The Wire' }],
    ['tmdb:550', { kind: 'tmdb', id: 550 }],
    ['TMDB: 550', { kind: 'tmdb', id: 550 }],
    ['tmdbid:550', { kind: 'tmdb', id: 550 }],
    ['tvdb:79509', { kind: 'tvdb', id: 79509 }],
    ['imdb:tt0137523', { kind: 'imdb', id: 'tt0137523' }],
    ['imdb:TT0137523', { kind: 'imdb', id: 'tt0137523' }],
    ['tt0137523', { kind: 'imdb', id: 'tt0137523' }],
    ['tmdb 550', { kind: 'text', text: 'tmdb 550' }],
    ['2001: A Space Odyssey', { kind: 'text', text: '2001: A Space Odyssey' }],
  ])('%j → %j', (raw, term) => {
    expect(parseLookupTerm(raw)).toEqual(term);
  });

  it.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    ['tmdb:abc', '"abc" is not a TMDB id'],
    ['tvdb:', '"" is not a TVDB id'],
    ['tmdb:0', '"0" is not a TMDB id'],
    ['tmdb:12345678901', 'is not a TMDB id'],
    ['imdb:0137523', 'is not an IMDb id'],
  ])('refuses %j on querystring.term', (raw, message) => {
    try {
      parseLookupTerm(raw);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).message).toContain(message);
      expect((err as ValidationError).findings[0]?.field).toBe('querystring.term');
    }
  });
});
