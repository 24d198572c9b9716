// Provider health on both dialects: status recording, events on transitions, backoff blocking, success clearing,
// and the instance cache following definition changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitedError, UnreachableError } from '../../src/lib/errors.js';
import type { ProviderDefinition } from '../../src/providers/provider.types.js';
import { ProviderHealthService } from '../../src/providers/provider-health.service.js';
import { DIALECTS } from '../support/databases.js';
import { type ProviderHarness, providerHarness, START, validInput } from '../support/test-doubles/provider-harness.js';

describe.each(DIALECTS)('provider health (%s)', (dialect) => {
  let h: ProviderHarness;
  let def: ProviderDefinition;
  beforeEach(async () => {
    h = await providerHarness(dialect);
    def = await h.definitions.create('indexer', validInput());
    h.events.length = 0;
  });
  afterEach(async () => {
    await h.close();
  });

  const healthEvents = () => h.events.filter((e) => e.type.startsWith('health.')).map((e) => e.type);

  it('records a healthy check with latency and announces the first status', async () => {
    await h.health.checkAll();
    const status = await h.statusRepo.get(def.id);
    expect(status).toMatchObject({
      health: 'healthy',
      latencyMs: 12,
      message: null,
      failureCount: 0,
      disabledUntil: null,
    });
    expect(status?.lastChecked).toBe(new Date(START).toISOString());
    expect(healthEvents()).toEqual(['health.changed']);
    expect(h.events[0]?.data).toEqual({
      source: 'providers',
      definitionId: def.id,
      kind: 'indexer',
      status: 'healthy',
      message: null,
    });
    // Unchanged status: no new event.
    await h.health.checkAll();
    expect(healthEvents()).toEqual(['health.changed']);
    expect(await h.health.healthIssues()).toEqual([]);
  });

  it('a failure makes it unhealthy, blocks it with backoff, and a success clears and restores', async () => {
    h.control.health = { mode: 'throw', error: () => new UnreachableError('connection refused') };
    await h.health.checkAll();
    const failed = await h.statusRepo.get(def.id);
    expect(failed).toMatchObject({ health: 'unhealthy', message: 'connection refused', failureCount: 1 });
    expect(failed?.disabledUntil).toBe(new Date(START + 60_000).toISOString());
    expect(failed?.lastFailureAt).toBe(new Date(START).toISOString());
    expect(healthEvents()).toEqual(['health.changed', 'health.issue']);
    expect(await h.health.isAvailable(def.id)).toBe(false);
    expect(await h.health.available('indexer')).toEqual([]);
    expect(await h.health.healthIssues()).toEqual([
      {
        source: 'providers',
        kind: 'indexer',
        definitionId: def.id,
        name: 'Main',
        status: 'unhealthy',
        message: 'connection refused',
        disabledUntil: failed?.disabledUntil,
      },
    ]);
    const listed = (await h.app.inject({ method: 'GET', url: '/api/v1/indexer' })).json();
    expect(listed[0].status).toMatchObject({
      health: 'unhealthy',
      disabledUntil: failed?.disabledUntil,
      failureCount: 1,
    });

    // While blocked, sweeps leave it alone.
    const calls = h.control.healthCalls;
    await h.health.checkAll();
    expect(h.control.healthCalls).toBe(calls);

    // Blocked period over, still failing: escalates.
    await h.clock.advance(60_000);
    expect(await h.health.isAvailable(def.id)).toBe(true);
    await h.health.checkAll();
    const again = await h.statusRepo.get(def.id);
    expect(again?.failureCount).toBe(2);
    expect(again?.disabledUntil).toBe(new Date(START + 60_000 + 120_000).toISOString());
    // Still unhealthy: disabledUntil changed (health.changed) but no second issue.
    expect(healthEvents()).toEqual(['health.changed', 'health.issue', 'health.changed']);

    await h.clock.advance(120_000);
    h.control.health = { mode: 'ok', latencyMs: 30 };
    await h.health.checkAll();
    expect(await h.statusRepo.get(def.id)).toMatchObject({
      health: 'healthy',
      failureCount: 0,
      disabledUntil: null,
      lastFailureAt: null,
      message: null,
      latencyMs: 30,
    });
    expect(healthEvents()).toEqual([
      'health.changed',
      'health.issue',
      'health.changed',
      'health.changed',
      'health.restored',
    ]);
    expect(await h.health.isAvailable(def.id)).toBe(true);
    expect((await h.health.available('indexer')).map((d) => d.id)).toEqual([def.id]);
  });

  it('honours Retry-After from a rate-limited provider', async () => {
    h.control.health = { mode: 'throw', error: () => new RateLimitedError('slow down', 3_600_000) };
    await h.health.checkAll();
    expect((await h.statusRepo.get(def.id))?.disabledUntil).toBe(new Date(START + 3_600_000).toISOString());
  });

  it('marks slow responses degraded and times out hung checks', async () => {
    h.control.health = { mode: 'ok', latencyMs: 8_000 };
    await h.health.checkAll();
    expect(await h.statusRepo.get(def.id)).toMatchObject({ health: 'degraded', latencyMs: 8_000 });
    expect((await h.health.healthIssues())[0]?.status).toBe('degraded');
    // degraded is not an issue transition
    expect(healthEvents()).toEqual(['health.changed']);

    h.control.health = { mode: 'slow', delayMs: 120_000 };
    // FakeClock keeps aborted sleepers (earlier timeouts), so count from here.
    const sleepers = h.clock.pendingSleepers;
    const sweep = h.health.checkAll();
    // The sweep reads the database first; advance only once the check and its timeout are both waiting.
    await vi.waitFor(() => expect(h.clock.pendingSleepers).toBe(sleepers + 2));
    await h.clock.advance(30_000);
    await sweep;
    expect(await h.statusRepo.get(def.id)).toMatchObject({
      health: 'unhealthy',
      message: 'the health check timed out after 30 s',
    });
    expect(healthEvents()).toEqual(['health.changed', 'health.changed', 'health.issue']);
  });

  it('recordFailure/recordSuccess from other callers feed the same status', async () => {
    await h.health.recordFailure(def.id, new UnreachableError('grab failed'));
    expect(await h.health.isAvailable(def.id)).toBe(false);
    await h.health.recordSuccess(def.id);
    expect(await h.health.isAvailable(def.id)).toBe(true);
    expect(healthEvents()).toEqual(['health.changed', 'health.issue', 'health.changed', 'health.restored']);
  });

  it('skips disabled definitions and reports them unavailable', async () => {
    await h.definitions.update('indexer', def.id, validInput({ enabled: false }));
    await h.health.checkAll();
    expect(h.control.healthCalls).toBe(0);
    expect(await h.health.isAvailable(def.id)).toBe(false);
    expect(await h.health.isAvailable(999)).toBe(false);
  });

  it('caches instances, and an update or delete disposes the cached one and resets status', async () => {
    await h.health.checkAll();
    await h.health.checkAll();
    const createdBefore = h.control.created;
    await h.clock.advance(1_000);
    h.control.health = { mode: 'throw', error: () => new UnreachableError('down') };
    await h.health.checkAll();
    expect(h.control.created).toBe(createdBefore);
    const disposedBefore = h.control.disposed;
    await h.definitions.update('indexer', def.id, validInput({ name: 'Renamed' }));
    expect(h.control.disposed).toBe(disposedBefore + 2); // the save test's instance and the cached one
    expect(await h.statusRepo.get(def.id)).toBeUndefined();
    h.control.health = { mode: 'ok' };
    await h.health.checkAll();
    expect(h.control.created).toBe(createdBefore + 2);
    expect(h.control.settingsSeen.at(-1)).toMatchObject({ apiKey: 'super-secret-key-123' });
    await h.definitions.delete('indexer', def.id);
    expect(h.control.disposed).toBe(disposedBefore + 3);
    expect(await h.statusRepo.get(def.id)).toBeUndefined();
  });

  it('start() runs sweeps on the injected interval and stop() ends them', async () => {
    const scheduled: Array<() => void> = [];
    let cleared = 0;
    const svc = new ProviderHealthService({
      ...h.healthDeps,
      intervalMs: 5,
      timer: { setInterval: (fn) => scheduled.push(fn), clearInterval: () => cleared++ },
    });
    svc.start();
    svc.start();
    expect(scheduled).toHaveLength(1);
    scheduled[0]?.();
    await svc.checkAll();
    expect(h.control.healthCalls).toBe(1);
    svc.stop();
    expect(cleared).toBe(1);
  });
});
