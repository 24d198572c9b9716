// Search units: the query each item kind leads to, the delay/pending wording the processor relies on (taken from
// the real specifications, so a rewording there fails here), and the release-group ranking preference.
import { describe, expect, it } from 'vitest';
import { candidate, context, DELAY, episode, movie, series } from '../../domain/decisions/decision.test-support.js';
import { rankCandidates } from '../../domain/decisions/ranking.js';
import { delaySpec, pendingSpec } from '../../domain/decisions/specifications.js';
import { DELAY_REASON_PREFIX, PENDING_REASON_PREFIX } from './release-processor.js';
import { episodeSearch, episodeSearches, movieSearch, seasonSearch } from './search-queries.js';

describe('queries per item', () => {
  it.each([
    [
      'movie with ids',
      movieSearch(movie({ id: 7, title: 'The Matrix', year: 1999, imdbId: 'tt0133093', tmdbId: 603 })),
      { type: 'movie', term: 'The Matrix 1999', imdbId: 'tt0133093', tmdbId: 603 },
      { movieIds: [7] },
    ],
    [
      'movie without imdb id or year',
      movieSearch(movie({ id: 8, title: 'Untitled', year: 0, imdbId: null, tmdbId: 9 }), true),
      { type: 'movie', term: 'Untitled', tmdbId: 9 },
      { movieIds: [8], userInvoked: true },
    ],
    [
      'standard episode: tvdb + season/episode',
      episodeSearch(
        series({ id: 3, title: 'Show', tvdbId: 100, imdbId: null, tmdbId: null, seriesType: 'standard' }),
        episode(4, { id: 40, seasonNumber: 2 }),
      ),
      { type: 'tv', term: 'Show', tvdbId: 100, season: 2, episode: 4 },
      { seriesId: 3, episodeIds: [40] },
    ],
    [
      'scene numbering wins when known',
      episodeSearch(
        series({ id: 3, title: 'Show', tvdbId: 100, imdbId: null, tmdbId: null, seriesType: 'standard' }),
        episode(4, { id: 41, seasonNumber: 2, sceneSeasonNumber: 3, sceneEpisodeNumber: 1 }),
      ),
      { type: 'tv', term: 'Show', tvdbId: 100, season: 3, episode: 1 },
      { seriesId: 3, episodeIds: [41] },
    ],
    [
      'daily: air date',
      episodeSearch(
        series({ id: 5, title: 'Late Show', tvdbId: 200, imdbId: null, tmdbId: null, seriesType: 'daily' }),
        episode(1, { id: 50, airDate: '2025-05-30' }),
      ),
      { type: 'tv', term: 'Late Show', tvdbId: 200, airDate: '2025-05-30' },
      { seriesId: 5, episodeIds: [50] },
    ],
    [
      'anime: absolute number',
      episodeSearch(
        series({ id: 6, title: 'Anime', tvdbId: 300, imdbId: null, tmdbId: null, seriesType: 'anime' }),
        episode(3, { id: 60, absoluteEpisodeNumber: 27 }),
      ),
      { type: 'tv', term: 'Anime', tvdbId: 300, absoluteEpisode: 27 },
      { seriesId: 6, episodeIds: [60] },
    ],
    [
      'season',
      seasonSearch(series({ id: 3, title: 'Show', tvdbId: 100, imdbId: 'tt1', tmdbId: 2 }), 4),
      { type: 'tv', term: 'Show', tvdbId: 100, imdbId: 'tt1', tmdbId: 2, season: 4 },
      { seriesId: 3, seasonNumber: 4 },
    ],
  ])('%s', (_what, req, query, context) => {
    expect(req.query).toEqual(query);
    expect(req.context).toEqual(context);
  });

  it('missing episodes: season search for 2+ in a season, single searches otherwise, specials alone', () => {
    const s = series({ id: 3, title: 'Show', tvdbId: 100, seriesType: 'standard' });
    const reqs = episodeSearches(s, [
      episode(1, { id: 1, seasonNumber: 1 }),
      episode(2, { id: 2, seasonNumber: 1 }),
      episode(5, { id: 3, seasonNumber: 2 }),
      episode(1, { id: 4, seasonNumber: 0 }),
      episode(2, { id: 5, seasonNumber: 0 }),
    ]);
    expect(reqs.map((r) => r.label)).toEqual(['Show S00E01', 'Show S00E02', 'Show season 1', 'Show S02E05']);
    expect(reqs[2]?.context).toEqual({ seriesId: 3, seasonNumber: 1, episodeIds: [1, 2] });
    const daily = episodeSearches(series({ id: 9, title: 'D', seriesType: 'daily' }), [
      episode(1, { id: 1, seasonNumber: 1, airDate: '2025-01-01' }),
      episode(2, { id: 2, seasonNumber: 1, airDate: '2025-01-02' }),
    ]);
    expect(daily.map((r) => r.query.airDate)).toEqual(['2025-01-01', '2025-01-02']);
  });
});

