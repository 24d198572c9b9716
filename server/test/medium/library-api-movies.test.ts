// /api/v1/movie through the composed app on both dialects, with TMDB served by the local fake server from recorded
// payloads: lookup, add, list/page/filter, edit, bulk edit, delete (disk untouched unless asked, never outside a
// root folder), and the bad-input cases: no term, duplicates, bad root folders, TMDB down, 401 and timeouts.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { TagRepository } from '../../src/db/repositories/tag.repository.js';
import { DIALECTS } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { newMovie } from '../support/library-factories.js';
import { FIXTURES, type LibraryApp, serveTmdb, serveTvdb, startLibraryApp, TMDB_KEY } from './library-api.support.js';

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterAll(() => fake.close());

describe.each(DIALECTS)('movie API (%s)', (dialect) => {
  let lib: LibraryApp;
  beforeEach(async () => {
    serveTmdb(fake);
    serveTvdb(fake);
    lib = await startLibraryApp(dialect, fake);
  });
  afterEach(async () => {
    await lib.close();
    fake.reset();
  });

  const addFightClub = (over: Record<string, unknown> = {}) =>
    lib.api('POST', '/movie', {
      tmdbId: 550,
      qualityProfileId: lib.profileId,
      rootFolderPath: lib.root,
      minimumAvailability: 'announced',
      ...over,
    });

  it('looks up by text, tmdb:ID and imdb:ttID, and marks what is already added', async () => {
    const text = await lib.api('GET', '/movie/lookup?term=RRRrrrr');
    expect(text.statusCode).toBe(200);
    expect(text.json()).toEqual([
      expect.objectContaining({ tmdbId: 21778, title: 'RRRrrrr!!!', year: 2004, folder: 'RRRrrrr!!! (2004)' }),
    ]);
    expect(fake.requestsTo('/3/search/movie')[0]?.query).toMatchObject({ query: 'RRRrrrr', api_key: TMDB_KEY });

    const byImdb = await lib.api('GET', '/movie/lookup?term=imdb:tt1233413');
    expect(byImdb.json()).toEqual([expect.objectContaining({ tmdbId: 1233413, title: 'Sinners' })]);
    expect((await lib.api('GET', '/movie/lookup?term=tt0000001')).json()).toEqual([]);

    const before = (await lib.api('GET', '/movie/lookup?term=tmdb:550')).json();
    expect(before).toEqual([expect.objectContaining({ tmdbId: 550, imdbId: 'tt0137523', title: 'Fight Club' })]);
    expect(before[0].id).toBeUndefined();
    const added = (await addFightClub()).json();
    const after = (await lib.api('GET', '/movie/lookup?term=tmdb:550')).json();
    expect(after[0].id).toBe(added.id);
    expect((await lib.api('GET', '/movie/lookup?term=tmdb:999999')).json()).toEqual([]);
  });

  it('documents the movie, series and episode routes in the OpenAPI document', async () => {
    const doc = (
      await lib.h.app.http.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: lib.h.authHeaders() })
    ).json();
    for (const path of [
      '/api/v1/movie',
      '/api/v1/movie/lookup',
      '/api/v1/movie/editor',
      '/api/v1/movie/{id}',
      '/api/v1/series',
      '/api/v1/series/{id}',
      '/api/v1/season/monitor',
      '/api/v1/episode',
      '/api/v1/episode/monitor',
    ])
      expect(doc.paths, path).toHaveProperty([path]);
  });

  it('answers 400 on querystring.term without a term, and on a malformed id', async () => {
    for (const url of ['/movie/lookup', '/movie/lookup?term=', '/movie/lookup?term=%20%20']) {
      const res = await lib.api('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('querystring.term');
    }
    const bad = await lib.api('GET', '/movie/lookup?term=tmdb:abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('"abc" is not a TMDB id');
    expect(fake.requests).toHaveLength(0);
  });

  it('adds a movie from TMDB into "Root/Title (Year)" with its alternative titles, and announces it', async () => {
    const res = await addFightClub({ tags: [], monitored: true, addOptions: { searchForMovie: true } });
    expect(res.statusCode).toBe(201);
    const movie = res.json();
    expect(movie).toMatchObject({
      tmdbId: 550,
      imdbId: 'tt0137523',
      title: 'Fight Club',
      year: 1999,
      runtime: 139,
      status: 'released',
      inCinemas: '1999-10-15',
      digitalRelease: '2009-11-17',
      certification: 'R',
      studio: 'Fox 2000 Pictures',
      minimumAvailability: 'announced',
      monitored: true,
      qualityProfileId: lib.profileId,
      rootFolderPath: lib.root,
      path: join(lib.root, 'Fight Club (1999)'),
      hasFile: false,
      isAvailable: true,
    });
    expect(movie.images).toContainEqual(expect.objectContaining({ coverType: 'poster' }));
    expect(movie.alternateTitles).toContainEqual({ title: 'Clube da Luta', cleanTitle: 'clubedaluta', source: 'tmdb' });
    expect(movie.lastInfoSync).not.toBeNull();
    expect(lib.events.filter((e) => e.type === 'movie.added')).toEqual([
      { type: 'movie.added', data: { movie: expect.objectContaining({ id: movie.id, tmdbId: 550 }) } },
    ]);
    expect((await lib.api('GET', `/movie/${movie.id}`)).json()).toEqual(movie);
  });

  it('answers 409 naming the movie already in the library', async () => {
    const first = (await addFightClub()).json();
    const again = await addFightClub();
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(`"Fight Club (1999)" (movie ${first.id}, tmdbId 550) is already in the library`);
    expect((await lib.api('GET', '/movie')).json()).toHaveLength(1);
  });

  it('answers 400 naming the path for unknown or missing root folders, and for unknown profiles or tags', async () => {
    const unknown = await addFightClub({ rootFolderPath: '/nowhere/movies' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('"/nowhere/movies" is not a root folder');
    expect(unknown.json().errors[0].field).toBe('rootFolderPath');

    const gone = join(lib.root, 'gone');
    mkdirSync(gone);
    expect((await lib.api('POST', '/rootfolder', { path: gone })).statusCode).toBe(201);
    rmSync(gone, { recursive: true });
    const missing = await addFightClub({ rootFolderPath: gone });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe(`root folder "${gone}" does not exist`);

    const profile = await addFightClub({ qualityProfileId: 9999 });
    expect(profile.statusCode).toBe(400);
    expect(profile.json().errors[0].field).toBe('qualityProfileId');
    const tags = await addFightClub({ tags: [4242] });
    expect(tags.statusCode).toBe(400);
    expect(tags.json().detail).toContain('4242');
    // Nothing reached TMDB: input is checked before the provider is asked.
    expect(fake.requestsTo('/3/movie/550')).toHaveLength(0);
  });

  it('answers 404 for a tmdbId TMDB does not know', async () => {
    const res = await addFightClub({ tmdbId: 999999 });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('tmdbId 999999');
  });

  it('answers 503 naming TMDB when it is down, while the library keeps answering', async () => {
    await new MovieRepository(lib.h.app.database.db).insert(newMovie(1, { qualityProfileId: lib.profileId }));
    fake.route('GET', '/3/movie/:id', { status: 503, body: 'upstream down' });
    const res = await addFightClub();
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toMatch(/^TMDB is unavailable: /);
    fake.route('GET', '/3/search/movie', { reset: true });
    const lookup = await lib.api('GET', '/movie/lookup?term=anything');
    expect(lookup.statusCode).toBe(503);
    expect(lookup.json().detail).toMatch(/^TMDB is unavailable: /);
    const list = await lib.api('GET', '/movie');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(1);
  });

  it('answers 503 on a TMDB timeout without crashing, and backs the provider off', async () => {
    await lib.tune('tmdb', { timeoutSeconds: 0.2 });
    fake.route('GET', '/3/movie/550', { delayMs: 2000, json: {} });
    const started = Date.now();
    const res = await addFightClub();
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toMatch(/^TMDB is unavailable: .*200 ms/);
    expect(Date.now() - started).toBeLessThan(1500);
    const health = (await lib.api('GET', '/health')).json() as { source: string; message: string }[];
    expect(health).toContainEqual(expect.objectContaining({ source: 'metadata:TMDB' }));
    expect((await lib.api('GET', '/movie')).statusCode).toBe(200);
  });

  it('reports a TMDB 401 as 503 "invalid API key" and marks the definition unhealthy', async () => {
    fake.fixture('GET', '/3/search/movie', 'tmdb/v3-error-invalid-api-key.json', { status: 401 });
    const res = await lib.api('GET', '/movie/lookup?term=fight');
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toBe('TMDB is unavailable: invalid API key');
    const health = (await lib.api('GET', '/health')).json() as { source: string; message: string; type: string }[];
    expect(health).toContainEqual(
      expect.objectContaining({ source: 'metadata:TMDB', type: 'error', message: 'invalid API key' }),
    );
  });

  describe('listing', () => {
    let repo: MovieRepository;
    beforeEach(async () => {
      repo = new MovieRepository(lib.h.app.database.db);
      const tag = await new TagRepository(lib.h.app.database.db).insert('4k');
      await repo.insertMany(
        Array.from({ length: 30 }, (_, i) =>
          newMovie(i + 1, {
            qualityProfileId: lib.profileId,
            monitored: i % 3 !== 0,
            tags: i % 5 === 0 ? [tag.id] : [],
          }),
        ),
      );
      const [first] = await repo.list();
      await repo.replaceAlternativeTitles(first!.id, [{ title: 'Otro', cleanTitle: 'otro', source: 'tmdb' }]);
    });

    it('lists every movie unpaginated, sorted by title, with alternative titles batched in', async () => {
      const res = await lib.api('GET', '/movie');
      expect(res.statusCode).toBe(200);
      const all = res.json();
      expect(all).toHaveLength(30);
      expect(all[0]).toMatchObject({ title: 'Movie 0001', alternateTitles: [{ title: 'Otro' }] });
      expect(all.map((m: { title: string }) => m.title)).toEqual(
        [...all.map((m: { title: string }) => m.title)].sort(),
      );
    });

    it('pages with sort keys, directions and filters', async () => {
      const page = (await lib.api('GET', '/movie?page=2&pageSize=10&sortKey=title&sortDirection=descending')).json();
      expect(page).toMatchObject({ page: 2, pageSize: 10, sortKey: 'title', totalRecords: 30 });
      expect(page.records.map((m: { title: string }) => m.title)).toEqual(
        Array.from({ length: 10 }, (_, i) => `Movie ${String(20 - i).padStart(4, '0')}`),
      );
      const unmonitored = (await lib.api('GET', '/movie?page=1&pageSize=100&monitored=false')).json();
      expect(unmonitored.totalRecords).toBe(10);
      const tag = (await new TagRepository(lib.h.app.database.db).list())[0]!;
      const tagged = (await lib.api('GET', `/movie?pageSize=100&tag=${tag.id}`)).json();
      expect(tagged.records.map((m: { title: string }) => m.title)).toEqual(
        ['0001', '0006', '0011', '0016', '0021', '0026'].map((n) => `Movie ${n}`),
      );
      expect((await lib.api('GET', '/movie?search=otro')).json()).toHaveLength(1);
      expect((await lib.api('GET', '/movie?missing=true')).json()).toHaveLength(30);
      expect((await lib.api('GET', '/movie?tmdbId=1003')).json()).toEqual([expect.objectContaining({ tmdbId: 1003 })]);
      expect((await lib.api('GET', '/movie?tmdbId=1')).json()).toEqual([]);
    });

    it('refuses unknown sort keys and bad paging with 400', async () => {
      expect((await lib.api('GET', '/movie?sortKey=password')).statusCode).toBe(400);
      expect((await lib.api('GET', '/movie?page=0')).statusCode).toBe(400);
      expect((await lib.api('GET', '/movie?pageSize=5000')).statusCode).toBe(400);
      expect((await lib.api('GET', '/movie?monitored=yes')).statusCode).toBe(400);
    });

    it('bulk-edits monitoring, profile, tags (add/remove/replace) and root folder without touching disk', async () => {
      const movies = await repo.list();
      const ids = movies.slice(0, 3).map((m) => m.id);
      const [a, b] = [
        await new TagRepository(lib.h.app.database.db).insert('a'),
        await new TagRepository(lib.h.app.database.db).insert('b'),
      ];
      const edit = (body: Record<string, unknown>) => lib.api('PUT', '/movie/editor', { movieIds: ids, ...body });
      let res = await edit({ monitored: false, tags: [a.id, b.id], applyTags: 'add' });
      expect(res.statusCode).toBe(202);
      expect(res.json().map((m: { monitored: boolean }) => m.monitored)).toEqual([false, false, false]);
      expect(res.json()[1].tags).toEqual([a.id, b.id]);
      res = await edit({ tags: [a.id], applyTags: 'remove' });
      expect(res.json().map((m: { tags: number[] }) => m.tags)).toEqual([
        expect.arrayContaining([b.id]),
        [b.id],
        [b.id],
      ]);
      res = await edit({ tags: [a.id], applyTags: 'replace' });
      expect(res.json().map((m: { tags: number[] }) => m.tags)).toEqual([[a.id], [a.id], [a.id]]);

      const other = join(lib.root, 'other');
      mkdirSync(other);
      await lib.api('POST', '/rootfolder', { path: other });
      res = await edit({ rootFolderPath: other });
      expect(res.statusCode).toBe(202);
      expect(res.json()[0]).toMatchObject({ rootFolderPath: other, path: join(other, 'Movie 0001 (2001)') });
      expect(lib.events.filter((e) => e.type === 'movie.updated')).toHaveLength(12);
      expect((await edit({ rootFolderPath: '/nope' })).statusCode).toBe(400);
      expect((await edit({ rootFolderPath: other, moveFiles: true })).statusCode).toBe(400);
      expect((await lib.api('PUT', '/movie/editor', { movieIds: [99999], monitored: true })).statusCode).toBe(404);

      const del = await lib.api('DELETE', '/movie/editor', { movieIds: ids, deleteFiles: false });
      expect(del.statusCode).toBe(204);
      expect((await lib.api('GET', '/movie')).json()).toHaveLength(27);
    });
  });

  it('edits one movie and refuses a path outside every root folder', async () => {
    const movie = (await addFightClub()).json();
    const tag = (await lib.api('POST', '/tag', { label: 'keep' })).json();
    const res = await lib.api('PUT', `/movie/${movie.id}`, {
      ...movie,
      monitored: false,
      minimumAvailability: 'released',
      tags: [tag.id],
      path: join(lib.root, 'Fight Club (1999) [Director]'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      monitored: false,
      minimumAvailability: 'released',
      tags: [tag.id],
      path: join(lib.root, 'Fight Club (1999) [Director]'),
      title: 'Fight Club',
    });
    expect(lib.events.at(-1)).toMatchObject({ type: 'movie.updated', data: { movie: { id: movie.id } } });
    const outside = await lib.api('PUT', `/movie/${movie.id}`, { path: '/etc/fight-club' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().detail).toContain('"/etc/fight-club" is not inside a root folder');
    expect((await lib.api('PUT', '/movie/424242', { monitored: true })).statusCode).toBe(404);
    expect((await lib.api('GET', '/movie/424242')).statusCode).toBe(404);
  });

  it('deletes with deleteFiles=false without touching disk, and with true only inside the root folder', async () => {
    const movie = (await addFightClub()).json();
    mkdirSync(movie.path, { recursive: true });
    const file = join(movie.path, 'Fight Club (1999).mkv');
    writeFileSync(file, 'not really a movie');

    const kept = await lib.api('DELETE', `/movie/${movie.id}?deleteFiles=false`);
    expect(kept.statusCode).toBe(204);
    expect(existsSync(movie.path)).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect((await lib.api('GET', `/movie/${movie.id}`)).statusCode).toBe(404);
    expect(lib.events.at(-1)).toEqual({
      type: 'movie.deleted',
      data: {
        id: movie.id,
        title: 'Fight Club',
        path: movie.path,
        tmdbId: 550,
        deletedFiles: false,
        movie: expect.objectContaining({ id: movie.id, path: movie.path, tags: movie.tags }),
      },
    });

    const again = (await addFightClub()).json();
    const gone = await lib.api('DELETE', `/movie/${again.id}?deleteFiles=true`);
    expect(gone.statusCode).toBe(204);
    expect(existsSync(again.path)).toBe(false);
    expect(existsSync(lib.root)).toBe(true);

    // A record whose path climbs out of the root folder: refused, nothing deleted anywhere.
    const outside = join(lib.root, '..', `${join(lib.root).split('/').pop()}-outside`);
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'keep.txt'), 'keep');
    try {
      const repo = new MovieRepository(lib.h.app.database.db);
      const sneaky = await repo.insert(
        newMovie(77, {
          qualityProfileId: lib.profileId,
          rootFolderPath: lib.root,
          path: `${lib.root}/../${outside.split('/').pop()}`,
        }),
      );
      const refused = await lib.api('DELETE', `/movie/${sneaky.id}?deleteFiles=true`);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().detail).toContain('not inside a root folder');
      expect(existsSync(join(outside, 'keep.txt'))).toBe(true);
      expect((await lib.api('GET', `/movie/${sneaky.id}`)).statusCode).toBe(200);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
