// The key_value table: small settings documents stored as one JSON string per key (upsert on write).
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

export class KeyValueRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.db.selectFrom('key_value').select('value').where('key', '=', key).executeTakeFirst())?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('key_value')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