describe('rejection wording the processor relies on', () => {
  it('delay', () => {
    const c = candidate({ delayProfile: { ...DELAY, torrentDelay: 60, bypassIfHighestQuality: false }, ageMinutes: 5 });
    const r = delaySpec(c, context());
    expect(r?.type).toBe('temporary');
    expect(r?.reason.startsWith(DELAY_REASON_PREFIX)).toBe(true);
  });

  it('pending rival', () => {
    const c = candidate();
    const target = c.target.kind === 'movie' ? c.target.movie.id : 0;
    const ctx = context({
      pendingByMovie: new Map([
        [
          target,
          [
            {
              quality: c.quality.id,
              revision: { version: 1, real: 0 },
              customFormatScore: 0,
              guid: 'other',
              indexerId: 1,
            },
          ],
        ],
      ]),
    });
    const r = pendingSpec(c, ctx);
    expect(r?.reason.startsWith(PENDING_REASON_PREFIX)).toBe(true);
  });
});

describe('release-group preference in ranking', () => {
  const MB = 1024 * 1024;
  const ctx = context({
    sizes: new Map([
      [
        'bluray-1080p',
        { id: 1, qualityId: 'bluray-1080p', title: 'x', weight: 1, minSize: 0, preferredSize: 50, maxSize: null },
      ],
    ]),
  });
  it('breaks a tie before size and the deterministic keys: the better-reputed group first', () => {
    const far = candidate({ release: { guid: 'a', size: 9000 * MB } });
    const near = candidate({ release: { guid: 'b', size: 5000 * MB } });
    expect(rankCandidates([far, near], ctx)).toEqual([1, 0]);
    expect(rankCandidates([far, near], ctx, [80, 20])).toEqual([0, 1]);
    const a = candidate({ release: { guid: 'a' } });
    const b = candidate({ release: { guid: 'b' } });
    expect(rankCandidates([a, b], ctx)).toEqual([0, 1]);
    expect(rankCandidates([a, b], ctx, [20, 80])).toEqual([1, 0]);
  });

  it('a full season pack ranks before single episodes of the same quality, whatever the seeders', () => {
    const single = candidate({
      release: { guid: 'single', seeders: 900 },
      target: { kind: 'episode', series: series(), episodes: [episode(2)], fullSeason: false, seasonNumber: 1 },
    });
    const pack = candidate({
      release: { guid: 'pack', seeders: 3 },
      target: {
        kind: 'episode',
        series: series(),
        episodes: [episode(1), episode(2), episode(3)],
        fullSeason: true,
        seasonNumber: 1,
      },
    });
    expect(rankCandidates([single, pack], ctx)).toEqual([1, 0]);
  });

  it('never beats quality or custom-format score', () => {
    const low = candidate({ customFormatScore: 0, release: { guid: 'low' } });
    const high = candidate({ customFormatScore: 10, release: { guid: 'high' } });
    expect(rankCandidates([low, high], ctx, [100, 0])).toEqual([1, 0]);
  });
});
