import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CommandRepository } from '../../src/db/repositories/command.repository.js';
import { type CommandProgressEvent, EventBus } from '../../src/events/event-bus.js';
import { defineCommand } from '../../src/jobs/command.types.js';
import { CommandQueue, type CommandQueueOptions } from '../../src/jobs/command-queue.service.js';
import { CommandRegistry, emptyBody } from '../../src/jobs/command-registry.js';
import { FakeClock } from '../../src/lib/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../src/lib/errors.js';
import { silentLogger } from '../../src/lib/logger.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

// ---- Test doubles (test code only): commands whose handlers the test releases by key. ----

class Gates {
  readonly started: string[] = [];
  readonly aborted: string[] = [];
  private readonly open = new Map<string, () => void>();
  wait(key: string, signal: AbortSignal): Promise<void> {
    this.started.push(key);
    return new Promise((resolve, reject) => {
      this.open.set(key, resolve);
      signal.addEventListener('abort', () => {
        this.aborted.push(key);
        reject(signal.reason);
      });
    });
  }
  release(key: string): void {
    const fn = this.open.get(key);
    if (!fn) throw new Error(`${key} is not waiting`);
    this.open.delete(key);
    fn();
  }
}

function testRegistry(gates: Gates, clock: FakeClock): CommandRegistry {
  const keyed = z.object({ key: z.string() });
  return new CommandRegistry().register(
    defineCommand({
      name: 'Test.Block',
      body: keyed,
      handler: async ({ key }, ctx) => {
        await ctx.progress(`waiting ${key}`, 40);
        await gates.wait(key, ctx.signal);
        await clock.advance(1500);
        return { key };
      },
    }),
    defineCommand({
      name: 'Test.Exclusive',
      body: keyed,
      exclusive: true,
      handler: async ({ key }, ctx) => gates.wait(key, ctx.signal),
    }),
    defineCommand({
      name: 'Test.Quick',
      body: keyed,
      handler: async ({ key }) => {
        gates.started.push(key);
      },
    }),
    defineCommand({ name: 'Test.NoDedupe', body: emptyBody, dedupe: false, handler: async () => undefined }),
    defineCommand({
      name: 'Test.Fail',
      body: emptyBody,
      handler: async () => {
        throw new Error('disk full\n    at write (fs.js:1:1)');
      },
    }),
    defineCommand({
      name: 'Test.Typed',
      body: z.object({ seriesId: z.number().int().positive(), mode: z.enum(['full', 'quick']) }),
      handler: async () => undefined,
    }),
  );
}

async function until(check: () => boolean | Promise<boolean>, what = 'condition'): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const T0 = Date.parse('2025-01-01T00:00:00.000Z');

