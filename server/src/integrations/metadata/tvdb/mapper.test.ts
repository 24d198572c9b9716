import { describe, expect, it } from 'vitest';
import { mapSearchResult, mapSeries } from './mapper.js';

const o = { language: 'deu', certificationCountry: 'deu' };

describe('TVDB mapper', () => {
  it('skips search hits without a numeric TVDB id and prefers the configured language', () => {
    expect(mapSearchResult({ tvdb_id: 'abc', name: 'X' }, o)).toBeUndefined();
    const hit = mapSearchResult(
      { tvdb_id: '5', name: 'Dark', translations: { deu: 'Dunkel' }, overviews: { deu: 'Text' }, year: '2017' },
      o,
    );
    expect(hit).toMatchObject({ tvdbId: 5, title: 'Dunkel', overview: 'Text', year: 2017, status: 'unknown' });
  });

  it('keeps the original name when a translation is used, and picks the best-scored artwork', () => {
    const series = mapSeries(
      {
        id: 5,
        name: 'Dark',
        translations: { nameTranslations: [{ name: 'Dunkel', language: 'deu' }] },
        aliases: [{ language: 'eng', name: 'Dark' }, 'Dunkel', 'Dark (2017)'],
        artworks: [
          { type: 2, image: 'low.jpg', score: 1 },
          { type: 2, image: 'high.jpg', score: 9 },
          { type: 1, image: 'banner.jpg', score: 1 },
        ],
        contentRatings: [{ name: '16', country: 'deu' }],
      },
      [],
      o,
    );
    expect(series).toMatchObject({
      title: 'Dunkel',
      originalTitle: 'Dark',
      certification: '16',
      images: { poster: 'high.jpg', banner: 'banner.jpg' },
    });
    expect(series.alternativeTitles).toEqual([{ title: 'Dark' }, { title: 'Dark (2017)' }]);
  });
});
