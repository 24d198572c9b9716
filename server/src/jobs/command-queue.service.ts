// The DB-backed command queue (Sonarr's model): FIFO by id, a small worker limit, exclusive commands run alone,
// identical queued commands dedupe, progress is persisted and emitted, and `started` rows left by a dead
// process become `orphaned` at start while `queued` ones resume.
import type { CommandRepository } from '../db/repositories/command.repository.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../lib/clock.js';
import { ConflictError, NotFoundError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { dedupeKey } from './canonical-json.js';
import type { CommandRecord, CommandTrigger } from './command.types.js';
import { CommandAbortedError } from './command-errors.js';
import type { CommandRegistry } from './command-registry.js';
import { executeCommand } from './command-runner.js';
import { CommandSettlement, type SettledListener } from './command-settlement.js';

export interface CommandQueueDeps {
  repository: CommandRepository;
  registry: CommandRegistry;
  events: EventBus;
  clock: Clock;
  log: Logger;
}

export interface CommandQueueOptions {
  /** Commands running at once. */
  maxConcurrent?: number;
  /** How long stop() waits for running handlers before aborting them. */
  stopTimeoutMs?: number;
  /** How long stop() waits after aborting; handlers still running then are orphaned at the next start. */
  abortGraceMs?: number;
}

export type { SettledListener };

interface Running {
  id: number;
  dedupeKey: string;
  exclusive: boolean;
  controller: AbortController;
  done: Promise<void>;
}

const ORPHANED_ERROR = 'interrupted: the server stopped while it ran';
// Enough look-ahead that commands waiting on a running duplicate don't hide runnable ones behind them.
const LOOKAHEAD = 100;

export class CommandQueue {
  private readonly maxConcurrent: number;
  private readonly stopTimeoutMs: number;
  private readonly abortGraceMs: number;
  private state: 'idle' | 'running' | 'stopping' = 'idle';
  private readonly running = new Map<number, Running>();
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private enqueueLock: Promise<unknown> = Promise.resolve();
  private readonly settlement: CommandSettlement;

  constructor(
    private readonly deps: CommandQueueDeps,
    options: CommandQueueOptions = {},
  ) {
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? 3);
    this.stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
    this.abortGraceMs = options.abortGraceMs ?? 2_000;
    this.settlement = new CommandSettlement(deps.log);
  }

  /** Marks commands a dead process left `started` as orphaned, then begins running queued ones. */
  async start(): Promise<void> {
    if (this.state === 'running') return;
    const orphaned = await this.deps.repository.markStartedAsOrphaned(this.now(), ORPHANED_ERROR);
    if (orphaned > 0) this.deps.log.warn({ orphaned }, 'commands interrupted by the previous shutdown marked orphaned');
    this.state = 'running';
    this.pump();
  }

  /** Stops starting commands, waits for running ones up to the timeout, then aborts them. */
  async stop(timeoutMs = this.stopTimeoutMs): Promise<void> {
    if (this.state !== 'running') return;
    this.state = 'stopping';
    await this.pumping;
    if (!(await this.runningSettled(timeoutMs))) {
      for (const r of this.running.values()) r.controller.abort(new CommandAbortedError('shutdown'));
      if (!(await this.runningSettled(this.abortGraceMs)))
        this.deps.log.warn(
          { ids: [...this.running.keys()] },
          'commands ignored abort; they will be orphaned at next start',
        );
    }
    this.state = 'idle';
  }

  /** Validates and queues a command, or returns the identical one already queued (unless dedupe is off). */
  async enqueue(name: string, body: unknown, opts: { trigger?: CommandTrigger } = {}): Promise<CommandRecord> {
    const { definition, body: parsed } = this.deps.registry.parse(name, body);
    const key = dedupeKey(name, parsed);
    // Serialised so two identical requests racing each other cannot both miss the dedupe lookup.
    const { record, created } = await this.serialized(async () => {
      if (definition.dedupe !== false) {
        const existing = await this.deps.repository.findQueuedByDedupeKey(key);
        if (existing) return { record: existing, created: false };
      }
      const record = await this.deps.repository.insert({
        name,
        body: parsed,
        dedupeKey: key,
        trigger: opts.trigger ?? 'manual',
        exclusive: definition.exclusive === true,
        queuedAt: this.now(),
      });
      return { record, created: true };
    });
    if (created) this.emit(record);
    this.pump();
    return record;
  }

  async get(id: number): Promise<CommandRecord> {
    const record = await this.deps.repository.findById(id);
    if (!record) throw new NotFoundError(`command ${id} not found`);
    return record;
  }

  list(opts: { status?: CommandRecord['status']; limit?: number } = {}): Promise<CommandRecord[]> {
    return this.deps.repository.listRecent({ status: opts.status, limit: opts.limit ?? 100 });
  }

  /** Cancels a queued command at once; aborts the signal of a running one (it ends when its handler returns). */
  async cancel(id: number): Promise<CommandRecord> {
    const record = await this.get(id);
    if (record.status === 'queued') {
      const endedAt = this.now();
      if (await this.deps.repository.finish(id, ['queued'], { status: 'cancelled', endedAt, message: 'cancelled' })) {
        const cancelled = await this.get(id);
        this.emit(cancelled);
        await this.settle(cancelled);
        return cancelled;
      }
      return this.cancel(id); // it started meanwhile
    }
    if (record.status === 'started') {
      const running = this.running.get(id);
      if (!running) throw new ConflictError(`command ${id} is not running in this process`);
      running.controller.abort(new CommandAbortedError('cancelled'));
      return record;
    }
    throw new ConflictError(`command ${id} has already ended (${record.status})`);
  }

  /** Resolves with the command once it has ended (immediately if it already has). */
  async waitFor(id: number): Promise<CommandRecord> {
    // A running command leaves `running` only after its settlement, so its waiter is sure to be resolved.
    const read = this.running.has(id) ? null : () => this.deps.repository.findById(id);
    const ended = await this.settlement.waitFor(id, read, () => this.running.has(id));
    if (!ended) throw new NotFoundError(`command ${id} not found`);
    return ended;
  }

  /** Called after every command ends and before waitFor resolves; the queue awaits it (e.g. scheduler bookkeeping). */
  onSettled(listener: SettledListener): () => void {
    return this.settlement.onSettled(listener);
  }

  get activeCount(): number {
    return this.running.size;
  }

  private pump(): void {
    if (this.state !== 'running') return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.pumpLoop();
  }

  private async pumpLoop(): Promise<void> {
    try {
      do {
        this.pumpAgain = false;
        try {
          await this.startRunnable();
        } catch (err) {
          this.deps.log.error({ err }, 'command queue could not start commands');
        }
      } while (this.pumpAgain && this.state === 'running');
    } finally {
      this.pumping = null;
    }
  }

  private async startRunnable(): Promise<void> {
    const queued = await this.deps.repository.listQueued(LOOKAHEAD);
    for (const cmd of queued) {
      if (this.state !== 'running' || this.running.size >= this.maxConcurrent) return;
      const active = [...this.running.values()];
      if (active.some((r) => r.exclusive)) return;
      // An exclusive command waits for the running ones, and holds back everything queued after it
      // so a steady stream of small commands cannot starve it.
      if (cmd.exclusive && active.length > 0) return;
      // The same work never runs twice at once (a scheduled task cannot overlap with itself).
      if (active.some((r) => r.dedupeKey === cmd.dedupeKey)) continue;
      const definition = this.deps.registry.get(cmd.name);
      if (!definition) {
        await this.deps.repository.finish(cmd.id, ['queued'], {
          status: 'failed',
          endedAt: this.now(),
          error: `unknown command ${cmd.name}`,
        });
        await this.settle(await this.get(cmd.id));
        continue;
      }
      const startedAt = this.now();
      if (!(await this.deps.repository.markStarted(cmd.id, startedAt))) continue;
      this.launch({ ...cmd, status: 'started', startedAt }, definition);
      if (cmd.exclusive) return;
    }
  }

  private launch(cmd: CommandRecord, definition: Parameters<typeof executeCommand>[1]): void {
    const controller = new AbortController();
    const entry: Running = {
      id: cmd.id,
      dedupeKey: cmd.dedupeKey,
      exclusive: cmd.exclusive,
      controller,
      done: Promise.resolve(),
    };
    this.running.set(cmd.id, entry);
    this.emit(cmd);
    entry.done = executeCommand(cmd, definition, controller.signal, {
      repository: this.deps.repository,
      clock: this.deps.clock,
      log: this.deps.log.child({ command: cmd.name, commandId: cmd.id }),
      emit: (c) => this.emit(c),
    })
      .then((ended) => (ended ? this.settle(ended) : undefined))
      .catch((err) => this.deps.log.error({ err, commandId: cmd.id }, 'could not record the end of a command'))
      .finally(() => {
        this.running.delete(cmd.id);
        this.settlement.forget(cmd.id);
        this.pump();
      });
  }

  private settle(command: CommandRecord): Promise<void> {
    return this.settlement.settle(command);
  }

  private emit(c: CommandRecord): void {
    this.deps.events.emit('command.progress', {
      id: c.id,
      name: c.name,
      status: c.status,
      message: c.message,
      progress: c.progress,
    });
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.enqueueLock.then(fn);
    this.enqueueLock = run.catch(() => undefined);
    return run;
  }

  /** Whether every running handler settled within `ms` (wall-clock: shutdown is not simulated time). */
  private async runningSettled(ms: number): Promise<boolean> {
    if (this.running.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    const all = Promise.allSettled([...this.running.values()].map((r) => r.done)).then(() => true as const);
    try {
      return await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private now(): Date {
    return new Date(this.deps.clock.now());
  }
}
