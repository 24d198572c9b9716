// The unpaginated movie list is built as JSON text in SQL (movie-json.mapper.ts); these hold it byte for byte to
// JSON.stringify of the service's views on both dialects: awkward strings, nulls, artwork and ratings with
// undeclared members, alternative titles, tags, collections (one without a stored title), files, availability
// across statuses, minimum availabilities and release days as the clock moves, filters and keyset slices; and
// GET /api/v1/movie through the composed app.
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MovieFilter, MovieRepository } from '../../src/db/repositories/movie.repository.js';
import type { DB } from '../../src/db/schema.js';
import type { MinimumAvailability, MovieStatus, NewMovie } from '../../src/domain/library/movie.types.js';
import { FakeClock } from '../../src/lib/clock.js';
import { MovieService, type MovieServiceDeps } from '../../src/services/library/movie.service.js';
import { startApp } from '../support/app-harness.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { newMovie } from '../support/library-factories.js';

const NOW = Date.UTC(2025, 5, 1, 12);
const day = (offset: number) => new Date(NOW + offset * 86_400_000).toISOString().slice(0, 10);
const STATUSES: MovieStatus[] = ['tba', 'announced', 'inCinemas', 'released', 'deleted'];
const MINIMUMS: MinimumAvailability[] = ['announced', 'inCinemas', 'released'];
const AWKWARD = 'Quote " back\\slash \t tab \n line \u0001 ctl \u001f \u2028 sep é ü 日本 😀 </script> \u007f';

/** 63 movies covering every member the view writes. */
async function seed(db: Kysely<DB>): Promise<void> {
  const repo = new MovieRepository(db);
  const odd = await repo.insert(
    newMovie(1, {
      title: AWKWARD,
      originalTitle: `Original ${AWKWARD}`,
      overview: 'An overview with "quotes" and\r\nCRLF',
      certification: 'R',
      studio: 'Studio & "Co"',
      genres: ['Drama', 'Sci-Fi & "Fantasy"'],
      tags: [3, 1, 3],
      images: [
        { coverType: 'poster', remoteUrl: 'https://x/p.jpg', url: '/local/p.jpg' },
        { coverType: 'fanart', remoteUrl: 'https://x/f.jpg?a=1&b="2"' },
      ] as never,
      ratings: { tmdb: { value: 7.1, votes: 10, type: 'user' }, imdb: { value: 8.123456789, votes: 0 } } as never,
      collection: { tmdbId: 10, title: `Saga ${AWKWARD}` },
      inCinemas: day(-400),
      digitalRelease: day(-300),
      physicalRelease: day(-200),
      lastInfoSync: new Date(NOW - 3_600_000).toISOString(),
      movieFileId: 42,
    }),
  );
  await repo.replaceAlternativeTitles(odd.id, [
    { title: 'Zweiter "Titel"', cleanTitle: 'zweitertitel', source: 'tmdb' },
    { title: `Alt ${AWKWARD}`, cleanTitle: 'altonly', source: 'user' },
  ]);
  // Nulls wherever the schema allows them, nothing in the JSON columns, unmonitored.
  await repo.insert(
    newMovie(2, { imdbId: null, genres: [], images: [], ratings: {}, runtime: 0, monitored: false, status: 'tba' }),
  );
  const orphan = await repo.insert(newMovie(3, { collection: { tmdbId: 11, title: 'x' }, qualityProfileId: 2 }));
  await sql`update movies set collection_title = null where id = ${orphan.id}`.execute(db);
  // Availability grid: every status × minimum availability, with release days passed, due tomorrow or unknown.
  let n = 10;
  const grid: NewMovie[] = [];
  for (const status of STATUSES)
    for (const minimumAvailability of MINIMUMS)
      for (const [inCinemas, digitalRelease, physicalRelease] of [
        [null, null, null],
        [day(0), null, null],
        [day(1), day(1), null],
        [null, null, day(1)],
      ])
        grid.push(
          newMovie(n++, {
            status,
            minimumAvailability,
            inCinemas: inCinemas ?? null,
            digitalRelease: digitalRelease ?? null,
            physicalRelease: physicalRelease ?? null,
            // Shared sort titles: slices must break ties by id.
            sortTitle: `same ${n % 4}`,
            tags: n % 3 === 0 ? [3] : [],
            movieFileId: n % 2 === 0 ? n : null,
          }),
        );
  await repo.insertMany(grid);
}

describe.each(DIALECTS)('movie list JSON built in SQL (%s)', (dialect) => {
  let tdb: TestDatabase;
  let clock: FakeClock;
  let service: MovieService;

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    clock = new FakeClock(NOW);
    // list() and listJson() read only the movie repository and the clock.
    service = new MovieService({ movies: new MovieRepository(tdb.database.db), clock } as unknown as MovieServiceDeps);
    await seed(tdb.database.db);
  });
  afterEach(async () => {
    await tdb.cleanup();
  });

  async function sqlList(filter: MovieFilter = {}, size?: number): Promise<string> {
    const parts: string[] = [];
    for await (const slice of service.listJson(filter, size)) parts.push(...slice);
    return `[${parts.join(',')}]`;
  }

  it('writes exactly what JSON.stringify writes for the views, whole or in slices', async () => {
    const views = JSON.stringify(await service.list());
    expect(await sqlList()).toBe(views);
    expect(await sqlList({}, 2)).toBe(views);
    expect(await sqlList({}, 7)).toBe(views);
    const list = JSON.parse(views) as { isAvailable: boolean; collection: unknown; alternateTitles: unknown[] }[];
    expect(list).toHaveLength(63);
    // The grid really has both answers, and the awkward movie its titles and collection.
    expect(new Set(list.map((m) => m.isAvailable))).toEqual(new Set([true, false]));
    expect(list.filter((m) => m.alternateTitles.length === 2)).toHaveLength(1);
    expect(list.filter((m) => m.collection !== null)).toHaveLength(2);
  });

  it('applies the filters, and availability follows the clock', async () => {
    const filters: MovieFilter[] = [
      { monitored: false },
      { monitored: true, missing: true },
      { missing: false },
      { qualityProfileId: 2 },
      { tag: 3 },
      { tag: 1 },
      { cleanSearch: 'altonly' },
      { cleanSearch: 'nothing at all' },
      { availableOn: day(0) },
    ];
    for (const filter of filters)
      expect(await sqlList(filter, 5), JSON.stringify(filter)).toBe(JSON.stringify(await service.list(filter)));
    expect(await sqlList({ cleanSearch: 'nothing at all' })).toBe('[]');
    const before = await sqlList();
    clock.advance(86_400_000);
    const after = await sqlList();
    expect(after).toBe(JSON.stringify(await service.list()));
    expect(after).not.toBe(before);
  });

  it('GET /api/v1/movie streams the same bytes through the composed app', async () => {
    const h = await startApp(dialect, { compose: { clock } });
    try {
      const db = h.app.database.db;
      const http = new MovieService({ movies: new MovieRepository(db), clock } as unknown as MovieServiceDeps);
      const get = (query: string) =>
        h.app.http.inject({ method: 'GET', url: `/api/v1/movie${query}`, headers: h.authHeaders() });
      expect((await get('')).body).toBe('[]');
      await seed(db);
      const res = await get('');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body).toBe(JSON.stringify(await http.list()));
      const filtered = await get('?monitored=true&missing=true&tag=3');
      expect(filtered.body).toBe(JSON.stringify(await http.list({ monitored: true, missing: true, tag: 3 })));
    } finally {
      await h.close();
    }
  });
});
