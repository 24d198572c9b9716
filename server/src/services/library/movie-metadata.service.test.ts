import { describe, expect, it } from 'vitest';
import type { MovieMetadata } from '../../providers/ports/metadata.port.js';
import { movieAlternativeTitles, movieMetadataFields, movieStatus, toMediaImages } from './movie-metadata.service.js';

const TODAY = '2024-06-15';

describe('movieStatus', () => {
  it.each([
    [{ status: 'released', physicalRelease: '2024-06-01' }, 'released'],
    [{ status: 'released', digitalRelease: '2024-06-15' }, 'released'],
    [{ status: 'released', inCinemas: '2024-06-01', digitalRelease: '2024-08-01' }, 'inCinemas'],
    [{ status: 'released', inCinemas: '2024-01-01' }, 'released'],
    [{ status: 'released', inCinemas: '2024-05-01' }, 'inCinemas'],
    [{ status: 'released' }, 'released'],
    [{ status: 'postProduction', inCinemas: '2024-12-01' }, 'announced'],
    [{ status: 'inProduction' }, 'announced'],
    [{ status: 'planned' }, 'announced'],
    [{ status: 'rumored' }, 'tba'],
    [{ status: 'canceled' }, 'tba'],
    [{ status: 'unknown', physicalRelease: '2030-01-01' }, 'announced'],
  ] as const)('%j → %s', (m, status) => {
    expect(movieStatus(m as Pick<MovieMetadata, 'status'>, TODAY)).toBe(status);
  });
});

describe('movie metadata mapping', () => {
  const metadata: MovieMetadata = {
    tmdbId: 550,
    title: 'Fight Club',
    originalTitle: 'Fight Club',
    images: { poster: 'p.jpg', fanart: 'f.jpg' },
    alternativeTitles: [{ title: 'Clube da Luta' }, { title: 'FIGHT CLUB' }, { title: 'Clube da Luta', country: 'PT' }],
    status: 'released',
    genres: ['Drama'],
  };

  it('fills defaults for what the provider left out', () => {
    expect(movieMetadataFields(metadata, TODAY)).toMatchObject({
      tmdbId: 550,
      imdbId: null,
      sortTitle: 'fight club',
      cleanTitle: 'fightclub',
      year: 0,
      runtime: 0,
      status: 'released',
      images: [
        { coverType: 'poster', remoteUrl: 'p.jpg' },
        { coverType: 'fanart', remoteUrl: 'f.jpg' },
      ],
      collection: null,
    });
    expect(movieMetadataFields({ ...metadata, inCinemas: '1999-10-15' }, TODAY).year).toBe(1999);
  });

  it('keeps alternative titles that clean differently from the title, once each', () => {
    expect(movieAlternativeTitles(metadata)).toEqual([
      { title: 'Clube da Luta', cleanTitle: 'clubedaluta', source: 'tmdb' },
    ]);
  });

  it('orders artwork poster, fanart, banner', () => {
    expect(toMediaImages({ banner: 'b', poster: 'p' }).map((i) => i.coverType)).toEqual(['poster', 'banner']);
  });
});
