import { describe, expect, it } from 'vitest';
import type { SeriesMetadata } from '../../providers/ports/metadata.port.js';
import {
  airDateUtc,
  episodesFromMetadata,
  seasonNumbers,
  seriesAlternativeTitles,
  seriesMetadataFields,
} from './series-metadata.service.js';

describe('airDateUtc', () => {
  it.each([
    ['2006-11-15', '22:00', '2006-11-15T22:00:00.000Z'],
    ['2006-11-15', undefined, '2006-11-15T00:00:00.000Z'],
    ['2006-11-15', '9pm', '2006-11-15T00:00:00.000Z'],
    [undefined, '22:00', null],
    ['2006-13-45', '22:00', null],
    ['soon', undefined, null],
  ])('%s %s → %s', (day, time, instant) => {
    expect(airDateUtc(day, time)).toBe(instant);
  });
});

describe('series metadata mapping', () => {
  const m: SeriesMetadata = {
    tvdbId: 79509,
    title: 'Day Break',
    status: 'unknown',
    images: {},
    alternativeTitles: [{ title: 'Daybreak' }, { title: 'Day-Break' }],
    genres: [],
    airTime: '21:00',
    runtime: 44,
    seasons: [
      { seasonNumber: 0, images: {} },
      { seasonNumber: 1, images: {} },
    ],
    episodes: [
      { seasonNumber: 1, episodeNumber: 1, title: 'One', airDate: '2006-11-15' },
      { seasonNumber: 1, episodeNumber: 2, title: '', airDate: '2030-01-01', runtime: 50 },
      { seasonNumber: 2, episodeNumber: 1, title: 'Later' },
      { seasonNumber: 0, episodeNumber: 1, title: 'Special', airDate: '2000-01-01' },
    ],
  };

  it('maps episodes with air instants, runtimes and empty titles as null', () => {
    const episodes = episodesFromMetadata(m);
    expect(episodes.map((e) => [e.seasonNumber, e.episodeNumber, e.title, e.airDateUtc, e.runtime])).toEqual([
      [1, 1, 'One', '2006-11-15T21:00:00.000Z', 44],
      [1, 2, null, '2030-01-01T21:00:00.000Z', 50],
      [2, 1, 'Later', null, 44],
      [0, 1, 'Special', '2000-01-01T21:00:00.000Z', 44],
    ]);
    expect(seasonNumbers(m)).toEqual([0, 1, 2]);
  });

  it('derives first/last aired from regular seasons and next/previous airing from now', () => {
    const fields = seriesMetadataFields(m, episodesFromMetadata(m), '2024-01-01T00:00:00.000Z');
    expect(fields).toMatchObject({
      status: 'continuing',
      year: 2006,
      firstAired: '2006-11-15',
      lastAired: '2030-01-01',
      nextAiring: '2030-01-01T21:00:00.000Z',
      previousAiring: '2006-11-15T21:00:00.000Z',
      cleanTitle: 'daybreak',
    });
  });

  it('drops alternative titles that clean like the title', () => {
    expect(seriesAlternativeTitles(m)).toEqual([]);
    expect(seriesAlternativeTitles({ ...m, alternativeTitles: [{ title: 'Jour sans fin' }] })).toEqual([
      { title: 'Jour sans fin', cleanTitle: 'joursansfin', sceneSeasonNumber: null },
    ]);
  });
});
