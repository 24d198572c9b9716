// Notifications end to end on both dialects: the dispatcher's targeting (event switches, tags, blocked and
// disabled providers), the outbox worker delivering through the real webhook and custom-script integrations
// (Retry-After on a fake clock, 5xx exhausting retries into failed + provider health, permanent failures,
// refused targets), restart safety, the outbox history route and the framework's test endpoint.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotificationOutboxRepository } from '../../src/db/repositories/notification-outbox.repository.js';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import { ProviderStatusRepository } from '../../src/db/repositories/provider-status.repository.js';
import { type AnyEvent, EventBus } from '../../src/events/event-bus.js';
import { notificationOutboxRoutes } from '../../src/http/routes/notification-outbox.routes.js';
import { providerRoutes } from '../../src/http/routes/provider.routes.js';
import { customScript } from '../../src/integrations/notifications/custom-script/index.js';
import { webhook } from '../../src/integrations/notifications/webhook/index.js';
import { FakeClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { ProviderBackoffPolicy } from '../../src/lib/resilience/backoff.js';
import type { AnyIntegration } from '../../src/providers/integration.js';
import type { ProviderDefinition } from '../../src/providers/provider.types.js';
import { ProviderDefinitionService } from '../../src/providers/provider-definition.service.js';
import { ProviderHealthService } from '../../src/providers/provider-health.service.js';
import { ProviderInstances } from '../../src/providers/provider-instances.js';
import { ProviderRegistry } from '../../src/providers/provider-registry.js';
import { parseSettings } from '../../src/providers/settings-schema.js';
import {
  grabMessage,
  healthIssueMessage,
  type MessageContext,
  messageContext,
  testMessage,
} from '../../src/services/notifications/messages.js';
import { NotificationService } from '../../src/services/notifications/notification.service.js';
import { subscribeNotificationEvents } from '../../src/services/notifications/notification-events.js';
import { notificationHealthSource } from '../../src/services/notifications/notification-health.js';
import { OutboxWorker, type OutboxWorkerDeps } from '../../src/services/notifications/outbox-worker.js';
import { bareApp } from '../support/bare-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';

const START = Date.parse('2030-01-01T00:00:00.000Z');
const SERIES = {
  id: 7,
  title: 'Breaking Bad',
  titleSlug: 'breaking-bad',
  path: '/tv/Breaking Bad',
  tvdbId: 81189,
  type: 'standard',
  year: 2008,
};
const EPISODES = [{ id: 11, episodeNumber: 1, seasonNumber: 1, title: 'Pilot' }];
const RELEASE = {
  quality: 'HDTV-720p',
  qualityVersion: 1,
  releaseTitle: 'Breaking.Bad.S01E01.720p.HDTV.x264-GRP',
  indexer: 'NZBgeek',
  size: 1000,
};
const noTimer = { setInterval: () => 1, clearInterval: () => {} };

describe.each(DIALECTS)('notification outbox (%s)', (dialect) => {
  let testDb: TestDatabase;
  let clock: FakeClock;
  let fake: FakeHttpServer;
  let events: AnyEvent[];
  let bus: EventBus;
  let definitions: ProviderDefinitionRepository;
  let statuses: ProviderStatusRepository;
  let registry: ProviderRegistry;
  let instances: ProviderInstances;
  let health: ProviderHealthService;
  let outbox: NotificationOutboxRepository;
  let service: NotificationService;
  let app: FastifyInstance;
  let dir: string;
  const workers: OutboxWorker[] = [];
  const ctx = (): MessageContext => messageContext({ instanceName: 'idkarr', applicationUrl: '', now: clock.now() });

  const grab = () => grabMessage(ctx(), { subject: { series: SERIES, episodes: EPISODES }, release: RELEASE });

  function worker(overrides: Partial<OutboxWorkerDeps> = {}): OutboxWorker {
    const w = new OutboxWorker({
      outbox,
      definitions,
      instances,
      registry,
      health,
      clock,
      log: silentLogger(),
      timer: noTimer,
      baseDelayMs: 1000,
      ...overrides,
    });
    workers.push(w);
    return w;
  }

  async function addDefinition(
    integration: AnyIntegration,
    name: string,
    settings: Record<string, unknown>,
    opts: { tags?: number[]; enabled?: boolean } = {},
  ): Promise<ProviderDefinition> {
    return definitions.insert(
      'notification',
      {
        implementation: integration.id,
        name,
        enabled: opts.enabled ?? true,
        tags: opts.tags ?? [],
        settings: parseSettings(integration.settings, settings),
      },
      new Date(clock.now()).toISOString(),
    );
  }

  const hook = (path: string, extra: Record<string, unknown> = {}) => ({ url: `${fake.url}${path}`, ...extra });

  beforeEach(async () => {
    testDb = await createTestDatabase(dialect);
    const { db } = testDb.database;
    clock = new FakeClock(START);
    fake = await FakeHttpServer.start();
    const log = silentLogger();
    bus = new EventBus(log);
    events = [];
    bus.onAny((e) => events.push(e));
    registry = new ProviderRegistry({ notification: [webhook, customScript] });
    definitions = new ProviderDefinitionRepository(db);
    statuses = new ProviderStatusRepository(db);
    instances = new ProviderInstances({ registry, clock, log });
    health = new ProviderHealthService({
      definitions,
      statuses,
      registry,
      instances,
      // Started long ago: failures escalate (no start-up grace).
      backoff: new ProviderBackoffPolicy({ clock, startedAt: START - 24 * 3_600_000 }),
      events: bus,
      clock,
      log,
    });
    outbox = new NotificationOutboxRepository(db);
    service = new NotificationService({ outbox, providers: health, clock, log });
    const definitionService = new ProviderDefinitionService({
      definitions,
      registry,
      instances,
      events: bus,
      clock,
      log,
    });
    app = bareApp();
    await app.register(providerRoutes({ definitions: definitionService, health, registry }), { prefix: '/api/v1' });
    await app.register(notificationOutboxRoutes({ outbox, clock }), { prefix: '/api/v1' });
    await app.ready();
    dir = mkdtempSync(join(tmpdir(), 'idkarr-notify-'));
  });

  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    await app.close();
    await instances.disposeAll();
    await fake.close();
    await testDb.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers webhook and custom script in the notification schema', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/notification/schema' });
    const ids = (res.json() as { implementation: string }[]).map((s) => s.implementation);
    expect(ids).toEqual(expect.arrayContaining(['webhook', 'custom-script']));
  });

  it('targets by event switch and tags, skipping disabled and blocked definitions; nothing is sent inline', async () => {
    const all = await addDefinition(webhook, 'all', hook('/all'));
    const tagged = await addDefinition(webhook, 'tagged', hook('/tagged'), { tags: [5] });
    const importsOnly = await addDefinition(webhook, 'imports', hook('/imports', { onGrab: false }));
    await addDefinition(webhook, 'off', hook('/off'), { enabled: false });
    const healthy = await addDefinition(webhook, 'health', hook('/health', { onGrab: false, onHealthIssue: true }), {
      tags: [9],
    });

    const ids = await service.notify(grab(), [5]);
    expect(ids).toHaveLength(2);
    const rows = (await outbox.page({ page: 1, pageSize: 50 })).records;
    expect(rows.map((r) => r.definitionId).sort()).toEqual([all.id, tagged.id].sort());
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    expect(fake.requests).toEqual([]); // queued, not sent

    expect((await service.targets(grab(), [7])).map((d) => d.id)).toEqual([all.id]);
    expect((await service.targets(grab(), [])).map((d) => d.id)).toEqual([all.id]);
    const health1 = healthIssueMessage(ctx(), { level: 'error', message: 'disk full', source: 'disk' });
    // Health events ignore tags (they are not about an item); warnings only when asked for.
    expect((await service.targets(health1, [])).map((d) => d.id)).toEqual([healthy.id]);
    const warning = healthIssueMessage(ctx(), { level: 'warning', message: 'slow', source: 'disk' });
    expect(await service.targets(warning, [])).toEqual([]);
    // Manual tests go to every enabled definition.
    expect((await service.targets(testMessage(ctx()), [])).map((d) => d.id).sort()).toEqual(
      [all.id, tagged.id, importsOnly.id, healthy.id].sort(),
    );

    // A provider blocked by backoff is skipped.
    await statuses.upsert({
      definitionId: all.id,
      health: 'unhealthy',
      latencyMs: null,
      lastChecked: null,
      message: 'down',
      failureCount: 1,
      disabledUntil: new Date(START + 60_000).toISOString(),
      lastFailureAt: new Date(START).toISOString(),
    });
    expect((await service.targets(grab(), [5])).map((d) => d.id)).toEqual([tagged.id]);
  });

  it('delivers queued rows and records the report', async () => {
    fake.route('POST', '/hook', { status: 200, json: { ok: true } });
    const def = await addDefinition(webhook, 'hook', hook('/hook'));
    const [id] = await service.notify(grab(), []);
    expect(await worker().tick()).toBe(1);
    const [req] = fake.requestsTo('/hook');
    expect(req?.json()).toMatchObject({ eventType: 'Grab', series: SERIES, release: RELEASE });
    const row = await outbox.get(id!);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: new Date(START).toISOString() });
    expect(row?.result).toMatchObject({ status: 200, response: '{"ok":true}' });
    expect(row?.definitionId).toBe(def.id);
  });

  it('429 with Retry-After: retried exactly when the remote said, then delivered', async () => {
    fake.once('POST', '/hook', { status: 429, retryAfter: 7 });
    fake.route('POST', '/hook', { status: 200 });
    await addDefinition(webhook, 'hook', hook('/hook'));
    const [id] = await service.notify(grab(), []);
    const w = worker();
    await w.tick();
    let row = await outbox.get(id!);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(START + 7000).toISOString() });
    expect(row?.lastError).toContain('HTTP 429');

    await w.tick();
    await clock.advance(6999);
    await w.tick();
    expect(fake.requestsTo('/hook')).toHaveLength(1);

    await clock.advance(1);
    await w.tick();
    expect(fake.requestsTo('/hook')).toHaveLength(2);
    row = await outbox.get(id!);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, sentAt: new Date(START + 7000).toISOString() });
  });

  it('5xx until the attempts run out: failed, provider health told, visible in history and health', async () => {
    fake.route('POST', '/hook', { status: 503, body: 'maintenance' });
    const def = await addDefinition(webhook, 'hook', hook('/hook'));
    const [id] = await service.notify(grab(), []);
    const w = worker({ maxAttempts: 3, baseDelayMs: 1000 });
    await w.tick();
    expect(await outbox.get(id!)).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: new Date(START + 1000).toISOString(),
    });
    await clock.advance(1000);
    await w.tick();
    expect(await outbox.get(id!)).toMatchObject({
      status: 'pending',
      attempts: 2,
      nextAttemptAt: new Date(START + 3000).toISOString(),
    });
    await clock.advance(2000);
    await w.tick();
    const row = await outbox.get(id!);
    expect(row?.status).toBe('failed');
    expect(row?.attempts).toBe(3);
    expect(row?.lastError).toContain('HTTP 503');
    expect(fake.requestsTo('/hook')).toHaveLength(3);

    const status = await statuses.get(def.id);
    expect(status?.health).toBe('unhealthy');
    expect(status?.message).toMatch(/^notification "Grabbed" failed after 3 attempts: POST .*HTTP 503/);
    expect(status?.disabledUntil).not.toBeNull();
    expect(events.map((e) => e.type)).toContain('health.issue');
    // Blocked now: new events skip it.
    expect(await service.notify(grab(), [])).toEqual([]);

    const issues = await notificationHealthSource({ outbox, definitions, clock })();
    expect(issues).toEqual([
      expect.objectContaining({
        source: 'notification:hook',
        type: 'warning',
        definitionId: def.id,
        message: expect.stringContaining('1 notification to hook could not be delivered: POST'),
      }),
    ]);

    const res = await app.inject({ method: 'GET', url: '/api/v1/notification/outbox?status=failed' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      totalRecords: 1,
      records: [{ id, definitionId: def.id, eventType: 'grab', status: 'failed', attempts: 3, title: 'Grabbed' }],
    });
    const none = await app.inject({ method: 'GET', url: '/api/v1/notification/outbox?status=sent' });
    expect(none.json()).toMatchObject({ totalRecords: 0, records: [] });
    const bad = await app.inject({ method: 'GET', url: '/api/v1/notification/outbox?status=bogus' });
    expect(bad.statusCode).toBe(400);

    // Queue it again by hand once the target is back: delivered, and the health source clears.
    fake.reset();
    fake.route('POST', '/hook', { status: 200 });
    await statuses.delete(def.id);
    const retry = await app.inject({ method: 'POST', url: `/api/v1/notification/outbox/${id}/retry` });
    expect(retry.json()).toMatchObject({ status: 'pending', attempts: 0 });
    await w.tick();
    expect(await outbox.get(id!)).toMatchObject({ status: 'sent' });
    expect(await notificationHealthSource({ outbox, definitions, clock })()).toEqual([]);
  });

  it('a refused (link-local) target fails at once without a connection; a non-retryable error is not retried', async () => {
    const unsafe = await addDefinition(webhook, 'meta', hook('/x'));
    // Stored before the guard existed (or edited in the database): the send-time check still refuses it.
    await definitions.update(
      unsafe.id,
      {
        implementation: 'webhook',
        name: 'meta',
        enabled: true,
        tags: [],
        settings: { ...unsafe.settings, url: 'http://169.254.169.254/latest/meta-data/' },
      },
      new Date(START).toISOString(),
    );
    const [id] = await service.notify(grab(), []);
    await worker().tick();
    const row = await outbox.get(id!);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.lastError).toContain('169.254.169.254');
  });

  it('custom script failures are recorded with exit code and output and not retried', async () => {
    const path = join(dir, 'fail.sh');
    writeFileSync(path, '#!/bin/sh\necho "out: $idkarr_eventtype"\necho "nope" >&2\nexit 4\n');
    chmodSync(path, 0o755);
    const okPath = join(dir, 'ok.sh');
    writeFileSync(okPath, '#!/bin/sh\necho "got $idkarr_series_title"\n');
    chmodSync(okPath, 0o755);
    const bad = await addDefinition(customScript, 'bad', { path });
    const good = await addDefinition(customScript, 'good', { path: okPath });
    await service.notify(grab(), []);
    await worker({ clock, maxAttempts: 5 }).tick();
    const rows = (await outbox.page({ page: 1, pageSize: 10 })).records;
    const failed = rows.find((r) => r.definitionId === bad.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: 'the script exited with code 4: nope' });
    expect(failed?.result).toMatchObject({ exitCode: 4, stdout: 'out: Grab\n', stderr: 'nope\n', timedOut: false });
    const sent = rows.find((r) => r.definitionId === good.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sent?.result).toMatchObject({ exitCode: 0, stdout: 'got Breaking Bad\n' });
  });

  it('survives a restart: rows left sending go back to pending, queued rows are delivered by a new worker', async () => {
    fake.route('POST', '/hook', { status: 200 });
    await addDefinition(webhook, 'hook', hook('/hook'));
    await service.notify(grab(), []);
    await service.notify(grab(), []);
    // A crash mid-delivery: one row claimed (sending) and never finished.
    const claimed = await outbox.claimDue(new Date(START).toISOString(), 1);
    expect(claimed).toHaveLength(1);
    expect((await outbox.page({ page: 1, pageSize: 10, status: 'sending' })).totalRecords).toBe(1);

    // A new process: new repository and worker over the same database.
    const fresh = new NotificationOutboxRepository(testDb.database.db);
    const w = worker({ outbox: fresh });
    await w.start();
    await w.tick();
    const rows = (await fresh.page({ page: 1, pageSize: 10 })).records;
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(fake.requestsTo('/hook')).toHaveLength(2);
  });

  it('health events from the bus become notifications for definitions that want them', async () => {
    const def = await addDefinition(webhook, 'health', hook('/h', { onGrab: false, onHealthIssue: true }));
    const off = subscribeNotificationEvents({ events: bus, notifications: service, clock, instanceName: 'idkarr' });
    bus.emit('health.issue', {
      source: 'providers',
      definitionId: 3,
      kind: 'downloadclient',
      status: 'unhealthy',
      message: 'connection refused',
    });
    await new Promise((r) => setTimeout(r, 50));
    off();
    const rows = (await outbox.page({ page: 1, pageSize: 10 })).records;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ definitionId: def.id, eventType: 'health_issue' });
    expect(rows[0]?.message.payload.health).toEqual({
      level: 'error',
      message: 'connection refused',
      source: 'downloadclient:3',
      wikiUrl: '/settings/downloadclient/3',
    });
  });

  it('the framework test endpoint sends a Test event; saving a metadata-address webhook is refused with a finding', async () => {
    fake.route('POST', '/t', { status: 200 });
    const body = (url: string) => ({
      implementation: 'webhook',
      name: 'hook',
      enabled: true,
      tags: [],
      settings: { url, method: 'POST' },
    });
    const test = await app.inject({ method: 'POST', url: '/api/v1/notification/test', payload: body(`${fake.url}/t`) });
    expect(test.statusCode).toBeLessThan(300);
    expect(fake.requestsTo('/t')[0]?.json()).toMatchObject({ eventType: 'Test' });

    const saved = await app.inject({
      method: 'POST',
      url: '/api/v1/notification',
      payload: body('http://metadata.google.internal/computeMetadata/v1/'),
    });
    expect(saved.statusCode).toBe(400);
    expect(saved.json().errors).toEqual([
      expect.objectContaining({ field: 'settings.url', message: expect.stringContaining('metadata') }),
    ]);
    const missingScript = await app.inject({
      method: 'POST',
      url: '/api/v1/notification',
      payload: {
        implementation: 'custom-script',
        name: 's',
        enabled: true,
        tags: [],
        settings: { path: join(dir, 'none.sh') },
      },
    });
    expect(missingScript.statusCode).toBe(400);
    expect(missingScript.json().errors).toEqual([
      expect.objectContaining({ field: 'settings.path', message: expect.stringContaining('does not exist') }),
    ]);
  });
});
