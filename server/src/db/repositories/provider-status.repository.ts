// provider_status rows <-> ProviderStatus. One row per definition, written by the health service.
import type { Kysely, Selectable } from 'kysely';
import type { ProviderHealth, ProviderStatus } from '../../providers/provider.types.js';
import type { DB, ProviderStatusTable } from '../schema.js';

type Row = Selectable<ProviderStatusTable>;

function toDomain(row: Row): ProviderStatus {
  return {
    definitionId: row.definition_id,
    health: row.health as ProviderHealth,
    latencyMs: row.latency_ms,
    lastChecked: row.last_checked,
    message: row.message,
    failureCount: row.failure_count,
    disabledUntil: row.disabled_until,
    lastFailureAt: row.last_failure_at,
  };
}

export class ProviderStatusRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async get(definitionId: number): Promise<ProviderStatus | undefined> {
    const row = await this.db
      .selectFrom('provider_status')
      .selectAll()
      .where('definition_id', '=', definitionId)
      .executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  async list(definitionIds?: readonly number[]): Promise<ProviderStatus[]> {
    if (definitionIds && definitionIds.length === 0) return [];
    let query = this.db.selectFrom('provider_status').selectAll().orderBy('definition_id');
    if (definitionIds) query = query.where('definition_id', 'in', [...definitionIds]);
    return (await query.execute()).map(toDomain);
  }

  async upsert(status: ProviderStatus): Promise<void> {
    const values = {
      health: status.health,
      latency_ms: status.latencyMs === null ? null : Math.round(status.latencyMs),
      last_checked: status.lastChecked,
      message: status.message,
      failure_count: status.failureCount,
      disabled_until: status.disabledUntil,
      last_failure_at: status.lastFailureAt,
    };
    await this.db
      .insertInto('provider_status')
      .values({ definition_id: status.definitionId, ...values })
      .onConflict((oc) => oc.column('definition_id').doUpdateSet(values))
      .execute();
  }

  async delete(definitionId: number): Promise<void> {
    await this.db.deleteFrom('provider_status').where('definition_id', '=', definitionId).execute();
  }
}
