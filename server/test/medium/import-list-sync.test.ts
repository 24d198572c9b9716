// Import list sync end to end on both dialects, through the HTTP API of a composition like compose.ts (provider,
// library, command and import list routes): a TMDB list served by a fake server, TMDB metadata from recorded
// payloads, items added with the list's settings, exclusions, already-existing items, the leave policy applied
// only after successful non-empty fetches, the result endpoint, exclusion CRUD and token persistence.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ImportListsWiring, wireImportLists } from '../../src/app/import-lists.wiring.js';
import { wireLibrary } from '../../src/app/library.wiring.js';
import { CommandRepository } from '../../src/db/repositories/command.repository.js';
import { ImportListRepository } from '../../src/db/repositories/import-list.repository.js';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import { ProviderStatusRepository } from '../../src/db/repositories/provider-status.repository.js';
import { ScheduledTaskRepository } from '../../src/db/repositories/scheduled-task.repository.js';
import { EventBus } from '../../src/events/event-bus.js';
import { commandRoutes } from '../../src/http/routes/command.routes.js';
import { providerRoutes } from '../../src/http/routes/provider.routes.js';
import { CommandQueue } from '../../src/jobs/command-queue.service.js';
import { CommandRegistry } from '../../src/jobs/command-registry.js';
import { Scheduler } from '../../src/jobs/scheduler.service.js';
import { systemClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { ProviderBackoffPolicy } from '../../src/lib/resilience/backoff.js';
import { builtinRegistry } from '../../src/providers/builtin-registry.js';
import { ProviderDefinitionService } from '../../src/providers/provider-definition.service.js';
import { ProviderHealthService } from '../../src/providers/provider-health.service.js';
import { ProviderInstances } from '../../src/providers/provider-instances.js';
import { parseSettings } from '../../src/providers/settings-schema.js';
import { bareApp } from '../support/bare-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';

const TMDB_LOCAL = fileURLToPath(new URL('../../src/integrations/metadata/tmdb/fixtures/', import.meta.url));
const LIST_FIXTURES = fileURLToPath(
  new URL('../../src/integrations/import-lists/tmdb-list/fixtures/', import.meta.url),
);
const KEY = '0123456789abcdef0123456789abcdef';
// biome-ignore lint/suspicious/noExplicitAny: API answers are read loosely; the assertions check their shape
type Json = any;
const noTimer = { setInterval: () => 1, clearInterval: () => {} };

/** Fight Club's recorded answer, re-labelled for another movie (Spirited Away is only ever excluded). */
function movieAnswer(id: number): unknown {
  const fightClub = JSON.parse(readFileSync(join(TMDB_LOCAL, 'movie-550-appended.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  return id === 550 ? fightClub : { ...fightClub, id, title: `Movie ${id}`, imdb_id: `tt99${id}` };
}

const listPage = (items: unknown[]) => ({ id: '8136', items, page: 1, total_pages: 1, total_results: items.length });
const FIGHT_CLUB = { id: 550, media_type: 'movie', title: 'Fight Club', release_date: '1999-10-15' };
const GOT = { id: 1399, media_type: 'tv', name: 'Game of Thrones', first_air_date: '2011-04-17' };

describe.each(DIALECTS)('import list sync (%s)', (dialect) => {
  let testDb: TestDatabase;
  let fake: FakeHttpServer;
  let http: FastifyInstance;
  let queue: CommandQueue;
  let lists: ImportListsWiring;
  let definitions: ProviderDefinitionRepository;
  let root: string;
  let listItems: unknown[] | 'fail';

  const api = async (method: InjectOptions['method'], url: string, payload?: unknown) => {
    const res = await http.inject({
      method,
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, body: res.body ? (res.json() as Json) : undefined };
  };

  async function sync(definitionId: number) {
    const queued = await api('POST', '/command', { name: 'ImportListSync', definitionId });
    expect(queued.status).toBe(201);
    const done = await queue.waitFor(queued.body.id);
    expect(done.status).toBe('completed');
    return (await api('GET', `/importlist/${definitionId}/result`)).body;
  }

  beforeEach(async () => {
    testDb = await createTestDatabase(dialect);
    const { database } = testDb;
    fake = await FakeHttpServer.start({ fixtureRoot: LIST_FIXTURES });
    listItems = [];
    fake.route('GET', '/3/list/8136', () =>
      listItems === 'fail' ? { status: 500, body: 'down' } : { json: listPage(listItems) },
    );
    fake.route('GET', '/3/movie/:id', (req) => ({ json: movieAnswer(Number(req.params.id)) }));
    fake.fixture('GET', '/3/tv/1399', join(TMDB_LOCAL, 'tv-1399-appended.json'));
    fake.route('GET', '/3/tv/1399/season/:n', (req) => ({
      json: { season_number: Number(req.params.n), episodes: [] },
    }));

    const log = silentLogger();
    const clock = systemClock;
    const events = new EventBus(log);
    const registry = builtinRegistry();
    definitions = new ProviderDefinitionRepository(database.db);
    const instances = new ProviderInstances({ registry, clock, log });
    const health = new ProviderHealthService({
      definitions,
      statuses: new ProviderStatusRepository(database.db),
      registry,
      instances,
      backoff: new ProviderBackoffPolicy({ clock }),
      events,
      clock,
      log,
      timer: noTimer,
    });
    const providerDefinitions = new ProviderDefinitionService({ definitions, registry, instances, events, clock, log });
    const commands = new CommandRegistry();
    queue = new CommandQueue({ repository: new CommandRepository(database), registry: commands, events, clock, log });
    const scheduler = new Scheduler(
      { repository: new ScheduledTaskRepository(database), queue, clock, log },
      { tickIntervalMs: null },
    );
    const appDeps = { providers: { health, instances }, commands, queue, scheduler, events, clock, log };
    const library = await wireLibrary(database, appDeps);
    lists = wireImportLists(database, { ...appDeps, library, definitions });
    // TMDB metadata as the seeded definition would be (no test() run: it is not what this suite is about).
    const tmdb = registry.require('metadata', 'tmdb');
    await definitions.insert(
      'metadata',
      {
        implementation: 'tmdb',
        name: 'TMDB',
        enabled: true,
        tags: [],
        settings: parseSettings(tmdb.settings, { apiKey: KEY, baseUrl: `${fake.url}/3`, cacheTtlMinutes: 0 }),
      },
      new Date().toISOString(),
    );
    http = bareApp();
    await http.register(providerRoutes({ definitions: providerDefinitions, health, registry }), { prefix: '/api/v1' });
    await http.register(commandRoutes({ queue }), { prefix: '/api/v1' });
    for (const routes of [...library.routes, ...lists.routes]) await http.register(routes);
    await queue.start();
    root = mkdtempSync(join(tmpdir(), 'idkarr-lists-'));
    expect((await api('POST', '/rootfolder', { path: root })).status).toBe(201);
  });

  afterEach(async () => {
    await queue.stop();
    await http.close();
    await fake.close();
    await testDb.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  async function createList(extra: Record<string, unknown> = {}) {
    const profileId = (await api('GET', '/qualityprofile')).body[0].id as number;
    const tag = (await api('POST', '/tag', { label: 'from-lists' })).body.id as number;
    const res = await api('POST', '/importlist', {
      implementation: 'tmdb-list',
      name: 'My TMDB list',
      tags: [tag],
      settings: {
        apiKey: KEY,
        baseUrl: `${fake.url}/3`,
        listType: 'list',
        listId: '8136',
        qualityProfileId: profileId,
        rootFolderPath: root,
        monitor: 'first_season',
        minimumAvailability: 'announced',
        seriesType: 'anime',
        seasonFolder: false,
        onLeave: 'unmonitor',
        ...extra,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id as number, profileId, tag };
  }

  it('adds new items with the list settings, honours exclusions and counts what exists', async () => {
    listItems = [FIGHT_CLUB, GOT, { id: 129, media_type: 'movie', title: 'Spirited Away', release_date: '2001-07-20' }];
    const list = await createList();
    expect((await api('GET', `/importlist/${list.id}/result`)).status).toBe(404);
    expect(
      (
        await api('POST', '/importlistexclusion', {
          mediaType: 'movie',
          tmdbId: 129,
          title: 'Spirited Away',
          year: 2001,
        })
      ).status,
    ).toBe(201);

    const first = await sync(list.id);
    expect(first).toMatchObject({
      listId: list.id,
      listName: 'My TMDB list',
      fetched: true,
      found: 3,
      added: 2,
      alreadyExist: 0,
      notFound: 0,
      excluded: 1,
      left: 0,
      leavePolicy: 'unmonitor',
      errors: [],
    });
    expect(first.durationMs).toBeGreaterThanOrEqual(0);
    expect(Object.keys(first).sort()).toEqual(
      [
        'added',
        'alreadyExist',
        'durationMs',
        'errors',
        'excluded',
        'fetched',
        'found',
        'leaveApplied',
        'leavePolicy',
        'left',
        'listId',
        'listName',
        'notFound',
        'syncedAt',
      ].sort(),
    );

    const movies = (await api('GET', '/movie')).body as Json[];
    expect(movies).toHaveLength(1);
    expect(movies[0]).toMatchObject({
      tmdbId: 550,
      title: 'Fight Club',
      qualityProfileId: list.profileId,
      rootFolderPath: root,
      monitored: true,
      minimumAvailability: 'announced',
      tags: [list.tag],
    });
    const series = (await api('GET', '/series')).body as Json[];
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({
      tmdbId: 1399,
      title: 'Game of Thrones',
      qualityProfileId: list.profileId,
      seriesType: 'anime',
      seasonFolder: false,
      monitored: true,
      tags: [list.tag],
    });
    // monitor: first_season
    const seasons = (series[0].seasons as { seasonNumber: number; monitored: boolean }[]).filter(
      (s) => s.seasonNumber > 0,
    );
    expect(seasons.find((s) => s.seasonNumber === 1)?.monitored).toBe(true);
    expect(seasons.filter((s) => s.seasonNumber > 1).every((s) => !s.monitored)).toBe(true);

    const second = await sync(list.id);
    expect(second).toMatchObject({ fetched: true, found: 3, added: 0, alreadyExist: 2, excluded: 1, left: 0 });
    expect((await api('GET', '/movie')).body).toHaveLength(1);
  });

  it('applies the leave policy only after a successful, non-empty fetch', async () => {
    listItems = [FIGHT_CLUB, GOT];
    const list = await createList();
    expect(await sync(list.id)).toMatchObject({ added: 2 });

    listItems = 'fail';
    const failed = await sync(list.id);
    expect(failed).toMatchObject({ fetched: false, found: 0, added: 0, left: 0, leaveApplied: 0 });
    expect(failed.errors[0].error).toMatch(/fetching the list failed/);
    expect((await api('GET', '/movie')).body[0].monitored).toBe(true);

    listItems = [];
    expect(await sync(list.id)).toMatchObject({ fetched: true, found: 0, left: 0, leaveApplied: 0 });
    expect((await api('GET', '/movie')).body[0].monitored).toBe(true);
    expect((await api('GET', '/series')).body[0].monitored).toBe(true);

    listItems = [GOT];
    expect(await sync(list.id)).toMatchObject({ fetched: true, found: 1, alreadyExist: 1, left: 1, leaveApplied: 1 });
    expect((await api('GET', '/movie')).body[0]).toMatchObject({ tmdbId: 550, monitored: false });
    expect((await api('GET', '/series')).body[0].monitored).toBe(true);
  });

  it('removes items that left a list with onLeave=remove, keeping them by default', async () => {
    listItems = [FIGHT_CLUB, GOT];
    const keep = await createList({ onLeave: 'keep' });
    await sync(keep.id);
    listItems = [GOT];
    expect(await sync(keep.id)).toMatchObject({ left: 1, leaveApplied: 0, leavePolicy: 'keep' });
    expect((await api('GET', '/movie')).body[0].monitored).toBe(true);

    const list = await api('GET', `/importlist/${keep.id}`);
    const put = await api('PUT', `/importlist/${keep.id}`, {
      ...list.body,
      settings: { ...list.body.settings, onLeave: 'remove' },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    listItems = [FIGHT_CLUB, GOT];
    await sync(keep.id);
    listItems = [GOT];
    expect(await sync(keep.id)).toMatchObject({ left: 1, leaveApplied: 1, leavePolicy: 'remove' });
    expect((await api('GET', '/movie')).body).toEqual([]);
  });

  it('serves exclusion CRUD with 409 for a duplicate and 400 without ids', async () => {
    const created = await api('POST', '/importlistexclusion', {
      mediaType: 'series',
      tvdbId: 121361,
      title: 'Game of Thrones',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ mediaType: 'series', tvdbId: 121361, tmdbId: null, imdbId: null, year: null });
    const dup = await api('POST', '/importlistexclusion', { mediaType: 'series', tvdbId: 121361, title: 'GoT again' });
    expect(dup.status).toBe(409);
    expect((await api('POST', '/importlistexclusion', { mediaType: 'movie', title: 'No ids' })).status).toBe(400);
    // The same id for the other media type is another item.
    expect((await api('POST', '/importlistexclusion', { mediaType: 'movie', tmdbId: 1399, title: 'x' })).status).toBe(
      201,
    );
    const id = created.body.id as number;
    const put = await api('PUT', `/importlistexclusion/${id}`, {
      mediaType: 'series',
      tvdbId: 121361,
      imdbId: 'tt0944947',
      title: 'Game of Thrones',
      year: 2011,
    });
    expect(put.body).toMatchObject({ id, imdbId: 'tt0944947', year: 2011 });
    expect((await api('GET', '/importlistexclusion')).body).toHaveLength(2);
    expect((await api('DELETE', `/importlistexclusion/${id}`)).status).toBe(204);
    expect((await api('GET', `/importlistexclusion/${id}`)).status).toBe(404);
    expect((await api('DELETE', `/importlistexclusion/${id}`)).status).toBe(404);
  });

  it('persists refreshed tokens into the definition without resetting it, masked by the API', async () => {
    const trakt = await definitions.insert(
      'importlist',
      {
        implementation: 'trakt',
        name: 'Trakt',
        enabled: false,
        tags: [],
        settings: parseSettings(builtinRegistry().require('importlist', 'trakt').settings, {
          clientId: 'id',
          clientSecret: 'secret',
          qualityProfileId: 1,
          rootFolderPath: root,
        }),
      },
      '2030-01-01T00:00:00.000Z',
    );
    const store = new ImportListRepository(testDb.database.db);
    await store.patchDefinitionSettings(
      trakt.id,
      { accessToken: 'new-access', refreshToken: 'new-refresh' },
      '2030-01-02T00:00:00.000Z',
    );
    const stored = await definitions.get(trakt.id);
    expect(stored?.settings).toMatchObject({ clientId: 'id', accessToken: 'new-access', refreshToken: 'new-refresh' });
    expect(stored?.updatedAt).toBe('2030-01-02T00:00:00.000Z');
    const view = await api('GET', `/importlist/${trakt.id}`);
    expect(view.body.settings).toMatchObject({
      accessToken: '********',
      refreshToken: '********',
      clientSecret: '********',
    });
    expect(lists.trakt).toBeDefined();
  });
});
