// /customformat, /releaseprofile, /delayprofile through the real services and repositories, and the blocklist and
// pending-release repositories, on both dialects.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlocklistRepository } from '../../src/db/repositories/blocklist.repository.js';
import { CustomFormatRepository } from '../../src/db/repositories/custom-format.repository.js';
import { DelayProfileRepository } from '../../src/db/repositories/delay-profile.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { PendingReleaseRepository } from '../../src/db/repositories/pending-release.repository.js';
import { ReleaseProfileRepository } from '../../src/db/repositories/release-profile.repository.js';
import { customFormatRoutes } from '../../src/http/routes/custom-format.routes.js';
import { delayProfileRoutes } from '../../src/http/routes/delay-profile.routes.js';
import { releaseProfileRoutes } from '../../src/http/routes/release-profile.routes.js';
import {
  CustomFormatService,
  DelayProfileService,
  ReleaseProfileService,
} from '../../src/services/decisions/decision-config.service.js';
import { bareApp } from '../support/bare-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { newMovie } from '../support/library-factories.js';

const TRASH = JSON.parse(
  readFileSync(new URL('../../src/domain/custom-formats/fixtures/trash-formats.json', import.meta.url), 'utf8'),
) as Record<string, unknown>[];

describe.each(DIALECTS)('decision config routes and stores (%s)', (dialect) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    const db = tdb.database.db;
    app = bareApp();
    await app.register(
      customFormatRoutes({ customFormats: new CustomFormatService({ formats: new CustomFormatRepository(db) }) }),
      {
        prefix: '/api/v1',
      },
    );
    await app.register(
      releaseProfileRoutes({
        releaseProfiles: new ReleaseProfileService({ profiles: new ReleaseProfileRepository(db) }),
      }),
      { prefix: '/api/v1' },
    );
    await app.register(
      delayProfileRoutes({ delayProfiles: new DelayProfileService({ profiles: new DelayProfileRepository(db) }) }),
      {
        prefix: '/api/v1',
      },
    );
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await tdb.cleanup();
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('imports TRaSH JSON, exports it back unchanged in meaning, and refuses bad regexes and duplicates', async () => {
    const imported = await call('POST', '/customformat/import', TRASH);
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toHaveLength(TRASH.length);
    const exported = (await call('GET', '/customformat/export')).json();
    const reimport = exported.map((f: Record<string, unknown>) => f);
    // The export is the guides' shape; importing it again with overwrite keeps ids and content.
    const again = await call('POST', '/customformat/import?overwrite=true', reimport);
    expect(again.statusCode).toBe(201);
    expect(again.json().map((f: { id: number }) => f.id)).toEqual(imported.json().map((f: { id: number }) => f.id));
    expect((await call('GET', '/customformat/export')).json()).toEqual(exported);
    expect(exported[1].specifications[1]).toEqual({
      name: 'Not 2160p',
      implementation: 'ResolutionSpecification',
      negate: true,
      required: true,
      fields: { value: 2160 },
    });
    expect((await call('POST', '/customformat/import', TRASH[0])).statusCode).toBe(409);
    const bad = await call('POST', '/customformat', {
      name: 'Broken',
      specifications: [
        { name: 'b', implementation: 'ReleaseTitleSpecification', fields: [{ name: 'value', value: '(x' }] },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('specifications.0.fields.value');
  });

  it('does custom format CRUD', async () => {
    const created = await call('POST', '/customformat', {
      name: 'HDR',
      specifications: [{ name: 'hdr', implementation: 'ReleaseTitleSpecification', fields: { value: '\\bHDR\\b' } }],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toEqual({
      id,
      name: 'HDR',
      includeCustomFormatWhenRenaming: false,
      specifications: [
        {
          name: 'hdr',
          implementation: 'ReleaseTitleSpecification',
          negate: false,
          required: false,
          fields: { value: '\\bHDR\\b' },
        },
      ],
    });
    const updated = await call('PUT', `/customformat/${id}`, { ...(created.json() as object), name: 'HDR10' });
    expect(updated.json().name).toBe('HDR10');
    expect((await call('GET', `/customformat/${id}/export`)).json()).toMatchObject({ name: 'HDR10' });
    expect((await call('DELETE', `/customformat/${id}`)).statusCode).toBe(204);
    expect((await call('GET', `/customformat/${id}`)).statusCode).toBe(404);
  });

  it('manages release profiles and validates their terms', async () => {
    const created = await call('POST', '/releaseprofile', {
      name: 'x',
      required: [' /\\bWEB\\b/ ', ''],
      ignored: ['CAM'],
      tags: [1],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      required: ['/\\bWEB\\b/'],
      ignored: ['CAM'],
      enabled: true,
      indexerId: 0,
      tags: [1],
    });
    expect((await call('POST', '/releaseprofile', { required: ['/(unclosed/'] })).json().errors[0].field).toBe(
      'required',
    );
    expect((await call('POST', '/releaseprofile', { required: [] })).statusCode).toBe(400);
    const id = created.json().id;
    expect(
      (await call('PUT', `/releaseprofile/${id}`, { ...(created.json() as object), enabled: false })).json().enabled,
    ).toBe(false);
    expect((await call('GET', '/releaseprofile')).json()).toHaveLength(1);
    expect((await call('DELETE', `/releaseprofile/${id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/releaseprofile/${id}`)).statusCode).toBe(404);
  });

  it('keeps the default delay profile last, untagged and undeletable; reorders the others', async () => {
    const [def] = (await call('GET', '/delayprofile')).json();
    expect(def).toMatchObject({ tags: [], usenetDelay: 0, torrentDelay: 0 });
    expect((await call('DELETE', `/delayprofile/${def.id}`)).statusCode).toBe(409);
    expect((await call('PUT', `/delayprofile/${def.id}`, { ...def, tags: [3] })).statusCode).toBe(400);
    expect((await call('PUT', `/delayprofile/${def.id}`, { ...def, torrentDelay: 60 })).json().torrentDelay).toBe(60);
    expect((await call('POST', '/delayprofile', { torrentDelay: 5 })).statusCode).toBe(400);
    const a = (await call('POST', '/delayprofile', { torrentDelay: 5, tags: [1] })).json();
    const b = (
      await call('POST', '/delayprofile', { enableUsenet: false, preferredProtocol: 'usenet', tags: [2] })
    ).json();
    expect(b.preferredProtocol).toBe('torrent');
    expect((await call('GET', '/delayprofile')).json().map((p: { id: number }) => p.id)).toEqual([a.id, b.id, def.id]);
    const reordered = await call('PUT', `/delayprofile/reorder/${b.id}`);
    expect(reordered.json().map((p: { id: number }) => p.id)).toEqual([b.id, a.id, def.id]);
    expect(
      (await call('PUT', `/delayprofile/reorder/${b.id}?after=${a.id}`)).json().map((p: { id: number }) => p.id),
    ).toEqual([a.id, b.id, def.id]);
    expect(
      (await call('POST', '/delayprofile', { enableUsenet: false, enableTorrent: false, tags: [1] })).statusCode,
    ).toBe(400);
    expect((await call('DELETE', `/delayprofile/${a.id}`)).statusCode).toBe(204);
  });

  it('stores blocklist entries and finds them by guid, info hash and title in one batch', async () => {
    const db = tdb.database.db;
    const movie = await new MovieRepository(db).insert(newMovie(1));
    const repo = new BlocklistRepository(db);
    const base = {
      movieId: movie.id,
      seriesId: null,
      episodeIds: [],
      quality: 'bluray-1080p',
      languages: ['English'],
      customFormats: ['x265'],
      indexerId: 1,
      indexer: 'Idx',
      protocol: 'torrent' as const,
      guid: null,
      torrentInfoHash: null,
      size: 5 * 1024 ** 3,
      publishedDate: '2025-01-01T00:00:00.000Z',
      message: 'failed',
    };
    const a = await repo.insert({ ...base, sourceTitle: 'A', guid: 'g-a', date: '2025-01-01T00:00:00.000Z' });
    const b = await repo.insert({
      ...base,
      sourceTitle: 'B',
      torrentInfoHash: 'ABCDEF',
      date: '2025-01-02T00:00:00.000Z',
    });
    const c = await repo.insert({ ...base, sourceTitle: 'C', date: '2025-01-03T00:00:00.000Z' });
    expect(await repo.get(a.id)).toEqual(a);
    expect(a.size).toBe(5 * 1024 ** 3);
    expect(b.torrentInfoHash).toBe('abcdef');
    const found = await repo.findMatches({ guids: ['g-a', 'nope'], infoHashes: ['AbCdEf'], titles: ['C'] });
    expect(found.map((e) => e.id)).toEqual([a.id, b.id, c.id]);
    const page = await repo.page({ page: 1, pageSize: 2 });
    expect(page.totalRecords).toBe(3);
    expect(page.records.map((e) => e.id)).toEqual([c.id, b.id]);
    expect(await repo.deleteMany([a.id, b.id])).toBe(2);
    expect(await repo.delete(c.id)).toBe(true);
    expect(await new MovieRepository(db).delete(movie.id)).toBe(true);
  });

  it('saves pending releases once per guid and indexer and finds them by item', async () => {
    const db = tdb.database.db;
    const movie = await new MovieRepository(db).insert(newMovie(1));
    const repo = new PendingReleaseRepository(db);
    const p = {
      movieId: movie.id,
      seriesId: null,
      episodeIds: [],
      guid: 'g',
      indexerId: 1,
      title: 'T',
      quality: 'bluray-1080p',
      revision: { version: 2, real: 1 },
      customFormatScore: 50,
      release: { title: 'T', size: 1 },
      reason: 'delay',
      added: '2025-01-01T00:00:00.000Z',
    };
    const first = await repo.save(p);
    const second = await repo.save({ ...p, customFormatScore: 60 });
    expect(second).toEqual({ ...first, customFormatScore: 60 });
    await repo.save({ ...p, indexerId: null, added: '2025-02-01T00:00:00.000Z' });
    expect(await repo.forItems({ movieIds: [movie.id], seriesIds: [] })).toHaveLength(2);
    expect(await repo.forItems({ movieIds: [], seriesIds: [1] })).toEqual([]);
    expect(await repo.deleteAddedBefore('2025-01-15T00:00:00.000Z')).toBe(1);
    expect(await repo.list()).toHaveLength(1);
  });
});
