// /rootfolder, /tag, /qualitydefinition, /qualityprofile through the real services and repositories, both dialects.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { QualityDefinitionRepository } from '../../src/db/repositories/quality-definition.repository.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile.repository.js';
import { RootFolderRepository } from '../../src/db/repositories/root-folder.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { TagRepository } from '../../src/db/repositories/tag.repository.js';
import { libraryConfigRoutes } from '../../src/http/routes/library-config.routes.js';
import { QualityDefinitionService } from '../../src/services/library/quality-definition.service.js';
import { QualityProfileService } from '../../src/services/library/quality-profile.service.js';
import {
  type FolderProbe,
  nodeFolderProbe,
  RootFolderService,
} from '../../src/services/library/root-folder.service.js';
import { TagService } from '../../src/services/library/tag.service.js';
import { bareApp } from '../support/bare-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { newMovie, newSeries } from '../support/library-factories.js';

describe.each(DIALECTS)('library config routes (%s)', (dialect) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let dir: string;
  let movies: MovieRepository;
  let series: SeriesRepository;
  // Tests run as root in CI, where every folder is writable: this set makes chosen paths read-only.
  const readOnly = new Set<string>();
  const probe: FolderProbe = {
    ...nodeFolderProbe,
    inspect: async (path) => {
      const found = await nodeFolderProbe.inspect(path);
      return readOnly.has(path) ? { ...found, writable: false } : found;
    },
  };

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'idkarr-root-'));
    const db = tdb.database.db;
    movies = new MovieRepository(db);
    series = new SeriesRepository(db);
    app = bareApp();
    await app.register(
      libraryConfigRoutes({
        rootFolders: new RootFolderService({ rootFolders: new RootFolderRepository(db), movies, series, probe }),
        tags: new TagService({ tags: new TagRepository(db) }),
        qualityDefinitions: new QualityDefinitionService({ definitions: new QualityDefinitionRepository(db) }),
        qualityProfiles: new QualityProfileService({ profiles: new QualityProfileRepository(db), movies, series }),
      }),
      { prefix: '/api/v1' },
    );
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await tdb.cleanup();
    rmSync(dir, { recursive: true, force: true });
    readOnly.clear();
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('adds a root folder, reports space and unmapped folders, refuses bad paths', async () => {
    for (const name of ['Claimed (2020)', 'Loose', '.hidden']) mkdirSync(join(dir, name));
    await movies.insert(newMovie(1, { rootFolderPath: dir, path: join(dir, 'Claimed (2020)') }));
    const created = await call('POST', '/rootfolder', { path: `${dir}/` });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      path: dir,
      accessible: true,
      unmappedFolders: [{ name: 'Loose', path: join(dir, 'Loose') }],
    });
    expect(created.json().freeSpace).toBeGreaterThan(0);
    expect((await call('POST', '/rootfolder', { path: dir })).statusCode).toBe(409);

    const missing = await call('POST', '/rootfolder', { path: join(dir, 'nope') });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      { field: 'path', message: `folder "${join(dir, 'nope')}" does not exist`, severity: 'error' },
    ]);
    readOnly.add(join(dir, 'Loose'));
    const locked = await call('POST', '/rootfolder', { path: join(dir, 'Loose') });
    expect(locked.statusCode).toBe(400);
    expect(locked.json().detail).toContain(join(dir, 'Loose'));
    expect((await call('POST', '/rootfolder', { path: 'relative/dir' })).statusCode).toBe(400);
    expect((await call('POST', '/rootfolder', {})).json().errors[0].field).toBe('body.path');

    rmSync(dir, { recursive: true, force: true });
    const list = (await call('GET', '/rootfolder')).json();
    expect(list).toEqual([
      { id: created.json().id, path: dir, accessible: false, freeSpace: null, totalSpace: null, unmappedFolders: [] },
    ]);
    expect((await call('DELETE', `/rootfolder/${created.json().id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/rootfolder/${created.json().id}`)).statusCode).toBe(404);
    expect((await movies.list()).length).toBe(1); // deleting a root folder never touches its movies
  });

  it('manages tags with usage details and refuses deleting a tag in use', async () => {
    const hd = (await call('POST', '/tag', { label: '  HD ' })).json();
    expect(hd).toMatchObject({ label: 'hd' });
    expect((await call('POST', '/tag', { label: 'hd' })).statusCode).toBe(409);
    expect((await call('POST', '/tag', { label: '' })).json().errors[0].field).toBe('body.label');
    const kids = (await call('POST', '/tag', { label: 'kids' })).json();
    const m = await movies.insert(newMovie(1, { tags: [hd.id] }));
    const s = await series.insert(newSeries(1, { tags: [hd.id, kids.id] }));
    const def = await tdb.database.db
      .insertInto('provider_definitions')
      .values({
        kind: 'indexer',
        implementation: 'x',
        name: 'Idx',
        enabled: 1,
        tags: JSON.stringify([kids.id]),
        settings: '{}',
        created_at: '',
        updated_at: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const detail = (await call('GET', '/tag/detail')).json();
    expect(detail).toEqual([
      expect.objectContaining({ id: hd.id, movieIds: [m.id], seriesIds: [s.id], indexerIds: [] }),
      expect.objectContaining({ id: kids.id, movieIds: [], seriesIds: [s.id], indexerIds: [def.id] }),
    ]);
    const refused = await call('DELETE', `/tag/${kids.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/"kids" is still used by 1 series, 1 indexer/);
    expect((await call('PUT', `/tag/${kids.id}`, { label: 'Family' })).json()).toEqual({
      id: kids.id,
      label: 'family',
    });
    expect((await call('PUT', `/tag/${kids.id}`, { label: 'hd' })).statusCode).toBe(409);
    const free = (await call('POST', '/tag', { label: 'unused' })).json();
    expect((await call('DELETE', `/tag/${free.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/tag/${free.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/tag/detail/${hd.id}`)).json().movieIds).toEqual([m.id]);
  });

  it('lists and edits quality definitions, validating size windows by field', async () => {
    const list = (await call('GET', '/qualitydefinition')).json();
    const remux = list.find((d: { quality: { id: string } }) => d.quality.id === 'remux-1080p');
    expect(remux).toMatchObject({ title: 'Remux-1080p', minSize: 17, maxSize: null, quality: { resolution: 1080 } });
    const put = await call('PUT', `/qualitydefinition/${remux.id}`, { minSize: 10, preferredSize: 50, maxSize: 200 });
    expect(put.json()).toMatchObject({
      id: remux.id,
      title: 'Remux-1080p',
      minSize: 10,
      preferredSize: 50,
      maxSize: 200,
    });
    const bad = await call('PUT', `/qualitydefinition/${remux.id}`, { minSize: 10, preferredSize: 50, maxSize: 20 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['maxSize']);
    expect(
      (await call('PUT', '/qualitydefinition/9999', { minSize: 1, preferredSize: 2, maxSize: 3 })).statusCode,
    ).toBe(404);

    const [a, b] = list;
    const bulk = await call('PUT', '/qualitydefinition/update', [
      { id: a.id, title: 'Renamed', minSize: 1, preferredSize: 2, maxSize: 3 },
      { id: b.id, minSize: 5, preferredSize: 4, maxSize: null },
    ]);
    expect(bulk.statusCode).toBe(400);
    expect(bulk.json().errors.map((e: { field: string }) => e.field)).toEqual(['1.preferredSize']);
    const unknown = await call('PUT', '/qualitydefinition/update', [
      { id: a.id, title: 'Renamed', minSize: 1, preferredSize: 2, maxSize: 3 },
      { id: 9999, minSize: 1, preferredSize: 2, maxSize: 3 },
    ]);
    expect(unknown.statusCode).toBe(404);
    expect((await call('GET', `/qualitydefinition/${a.id}`)).json().title).not.toBe('Renamed'); // rolled back
    const ok = await call('PUT', '/qualitydefinition/update', [
      { id: a.id, title: 'Renamed', minSize: 1, preferredSize: 2, maxSize: 3 },
    ]);
    expect(ok.json()[0]).toMatchObject({ title: 'Renamed', maxSize: 3 });
  });

  it('creates, validates, updates and deletes quality profiles; refuses deleting one in use', async () => {
    const seeded = (await call('GET', '/qualityprofile')).json();
    expect(seeded.map((p: { name: string }) => p.name)).toEqual([
      'Any',
      'SD',
      'HD-720p',
      'HD-1080p',
      'Ultra-HD',
      'HD - 720p/1080p',
    ]);
    const template = (await call('GET', '/qualityprofile/schema')).json();
    const body = {
      ...template,
      name: 'Web only',
      cutoff: 'WEB 1080p',
      items: template.items.map((i: { name?: string }) => (i.name === 'WEB 1080p' ? { ...i, allowed: true } : i)),
    };
    const created = await call('POST', '/qualityprofile', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Web only', cutoff: 'WEB 1080p', upgradeAllowed: true });
    expect((await call('POST', '/qualityprofile', body)).statusCode).toBe(409);

    const badCutoff = await call('POST', '/qualityprofile', { ...body, name: 'Bad', cutoff: 'sdtv' });
    expect(badCutoff.statusCode).toBe(400);
    expect(badCutoff.json().errors).toEqual([expect.objectContaining({ field: 'cutoff' })]);
    const noneAllowed = await call('POST', '/qualityprofile', { ...template, name: 'Empty', cutoff: 'sdtv' });
    expect(noneAllowed.json().errors.map((e: { field: string }) => e.field)).toEqual(['items', 'cutoff']);
    expect(
      (await call('POST', '/qualityprofile', { name: 'x' })).json().errors.map((e: { field: string }) => e.field),
    ).toEqual(expect.arrayContaining(['body.cutoff', 'body.items']));

    const id = created.json().id;
    const renamed = await call('PUT', `/qualityprofile/${id}`, { ...body, name: 'Web 1080p' });
    expect(renamed.json()).toMatchObject({ id, name: 'Web 1080p' });
    expect((await call('PUT', '/qualityprofile/9999', body)).statusCode).toBe(404);

    await movies.insert(newMovie(1, { qualityProfileId: id, title: 'Heat' }));
    await series.insert(newSeries(1, { qualityProfileId: id, title: 'The Wire' }));
    const inUse = await call('DELETE', `/qualityprofile/${id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().detail).toBe('quality profile "Web 1080p" is used by 1 movie(s): Heat; 1 series: The Wire');
    const unused = seeded.find((p: { name: string }) => p.name === 'SD');
    expect((await call('DELETE', `/qualityprofile/${unused.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/qualityprofile/${unused.id}`)).statusCode).toBe(404);
  });
});
