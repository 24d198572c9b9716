import { describe, expect, it } from 'vitest';
import { type SeasonStatistics, summarizeSeries } from './series-statistics.js';

const row = (over: Partial<SeasonStatistics>): SeasonStatistics => ({
  seriesId: 1,
  seasonNumber: 1,
  episodeCount: 0,
  episodeFileCount: 0,
  totalEpisodeCount: 0,
  nextAiring: null,
  previousAiring: null,
  ...over,
});

describe('summarizeSeries', () => {
  it('sums seasons per series, skips specials in seasonCount and keeps the nearest airings', () => {
    const out = summarizeSeries([
      row({ seasonNumber: 0, episodeCount: 1, episodeFileCount: 1, totalEpisodeCount: 3 }),
      row({
        seasonNumber: 1,
        episodeCount: 10,
        episodeFileCount: 4,
        totalEpisodeCount: 10,
        previousAiring: '2024-01-01T00:00:00Z',
      }),
      row({
        seasonNumber: 2,
        episodeCount: 1,
        totalEpisodeCount: 8,
        nextAiring: '2025-07-01T00:00:00Z',
        previousAiring: '2025-05-01T00:00:00Z',
      }),
      row({ seasonNumber: 3, totalEpisodeCount: 2, nextAiring: '2026-01-01T00:00:00Z' }),
      row({ seriesId: 2, seasonNumber: 1 }),
    ]);
    expect(out.get(1)).toEqual({
      seriesId: 1,
      seasonCount: 3,
      episodeCount: 12,
      episodeFileCount: 5,
      totalEpisodeCount: 23,
      percentOfEpisodes: (5 / 12) * 100,
      nextAiring: '2025-07-01T00:00:00Z',
      previousAiring: '2025-05-01T00:00:00Z',
    });
    expect(out.get(2)).toMatchObject({ seasonCount: 1, percentOfEpisodes: 0 });
  });
});
