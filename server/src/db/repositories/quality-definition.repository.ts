// quality_definitions rows <-> QualityDefinitionRecord: the editable size window of each catalog quality.
import type { Kysely, Selectable } from 'kysely';
import type { QualityDefinitionRecord } from '../../domain/library/quality-profile.types.js';
import type { DB, QualityDefinitionsTable } from '../schema.js';
import { inTransaction } from './library-query.util.js';

function toDomain(row: Selectable<QualityDefinitionsTable>): QualityDefinitionRecord {
  return {
    id: row.id,
    qualityId: row.quality_id,
    title: row.title,
    weight: row.weight,
    minSize: row.min_size,
    preferredSize: row.preferred_size,
    maxSize: row.max_size,
  };
}

/** A title left out keeps the stored one. */
export type QualityDefinitionChange = Pick<QualityDefinitionRecord, 'id' | 'minSize' | 'preferredSize' | 'maxSize'> & {
  title?: string | undefined;
};

export class QualityDefinitionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async list(): Promise<QualityDefinitionRecord[]> {
    return (await this.db.selectFrom('quality_definitions').selectAll().orderBy('weight').execute()).map(toDomain);
  }

  async get(id: number): Promise<QualityDefinitionRecord | undefined> {
    const row = await this.db.selectFrom('quality_definitions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  /** Adds definitions for catalog qualities the table lacks (a newer catalog than the seeding migration). */
  async insertMissing(definitions: readonly Omit<QualityDefinitionRecord, 'id'>[]): Promise<number> {
    if (definitions.length === 0) return 0;
    const r = await this.db
      .insertInto('quality_definitions')
      .values(
        definitions.map((d) => ({
          quality_id: d.qualityId,
          title: d.title,
          weight: d.weight,
          min_size: d.minSize,
          preferred_size: d.preferredSize,
          max_size: d.maxSize,
        })),
      )
      .onConflict((oc) => oc.column('quality_id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  }

  /** Updates the listed definitions in one transaction; returns them as stored, or undefined if any id is unknown. */
  async updateMany(changes: readonly QualityDefinitionChange[]): Promise<QualityDefinitionRecord[] | undefined> {
    return inTransaction(this.db, async (trx) => {
      const out: QualityDefinitionRecord[] = [];
      for (const c of changes) {
        const row = await trx
          .updateTable('quality_definitions')
          .set({
            ...(c.title !== undefined ? { title: c.title } : {}),
            min_size: c.minSize,
            preferred_size: c.preferredSize,
            max_size: c.maxSize,
          })
          .where('id', '=', c.id)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new UnknownDefinition(c.id);
        out.push(toDomain(row));
      }
      return out;
    }).catch((err) => {
      if (err instanceof UnknownDefinition) return undefined;
      throw err;
    });
  }
}

/** Rolls the bulk update back when one id is unknown. */
class UnknownDefinition extends Error {
  constructor(readonly id: number) {
    super(`quality definition ${id} not found`);
  }
}
