// Interval scheduler: each task enqueues a command when due. Due times live in `scheduled_tasks`, so intervals
// survive restarts and a task overdue at start runs once at the first tick rather than once per missed interval.
// The next run counts from when the command ended (Sonarr's model), so a slow task is never due while it runs.
import type { ScheduledTaskRepository } from '../db/repositories/scheduled-task.repository.js';
import type { Clock } from '../lib/clock.js';
import { NotFoundError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { CommandRecord, CommandTrigger } from './command.types.js';
import type { CommandQueue } from './command-queue.service.js';

export interface ScheduledTaskDefinition {
  name: string;
  commandName: string;
  body?: Record<string, unknown>;
  intervalMinutes: number;
  /** A task new to the database is due at the first tick instead of one interval after the first start. */
  runOnFirstStart?: boolean;
}

export interface ScheduledTaskView {
  name: string;
  commandName: string;
  intervalMinutes: number;
  lastRunAt: Date | null;
  lastDurationMs: number | null;
  nextRunAt: Date;
}

export interface SchedulerDeps {
  repository: ScheduledTaskRepository;
  queue: CommandQueue;
  clock: Clock;
  log: Logger;
}

export interface SchedulerOptions {
  /** How often the timer checks for due tasks; null runs no timer (tests call tick()). */
  tickIntervalMs?: number | null;
}

const MINUTE = 60_000;

export class Scheduler {
  private readonly tasks = new Map<string, ScheduledTaskDefinition>();
  /** Which task queued which command, to record the run when the command ends. */
  private readonly commandTasks = new Map<number, string>();
  private readonly inFlight = new Set<Promise<CommandRecord>>();
  private readonly tickIntervalMs: number | null;
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;

  constructor(
    private readonly deps: SchedulerDeps,
    options: SchedulerOptions = {},
  ) {
    this.tickIntervalMs = options.tickIntervalMs === undefined ? 15_000 : options.tickIntervalMs;
    deps.queue.onSettled((command) => this.recordRun(command));
  }

  register(...definitions: ScheduledTaskDefinition[]): this {
    for (const d of definitions) {
      if (this.tasks.has(d.name)) throw new Error(`scheduled task ${d.name} is registered twice`);
      if (!Number.isInteger(d.intervalMinutes) || d.intervalMinutes < 1)
        throw new Error(`scheduled task ${d.name}: interval must be a whole number of minutes ≥ 1`);
      this.tasks.set(d.name, d);
    }
    return this;
  }

  /** Reconciles stored rows with the registered tasks, then starts the timer. */
  async start(): Promise<void> {
    const now = this.deps.clock.now();
    const stored = new Map((await this.deps.repository.list()).map((r) => [r.name, r]));
    for (const task of this.tasks.values()) {
      const row = stored.get(task.name);
      const interval = task.intervalMinutes * MINUTE;
      if (!row) {
        await this.deps.repository.insert({
          name: task.name,
          intervalMinutes: task.intervalMinutes,
          lastRunAt: null,
          lastDurationMs: null,
          nextRunAt: new Date(task.runOnFirstStart ? now : now + interval),
        });
      } else if (row.intervalMinutes !== task.intervalMinutes) {
        const base = row.lastRunAt?.getTime() ?? now;
        await this.deps.repository.updateSchedule(task.name, task.intervalMinutes, new Date(base + interval));
      }
    }
    await this.deps.repository.deleteExcept([...this.tasks.keys()]);
    if (this.tickIntervalMs !== null && !this.timer) {
      this.timer = setInterval(() => {
        this.tick().catch((err) => this.deps.log.error({ err }, 'scheduler tick failed'));
      }, this.tickIntervalMs);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Enqueues every due task once; returns the commands it queued (or found already queued). */
  async tick(): Promise<CommandRecord[]> {
    if (this.ticking) return [];
    this.ticking = true;
    try {
      const now = this.deps.clock.now();
      const due = (await this.deps.repository.list())
        .filter((r) => this.tasks.has(r.name) && r.nextRunAt.getTime() <= now)
        .sort((a, b) => a.nextRunAt.getTime() - b.nextRunAt.getTime() || a.name.localeCompare(b.name));
      const queued: CommandRecord[] = [];
      for (const row of due) {
        const task = this.tasks.get(row.name)!;
        try {
          queued.push(await this.enqueue(task, 'scheduled'));
        } catch (err) {
          // Pushed back a full interval so a misconfigured task logs once per interval, not once per tick.
          this.deps.log.error({ err, task: task.name }, 'scheduled task could not be queued');
          await this.deps.repository.setNextRun(task.name, new Date(now + task.intervalMinutes * MINUTE));
        }
      }
      return queued;
    } finally {
      this.ticking = false;
    }
  }

  async runNow(name: string): Promise<CommandRecord> {
    const task = this.tasks.get(name);
    if (!task) throw new NotFoundError(`scheduled task ${name} not found`);
    return this.enqueue(task, 'manual');
  }

  async list(): Promise<ScheduledTaskView[]> {
    const rows = await this.deps.repository.list();
    return rows.flatMap((row) => {
      const task = this.tasks.get(row.name);
      return task ? [{ ...row, commandName: task.commandName, intervalMinutes: task.intervalMinutes }] : [];
    });
  }

  private async enqueue(task: ScheduledTaskDefinition, trigger: CommandTrigger): Promise<CommandRecord> {
    const op = (async () => {
      // Provisional, written before the command can end: not due again for an interval; recordRun then moves
      // it to one interval after the command ends.
      const next = this.deps.clock.now() + task.intervalMinutes * MINUTE;
      await this.deps.repository.setNextRun(task.name, new Date(next));
      const command = await this.deps.queue.enqueue(task.commandName, task.body ?? {}, { trigger });
      this.commandTasks.set(command.id, task.name);
      return command;
    })();
    this.inFlight.add(op);
    try {
      return await op;
    } finally {
      this.inFlight.delete(op);
    }
  }

  private async recordRun(command: CommandRecord): Promise<void> {
    // A fast command can end before enqueue() has noted which task queued it.
    await Promise.allSettled([...this.inFlight]);
    const name = this.commandTasks.get(command.id);
    if (name === undefined) return;
    this.commandTasks.delete(command.id);
    const task = this.tasks.get(name);
    // Cancelled before it started: nothing ran, so the provisional next run stands.
    if (!task || !command.startedAt || !command.endedAt) return;
    await this.deps.repository.recordRun(name, {
      lastRunAt: command.startedAt,
      lastDurationMs: command.endedAt.getTime() - command.startedAt.getTime(),
      nextRunAt: new Date(command.endedAt.getTime() + task.intervalMinutes * MINUTE),
    });
  }
}
