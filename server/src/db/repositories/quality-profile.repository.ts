// quality_profiles rows <-> QualityProfile (items and format items as JSON text, upgrade flag 0/1).
import type { Kysely, Selectable } from 'kysely';
import type { QualityProfile, QualityProfileInput } from '../../domain/library/quality-profile.types.js';
import { ConflictError } from '../../lib/errors.js';
import type { DB, QualityProfilesTable } from '../schema.js';
import { bool, isUniqueViolation, parseJson } from './library-query.util.js';

function toDomain(row: Selectable<QualityProfilesTable>): QualityProfile {
  return {
    id: row.id,
    name: row.name,
    upgradeAllowed: row.upgrade_allowed === 1,
    cutoff: row.cutoff,
    items: parseJson(row.items),
    minFormatScore: row.min_format_score,
    cutoffFormatScore: row.cutoff_format_score,
    formatItems: parseJson(row.format_items),
  };
}

function toRow(p: QualityProfileInput) {
  return {
    name: p.name,
    upgrade_allowed: bool(p.upgradeAllowed),
    cutoff: p.cutoff,
    items: JSON.stringify(p.items),
    min_format_score: p.minFormatScore,
    cutoff_format_score: p.cutoffFormatScore,
    format_items: JSON.stringify(p.formatItems),
  };
}

export class QualityProfileRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async list(): Promise<QualityProfile[]> {
    return (await this.db.selectFrom('quality_profiles').selectAll().orderBy('id').execute()).map(toDomain);
  }

  async get(id: number): Promise<QualityProfile | undefined> {
    const row = await this.db.selectFrom('quality_profiles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  async insert(input: QualityProfileInput): Promise<QualityProfile> {
    try {
      return toDomain(
        await this.db.insertInto('quality_profiles').values(toRow(input)).returningAll().executeTakeFirstOrThrow(),
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`a quality profile named "${input.name}" already exists`);
      throw err;
    }
  }

  async update(id: number, input: QualityProfileInput): Promise<QualityProfile | undefined> {
    try {
      const row = await this.db
        .updateTable('quality_profiles')
        .set(toRow(input))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toDomain(row) : undefined;
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`a quality profile named "${input.name}" already exists`);
      throw err;
    }
  }

  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('quality_profiles').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
