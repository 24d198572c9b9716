// import_journal rows: one per import or rename operation, written before the first file-system change and
// replayed at start (services/import/file-transaction.ts). `plan` is JSON the runner owns.
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

export type JournalState = 'pending' | 'committed' | 'done' | 'rolledBack';

export interface JournalRow<P> {
  id: number;
  opId: string;
  kind: string;
  state: JournalState;
  step: string;
  mode: string;
  source: string;
  destination: string;
  plan: P;
  created: string;
  updated: string;
}

export class ImportJournalRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert<P>(row: Omit<JournalRow<P>, 'id' | 'updated'>): Promise<void> {
    await this.db
      .insertInto('import_journal')
      .values({
        op_id: row.opId,
        kind: row.kind,
        state: row.state,
        step: row.step,
        mode: row.mode,
        source: row.source,
        destination: row.destination,
        plan: JSON.stringify(row.plan),
        created: row.created,
        updated: row.created,
      })
      .execute();
  }

  async update<P>(
    opId: string,
    patch: { state?: JournalState; step?: string; plan?: P },
    now: string,
    db: Kysely<DB> = this.db,
  ): Promise<void> {
    await db
      .updateTable('import_journal')
      .set({
        ...(patch.state ? { state: patch.state } : {}),
        ...(patch.step ? { step: patch.step } : {}),
        ...(patch.plan ? { plan: JSON.stringify(patch.plan) } : {}),
        updated: now,
      })
      .where('op_id', '=', opId)
      .execute();
  }

  /** Operations a crash may have interrupted, oldest first. */
  async unfinished<P>(): Promise<JournalRow<P>[]> {
    const rows = await this.db
      .selectFrom('import_journal')
      .selectAll()
      .where('state', 'in', ['pending', 'committed'])
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      opId: r.op_id,
      kind: r.kind,
      state: r.state as JournalState,
      step: r.step,
      mode: r.mode,
      source: r.source,
      destination: r.destination,
      plan: JSON.parse(r.plan) as P,
      created: r.created,
      updated: r.updated,
    }));
  }

  async get(opId: string): Promise<{ state: JournalState; step: string } | undefined> {
    const r = await this.db
      .selectFrom('import_journal')
      .select(['state', 'step'])
      .where('op_id', '=', opId)
      .executeTakeFirst();
    return r ? { state: r.state as JournalState, step: r.step } : undefined;
  }

  /** Finished operations older than `before` (ISO) are dropped. */
  async purge(before: string): Promise<number> {
    const r = await this.db
      .deleteFrom('import_journal')
      .where('state', 'in', ['done', 'rolledBack'])
      .where('updated', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
