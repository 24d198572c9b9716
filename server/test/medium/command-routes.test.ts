import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CommandRepository } from '../../src/db/repositories/command.repository.js';
import { ScheduledTaskRepository } from '../../src/db/repositories/scheduled-task.repository.js';
import { EventBus } from '../../src/events/event-bus.js';
import { commandRoutes } from '../../src/http/routes/command.routes.js';
import { taskRoutes } from '../../src/http/routes/task.routes.js';
import { defineCommand } from '../../src/jobs/command.types.js';
import { CommandQueue } from '../../src/jobs/command-queue.service.js';
import { CommandRegistry } from '../../src/jobs/command-registry.js';
import { Scheduler } from '../../src/jobs/scheduler.service.js';
import { FakeClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { bareApp } from '../support/bare-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

const T0 = Date.parse('2025-01-01T00:00:00.000Z');

describe.each(DIALECTS)('command and task routes on %s', (dialect) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let queue: CommandQueue;
  let scheduler: Scheduler;

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    const clock = new FakeClock(T0);
    // Test double: echoes its body; never started here, so commands stay queued unless a test starts the queue.
    const registry = new CommandRegistry().register(
      defineCommand({
        name: 'Test.Echo',
        body: z.object({ seriesId: z.number().int().positive(), mode: z.enum(['full', 'quick']).default('quick') }),
        handler: async (body) => body,
      }),
    );
    queue = new CommandQueue({
      repository: new CommandRepository(tdb.database),
      registry,
      events: new EventBus(),
      clock,
      log: silentLogger(),
    });
    scheduler = new Scheduler(
      { repository: new ScheduledTaskRepository(tdb.database), queue, clock, log: silentLogger() },
      { tickIntervalMs: null },
    ).register({ name: 'EchoTask', commandName: 'Test.Echo', body: { seriesId: 7 }, intervalMinutes: 30 });
    await scheduler.start();
    app = bareApp();
    await app.register(commandRoutes({ queue }), { prefix: '/api/v1' });
    await app.register(taskRoutes({ scheduler }), { prefix: '/api/v1' });
    await app.ready();
  });

  afterEach(async () => {
    await app.close();
    await queue.stop(50);
    await tdb.cleanup();
  });

  const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/command', payload: payload as object });

  it('POST /command queues a command and returns the resource', async () => {
    const res = await post({ name: 'Test.Echo', seriesId: 3 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: 1,
      name: 'Test.Echo',
      body: { seriesId: 3, mode: 'quick' },
      status: 'queued',
      trigger: 'manual',
      message: null,
      progress: null,
      queuedAt: '2025-01-01T00:00:00.000Z',
      startedAt: null,
      endedAt: null,
      error: null,
      result: null,
    });
    const again = await post({ mode: 'quick', seriesId: 3, name: 'Test.Echo' });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(1);
  });

  it('POST /command reports an unknown name and each invalid field as problems', async () => {
    const unknown = await post({ name: 'Nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toEqual(['name']);
    const invalid = await post({ name: 'Test.Echo', seriesId: 'x', mode: 'slow' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { field: string }) => e.field)).toEqual(['seriesId', 'mode']);
    const missing = await post({ seriesId: 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.name']);
  });

  it('GET /command lists newest first and filters by status; GET /command/:id returns one or 404', async () => {
    const a = (await post({ name: 'Test.Echo', seriesId: 1 })).json();
    const b = (await post({ name: 'Test.Echo', seriesId: 2 })).json();
    await app.inject({ method: 'DELETE', url: `/api/v1/command/${a.id}` });
    const all = await app.inject({ method: 'GET', url: '/api/v1/command' });
    expect(all.json().map((c: { id: number; status: string }) => [c.id, c.status])).toEqual([
      [b.id, 'queued'],
      [a.id, 'cancelled'],
    ]);
    const cancelled = await app.inject({ method: 'GET', url: '/api/v1/command?status=cancelled' });
    expect(cancelled.json().map((c: { id: number }) => c.id)).toEqual([a.id]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/command?status=bogus' })).statusCode).toBe(400);
    const one = await app.inject({ method: 'GET', url: `/api/v1/command/${b.id}` });
    expect(one.json()).toMatchObject({ id: b.id, body: { seriesId: 2, mode: 'quick' } });
    const missing = await app.inject({ method: 'GET', url: '/api/v1/command/999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ status: 404, detail: 'command 999 not found' });
  });

  it('DELETE /command/:id cancels a queued command, 409 once ended, 404 when unknown', async () => {
    const a = (await post({ name: 'Test.Echo', seriesId: 1 })).json();
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/command/${a.id}` });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toMatchObject({ id: a.id, status: 'cancelled', endedAt: '2025-01-01T00:00:00.000Z' });
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/command/${a.id}` })).statusCode).toBe(409);
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/command/999' })).statusCode).toBe(404);
  });

  it('a started queue runs a POSTed command to completion with its result', async () => {
    await queue.start();
    const a = (await post({ name: 'Test.Echo', seriesId: 5, mode: 'full' })).json();
    await queue.waitFor(a.id);
    const done = (await app.inject({ method: 'GET', url: `/api/v1/command/${a.id}` })).json();
    expect(done).toMatchObject({ status: 'completed', progress: 100, result: { seriesId: 5, mode: 'full' } });
  });

  it('GET /system/task lists tasks; POST /system/task/:name/run queues its command', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/system/task' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      {
        name: 'EchoTask',
        commandName: 'Test.Echo',
        intervalMinutes: 30,
        lastRunAt: null,
        lastDurationMs: null,
        nextRunAt: '2025-01-01T00:30:00.000Z',
      },
    ]);
    const run = await app.inject({ method: 'POST', url: '/api/v1/system/task/EchoTask/run' });
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({ name: 'Test.Echo', trigger: 'manual', status: 'queued', body: { seriesId: 7 } });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/system/task/Nope/run' });
    expect(unknown.statusCode).toBe(404);
  });
});
