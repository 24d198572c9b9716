import { describe, expect, it } from 'vitest';
import type { Movie } from '../../domain/library/movie.types.js';
import type { Episode, Series } from '../../domain/library/series.types.js';
import type { CalendarResult } from './calendar.service.js';
import { movieReleasesIn } from './calendar.service.js';
import { calendarFeed, episodeEvent, episodeSummary, movieEvent, movieSummary } from './ical-feed.js';

const series = {
  id: 3,
  title: 'The Show',
  seriesType: 'standard',
  runtime: 30,
  network: 'HBO',
  tags: [],
} as unknown as Series;
function episode(over: Partial<Episode> = {}): Episode {
  return {
    id: 11,
    seriesId: 3,
    tvdbId: null,
    tmdbId: null,
    seasonNumber: 1,
    episodeNumber: 2,
    absoluteEpisodeNumber: null,
    sceneSeasonNumber: null,
    sceneEpisodeNumber: null,
    sceneAbsoluteEpisodeNumber: null,
    title: 'Second, Part; One',
    overview: null,
    airDate: '2024-01-04',
    airDateUtc: '2024-01-05T02:00:00.000Z',
    runtime: 45,
    monitored: true,
    episodeFileId: null,
    unverifiedSceneNumbering: false,
    ...over,
  };
}
const movie = {
  id: 7,
  title: 'Film',
  year: 2024,
  sortTitle: 'film',
  overview: 'About, things',
  studio: null,
  inCinemas: '2024-01-10',
  digitalRelease: '2024-03-01',
  physicalRelease: null,
} as unknown as Movie;

describe('summaries', () => {
  it.each([
    [{}, 'standard', 'The Show - S01E02 - Second, Part; One'],
    [{ title: null }, 'standard', 'The Show - S01E02'],
    [{ title: '  ' }, 'standard', 'The Show - S01E02'],
    [{ seasonNumber: 12, episodeNumber: 105 }, 'anime', 'The Show - S12E105 - Second, Part; One'],
    [{}, 'daily', 'The Show - 2024-01-04 - Second, Part; One'],
    [{ airDate: null }, 'daily', 'The Show - S01E02 - Second, Part; One'],
  ] as const)('episode %j (%s) → %s', (over, seriesType, expected) => {
    expect(episodeSummary({ title: 'The Show', seriesType }, episode(over))).toBe(expected);
  });

  it('movie releases', () => {
    const [cinema, digital] = movieReleasesIn(movie, '2024-01-01', '2024-12-31');
    expect(movieSummary(cinema!)).toBe('Film (2024) - In Cinemas');
    expect(movieSummary(digital!)).toBe('Film (2024) - Digital Release');
    expect(movieSummary({ ...cinema!, movie: { ...movie, year: 0 } })).toBe('Film - In Cinemas');
    expect(movieReleasesIn(movie, '2024-01-11', '2024-02-29')).toEqual([]);
  });
});

describe('events', () => {
  it('times an episode from its runtime, falling back to the series runtime, else no DTEND', () => {
    expect(episodeEvent({ episode: episode(), series })?.end).toEqual({
      kind: 'instant',
      at: new Date('2024-01-05T02:45:00Z'),
    });
    expect(episodeEvent({ episode: episode({ runtime: 0 }), series })?.end).toEqual({
      kind: 'instant',
      at: new Date('2024-01-05T02:30:00Z'),
    });
    expect(episodeEvent({ episode: episode({ runtime: 0 }), series: { ...series, runtime: 0 } })?.end).toBeUndefined();
    expect(episodeEvent({ episode: episode({ airDateUtc: null }), series })).toBeUndefined();
  });

  it('makes movie releases all-day events with stable per-release UIDs', () => {
    const [cinema, digital] = movieReleasesIn(movie, '2024-01-01', '2024-12-31');
    const e = movieEvent(cinema!);
    expect(e.start).toEqual({ kind: 'day', day: '2024-01-10' });
    expect(e.end).toEqual({ kind: 'day', day: '2024-01-11' });
    expect(e.uid).toBe('idkarr-movie-7-inCinemas@idkarr');
    expect(movieEvent(digital!).uid).toBe('idkarr-movie-7-digitalRelease@idkarr');
    expect(movieEvent({ ...cinema!, releaseDate: '2024-12-31' }).end).toEqual({ kind: 'day', day: '2025-01-01' });
  });

  it('renders the same UIDs on every generation', () => {
    const result: CalendarResult = {
      window: { start: new Date('2024-01-01T00:00:00Z'), end: new Date('2024-02-01T00:00:00Z') },
      movies: movieReleasesIn(movie, '2024-01-01', '2024-01-31'),
      episodes: [{ episode: episode(), series }],
    };
    const uids = (text: string) => text.split('\r\n').filter((l) => l.startsWith('UID:'));
    const a = calendarFeed(result, { version: '1', stamp: new Date('2024-01-01T00:00:00Z') });
    const b = calendarFeed(result, { version: '1', stamp: new Date('2024-01-02T00:00:00Z') });
    expect(uids(a)).toEqual(['UID:idkarr-episode-11@idkarr', 'UID:idkarr-movie-7-inCinemas@idkarr']);
    expect(uids(b)).toEqual(uids(a));
    expect(a).toContain('SUMMARY:The Show - S01E02 - Second\\, Part\\; One\r\n');
    expect(a).toContain('LOCATION:HBO\r\n');
  });
});
