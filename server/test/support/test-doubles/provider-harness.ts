// Wires the provider framework the way the composition root does, over a real test database, with test
// doubles for every integration and a fake clock.
import type { FastifyInstance } from 'fastify';
import { ProviderDefinitionRepository } from '../../../src/db/repositories/provider-definition.repository.js';
import { ProviderStatusRepository } from '../../../src/db/repositories/provider-status.repository.js';
import { type AnyEvent, EventBus } from '../../../src/events/event-bus.js';
import { providerRoutes } from '../../../src/http/routes/provider.routes.js';
import { FakeClock } from '../../../src/lib/clock.js';
import { silentLogger } from '../../../src/lib/logger.js';
import type { ProviderBackoff } from '../../../src/providers/backoff.port.js';
import type { ProviderDefinitionInput } from '../../../src/providers/provider.types.js';
import { ProviderDefinitionService } from '../../../src/providers/provider-definition.service.js';
import {
  ProviderHealthService,
  type ProviderHealthServiceDeps,
} from '../../../src/providers/provider-health.service.js';
import { ProviderInstances } from '../../../src/providers/provider-instances.js';
import { bareApp } from '../bare-app.js';
import { createTestDatabase, type DialectName, type TestDatabase } from '../databases.js';
import { BackoffTestDouble } from './backoff.test-double.js';
import { IntegrationTestDoubleControl, testDoubleRegistry } from './integration.test-double.js';

export const START = Date.parse('2030-01-01T00:00:00.000Z');

export interface ProviderHarness {
  testDb: TestDatabase;
  clock: FakeClock;
  control: IntegrationTestDoubleControl;
  events: AnyEvent[];
  definitionRepo: ProviderDefinitionRepository;
  statusRepo: ProviderStatusRepository;
  instances: ProviderInstances;
  definitions: ProviderDefinitionService;
  health: ProviderHealthService;
  healthDeps: ProviderHealthServiceDeps;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function providerHarness(
  dialect: DialectName,
  makeBackoff: (clock: FakeClock) => ProviderBackoff = () => new BackoffTestDouble(),
): Promise<ProviderHarness> {
  const testDb = await createTestDatabase(dialect);
  const { db } = testDb.database;
  const clock = new FakeClock(START);
  const backoff = makeBackoff(clock);
  const log = silentLogger();
  const control = new IntegrationTestDoubleControl();
  const registry = testDoubleRegistry(control);
  const bus = new EventBus(log);
  const events: AnyEvent[] = [];
  bus.onAny((e) => events.push(e));
  const definitionRepo = new ProviderDefinitionRepository(db);
  const statusRepo = new ProviderStatusRepository(db);
  const instances = new ProviderInstances({ registry, clock, log });
  const definitions = new ProviderDefinitionService({
    definitions: definitionRepo,
    registry,
    instances,
    events: bus,
    clock,
    log,
  });
  const healthDeps: ProviderHealthServiceDeps = {
    definitions: definitionRepo,
    statuses: statusRepo,
    registry,
    instances,
    backoff,
    events: bus,
    clock,
    log,
  };
  const health = new ProviderHealthService(healthDeps);
  const app = bareApp();
  await app.register(providerRoutes({ definitions, health, registry }), { prefix: '/api/v1' });
  await app.ready();
  return {
    testDb,
    clock,
    control,
    events,
    definitionRepo,
    statusRepo,
    instances,
    definitions,
    health,
    healthDeps,
    app,
    close: async () => {
      await app.close();
      await instances.disposeAll();
      await testDb.cleanup();
    },
  };
}

export function validBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    implementation: 'test-double',
    name: 'Main',
    enabled: true,
    tags: [1, 2],
    settings: { url: 'http://localhost:9091', apiKey: 'super-secret-key-123', priority: 10 },
    ...overrides,
  };
}

/** validBody typed for calling the services directly. */
export function validInput(overrides: Partial<ProviderDefinitionInput> = {}): ProviderDefinitionInput {
  return { ...(validBody() as unknown as ProviderDefinitionInput), ...overrides };
}
