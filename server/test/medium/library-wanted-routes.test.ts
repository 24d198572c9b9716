// GET /api/v1/wanted/missing and /wanted/cutoff through the composed app, on both dialects; the cutoff service
// against a stand-in file source (the file tables do not exist yet).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { type CutoffUnmetSource, WantedService } from '../../src/services/library/wanted.service.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { DIALECTS } from '../support/databases.js';
import { episodeMeta, newMovie, newSeries } from '../support/library-factories.js';

const DAY = 86_400_000;

describe.each(DIALECTS)('library wanted (%s)', (dialect) => {
  let h: AppHarness;
  let movies: MovieRepository;
  let series: SeriesRepository;
  let episodes: EpisodeRepository;
  let profiles: QualityProfileRepository;
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY).toISOString();
  let showId: number;

  beforeAll(async () => {
    h = await startApp(dialect);
    const db = h.app.database.db;
    movies = new MovieRepository(db);
    series = new SeriesRepository(db);
    episodes = new EpisodeRepository(db);
    profiles = new QualityProfileRepository(db);

    const show = await series.insert(newSeries(1, { title: 'Alpha Show' }));
    const other = await series.insert(newSeries(2, { title: 'Beta Show' }));
    const off = await series.insert(newSeries(3, { title: 'Off Show', monitored: false }));
    showId = show.id;
    const a = await episodes.upsertMany(show.id, [
      { ...episodeMeta(1, 1, { airDateUtc: ago(30), title: 'A1 missing' }), monitored: true },
      { ...episodeMeta(1, 2, { airDateUtc: ago(20), title: 'A2 has file' }), monitored: true },
      { ...episodeMeta(1, 3, { airDateUtc: ago(10), title: 'A3 missing' }), monitored: true },
      { ...episodeMeta(1, 4, { airDateUtc: ago(5), title: 'A4 unmonitored' }), monitored: false },
      { ...episodeMeta(1, 5, { airDateUtc: ago(-3), title: 'A5 future' }), monitored: true },
      { ...episodeMeta(1, 6, { airDateUtc: null, title: 'A6 no date' }), monitored: true },
    ]);
    const withFile = (await episodes.listBySeries(show.id)).find((e) => e.episodeNumber === 2)!;
    await episodes.setFile([withFile.id], 500);
    expect(a.insertedIds).toHaveLength(6);
    await episodes.upsertMany(other.id, [
      { ...episodeMeta(1, 1, { airDateUtc: ago(15), title: 'B1 missing' }), monitored: true },
    ]);
    await episodes.upsertMany(off.id, [
      { ...episodeMeta(1, 1, { airDateUtc: ago(15), title: 'Off missing' }), monitored: true },
    ]);

    await movies.insert(newMovie(1, { title: 'Wanted Film' }));
    await movies.insert(newMovie(2, { title: 'Another Wanted' }));
    await movies.insert(newMovie(3, { title: 'Has File', movieFileId: 900 }));
    await movies.insert(newMovie(4, { title: 'Not Monitored', monitored: false }));
    await movies.insert(newMovie(5, { title: 'Announced', status: 'announced', minimumAvailability: 'released' }));
  });
  afterAll(async () => {
    await h?.close();
  });

  const get = (url: string) => h.app.http.inject({ method: 'GET', url, headers: h.authHeaders() });

  it('lists missing episodes (monitored, aired, no file, monitored series) newest first with their series', async () => {
    const res = await get('/api/v1/wanted/missing');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      type: 'episode',
      page: 1,
      pageSize: 20,
      sortKey: 'airDateUtc',
      sortDirection: 'descending',
      totalRecords: 3,
    });
    expect(body.records.map((e: { title: string }) => e.title)).toEqual(['A3 missing', 'B1 missing', 'A1 missing']);
    expect(body.records[0]).toMatchObject({
      seriesId: showId,
      hasFile: false,
      series: { id: showId, title: 'Alpha Show' },
    });
  });

  it('pages and sorts', async () => {
    const body = (
      await get('/api/v1/wanted/missing?pageSize=1&page=2&sortKey=airDateUtc&sortDirection=ascending')
    ).json();
    expect(body).toMatchObject({ page: 2, pageSize: 1, totalRecords: 3 });
    expect(body.records.map((e: { title: string }) => e.title)).toEqual(['B1 missing']);
    const bySeries = (await get('/api/v1/wanted/missing?sortKey=seriesTitle&sortDirection=descending')).json();
    expect(bySeries.records[0].series.title).toBe('Beta Show');
    const past = (await get('/api/v1/wanted/missing?page=9')).json();
    expect(past).toMatchObject({ totalRecords: 3, records: [] });
  });

  it('lists missing movies (monitored, available, no file)', async () => {
    const body = (await get('/api/v1/wanted/missing?type=movie')).json();
    expect(body).toMatchObject({ type: 'movie', sortKey: 'title', sortDirection: 'ascending', totalRecords: 2 });
    expect(body.records.map((m: { title: string }) => m.title)).toEqual(['Another Wanted', 'Wanted Film']);
    expect(body.records[0]).toMatchObject({ hasFile: false, movieFileId: null, monitored: true });
  });

  it.each([
    ['type=show', 'querystring.type'],
    ['sortKey=nope', 'querystring.sortKey'],
    ['type=movie&sortKey=airDateUtc', 'querystring.sortKey'],
    ['pageSize=0', 'querystring.pageSize'],
    ['pageSize=5000', 'querystring.pageSize'],
    ['page=x', 'querystring.page'],
    ['sortDirection=up', 'querystring.sortDirection'],
  ])('400 naming the field for %s', async (query, field) => {
    const res = await get(`/api/v1/wanted/missing?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('cutoff: an empty page for both types while no file table records qualities', async () => {
    for (const type of ['episode', 'movie']) {
      const res = await get(`/api/v1/wanted/cutoff?type=${type}&pageSize=50`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ type, page: 1, pageSize: 50, totalRecords: 0, records: [] });
    }
  });

  it('cutoff: hands the file source each profile’s below-cutoff qualities and embeds series in one batch', async () => {
    const p1 = (await profiles.get(1))!;
    await profiles.update(1, { ...p1, upgradeAllowed: true, cutoff: 'bluray-1080p' });
    const epWithFile = (await episodes.listBySeries(showId)).find((e) => e.episodeNumber === 2)!;
    const seen: Array<ReadonlyMap<number, readonly string[]>> = [];
    const source: CutoffUnmetSource = {
      available: true,
      movies: async (req, below) => {
        seen.push(below);
        return { ...req, totalRecords: 1, records: [(await movies.findByTmdbId(1003))!] };
      },
      episodes: async (req, below) => {
        seen.push(below);
        return { ...req, totalRecords: 1, records: [epWithFile] };
      },
    };
    const service = new WantedService({ movies, series, episodes, qualityProfiles: profiles, cutoff: source });
    const getMany = vi.spyOn(series, 'getMany');
    const req = { page: 1, pageSize: 10, sortKey: 'airDateUtc', sortDirection: 'descending' } as const;
    const eps = await service.cutoffUnmetEpisodes(req);
    expect(eps.records.map((r) => [r.episode.id, r.series.title])).toEqual([[epWithFile.id, 'Alpha Show']]);
    expect(getMany).toHaveBeenCalledTimes(1);
    const mv = await service.cutoffUnmetMovies({ ...req, sortKey: 'title' });
    expect(mv.records.map((m) => m.title)).toEqual(['Has File']);
    // Only profile 1 allows upgrades: the others (seeded with upgrades off) can have nothing below their cutoff.
    expect([...seen[0]!.keys()]).toEqual([1]);
    expect(seen[0]!.get(1)).toContain('sdtv');
    expect(seen[0]!.get(1)).toContain('hdtv-720p');
    expect(seen[0]!.get(1)).not.toContain('bluray-1080p');
    expect(seen[0]!.get(1)).not.toContain('remux-2160p');
    vi.restoreAllMocks();
    await profiles.update(1, p1);
  });

  it('needs authentication', async () => {
    const res = await h.app.http.inject({ method: 'GET', url: '/api/v1/wanted/missing' });
    expect(res.statusCode).toBe(401);
  });
});
