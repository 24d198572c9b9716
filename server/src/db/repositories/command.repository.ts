// Persistence for the command queue. Rows ↔ CommandRecord (JSON bodies, ISO dates, 0/1 booleans) stop here.
// State changes are conditional on the current status so a late writer (a cancelled or orphaned command's
// handler finishing) can never overwrite a newer state.
import type { Selectable } from 'kysely';
import type { CommandRecord, CommandStatus, CommandTrigger } from '../../jobs/command.types.js';
import type { Database } from '../database.js';
import type { CommandsTable } from '../schema.js';

export interface NewCommand {
  name: string;
  body: Record<string, unknown>;
  dedupeKey: string;
  trigger: CommandTrigger;
  exclusive: boolean;
  queuedAt: Date;
}

export interface CommandOutcome {
  status: Extract<CommandStatus, 'completed' | 'failed' | 'cancelled' | 'orphaned'>;
  endedAt: Date;
  message?: string | null;
  error?: string | null;
  result?: unknown;
}

const ACTIVE: CommandStatus[] = ['queued', 'started'];

export class CommandRepository {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  async insert(c: NewCommand): Promise<CommandRecord> {
    const row = await this.db
      .insertInto('commands')
      .values({
        name: c.name,
        body: JSON.stringify(c.body),
        dedupe_key: c.dedupeKey,
        status: 'queued',
        trigger: c.trigger,
        exclusive: c.exclusive ? 1 : 0,
        queued_at: c.queuedAt.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async findById(id: number): Promise<CommandRecord | undefined> {
    const row = await this.db.selectFrom('commands').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  /** The oldest queued command with this dedupe key, if any. */
  async findQueuedByDedupeKey(key: string): Promise<CommandRecord | undefined> {
    const row = await this.db
      .selectFrom('commands')
      .selectAll()
      .where('dedupe_key', '=', key)
      .where('status', '=', 'queued')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  /** Queued commands, oldest first (FIFO by id). */
  async listQueued(limit: number): Promise<CommandRecord[]> {
    const rows = await this.db
      .selectFrom('commands')
      .selectAll()
      .where('status', '=', 'queued')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  /** Every active command plus the newest `limit` others, newest first; or only those in `status`. */
  async listRecent(opts: { status?: CommandStatus; limit: number }): Promise<CommandRecord[]> {
    if (opts.status) {
      const rows = await this.db
        .selectFrom('commands')
        .selectAll()
        .where('status', '=', opts.status)
        .orderBy('id', 'desc')
        .limit(opts.limit)
        .execute();
      return rows.map(toRecord);
    }
    const [active, ended] = await Promise.all([
      this.db.selectFrom('commands').selectAll().where('status', 'in', ACTIVE).orderBy('id', 'desc').execute(),
      this.db
        .selectFrom('commands')
        .selectAll()
        .where('status', 'not in', ACTIVE)
        .orderBy('id', 'desc')
        .limit(opts.limit)
        .execute(),
    ]);
    return [...active, ...ended].sort((a, b) => b.id - a.id).map(toRecord);
  }

  /** queued → started; false when the command was no longer queued (e.g. cancelled meanwhile). */
  async markStarted(id: number, at: Date): Promise<boolean> {
    const r = await this.db
      .updateTable('commands')
      .set({ status: 'started', started_at: at.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async updateProgress(id: number, message: string, progress: number | null): Promise<void> {
    await this.db
      .updateTable('commands')
      .set({ message, progress })
      .where('id', '=', id)
      .where('status', '=', 'started')
      .execute();
  }

  /** Ends a command that is in one of `from`; false when it was not (someone else ended it first). */
  async finish(id: number, from: CommandStatus[], outcome: CommandOutcome): Promise<boolean> {
    const r = await this.db
      .updateTable('commands')
      .set({
        status: outcome.status,
        ended_at: outcome.endedAt.toISOString(),
        error: outcome.error ?? null,
        result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
        ...(outcome.message !== undefined ? { message: outcome.message } : {}),
        ...(outcome.status === 'completed' ? { progress: 100 } : {}),
      })
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** At startup: every `started` command belonged to a process that died. Returns how many were marked. */
  async markStartedAsOrphaned(at: Date, error: string): Promise<number> {
    const r = await this.db
      .updateTable('commands')
      .set({ status: 'orphaned', ended_at: at.toISOString(), error })
      .where('status', '=', 'started')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Housekeeping: ended commands older than `before` are history nobody reads. */
  async deleteEndedBefore(before: Date): Promise<number> {
    const r = await this.db
      .deleteFrom('commands')
      .where('status', 'in', ['completed', 'failed', 'cancelled', 'orphaned'])
      .where('ended_at', '<', before.toISOString())
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

function toRecord(row: Selectable<CommandsTable>): CommandRecord {
  return {
    id: row.id,
    name: row.name,
    body: JSON.parse(row.body) as Record<string, unknown>,
    dedupeKey: row.dedupe_key,
    status: row.status as CommandStatus,
    trigger: row.trigger as CommandTrigger,
    exclusive: Number(row.exclusive) === 1,
    message: row.message,
    progress: row.progress === null ? null : Number(row.progress),
    queuedAt: new Date(row.queued_at),
    startedAt: row.started_at ? new Date(row.started_at) : null,
    endedAt: row.ended_at ? new Date(row.ended_at) : null,
    error: row.error,
    result: row.result === null ? null : JSON.parse(row.result),
  };
}
