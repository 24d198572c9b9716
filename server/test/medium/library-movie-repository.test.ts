// Movie storage on both dialects: seeds, CRUD, conflicts, paging/sort/filter over generated rows, wanted, calendar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import type { Movie, MovieStatus } from '../../src/domain/library/movie.types.js';
import { isMovieAvailable } from '../../src/domain/library/movie-availability.rules.js';
import { ConflictError } from '../../src/lib/errors.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { newMovie } from '../support/library-factories.js';

const STATUSES: MovieStatus[] = ['tba', 'announced', 'inCinemas', 'released', 'deleted'];
const day = (offset: number) => new Date(Date.UTC(2025, 5, 1) + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('movie repository (%s)', (dialect) => {
  let tdb: TestDatabase;
  let repo: MovieRepository;
  let all: Movie[];

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    repo = new MovieRepository(tdb.database.db);
    // 300 movies with varied fields so sorts and filters have something to tell apart.
    all = await repo.insertMany(
      Array.from({ length: 300 }, (_, i) =>
        newMovie(i, {
          monitored: i % 4 !== 0,
          movieFileId: i % 5 === 0 ? i : null,
          qualityProfileId: (i % 3) + 1,
          tags: i % 7 === 0 ? [3, 17] : i % 7 === 1 ? [13] : [],
          status: STATUSES[i % 5]!,
          minimumAvailability: (['announced', 'inCinemas', 'released'] as const)[i % 3]!,
          inCinemas: i % 2 ? day((i % 40) - 20) : null,
          digitalRelease: i % 3 ? day((i % 60) - 10) : null,
          physicalRelease: i % 11 === 0 ? day(i % 30) : null,
        }),
      ),
    );
  });
  afterAll(async () => {
    await tdb.cleanup();
  });

  it('round-trips every field', async () => {
    const m = newMovie(900, {
      collection: { tmdbId: 10, title: 'Saga' },
      genres: ['Action', 'Sci-Fi'],
      overview: 'x',
      tags: [2, 2, 5],
    });
    const saved = await repo.insert(m);
    expect(saved).toEqual({ ...m, id: saved.id, tags: [2, 5] });
    expect(await repo.get(saved.id)).toEqual(saved);
    expect(await repo.findByTmdbId(m.tmdbId)).toEqual(saved);
    expect(await repo.findByImdbId(m.imdbId!)).toEqual(saved);
    const updated = await repo.update(saved.id, { ...m, monitored: false, title: 'Renamed' });
    expect(updated).toMatchObject({ id: saved.id, monitored: false, title: 'Renamed' });
    expect(await repo.delete(saved.id)).toBe(true);
    expect(await repo.get(saved.id)).toBeUndefined();
    expect(await repo.update(saved.id, m)).toBeUndefined();
  });

  it('rejects a duplicate tmdbId or path with ConflictError', async () => {
    await expect(repo.insert(newMovie(0, { path: '/elsewhere' }))).rejects.toBeInstanceOf(ConflictError);
    await expect(repo.insert(newMovie(901, { path: all[1]!.path }))).rejects.toThrow(/already exists/);
    await expect(repo.insertMany([newMovie(902), newMovie(902, { path: '/x' })])).rejects.toBeInstanceOf(ConflictError);
    expect(await repo.findByTmdbId(1902)).toBeUndefined(); // the batch rolled back
  });

  it('pages by sort key in both directions without overlap', async () => {
    const page1 = await repo.page({ page: 1, pageSize: 50, sortKey: 'year', sortDirection: 'descending' });
    const page2 = await repo.page({ page: 2, pageSize: 50, sortKey: 'year', sortDirection: 'descending' });
    expect(page1.totalRecords).toBe(300);
    const expected = [...all].sort((a, b) => b.year - a.year || b.id - a.id).map((m) => m.id);
    expect([...page1.records, ...page2.records].map((m) => m.id)).toEqual(expected.slice(0, 100));
    const byTitle = await repo.page({ page: 3, pageSize: 20, sortKey: 'title', sortDirection: 'ascending' });
    const titles = [...all].sort((a, b) => a.sortTitle.localeCompare(b.sortTitle) || a.id - b.id);
    expect(byTitle.records.map((m) => m.id)).toEqual(titles.slice(40, 60).map((m) => m.id));
  });

  it('sorts nullable dates with nulls last on both dialects', async () => {
    for (const sortDirection of ['ascending', 'descending'] as const) {
      const p = await repo.page({ page: 1, pageSize: 300, sortKey: 'inCinemas', sortDirection });
      const values = p.records.map((m) => m.inCinemas);
      const firstNull = values.indexOf(null);
      expect(firstNull).toBe(150);
      expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
      const dates = values.slice(0, firstNull) as string[];
      const sorted = [...dates].sort();
      expect(dates).toEqual(sortDirection === 'ascending' ? sorted : sorted.reverse());
    }
  });

  it.each([
    ['monitored', { monitored: true }, (m: Movie) => m.monitored],
    ['missing', { missing: true }, (m: Movie) => m.movieFileId === null],
    ['has file', { missing: false }, (m: Movie) => m.movieFileId !== null],
    ['profile', { qualityProfileId: 2 }, (m: Movie) => m.qualityProfileId === 2],
    ['tag 3', { tag: 3 }, (m: Movie) => m.tags.includes(3)],
    ['tag 13 (not 3 or 17)', { tag: 13 }, (m: Movie) => m.tags.includes(13)],
    ['status', { status: 'inCinemas' as const }, (m: Movie) => m.status === 'inCinemas'],
    ['search', { cleanSearch: 'movie 012' }, (m: Movie) => m.title.startsWith('Movie 012')],
    [
      'combined',
      { monitored: true, missing: true, tag: 17 },
      (m: Movie) => m.monitored && !m.movieFileId && m.tags.includes(17),
    ],
  ])('filters by %s', async (_label, filter, predicate) => {
    const p = await repo.page({ page: 1, pageSize: 1000, sortKey: 'added', sortDirection: 'ascending' }, filter);
    const expected = all.filter(predicate).map((m) => m.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(p.totalRecords).toBe(expected.length);
    expect(p.records.map((m) => m.id)).toEqual(expected);
  });

  it('finds movies by alternative titles in search and by exact clean title', async () => {
    const target = all[42]!;
    await repo.replaceAlternativeTitles(target.id, [
      { title: 'Le Film Étrange', cleanTitle: 'lefilmetrange', source: 'tmdb' },
    ]);
    const p = await repo.page(
      { page: 1, pageSize: 10, sortKey: 'title', sortDirection: 'ascending' },
      { cleanSearch: 'filmetr' },
    );
    expect(p.records.map((m) => m.id)).toEqual([target.id]);
    expect((await repo.findByCleanTitle('lefilmetrange')).map((m) => m.id)).toEqual([target.id]);
    expect((await repo.findByCleanTitle(target.cleanTitle)).map((m) => m.id)).toEqual([target.id]);
    expect((await repo.alternativeTitlesFor([target.id, all[0]!.id])).get(target.id)).toHaveLength(1);
  });

  it('lists wanted movies exactly as isMovieAvailable decides', async () => {
    const today = day(0);
    const p = await repo.wantedMissing(
      { page: 1, pageSize: 1000, sortKey: 'title', sortDirection: 'ascending' },
      today,
    );
    const expected = all
      .filter((m) => m.monitored && m.movieFileId === null && isMovieAvailable(m, today))
      .sort((a, b) => a.sortTitle.localeCompare(b.sortTitle) || a.id - b.id)
      .map((m) => m.id);
    expect(expected.length).toBeGreaterThan(10);
    expect(p.records.map((m) => m.id)).toEqual(expected);
  });

  it('returns calendar movies by any release day in range, monitored only unless asked', async () => {
    const [start, end] = [day(-3), day(3)];
    const inRange = (d: string | null) => d !== null && d >= start && d <= end;
    const hits = (m: Movie) => inRange(m.inCinemas) || inRange(m.digitalRelease) || inRange(m.physicalRelease);
    const monitored = await repo.calendar(start, end);
    expect(new Set(monitored.map((m) => m.id))).toEqual(
      new Set(all.filter((m) => hits(m) && m.monitored).map((m) => m.id)),
    );
    const everything = await repo.calendar(start, end, { includeUnmonitored: true });
    expect(everything.length).toBe(all.filter(hits).length);
    expect(everything.length).toBeGreaterThan(monitored.length);
  });

  it('bulk-edits, reads many and reports profile usage', async () => {
    const ids = all.slice(0, 3).map((m) => m.id);
    expect(await repo.updateMany(ids, { tags: [9], monitored: false })).toBe(3);
    expect((await repo.getMany(ids)).map((m) => [m.tags, m.monitored])).toEqual([
      [[9], false],
      [[9], false],
      [[9], false],
    ]);
    const usage = await repo.usingProfile(2, 2);
    expect(usage.total).toBe(100);
    expect(usage.titles).toHaveLength(2);
    expect((await repo.pathsInRootFolders(['/media/movies'])).length).toBe(300);
  });
});
