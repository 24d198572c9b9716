// notification_outbox rows <-> OutboxEntry. The dispatcher inserts (one row per target), the delivery worker
// claims due rows (pending -> sending), and records the outcome (sent, retry later, failed).
import type { Kysely, Selectable } from 'kysely';
import type { NotificationMessage } from '../../providers/ports/notifier.port.js';
import type { DB, NotificationOutboxTable } from '../schema.js';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxEntry {
  id: number;
  definitionId: number;
  eventType: string;
  message: NotificationMessage;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /** What the notifier reported on the last attempt (HTTP status, script exit code and output). */
  result: Record<string, unknown> | null;
  createdAt: string;
  sentAt: string | null;
}

export interface NewOutboxEntry {
  definitionId: number;
  message: NotificationMessage;
  /** ISO; usually the enqueue time. */
  nextAttemptAt: string;
  createdAt: string;
}

export interface OutboxPageRequest {
  status?: OutboxStatus;
  definitionId?: number;
  page: number;
  pageSize: number;
}

export interface OutboxPage {
  page: number;
  pageSize: number;
  totalRecords: number;
  records: OutboxEntry[];
}

export interface FailureSummary {
  definitionId: number;
  failed: number;
  lastError: string | null;
  lastFailedAt: string;
}

type Row = Selectable<NotificationOutboxTable>;

function parseObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function toDomain(row: Row): OutboxEntry {
  return {
    id: row.id,
    definitionId: row.definition_id,
    eventType: row.event_type,
    message: JSON.parse(row.message) as NotificationMessage,
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    result: parseObject(row.result),
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

const json = (value: Record<string, unknown> | null | undefined) =>
  value === null || value === undefined ? null : JSON.stringify(value);

export class NotificationOutboxRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** One multi-row insert; returns the new ids in input order. */
  async enqueue(entries: readonly NewOutboxEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    const rows = await this.db
      .insertInto('notification_outbox')
      .values(
        entries.map((e) => ({
          definition_id: e.definitionId,
          event_type: e.message.type,
          message: JSON.stringify(e.message),
          status: 'pending',
          attempts: 0,
          next_attempt_at: e.nextAttemptAt,
          created_at: e.createdAt,
        })),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async get(id: number): Promise<OutboxEntry | undefined> {
    const row = await this.db.selectFrom('notification_outbox').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  /**
   * Moves up to `limit` due pending rows to `sending` and returns them, oldest due first. Each row is taken with a
   * conditional update, so two workers on one database never deliver the same row twice.
   */
  async claimDue(now: string, limit: number): Promise<OutboxEntry[]> {
    const due = await this.db
      .selectFrom('notification_outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    const claimed: number[] = [];
    for (const { id } of due) {
      const res = await this.db
        .updateTable('notification_outbox')
        .set({ status: 'sending' })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) claimed.push(id);
    }
    if (claimed.length === 0) return [];
    const rows = await this.db
      .selectFrom('notification_outbox')
      .selectAll()
      .where('id', 'in', claimed)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .execute();
    return rows.map(toDomain);
  }

  /** The earliest next_attempt_at among pending rows, for scheduling the next wake-up. */
  async nextDueAt(): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('notification_outbox')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return (row?.at as string | null | undefined) ?? undefined;
  }

  async markSent(id: number, attempts: number, sentAt: string, result: Record<string, unknown> | null): Promise<void> {
    await this.db
      .updateTable('notification_outbox')
      .set({ status: 'sent', attempts, sent_at: sentAt, last_error: null, result: json(result) })
      .where('id', '=', id)
      .execute();
  }

  /** Back to pending, due at `nextAttemptAt`. `attempts` counts deliveries tried so far. */
  async markRetry(
    id: number,
    attempts: number,
    nextAttemptAt: string,
    error: string | null,
    result?: Record<string, unknown> | null,
  ): Promise<void> {
    await this.db
      .updateTable('notification_outbox')
      .set({
        status: 'pending',
        attempts,
        next_attempt_at: nextAttemptAt,
        last_error: error,
        ...(result === undefined ? {} : { result: json(result) }),
      })
      .where('id', '=', id)
      .execute();
  }

  async markFailed(
    id: number,
    attempts: number,
    error: string,
    failedAt: string,
    result: Record<string, unknown> | null,
  ): Promise<void> {
    await this.db
      .updateTable('notification_outbox')
      .set({ status: 'failed', attempts, last_error: error, next_attempt_at: failedAt, result: json(result) })
      .where('id', '=', id)
      .execute();
  }

  /** Start-up recovery: rows left `sending` by a crash or stop go back to pending. Returns how many. */
  async resetSending(): Promise<number> {
    const res = await this.db
      .updateTable('notification_outbox')
      .set({ status: 'pending' })
      .where('status', '=', 'sending')
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  /** Newest first. */
  async page(req: OutboxPageRequest): Promise<OutboxPage> {
    let count = this.db.selectFrom('notification_outbox').select((eb) => eb.fn.countAll<number>().as('n'));
    let rows = this.db.selectFrom('notification_outbox').selectAll();
    if (req.status) {
      count = count.where('status', '=', req.status);
      rows = rows.where('status', '=', req.status);
    }
    if (req.definitionId !== undefined) {
      count = count.where('definition_id', '=', req.definitionId);
      rows = rows.where('definition_id', '=', req.definitionId);
    }
    const total = Number((await count.executeTakeFirstOrThrow()).n);
    const records = await rows
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(req.pageSize)
      .offset((req.page - 1) * req.pageSize)
      .execute();
    return { page: req.page, pageSize: req.pageSize, totalRecords: total, records: records.map(toDomain) };
  }

  /**
   * Per definition: rows that failed at or after `since` and were not followed by a later successful delivery to
   * the same definition (a recovered notifier stops being a health issue).
   */
  async recentFailures(since: string): Promise<FailureSummary[]> {
    const failed = await this.db
      .selectFrom('notification_outbox')
      .select(['definition_id', 'last_error', 'next_attempt_at'])
      .where('status', '=', 'failed')
      .where('next_attempt_at', '>=', since)
      .orderBy('next_attempt_at')
      .execute();
    if (failed.length === 0) return [];
    const ids = [...new Set(failed.map((r) => r.definition_id))];
    const lastSent = await this.db
      .selectFrom('notification_outbox')
      .select(['definition_id', (eb) => eb.fn.max('sent_at').as('at')])
      .where('status', '=', 'sent')
      .where('definition_id', 'in', ids)
      .groupBy('definition_id')
      .execute();
    const sentAt = new Map(lastSent.map((r) => [r.definition_id, r.at as string | null]));
    const out = new Map<number, FailureSummary>();
    for (const r of failed) {
      const okAt = sentAt.get(r.definition_id);
      if (okAt && okAt > r.next_attempt_at) continue;
      const prev = out.get(r.definition_id);
      out.set(r.definition_id, {
        definitionId: r.definition_id,
        failed: (prev?.failed ?? 0) + 1,
        lastError: r.last_error,
        lastFailedAt: r.next_attempt_at,
      });
    }
    return [...out.values()];
  }

  /** Housekeeping: drops finished rows (sent or failed) created before `before`. */
  async pruneFinished(before: string): Promise<number> {
    const res = await this.db
      .deleteFrom('notification_outbox')
      .where('status', 'in', ['sent', 'failed'])
      .where('created_at', '<', before)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
