// Search on add through the composed app on both dialects: `addOptions.searchForMovie` on POST /movie queues a
// MoviesSearch for the new movie and `addOptions.searchForMissingEpisodes` on POST /series a MissingEpisodeSearch
// for the new series, both visible in GET /api/v1/command; with the option false nothing is queued.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { FIXTURES, type LibraryApp, serveTmdb, serveTvdb, startLibraryApp } from './library-api.support.js';

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterAll(() => fake.close());

interface CommandView {
  name: string;
  body: Record<string, unknown>;
  trigger: string;
}

describe.each(DIALECTS)('search on add (%s)', (dialect) => {
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

  const commands = async (name: string) =>
    ((await lib.api('GET', '/command?limit=1000')).json() as CommandView[]).filter((c) => c.name === name);
  const addMovie = (searchForMovie: boolean) =>
    lib.api('POST', '/movie', {
      tmdbId: 550,
      qualityProfileId: lib.profileId,
      rootFolderPath: lib.root,
      addOptions: { searchForMovie },
    });
  const addSeries = (searchForMissingEpisodes: boolean) =>
    lib.api('POST', '/series', {
      tvdbId: 79509,
      qualityProfileId: lib.profileId,
      rootFolderPath: lib.root,
      addOptions: { monitor: 'all', searchForMissingEpisodes },
    });

  it('searchForMovie: true queues MoviesSearch for the new movie', async () => {
    const res = await addMovie(true);
    expect(res.statusCode).toBe(201);
    const movieId = res.json().id as number;
    // Queued before the 201 went out; it may already be running or done, but it is listed.
    expect(await commands('MoviesSearch')).toEqual([expect.objectContaining({ body: { movieIds: [movieId] } })]);
  });

  it('searchForMovie: false queues no search', async () => {
    expect((await addMovie(false)).statusCode).toBe(201);
    expect(await commands('MoviesSearch')).toEqual([]);
  });

  it('searchForMissingEpisodes: true queues MissingEpisodeSearch for the new series', async () => {
    const res = await addSeries(true);
    expect(res.statusCode).toBe(201);
    const seriesId = res.json().id as number;
    expect(await commands('MissingEpisodeSearch')).toEqual([expect.objectContaining({ body: { seriesId } })]);
  });

  it('searchForMissingEpisodes: false queues no search', async () => {
    expect((await addSeries(false)).statusCode).toBe(201);
    expect(await commands('MissingEpisodeSearch')).toEqual([]);
    expect(await commands('SeriesSearch')).toEqual([]);
  });
});
