import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CommandRepository } from '../../src/db/repositories/command.repository.js';
import { ScheduledTaskRepository } from '../../src/db/repositories/scheduled-task.repository.js';
import { EventBus } from '../../src/events/event-bus.js';
import { defineCommand } from '../../src/jobs/command.types.js';
import { CommandQueue } from '../../src/jobs/command-queue.service.js';
import { CommandRegistry } from '../../src/jobs/command-registry.js';
import { type ScheduledTaskDefinition, Scheduler } from '../../src/jobs/scheduler.service.js';
import { FakeClock } from '../../src/lib/clock.js';
import { NotFoundError } from '../../src/lib/errors.js';
import { silentLogger } from '../../src/lib/logger.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

const T0 = Date.parse('2025-01-01T00:00:00.000Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const rss: ScheduledTaskDefinition = {
  name: 'RssSync',
  commandName: 'Test.Work',
  body: { what: 'rss' },
  intervalMinutes: 15,
};
const refresh: ScheduledTaskDefinition = {
  name: 'RefreshMonitored',
  commandName: 'Test.Work',
  body: { what: 'refresh' },
  intervalMinutes: 60,
};

describe.each(DIALECTS)('Scheduler on %s', (dialect) => {
  let tdb: TestDatabase;
  let clock: FakeClock;
  let tasks: ScheduledTaskRepository;
  let commands: CommandRepository;
  let ran: string[];
  let hold: Promise<void> | null;
  let queues: CommandQueue[];

  // Test double: a command that takes 5 simulated seconds, or waits on `hold` while it is set.
  function newQueue(): CommandQueue {
    const registry = new CommandRegistry().register(
      defineCommand({
        name: 'Test.Work',
        body: z.object({ what: z.string() }),
        handler: async ({ what }) => {
          ran.push(what);
          if (hold) await hold;
          await clock.advance(5000);
        },
      }),
    );
    const queue = new CommandQueue({
      repository: commands,
      registry,
      events: new EventBus(),
      clock,
      log: silentLogger(),
    });
    queues.push(queue);
    return queue;
  }

  function newScheduler(queue: CommandQueue, ...defs: ScheduledTaskDefinition[]): Scheduler {
    return new Scheduler({ repository: tasks, queue, clock, log: silentLogger() }, { tickIntervalMs: null }).register(
      ...defs,
    );
  }

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    clock = new FakeClock(T0);
    tasks = new ScheduledTaskRepository(tdb.database);
    commands = new CommandRepository(tdb.database);
    ran = [];
    hold = null;
    queues = [];
  });

  afterEach(async () => {
    for (const q of queues) await q.stop(50);
    await tdb.cleanup();
  });

  it('schedules a new task one interval after the first start and runs it when due', async () => {
    const queue = newQueue();
    await queue.start();
    const scheduler = newScheduler(queue, rss);
    await scheduler.start();
    expect((await tasks.get('RssSync'))?.nextRunAt.toISOString()).toBe(iso(T0 + 15 * MIN));
    expect(await scheduler.tick()).toEqual([]);

    await clock.advance(15 * MIN);
    const [queued, ...more] = await scheduler.tick();
    expect(more).toEqual([]);
    expect(queued).toMatchObject({ name: 'Test.Work', body: { what: 'rss' }, trigger: 'scheduled' });
    const done = await queue.waitFor(queued!.id);
    expect(done.status).toBe('completed');
    expect(ran).toEqual(['rss']);
    // Counted from the end of the run: started at 15:00, took 5 s, next due 15 minutes after it ended.
    expect(await scheduler.list()).toEqual([
      {
        name: 'RssSync',
        commandName: 'Test.Work',
        intervalMinutes: 15,
        lastRunAt: new Date(T0 + 15 * MIN),
        lastDurationMs: 5000,
        nextRunAt: new Date(T0 + 30 * MIN + 5000),
      },
    ]);
  });

  it('runs an overdue task once at the first tick, not once per missed interval', async () => {
    await tasks.insert({
      name: 'RssSync',
      intervalMinutes: 15,
      lastRunAt: new Date(T0 - 10 * 15 * MIN),
      lastDurationMs: 100,
      nextRunAt: new Date(T0 - 9 * 15 * MIN),
    });
    const queue = newQueue();
    const scheduler = newScheduler(queue, rss);
    await scheduler.start();
    expect((await scheduler.tick()).length).toBe(1);
    expect((await scheduler.tick()).length).toBe(0);
    await clock.advance(MIN);
    expect((await scheduler.tick()).length).toBe(0);
    expect((await commands.listRecent({ limit: 10 })).map((c) => c.status)).toEqual(['queued']);
    expect((await tasks.get('RssSync'))?.nextRunAt.toISOString()).toBe(iso(T0 + 15 * MIN));
  });

  it('keeps the schedule across restarts', async () => {
    const queue = newQueue();
    await queue.start();
    const first = newScheduler(queue, rss);
    await first.start();
    await clock.advance(15 * MIN);
    await queue.waitFor((await first.tick())[0]!.id);
    first.stop();
    const before = await tasks.get('RssSync');

    await clock.advance(3 * MIN);
    const second = newScheduler(queue, rss);
    await second.start();
    expect(await tasks.get('RssSync')).toEqual(before);
    expect(await second.tick()).toEqual([]);
  });

  it('never overlaps a task with itself', async () => {
    let release!: () => void;
    hold = new Promise((r) => {
      release = r;
    });
    const queue = newQueue();
    await queue.start();
    const scheduler = newScheduler(queue, { ...rss, runOnFirstStart: true });
    await scheduler.start();
    const [a] = await scheduler.tick();
    while (ran.length === 0) await new Promise((r) => setTimeout(r, 5));
    await clock.advance(20 * MIN); // due again while the first run is still going
    const [b] = await scheduler.tick();
    await clock.advance(20 * MIN);
    const [c] = await scheduler.tick();
    expect(b!.id).not.toBe(a!.id);
    expect(c!.id).toBe(b!.id); // deduped while queued
    expect((await commands.findById(a!.id))?.status).toBe('started');
    expect((await commands.findById(b!.id))?.status).toBe('queued');
    expect(ran).toEqual(['rss']);
    hold = null;
    release();
    expect((await queue.waitFor(b!.id)).status).toBe('completed');
    expect(ran).toEqual(['rss', 'rss']);
  });

  it('runNow queues the command as manual and reschedules from its end', async () => {
    const queue = newQueue();
    await queue.start();
    const scheduler = newScheduler(queue, rss, refresh);
    await scheduler.start();
    await clock.advance(2 * MIN);
    const cmd = await scheduler.runNow('RefreshMonitored');
    expect(cmd).toMatchObject({ trigger: 'manual', body: { what: 'refresh' } });
    await queue.waitFor(cmd.id);
    const row = await tasks.get('RefreshMonitored');
    expect(row?.lastRunAt?.toISOString()).toBe(iso(T0 + 2 * MIN));
    expect(row?.nextRunAt.toISOString()).toBe(iso(T0 + 62 * MIN + 5000));
    expect((await tasks.get('RssSync'))?.lastRunAt).toBeNull();
    await expect(scheduler.runNow('Nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reconciles stored rows: new interval counts from the last run, stale tasks are removed', async () => {
    await tasks.insert({
      name: 'RssSync',
      intervalMinutes: 60,
      lastRunAt: new Date(T0 - 10 * MIN),
      lastDurationMs: 7,
      nextRunAt: new Date(T0 + 50 * MIN),
    });
    await tasks.insert({
      name: 'Retired',
      intervalMinutes: 5,
      lastRunAt: null,
      lastDurationMs: null,
      nextRunAt: new Date(T0),
    });
    const scheduler = newScheduler(newQueue(), rss);
    await scheduler.start();
    expect(await tasks.list()).toEqual([
      {
        name: 'RssSync',
        intervalMinutes: 15,
        lastRunAt: new Date(T0 - 10 * MIN),
        lastDurationMs: 7,
        nextRunAt: new Date(T0 + 5 * MIN),
      },
    ]);
  });

  it('pushes a task whose command cannot be queued back by one interval', async () => {
    const scheduler = newScheduler(newQueue(), {
      name: 'Broken',
      commandName: 'Missing',
      intervalMinutes: 30,
      runOnFirstStart: true,
    });
    await scheduler.start();
    expect(await scheduler.tick()).toEqual([]);
    expect((await tasks.get('Broken'))?.nextRunAt.toISOString()).toBe(iso(T0 + 30 * MIN));
    expect(await commands.listRecent({ limit: 10 })).toEqual([]);
  });

  it('in production mode its own timer runs an overdue task soon after start, and stop() ends the timer', async () => {
    const queue = newQueue();
    await queue.start();
    const scheduler = new Scheduler({ repository: tasks, queue, clock, log: silentLogger() }, { tickIntervalMs: 5 });
    scheduler.register({ ...rss, runOnFirstStart: true });
    await scheduler.start();
    const deadline = Date.now() + 5000;
    while (ran.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    scheduler.stop();
    expect(ran).toEqual(['rss']);
    await clock.advance(60 * MIN); // due again, but no timer is left to notice
    await new Promise((r) => setTimeout(r, 40));
    expect(ran).toEqual(['rss']);
  });

  it('refuses bad definitions', () => {
    const scheduler = newScheduler(newQueue(), rss);
    expect(() => scheduler.register(rss)).toThrow('registered twice');
    expect(() => scheduler.register({ ...refresh, name: 'Zero', intervalMinutes: 0 })).toThrow('interval');
  });
});
