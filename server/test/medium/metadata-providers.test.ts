// The TMDB and TVDB integrations inside the real provider framework, on both dialects: first-start seeding,
// "invalid API key" health after a provider 401, a timing-out provider backed off without a crash, and the
// test endpoint's findings — all against the local fake server.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import { ProviderStatusRepository } from '../../src/db/repositories/provider-status.repository.js';
import { EventBus } from '../../src/events/event-bus.js';
import { metadataIntegrations } from '../../src/integrations/metadata/index.js';
import { seedMetadataDefinitions } from '../../src/integrations/metadata/seed-definitions.js';
import { systemClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { ProviderDefinitionService } from '../../src/providers/provider-definition.service.js';
import { ProviderHealthService } from '../../src/providers/provider-health.service.js';
import { ProviderInstances } from '../../src/providers/provider-instances.js';
import { ProviderRegistry } from '../../src/providers/provider-registry.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { BackoffTestDouble } from '../support/test-doubles/backoff.test-double.js';

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/protocols/', import.meta.url));
const TMDB_KEY = '0123456789abcdef0123456789abcdef';
const TVDB_KEY = 'a1b2c3d4-e5f6-4789-abcd-0123456789ab';

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterAll(() => fake.close());

describe.each(DIALECTS)('metadata providers in the framework (%s)', (dialect) => {
  let testDb: TestDatabase;
  let repo: ProviderDefinitionRepository;
  let statuses: ProviderStatusRepository;
  let instances: ProviderInstances;
  let health: ProviderHealthService;
  let definitions: ProviderDefinitionService;
  const log = silentLogger();
  const clock = systemClock; // the HttpClient timeout runs on this clock; a fake one would never fire

  beforeEach(async () => {
    testDb = await createTestDatabase(dialect);
    repo = new ProviderDefinitionRepository(testDb.database.db);
    statuses = new ProviderStatusRepository(testDb.database.db);
    const registry = new ProviderRegistry({ metadata: metadataIntegrations });
    instances = new ProviderInstances({ registry, clock, log });
    const events = new EventBus(log);
    const backoff = new BackoffTestDouble();
    health = new ProviderHealthService({
      definitions: repo,
      statuses,
      registry,
      instances,
      backoff,
      events,
      clock,
      log,
    });
    definitions = new ProviderDefinitionService({ definitions: repo, registry, instances, events, clock, log });
  });
  afterEach(async () => {
    fake.reset();
    await instances.disposeAll();
    await testDb.cleanup();
  });

  const seed = () =>
    seedMetadataDefinitions(
      { tmdb: { apiKey: TMDB_KEY, url: `${fake.url}/3` }, tvdb: { apiKey: TVDB_KEY, url: `${fake.url}/v4` } },
      { definitions: repo, clock, log },
    );

  it('seeds TMDB and TVDB once, and never again while a metadata definition exists', async () => {
    const created = await seed();
    expect(created.map((d) => d.implementation)).toEqual(['tmdb', 'tvdb']);
    expect(await seed()).toEqual([]);
    const stored = await repo.list('metadata');
    expect(stored.map((d) => [d.name, d.settings.apiKey])).toEqual([
      ['TMDB', TMDB_KEY],
      ['TheTVDB', TVDB_KEY],
    ]);
  });

  it('marks both definitions unhealthy with "invalid API key" after a provider 401', async () => {
    fake.fixture('GET', '/3/configuration', 'tmdb/v3-error-invalid-api-key.json', { status: 401 });
    fake.fixture('POST', '/v4/login', 'tvdb/v4-error-401-invalid-api-key.json', { status: 401 });
    const [tmdb, tvdb] = await seed();
    await health.checkAll();
    for (const def of [tmdb!, tvdb!]) {
      expect(await statuses.get(def.id)).toMatchObject({ health: 'unhealthy', message: 'invalid API key' });
    }
  });

  it('backs off a provider that times out, and the sweep completes', async () => {
    const [tmdb] = await seed();
    await repo.update(
      tmdb!.id,
      { ...tmdb!, settings: { ...tmdb!.settings, timeoutSeconds: 0.2 } },
      new Date().toISOString(),
    );
    await repo.delete((await repo.list('metadata'))[1]!.id);
    fake.route('GET', '/3/configuration', { delayMs: 3000, json: {} });
    await health.checkAll();
    const status = await statuses.get(tmdb!.id);
    expect(status).toMatchObject({ health: 'unhealthy', failureCount: 1 });
    expect(status?.message).toMatch(/no complete response within 200 ms/);
    expect(status?.disabledUntil).not.toBeNull();
    expect(await health.isAvailable(tmdb!.id)).toBe(false);
  });

  it('answers the settings test with a finding on apiKey, without echoing the key', async () => {
    fake.fixture('GET', '/3/configuration', 'tmdb/v3-error-invalid-api-key.json', { status: 401 });
    const outcome = await definitions.test('metadata', {
      implementation: 'tmdb',
      name: 'TMDB',
      enabled: true,
      tags: [],
      settings: { apiKey: TMDB_KEY, baseUrl: `${fake.url}/3` },
    });
    expect(outcome).toEqual({
      ok: false,
      findings: [{ field: 'settings.apiKey', message: 'invalid API key', severity: 'error' }],
    });
    expect(fake.requests[0]?.query.api_key).toBe(TMDB_KEY);
  });
});
