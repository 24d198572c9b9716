import { describe, expect, it } from 'vitest';
import { mapMovie, mapSeries } from './mapper.js';

const o = { imageBaseUrl: 'https://img.example/t/p/original/', certificationCountry: 'US' };

describe('TMDB mapper', () => {
  it('maps collection, status and falls back to limited and plain release dates', () => {
    const base = { id: 1, title: 'A', release_date: '2020-05-01', status: 'Post Production' };
    const limited = mapMovie(
      {
        ...base,
        belongs_to_collection: { id: 9, name: 'A Collection' },
        release_dates: {
          results: [{ iso_3166_1: 'FR', release_dates: [{ type: 2, release_date: '2020-03-03T00:00:00Z' }] }],
        },
      },
      o,
    );
    expect(limited).toMatchObject({
      status: 'postProduction',
      inCinemas: '2020-03-03',
      collection: { tmdbId: 9, title: 'A Collection' },
    });
    expect(limited.certification).toBeUndefined();
    expect(mapMovie({ ...base, status: 'Something New' }, o)).toMatchObject({
      status: 'unknown',
      inCinemas: '2020-05-01',
    });
  });

  it('joins image paths without doubling slashes and skips missing ones', () => {
    const movie = mapMovie({ id: 1, title: 'A', poster_path: '/p.jpg', backdrop_path: null }, o);
    expect(movie.images).toEqual({ poster: 'https://img.example/t/p/original/p.jpg' });
  });

  it('maps series states onto continuing / ended / upcoming', () => {
    const status = (s: string) => mapSeries({ id: 1, name: 'S', status: s }, [], o).status;
    expect(['Returning Series', 'Ended', 'Canceled', 'In Production', 'Planned', '?'].map(status)).toEqual([
      'continuing',
      'ended',
      'ended',
      'upcoming',
      'upcoming',
      'unknown',
    ]);
  });
});
