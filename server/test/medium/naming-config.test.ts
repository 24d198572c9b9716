// Naming settings through the real repository, service and routes on both dialects: defaults without rows, partial
// updates per media type, field-level 400s for bad formats and unknown tokens, previews from stored or query config.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NamingConfigRepository } from '../../src/db/repositories/naming-config.repository.js';
import { defaultNamingConfig } from '../../src/domain/naming/naming-defaults.js';
import { namingRoutes } from '../../src/http/routes/naming.routes.js';
import type { Clock } from '../../src/lib/clock.js';
import { FileNamingService } from '../../src/services/naming/file-naming.service.js';
import { NamingConfigService } from '../../src/services/naming/naming-config.service.js';
import { bareApp } from '../support/bare-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

const clock: Clock = { now: () => Date.parse('2025-01-02T03:04:05Z'), sleep: async () => {} };

describe.each(DIALECTS)('naming config (%s)', (dialect) => {
  let tdb: TestDatabase;
  let repo: NamingConfigRepository;
  let app: FastifyInstance;

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    repo = new NamingConfigRepository(tdb.database.db);
    app = bareApp();
    await app.register(namingRoutes({ naming: new NamingConfigService({ config: repo, clock }) }), {
      prefix: '/api/v1',
    });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await tdb.cleanup();
  });

  const call = (method: 'GET' | 'PUT', url: string, payload?: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('starts from the defaults and stores one row per media type changed', async () => {
    expect(await repo.get()).toEqual(defaultNamingConfig());
    const res = await call('GET', '/config/naming');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(defaultNamingConfig());

    const put = await call('PUT', '/config/naming', {
      series: { renameEpisodes: true, multiEpisodeStyle: 'range', seasonFolderFormat: 'Season {season:00}' },
    });
    expect(put.statusCode).toBe(200);
    const expected = defaultNamingConfig();
    expected.series = {
      ...expected.series,
      renameEpisodes: true,
      multiEpisodeStyle: 'range',
      seasonFolderFormat: 'Season {season:00}',
    };
    expect(put.json()).toEqual(expected);
    expect((await call('GET', '/config/naming')).json()).toEqual(expected);

    const rows = await tdb.database.db.selectFrom('naming_config').selectAll().orderBy('media_type').execute();
    expect(rows.map((r) => [r.media_type, r.updated_at])).toEqual([['series', '2025-01-02T03:04:05.000Z']]);

    // A second save of the same media type updates the row in place; the other section gets its own row.
    await call('PUT', '/config/naming', { series: { colonReplacementFormat: 'dash' }, movie: { renameMovies: true } });
    const after = await repo.get();
    expect(after.series).toMatchObject({ multiEpisodeStyle: 'range', colonReplacementFormat: 'dash' });
    expect(after.movie.renameMovies).toBe(true);
    const count = await tdb.database.db
      .selectFrom('naming_config')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('reads stored rows over the defaults: missing keys default, wrong types and unknown keys are ignored', async () => {
    await sql`insert into naming_config (media_type, settings, updated_at) values (${'movie'}, ${JSON.stringify({
      renameMovies: true,
      movieFolderFormat: 42,
      legacy: 'x',
    })}, ${'2024-01-01T00:00:00.000Z'}), (${'series'}, ${'not json'}, ${'2024-01-01T00:00:00.000Z'})`.execute(
      tdb.database.db,
    );
    const config = await repo.get();
    expect(config.movie).toEqual({ ...defaultNamingConfig().movie, renameMovies: true });
    expect(config.series).toEqual(defaultNamingConfig().series);
  });

  it('refuses a bad format with 400 naming the field, and stores nothing', async () => {
    const res = await call('PUT', '/config/naming', {
      series: { standardEpisodeFormat: '{Series Title} - {Episode Title}', seriesFolderFormat: '{Series Title} {Foo}' },
      movie: { movieFolderFormat: '{Movie Title} {Quality Full}' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([
      {
        field: 'series.standardEpisodeFormat',
        message: 'must contain the season and episode numbers: {season:00} and {episode:00}',
        severity: 'error',
      },
      { field: 'series.seriesFolderFormat', message: 'unknown token {Foo}', severity: 'error' },
      {
        field: 'movie.movieFolderFormat',
        message: 'token {Quality Full} cannot be used in a movie folder format',
        severity: 'error',
      },
    ]);
    expect(await repo.get()).toEqual(defaultNamingConfig());
  });

  it('refuses a wrong shape (unknown style) with 400', async () => {
    const res = await call('PUT', '/config/naming', { series: { multiEpisodeStyle: 'sideways' } });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('multiEpisodeStyle');
  });

  it('previews the stored config, and the query config without saving it', async () => {
    await call('PUT', '/config/naming', { series: { seasonFolderFormat: 'S{season:00}' } });
    const stored = await call('GET', '/config/naming/example');
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toMatchObject({
      singleEpisodeExample: "The Night Watchman's Tale - S02E05 - Lanterns - Part One (1) WEBDL-1080p Proper.mkv",
      multiEpisodeExample: "The Night Watchman's Tale - S02E05-E07 - Lanterns - Part One WEBDL-1080p Proper.mkv",
      seasonFolderExample: 'S02',
      specialsFolderExample: 'Specials',
      movieFolderExample: 'The Quiet Harbor - A Sailor’s Return (2014)',
    });

    const q = new URLSearchParams({
      'series.standardEpisodeFormat': '{Series.CleanTitle}.S{season:00}E{episode:00}{-Release Group}',
      'series.multiEpisodeStyle': 'repeat',
      'movie.colonReplacementFormat': 'delete',
      'movie.renameMovies': 'false',
    });
    const preview = await call('GET', `/config/naming/example?${q}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      singleEpisodeExample: 'The.Night.Watchmans.Tale.S02E05-NiGHT.mkv',
      multiEpisodeExample: 'The.Night.Watchmans.Tale.S02E05E06E07-NiGHT.mkv',
      seasonFolderExample: 'S02',
      movieFolderExample: 'The Quiet Harbor A Sailor’s Return (2014)',
    });
    expect((await repo.get()).series.multiEpisodeStyle).toBe('prefixedRange');

    const bad = await call(
      'GET',
      `/config/naming/examples?${new URLSearchParams({ 'movie.standardMovieFormat': '{Bogus}' })}`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'movie.standardMovieFormat', message: 'unknown token {Bogus}', severity: 'error' },
    ]);
  });

  it('gives the import pipeline paths from the stored settings', async () => {
    await call('PUT', '/config/naming', { series: { renameEpisodes: true }, movie: { renameMovies: true } });
    const naming = new FileNamingService({ config: repo });
    const series = {
      title: 'Show: Name',
      year: 2020,
      tvdbId: 1,
      tmdbId: null,
      imdbId: null,
      seriesType: 'standard' as const,
    };
    const episode = { seasonNumber: 3, episodeNumber: 9, absoluteEpisodeNumber: null, title: 'Nine', airDate: null };
    expect(await naming.episodePath(series, [episode], { quality: 'hdtv-720p', extension: 'mkv' })).toBe(
      'Season 3/Show - Name - S03E09 - Nine HDTV-720p.mkv',
    );
    expect(await naming.seriesFolder(series)).toBe('Show - Name');
    const movie = { title: 'Film', originalTitle: null, year: 1999, tmdbId: 5, imdbId: 'tt1' };
    expect(await naming.moviePath(movie, { quality: 'bluray-1080p', extension: '.mp4' })).toBe(
      'Film (1999) Bluray-1080p.mp4',
    );
    expect(await naming.movieFolder(movie)).toBe('Film (1999)');
  });
});
