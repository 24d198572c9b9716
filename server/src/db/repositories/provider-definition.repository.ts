// provider_definitions rows <-> ProviderDefinition. Booleans are 0/1 and tags/settings are JSON text on both
// dialects; this is the one place that knows.
import type { Kysely, Selectable } from 'kysely';
import { ConflictError } from '../../lib/errors.js';
import type { ProviderDefinition, ProviderDefinitionInput } from '../../providers/provider.types.js';
import type { ProviderKind } from '../../providers/provider-kind.js';
import type { DB, ProviderDefinitionsTable } from '../schema.js';

type Row = Selectable<ProviderDefinitionsTable>;

function toDomain(row: Row): ProviderDefinition {
  return {
    id: row.id,
    kind: row.kind as ProviderKind,
    implementation: row.implementation,
    name: row.name,
    enabled: row.enabled === 1,
    tags: JSON.parse(row.tags) as number[],
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export class ProviderDefinitionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Runs fn against a repository bound to one transaction; a throw rolls everything back. */
  transaction<T>(fn: (repo: ProviderDefinitionRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new ProviderDefinitionRepository(trx)));
  }

  async list(kind?: ProviderKind): Promise<ProviderDefinition[]> {
    let query = this.db.selectFrom('provider_definitions').selectAll().orderBy('id');
    if (kind) query = query.where('kind', '=', kind);
    return (await query.execute()).map(toDomain);
  }

  async get(id: number): Promise<ProviderDefinition | undefined> {
    const row = await this.db.selectFrom('provider_definitions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  async findByName(kind: ProviderKind, name: string): Promise<ProviderDefinition | undefined> {
    const row = await this.db
      .selectFrom('provider_definitions')
      .selectAll()
      .where('kind', '=', kind)
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  async insert(kind: ProviderKind, input: ProviderDefinitionInput, now: string): Promise<ProviderDefinition> {
    try {
      const row = await this.db
        .insertInto('provider_definitions')
        .values({ kind, ...this.columns(input), created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDomain(row);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`a ${kind} named "${input.name}" already exists`);
      throw err;
    }
  }

  /**
   * Replaces a definition and forgets its health status: new settings deserve a fresh start rather than the
   * backoff earned by the old ones.
   */
  async update(id: number, input: ProviderDefinitionInput, now: string): Promise<ProviderDefinition | undefined> {
    try {
      const row = await this.db
        .updateTable('provider_definitions')
        .set({ ...this.columns(input), updated_at: now })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (row) await this.db.deleteFrom('provider_status').where('definition_id', '=', id).execute();
      return row ? toDomain(row) : undefined;
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`a definition named "${input.name}" already exists`);
      throw err;
    }
  }

  /** Status rows go with the definition (foreign key cascade). */
  async delete(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('provider_definitions').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  private columns(input: ProviderDefinitionInput) {
    return {
      implementation: input.implementation,
      name: input.name,
      enabled: input.enabled ? 1 : 0,
      tags: JSON.stringify(input.tags),
      settings: JSON.stringify(input.settings),
    };
  }
}
