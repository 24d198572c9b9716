// Shared set-up of the library API tests: the composed app (either dialect) with TMDB and TVDB definitions seeded
// from the environment and pointing at a local fake server replaying recorded payloads, a real root folder on disk,
// the seeded quality profile, and every event the app emits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import type { AnyEvent } from '../../src/events/event-bus.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import type { DialectName } from '../support/databases.js';
import type { FakeHttpServer } from '../support/fake-http-server.js';

export const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/protocols/', import.meta.url));
/** Recorded TMDB answers with every appended member (see that folder's SOURCES.md). */
export const TMDB_LOCAL = fileURLToPath(new URL('../../src/integrations/metadata/tmdb/fixtures/', import.meta.url));
export const TMDB_KEY = '0123456789abcdef0123456789abcdef';
export const TVDB_KEY = 'a1b2c3d4-e5f6-4789-abcd-0123456789ab';

export interface LibraryApp {
  h: AppHarness;
  root: string;
  profileId: number;
  events: AnyEvent[];
  api(method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  /** Replaces settings of the seeded definition (e.g. a short timeout, no cache); the instance is rebuilt. */
  tune(implementation: 'tmdb' | 'tvdb', settings: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startLibraryApp(dialect: DialectName, fake: FakeHttpServer): Promise<LibraryApp> {
  const h = await startApp(dialect, {
    env: {
      IDKARR_TMDB_API_KEY: TMDB_KEY,
      IDKARR_TMDB_URL: `${fake.url}/3`,
      IDKARR_TVDB_API_KEY: TVDB_KEY,
      IDKARR_TVDB_URL: `${fake.url}/v4`,
      IDKARR_LOG_LEVEL: 'warn',
    },
  });
  const root = mkdtempSync(join(tmpdir(), 'idkarr-lib-'));
  const events: AnyEvent[] = [];
  h.app.events.onAny((e) => events.push(e));
  const api: LibraryApp['api'] = (method, url, payload) =>
    h.app.http.inject({
      method,
      url: `/api/v1${url}`,
      headers: h.authHeaders(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const added = await api('POST', '/rootfolder', { path: root });
  if (added.statusCode !== 201) throw new Error(`root folder: ${added.body}`);
  const profiles = (await api('GET', '/qualityprofile')).json() as { id: number }[];
  const definitions = new ProviderDefinitionRepository(h.app.database.db);
  let tick = 0;
  return {
    h,
    root,
    profileId: profiles[0]!.id,
    events,
    api,
    async tune(implementation, settings) {
      const def = (await definitions.list('metadata')).find((d) => d.implementation === implementation)!;
      const { id: _id, kind: _kind, createdAt: _c, updatedAt: _u, ...input } = def;
      const now = new Date(Date.now() + ++tick).toISOString();
      await definitions.update(def.id, { ...input, settings: { ...def.settings, ...settings } }, now);
    },
    async close() {
      await h.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** TMDB: movie search, Fight Club with appends, IMDb find, the configuration ping. */
export function serveTmdb(fake: FakeHttpServer): void {
  fake.fixture('GET', '/3/configuration', 'tmdb/v3-2016-configuration.json');
  fake.fixture('GET', '/3/search/movie', 'tmdb/v3-search-movie.json');
  fake.route('GET', '/3/movie/:id', { status: 404, file: 'tmdb/v3-error-resource-not-found.json' });
  fake.fixture('GET', '/3/movie/550', `${TMDB_LOCAL}movie-550-appended.json`);
  fake.fixture('GET', '/3/movie/14', 'tmdb/v3-2016-movie-details.json');
  fake.fixture('GET', '/3/find/:id', 'tmdb/v3-2016-find-no-results.json');
  fake.fixture('GET', '/3/find/tt1233413', 'tmdb/v3-find-by-imdb-id-movie.json');
  fake.fixture('GET', '/3/search/tv', 'tmdb/v3-search-tv.json');
  fake.fixture('GET', '/3/tv/1399', `${TMDB_LOCAL}tv-1399-appended.json`);
  // Only season 1 of Game of Thrones was recorded; the other seasons answer empty.
  fake.route('GET', '/3/tv/1399/season/:n', (req) => ({ json: { season_number: Number(req.params.n), episodes: [] } }));
  fake.fixture('GET', '/3/tv/1399/season/1', 'tmdb/v3-tv-season-details-1399-s1.json');
}

/** TVDB: login, search, Day Break (79509) base, extended and its episodes. */
export function serveTvdb(fake: FakeHttpServer): void {
  fake.fixture('POST', '/v4/login', 'tvdb/v4-login-success.json');
  fake.route('GET', '/v4/languages', { json: { status: 'success', data: [] } });
  fake.fixture('GET', '/v4/search', 'tvdb/v4-search-series.json');
  fake.fixture('GET', '/v4/series/79509', 'tvdb/v4-series-79509.json');
  fake.fixture('GET', '/v4/series/79509/extended', 'tvdb/v4-series-79509-extended.json');
  fake.fixture('GET', '/v4/series/79509/episodes/default', 'tvdb/v4-series-79509-episodes-default.json');
}
