// release_profiles rows <-> ReleaseProfile (terms and tags as JSON text).
import type { Kysely, Selectable } from 'kysely';
import type { ReleaseProfile } from '../../domain/decisions/decision.types.js';
import type { DB, ReleaseProfilesTable } from '../schema.js';
import { bool, parseJson } from './library-query.util.js';

export type ReleaseProfileInput = Omit<ReleaseProfile, 'id'>;

function toDomain(row: Selectable<ReleaseProfilesTable>): ReleaseProfile {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled === 1,
    required: parseJson(row.required),
    ignored: parseJson(row.ignored),
    indexerId: row.indexer_id,
    tags: parseJson(row.tags),
  };
}

function toRow(p: ReleaseProfileInput) {
  return {
    name: p.name,
    enabled: bool(p.enabled),
    required: JSON.stringify(p.required),
    ignored: JSON.stringify(p.ignored),
    indexer_id: p.indexerId,
    tags: JSON.stringify([...new Set(p.tags)]),
  };
}

export class ReleaseProfileRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async list(): Promise<ReleaseProfile[]> {
    return (await this.db.selectFrom('release_profiles').selectAll().orderBy('id').execute()).map(toDomain);
  }

  async get(id: number): Promise<ReleaseProfile | undefined> {
    const row = await this.db.selectFrom('release_profiles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  async insert(input: ReleaseProfileInput): Promise<ReleaseProfile> {
    return toDomain(
      await this.db.insertInto('release_profiles').values(toRow(input)).returningAll().executeTakeFirstOrThrow(),
    );
  }

  async update(id: number, input: ReleaseProfileInput): Promise<ReleaseProfile | undefined> {
    const row = await this.db
      .updateTable('release_profiles')
      .set(toRow(input))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('release_profiles').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
