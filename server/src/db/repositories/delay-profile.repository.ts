// delay_profiles rows <-> DelayProfile. The untagged default profile is seeded by the migration and sorts last.
import type { Kysely, Selectable } from 'kysely';
import type { DelayProfile, Protocol } from '../../domain/decisions/decision.types.js';
import type { DB, DelayProfilesTable } from '../schema.js';
import { bool, parseJson } from './library-query.util.js';

export type DelayProfileInput = Omit<DelayProfile, 'id' | 'order'>;

/** The default profile's order: after every user profile. */
export const DEFAULT_DELAY_ORDER = 2147483647;

function toDomain(row: Selectable<DelayProfilesTable>): DelayProfile {
  return {
    id: row.id,
    order: row.order,
    enableUsenet: row.enable_usenet === 1,
    enableTorrent: row.enable_torrent === 1,
    preferredProtocol: row.preferred_protocol as Protocol,
    usenetDelay: row.usenet_delay,
    torrentDelay: row.torrent_delay,
    bypassIfHighestQuality: row.bypass_if_highest_quality === 1,
    tags: parseJson(row.tags),
  };
}

function toRow(p: DelayProfileInput) {
  return {
    enable_usenet: bool(p.enableUsenet),
    enable_torrent: bool(p.enableTorrent),
    preferred_protocol: p.preferredProtocol,
    usenet_delay: p.usenetDelay,
    torrent_delay: p.torrentDelay,
    bypass_if_highest_quality: bool(p.bypassIfHighestQuality),
    tags: JSON.stringify([...new Set(p.tags)]),
  };
}

export class DelayProfileRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async list(): Promise<DelayProfile[]> {
    const rows = await this.db.selectFrom('delay_profiles').selectAll().orderBy('order').orderBy('id').execute();
    return rows.map(toDomain);
  }

  async get(id: number): Promise<DelayProfile | undefined> {
    const row = await this.db.selectFrom('delay_profiles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  /** New profiles go after the other tagged profiles, before the default. */
  async insert(input: DelayProfileInput): Promise<DelayProfile> {
    const top = await this.db
      .selectFrom('delay_profiles')
      .select((eb) => eb.fn.max('order').as('m'))
      .where('order', '<', DEFAULT_DELAY_ORDER)
      .executeTakeFirst();
    const order = Number(top?.m ?? 0) + 1;
    return toDomain(
      await this.db
        .insertInto('delay_profiles')
        .values({ ...toRow(input), order })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  }

  async update(id: number, input: DelayProfileInput): Promise<DelayProfile | undefined> {
    const row = await this.db
      .updateTable('delay_profiles')
      .set(toRow(input))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  async setOrder(id: number, order: number): Promise<void> {
    await this.db.updateTable('delay_profiles').set({ order }).where('id', '=', id).execute();
  }

  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('delay_profiles').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
