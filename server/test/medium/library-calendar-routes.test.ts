// GET /api/v1/calendar and the iCal feed through the composed app (auth included), on both dialects.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { TagRepository } from '../../src/db/repositories/tag.repository.js';
import { CalendarService } from '../../src/services/library/calendar.service.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { DIALECTS } from '../support/databases.js';
import { episodeMeta, newMovie, newSeries } from '../support/library-factories.js';

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe.each(DIALECTS)('library calendar (%s)', (dialect) => {
  let h: AppHarness;
  let movies: MovieRepository;
  let series: SeriesRepository;
  let episodes: EpisodeRepository;
  let tagId: number;
  const ids: Record<string, number> = {};
  // Near-now items for the default window and the feed; 12 h margins keep a midnight crossing harmless.
  const now = Date.now();

  beforeAll(async () => {
    h = await startApp(dialect);
    const db = h.app.database.db;
    movies = new MovieRepository(db);
    series = new SeriesRepository(db);
    episodes = new EpisodeRepository(db);
    tagId = (await new TagRepository(db).insert('calendar')).id;

    const show = await series.insert(newSeries(1, { title: 'Show, The', tags: [tagId], runtime: 30, network: 'HBO' }));
    const hidden = await series.insert(newSeries(2, { title: 'Hidden Show', monitored: false }));
    ids.show = show.id;
    ids.hidden = hidden.id;
    const up = await episodes.upsertMany(show.id, [
      { ...episodeMeta(1, 1, { airDateUtc: '2029-12-31T23:59:59.000Z', title: 'Before' }), monitored: true },
      {
        ...episodeMeta(1, 2, { airDateUtc: '2030-01-05T02:00:00.000Z', title: 'Pilot; Part 2', runtime: 45 }),
        monitored: true,
      },
      {
        ...episodeMeta(1, 3, { airDateUtc: '2030-01-31T23:00:00.000Z', title: 'Last In', runtime: 0 }),
        monitored: true,
      },
      { ...episodeMeta(1, 4, { airDateUtc: '2030-02-01T00:00:00.000Z', title: 'After' }), monitored: true },
      { ...episodeMeta(1, 5, { airDateUtc: '2030-01-10T02:00:00.000Z', title: 'Unmonitored' }), monitored: false },
      { ...episodeMeta(2, 1, { airDateUtc: new Date(now + DAY).toISOString(), title: 'Tomorrow' }), monitored: true },
    ]);
    ids.firstEpisode = Math.min(...up.insertedIds);
    await episodes.upsertMany(hidden.id, [
      { ...episodeMeta(1, 1, { airDateUtc: '2030-01-06T02:00:00.000Z', title: 'Hidden' }), monitored: true },
    ]);

    const twoReleases = await movies.insert(
      newMovie(1, { title: 'Twice', year: 2030, inCinemas: '2030-01-10', digitalRelease: '2030-01-31' }),
    );
    ids.twice = twoReleases.id;
    await movies.insert(newMovie(2, { title: 'Later', physicalRelease: '2030-02-01' }));
    await movies.insert(newMovie(3, { title: 'Unwatched', digitalRelease: '2030-01-15', monitored: false }));
    const soon = await movies.insert(
      newMovie(4, { title: 'Soon', year: 0, inCinemas: dayOf(now + 2 * DAY), tags: [tagId] }),
    );
    ids.soon = soon.id;
    await movies.insert(newMovie(5, { title: 'Far', inCinemas: dayOf(now + 10 * DAY) }));
  });
  afterAll(async () => {
    await h?.close();
  });

  const get = (url: string, auth = true) =>
    h.app.http.inject({ method: 'GET', url, headers: auth ? h.authHeaders() : {} });

  it('lists movie releases (which date matched) and episodes with their series in a window', async () => {
    const res = await get('/api/v1/calendar?start=2030-01-01&end=2030-01-31');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.start).toBe('2030-01-01T00:00:00.000Z');
    expect(body.end).toBe('2030-02-01T00:00:00.000Z');
    expect(
      body.movies.map((m: { title: string; releaseType: string; releaseDate: string }) => [
        m.title,
        m.releaseType,
        m.releaseDate,
      ]),
    ).toEqual([
      ['Twice', 'inCinemas', '2030-01-10'],
      ['Twice', 'digitalRelease', '2030-01-31'],
    ]);
    expect(body.episodes.map((e: { title: string }) => e.title)).toEqual(['Pilot; Part 2', 'Last In']);
    expect(body.episodes[0]).toMatchObject({
      seriesId: ids.show,
      seasonNumber: 1,
      episodeNumber: 2,
      hasFile: false,
      series: { id: ids.show, title: 'Show, The', network: 'HBO', tags: [tagId], images: [] },
    });
  });

  it('includes unmonitored items and unmonitored series on request', async () => {
    const body = (await get('/api/v1/calendar?start=2030-01-01&end=2030-01-31&unmonitored=true')).json();
    expect(body.movies.map((m: { title: string }) => m.title)).toEqual(['Twice', 'Unwatched', 'Twice']);
    expect(body.episodes.map((e: { title: string }) => e.title)).toEqual([
      'Pilot; Part 2',
      'Hidden',
      'Unmonitored',
      'Last In',
    ]);
  });

  it('takes date-times with offsets: [start, end) exactly for episodes, whole days for movies', async () => {
    const body = (
      await get(`/api/v1/calendar?start=${encodeURIComponent('2030-01-05T03:00:00+01:00')}&end=2030-01-31T23:00:00Z`)
    ).json();
    expect(body.episodes.map((e: { title: string }) => e.title)).toEqual(['Pilot; Part 2']);
    expect(body.movies.map((m: { releaseDate: string }) => m.releaseDate)).toEqual(['2030-01-10', '2030-01-31']);
  });

  it('defaults to today for 7 days', async () => {
    const body = (await get('/api/v1/calendar')).json();
    expect(body.movies.map((m: { title: string }) => m.title)).toEqual(['Soon']);
    expect(body.episodes.map((e: { title: string }) => e.title)).toEqual(['Tomorrow']);
    expect(Date.parse(body.end) - Date.parse(body.start)).toBe(7 * DAY);
  });

  it.each([
    ['start=2030-13-01', 'querystring.start'],
    ['start=yesterday', 'querystring.start'],
    ['end=2030-02-30', 'querystring.end'],
    ['start=2030-01-05T10:00:00', 'querystring.start'],
    ['start=2030-02-01&end=2030-01-01', 'querystring.end'],
    ['unmonitored=maybe', 'querystring.unmonitored'],
  ])('400 naming the field for %s', async (query, field) => {
    const res = await get(`/api/v1/calendar?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('needs authentication', async () => {
    expect((await get('/api/v1/calendar', false)).statusCode).toBe(401);
  });

  it('loads the series of all episodes in one batch (no query per episode)', async () => {
    const service = new CalendarService({ movies, series, episodes });
    const getMany = vi.spyOn(series, 'getMany');
    const getOne = vi.spyOn(series, 'get');
    const result = await service.entries(
      { start: new Date('2029-01-01T00:00:00Z'), end: new Date('2031-01-01T00:00:00Z') },
      { includeUnmonitored: true },
    );
    expect(result.episodes.length).toBe(6);
    expect(getMany).toHaveBeenCalledTimes(1);
    expect(new Set(getMany.mock.calls[0]![0])).toEqual(new Set([ids.show, ids.hidden]));
    expect(getOne).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  describe('iCal feed', () => {
    const feed = (query: string, auth = true) =>
      h.app.http.inject({
        method: 'GET',
        url: `/feed/v1/calendar/idkarr.ics?${auth ? `apikey=${h.apiKey()}&` : ''}${query}`,
      });
    const unfolded = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

    it('401 without the apikey, or with a wrong one', async () => {
      expect((await feed('', false)).statusCode).toBe(401);
      const wrong = await h.app.http.inject({
        method: 'GET',
        url: '/feed/v1/calendar/idkarr.ics?apikey=wrong-key-0000000000',
      });
      expect(wrong.statusCode).toBe(401);
    });

    it('serves an RFC 5545 calendar with episode and movie events', async () => {
      const res = await feed('');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const text = res.body;
      expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      const lines = unfolded(text);
      const ep = new Date(now + DAY);
      const utc = (d: Date) =>
        d
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d{3}/, '');
      expect(lines).toContain('SUMMARY:Show\\, The - S02E01 - Tomorrow');
      expect(lines).toContain(`DTSTART:${utc(ep)}`);
      expect(lines).toContain(`DTEND:${utc(new Date(ep.getTime() + 45 * 60_000))}`);
      expect(lines).toContain('SUMMARY:Soon - In Cinemas');
      expect(lines).toContain(`DTSTART;VALUE=DATE:${dayOf(now + 2 * DAY).replace(/-/g, '')}`);
      expect(lines).toContain(`UID:idkarr-movie-${ids.soon}-inCinemas@idkarr`);
      // Default window: 7 days back, 28 ahead — Tomorrow, Soon and Far (10 days ahead).
      expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    });

    it('honours pastDays/futureDays and tags; UIDs are stable between fetches', async () => {
      const short = unfolded((await feed('futureDays=5')).body);
      expect(short.filter((l) => l.startsWith('SUMMARY:'))).toEqual([
        'SUMMARY:Show\\, The - S02E01 - Tomorrow',
        'SUMMARY:Soon - In Cinemas',
      ]);
      const long = unfolded((await feed('futureDays=28')).body);
      expect(long).toContain('SUMMARY:Far (2005) - In Cinemas');
      const tagged = unfolded((await feed(`futureDays=28&tags=${tagId}`)).body);
      expect(tagged.filter((l) => l.startsWith('SUMMARY:'))).toEqual([
        'SUMMARY:Show\\, The - S02E01 - Tomorrow',
        'SUMMARY:Soon - In Cinemas',
      ]);
      const none = unfolded((await feed('tags=9999')).body);
      expect(none.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(0);
      const again = unfolded((await feed('futureDays=28')).body);
      expect(again.filter((l) => l.startsWith('UID:'))).toEqual(long.filter((l) => l.startsWith('UID:')));
    });

    it.each([
      ['pastDays=-1', 'querystring.pastDays'],
      ['futureDays=abc', 'querystring.futureDays'],
      ['tags=a,b', 'querystring.tags'],
    ])('400 for %s', async (query, field) => {
      const res = await feed(query);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });
  });
});
