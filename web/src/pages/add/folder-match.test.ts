import { describe, expect, it } from 'vitest';
import { limiter, parseFolderName, proposeMatch } from './folder-match';

describe('parseFolderName', () => {
  it.each([
    ['Fight Club (1999)', 'movie', { term: 'Fight Club', title: 'Fight Club', year: 1999 }],
    ['fight club 1999 [remux]', 'movie', { term: 'fight club', title: 'fight club', year: 1999 }],
    ['The.Matrix.1999.1080p.BluRay', 'movie', { term: 'The Matrix', title: 'The Matrix', year: 1999 }],
    ['Blade Runner 2049 (2017)', 'movie', { term: 'Blade Runner 2049', title: 'Blade Runner 2049', year: 2017 }],
    [
      '2001 A Space Odyssey (1968)',
      'movie',
      { term: '2001 A Space Odyssey', title: '2001 A Space Odyssey', year: 1968 },
    ],
    ['1917', 'movie', { term: '1917', title: '1917', year: null }],
    ['Game of Thrones', 'series', { term: 'Game of Thrones', title: 'Game of Thrones', year: null }],
    ['Fight Club (1999) {tmdb-550}', 'movie', { term: 'tmdb:550', title: 'Fight Club', year: 1999 }],
    ['Fight Club [imdbid-tt0137523]', 'movie', { term: 'imdb:tt0137523', title: 'Fight Club', year: null }],
    ['Day Break (2006) [tvdbid-79509]', 'series', { term: 'tvdb:79509', title: 'Day Break', year: 2006 }],
    // A TVDB id says nothing to the movie lookup, and an imdb tag needs a tt id.
    ['Heat (1995) {tvdb-123}', 'movie', { term: 'Heat', title: 'Heat', year: 1995 }],
    ['Heat (1995) {imdb-123}', 'movie', { term: 'Heat', title: 'Heat', year: 1995 }],
    [
      'Mission - Impossible - 1996',
      'movie',
      { term: 'Mission - Impossible', title: 'Mission - Impossible', year: 1996 },
    ],
  ] as const)('%s (%s)', (name, kind, expected) => {
    expect(parseFolderName(name, kind)).toEqual(expected);
  });
});

describe('proposeMatch', () => {
  const guess = { term: 'Dune', title: 'Dune', year: 1984 };
  it('prefers the same title and year over the provider order', () => {
    expect(
      proposeMatch(guess, [
        { title: 'Dune', year: 2021 },
        { title: 'Dune: Part Two', year: 2024 },
        { title: 'Dune', year: 1984 },
      ]),
    ).toBe(2);
  });
  it('takes a year off by one, and else the first result', () => {
    expect(
      proposeMatch(guess, [
        { title: 'Dune', year: 2021 },
        { title: 'Dune', year: 1985 },
      ]),
    ).toBe(1);
    expect(
      proposeMatch(guess, [
        { title: 'Other', year: 2000 },
        { title: 'Else', year: 2001 },
      ]),
    ).toBe(0);
  });
  it('never proposes what is already in the library, and nothing for no results', () => {
    expect(
      proposeMatch(guess, [
        { title: 'Dune', year: 1984, id: 3 },
        { title: 'Dune', year: 2021 },
      ]),
    ).toBe(1);
    expect(proposeMatch(guess, [{ title: 'Dune', year: 1984, id: 3 }])).toBe(-1);
    expect(proposeMatch(guess, [])).toBe(-1);
  });
});

describe('limiter', () => {
  it('never runs more than the limit at once and runs everything', async () => {
    const limit = limiter(2);
    let running = 0;
    let peak = 0;
    const done = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        limit(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 1 + (i % 3)));
          running--;
          return i;
        }),
      ),
    );
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(2);
  });
});
