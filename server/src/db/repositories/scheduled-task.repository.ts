// Persistence for scheduled tasks: the last run, its duration and the next due time survive restarts.
import type { Selectable } from 'kysely';
import type { Database } from '../database.js';
import type { ScheduledTasksTable } from '../schema.js';

export interface ScheduledTaskState {
  name: string;
  intervalMinutes: number;
  lastRunAt: Date | null;
  lastDurationMs: number | null;
  nextRunAt: Date;
}

export class ScheduledTaskRepository {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  async list(): Promise<ScheduledTaskState[]> {
    const rows = await this.db.selectFrom('scheduled_tasks').selectAll().orderBy('name').execute();
    return rows.map(toState);
  }

  async get(name: string): Promise<ScheduledTaskState | undefined> {
    const row = await this.db.selectFrom('scheduled_tasks').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? toState(row) : undefined;
  }

  async insert(t: ScheduledTaskState): Promise<void> {
    await this.db
      .insertInto('scheduled_tasks')
      .values({
        name: t.name,
        interval_minutes: t.intervalMinutes,
        last_run_at: t.lastRunAt?.toISOString() ?? null,
        last_duration_ms: t.lastDurationMs,
        next_run_at: t.nextRunAt.toISOString(),
      })
      .execute();
  }

  async updateSchedule(name: string, intervalMinutes: number, nextRunAt: Date): Promise<void> {
    await this.db
      .updateTable('scheduled_tasks')
      .set({ interval_minutes: intervalMinutes, next_run_at: nextRunAt.toISOString() })
      .where('name', '=', name)
      .execute();
  }

  async setNextRun(name: string, nextRunAt: Date): Promise<void> {
    await this.db
      .updateTable('scheduled_tasks')
      .set({ next_run_at: nextRunAt.toISOString() })
      .where('name', '=', name)
      .execute();
  }

  async recordRun(name: string, run: { lastRunAt: Date; lastDurationMs: number; nextRunAt: Date }): Promise<void> {
    await this.db
      .updateTable('scheduled_tasks')
      .set({
        last_run_at: run.lastRunAt.toISOString(),
        last_duration_ms: run.lastDurationMs,
        next_run_at: run.nextRunAt.toISOString(),
      })
      .where('name', '=', name)
      .execute();
  }

  /** Removes rows of tasks this version no longer registers. */
  async deleteExcept(names: string[]): Promise<number> {
    let q = this.db.deleteFrom('scheduled_tasks');
    if (names.length > 0) q = q.where('name', 'not in', names);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

function toState(row: Selectable<ScheduledTasksTable>): ScheduledTaskState {
  return {
    name: row.name,
    intervalMinutes: Number(row.interval_minutes),
    lastRunAt: row.last_run_at ? new Date(row.last_run_at) : null,
    lastDurationMs: row.last_duration_ms === null ? null : Number(row.last_duration_ms),
    nextRunAt: new Date(row.next_run_at),
  };
}