describe.each(DIALECTS)('CommandQueue on %s', (dialect) => {
  let tdb: TestDatabase;
  let clock: FakeClock;
  let gates: Gates;
  let repository: CommandRepository;
  let events: CommandProgressEvent[];
  let queues: CommandQueue[];

  function newQueue(options: CommandQueueOptions = {}): CommandQueue {
    const bus = new EventBus();
    bus.on('command.progress', (e) => events.push(e));
    const queue = new CommandQueue(
      { repository, registry: testRegistry(gates, clock), events: bus, clock, log: silentLogger() },
      options,
    );
    queues.push(queue);
    return queue;
  }

  async function status(id: number): Promise<string | undefined> {
    return (await repository.findById(id))?.status;
  }

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    clock = new FakeClock(T0);
    gates = new Gates();
    repository = new CommandRepository(tdb.database);
    events = [];
    queues = [];
  });

  afterEach(async () => {
    for (const q of queues) await q.stop(50);
    await tdb.cleanup();
  });

  it('runs a command to completion, persisting times, progress, result and trigger', async () => {
    const queue = newQueue();
    await queue.start();
    const queued = await queue.enqueue('Test.Block', { key: 'a' }, { trigger: 'api' });
    expect(queued).toMatchObject({ status: 'queued', trigger: 'api', body: { key: 'a' }, startedAt: null });
    await until(() => gates.started.includes('a'), 'a to start');
    const running = await queue.get(queued.id);
    expect(running).toMatchObject({ status: 'started', message: 'waiting a', progress: 40 });
    gates.release('a');
    const done = await queue.waitFor(queued.id);
    expect(done).toMatchObject({ status: 'completed', progress: 100, result: { key: 'a' }, error: null });
    expect(done.queuedAt.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(done.startedAt?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(done.endedAt?.toISOString()).toBe('2025-01-01T00:00:01.500Z');
    expect(events.map((e) => [e.status, e.message, e.progress])).toEqual([
      ['queued', null, null],
      ['started', null, null],
      ['started', 'waiting a', 40],
      ['completed', 'waiting a', 100],
    ]);
  });

  it('records a failure as a short message without the stack', async () => {
    const queue = newQueue();
    await queue.start();
    const done = await queue.waitFor((await queue.enqueue('Test.Fail', {})).id);
    expect(done.status).toBe('failed');
    expect(done.error).toBe('disk full');
  });

  it('rejects an unknown name on `name` and an invalid body on each field', async () => {
    const queue = newQueue();
    await expect(queue.enqueue('Nope', {})).rejects.toMatchObject({ findings: [{ field: 'name' }] });
    const err = await queue.enqueue('Test.Typed', { seriesId: 0, mode: 'slow' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).findings.map((f) => f.field)).toEqual(['seriesId', 'mode']);
    expect(await queue.list()).toEqual([]);
  });

  it('starts queued commands FIFO by id', async () => {
    const queue = newQueue({ maxConcurrent: 1 });
    const ids = [];
    for (const key of ['a', 'b', 'c']) ids.push((await queue.enqueue('Test.Quick', { key })).id);
    expect(gates.started).toEqual([]); // nothing runs before start()
    await queue.start();
    await queue.waitFor(ids[2]!);
    expect(gates.started).toEqual(['a', 'b', 'c']);
  });

  it('never runs more than the worker limit at once', async () => {
    const queue = newQueue({ maxConcurrent: 2 });
    await queue.start();
    const [a, , c] = [
      await queue.enqueue('Test.Block', { key: 'a' }),
      await queue.enqueue('Test.Block', { key: 'b' }),
      await queue.enqueue('Test.Block', { key: 'c' }),
    ];
    await until(() => gates.started.length === 2, 'two to start');
    expect(gates.started).toEqual(['a', 'b']);
    expect(await status(c!.id)).toBe('queued');
    gates.release('a');
    await queue.waitFor(a!.id);
    await until(() => gates.started.length === 3, 'c to start');
    expect(queue.activeCount).toBe(2);
    gates.release('b');
    gates.release('c');
    await queue.waitFor(c!.id);
  });

  it('runs an exclusive command alone, after the running ones, holding back later commands', async () => {
    const queue = newQueue({ maxConcurrent: 3 });
    await queue.start();
    const a = await queue.enqueue('Test.Block', { key: 'a' });
    await until(() => gates.started.includes('a'), 'a to start');
    const x = await queue.enqueue('Test.Exclusive', { key: 'x' });
    const b = await queue.enqueue('Test.Block', { key: 'b' });
    await new Promise((r) => setTimeout(r, 30));
    expect([await status(x.id), await status(b.id)]).toEqual(['queued', 'queued']);
    gates.release('a');
    await until(() => gates.started.includes('x'), 'x to start');
    await new Promise((r) => setTimeout(r, 30));
    expect(gates.started).toEqual(['a', 'x']);
    expect(await status(b.id)).toBe('queued');
    gates.release('x');
    await until(() => gates.started.includes('b'), 'b to start');
    gates.release('b');
    await queue.waitFor(b.id);
    expect(await status(a.id)).toBe('completed');
  });

  it('returns the queued command for an identical request and never runs duplicates at once', async () => {
    const queue = newQueue();
    const first = await queue.enqueue('Test.Typed', { seriesId: 1, mode: 'full' });
    const again = await queue.enqueue('Test.Typed', { mode: 'full', seriesId: 1 });
    const other = await queue.enqueue('Test.Typed', { seriesId: 2, mode: 'full' });
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
    const n1 = await queue.enqueue('Test.NoDedupe', {});
    const n2 = await queue.enqueue('Test.NoDedupe', {});
    expect(n2.id).not.toBe(n1.id);
    expect(events.filter((e) => e.status === 'queued').map((e) => e.id)).toEqual([first.id, other.id, n1.id, n2.id]);

    await queue.start();
    const running = await queue.enqueue('Test.Block', { key: 'd' });
    await until(() => gates.started.includes('d'), 'd to start');
    // Once the first has started, an identical one queues again but waits until the first ends.
    const second = await queue.enqueue('Test.Block', { key: 'd' });
    expect(second.id).not.toBe(running.id);
    await new Promise((r) => setTimeout(r, 30));
    expect(await status(second.id)).toBe('queued');
    gates.release('d');
    await until(() => gates.started.filter((k) => k === 'd').length === 2, 'second d to start');
    gates.release('d');
    expect((await queue.waitFor(second.id)).status).toBe('completed');
  });

  it('cancels a queued command before it runs and aborts a running one', async () => {
    const queue = newQueue({ maxConcurrent: 1 });
    await queue.start();
    const a = await queue.enqueue('Test.Block', { key: 'a' });
    const b = await queue.enqueue('Test.Quick', { key: 'b' });
    await until(() => gates.started.includes('a'), 'a to start');
    const cancelledB = await queue.cancel(b.id);
    expect(cancelledB).toMatchObject({ status: 'cancelled', error: null });
    expect(cancelledB.endedAt?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect((await queue.cancel(a.id)).status).toBe('started');
    const doneA = await queue.waitFor(a.id);
    expect(doneA).toMatchObject({ status: 'cancelled', error: 'cancelled while running' });
    expect(gates.aborted).toEqual(['a']);
    expect(gates.started).toEqual(['a']); // b never ran
    await expect(queue.cancel(a.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(queue.cancel(9999)).rejects.toBeInstanceOf(NotFoundError);
    await expect(queue.get(9999)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('stop() waits for a handler that finishes in time', async () => {
    const queue = newQueue();
    await queue.start();
    const a = await queue.enqueue('Test.Block', { key: 'a' });
    await until(() => gates.started.includes('a'), 'a to start');
    const stopping = queue.stop(2000);
    setTimeout(() => gates.release('a'), 20);
    await stopping;
    expect(await status(a.id)).toBe('completed');
    expect(gates.aborted).toEqual([]);
  });

  it('stop() aborts handlers still running after the timeout and starts nothing new', async () => {
    const queue = newQueue({ maxConcurrent: 1 });
    await queue.start();
    const a = await queue.enqueue('Test.Block', { key: 'a' });
    const b = await queue.enqueue('Test.Quick', { key: 'b' });
    await until(() => gates.started.includes('a'), 'a to start');
    await queue.stop(20);
    expect(await queue.get(a.id)).toMatchObject({
      status: 'cancelled',
      error: 'aborted: the server was shutting down',
    });
    expect(await status(b.id)).toBe('queued');
    expect(gates.started).toEqual(['a']);
  });

  it('after a crash, marks started commands orphaned and resumes queued ones', async () => {
    const first = newQueue({ maxConcurrent: 1 });
    await first.start();
    const a = await first.enqueue('Test.Block', { key: 'a' });
    const b = await first.enqueue('Test.Quick', { key: 'b' });
    const c = await first.enqueue('Test.Quick', { key: 'c' });
    await until(() => gates.started.includes('a'), 'a to start');
    // The first process "dies": it is never stopped, and a second queue opens the same database.
    clock = new FakeClock(T0 + 60_000);
    const second = newQueue({ maxConcurrent: 1 });
    await second.start();
    await second.waitFor(c.id);
    expect(gates.started).toEqual(['a', 'b', 'c']);
    expect(await second.get(a.id)).toMatchObject({
      status: 'orphaned',
      error: 'interrupted: the server stopped while it ran',
    });
    expect((await second.get(a.id)).endedAt?.toISOString()).toBe('2025-01-01T00:01:00.000Z');
    expect([await status(b.id), await status(c.id)]).toEqual(['completed', 'completed']);
    // The dead process's late finish must not overwrite the orphaned state.
    gates.release('a');
    await until(() => first.activeCount === 0, 'first queue to settle');
    expect(await status(a.id)).toBe('orphaned');
  });

  it('fails a stored command whose name this version no longer registers', async () => {
    const gone = await repository.insert({
      name: 'Gone',
      body: {},
      dedupeKey: 'Gone:x',
      trigger: 'scheduled',
      exclusive: false,
      queuedAt: new Date(T0),
    });
    const queue = newQueue();
    await queue.start();
    expect(await queue.waitFor(gone.id)).toMatchObject({ status: 'failed', error: 'unknown command Gone' });
  });

  it('lists active and recent commands newest first, optionally by status', async () => {
    const queue = newQueue();
    await queue.start();
    const done = await queue.enqueue('Test.Quick', { key: 'q' });
    await queue.waitFor(done.id);
    const blocked = await queue.enqueue('Test.Block', { key: 'a' });
    await until(() => gates.started.includes('a'), 'a to start');
    await queue.stop(0); // aborts a; nothing else will start
    const waiting = await queue.enqueue('Test.Quick', { key: 'w' });
    expect((await queue.list()).map((c) => [c.id, c.status])).toEqual([
      [waiting.id, 'queued'],
      [blocked.id, 'cancelled'],
      [done.id, 'completed'],
    ]);
    expect((await queue.list({ status: 'completed' })).map((c) => c.id)).toEqual([done.id]);
    expect((await queue.list({ limit: 1 })).map((c) => c.id)).toEqual([waiting.id, blocked.id]);
  });
});
