// release_cache rows: what an interactive search returned, kept (30 minutes by default) so POST /release can grab
// one by guid + indexer id without searching again. One row per (indexer, guid); a newer search replaces it.
import type { Kysely } from 'kysely';
import type { SearchContext } from '../../domain/decisions/decision.types.js';
import type { ReleaseInfo } from '../../providers/ports/indexer.port.js';
import type { DB } from '../schema.js';
import { chunk, inTransaction, parseJson } from './library-query.util.js';

export interface CachedRelease {
  release: ReleaseInfo;
  /** The search the release came from (which items it was evaluated against). */
  search: SearchContext;
  expires: string;
}

export class ReleaseCacheRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async put(releases: readonly ReleaseInfo[], search: SearchContext, expires: string): Promise<void> {
    if (releases.length === 0) return;
    const byKey = new Map<string, ReleaseInfo>();
    for (const r of releases) byKey.set(`${r.indexerId ?? 0}\u0000${r.guid}`, r);
    const searchJson = JSON.stringify(search);
    await inTransaction(this.db, async (trx) => {
      for (const part of chunk([...byKey.values()], 200)) {
        await trx
          .insertInto('release_cache')
          .values(
            part.map((r) => ({
              indexer_id: r.indexerId ?? 0,
              guid: r.guid,
              release: JSON.stringify(r),
              search: searchJson,
              expires,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['indexer_id', 'guid']).doUpdateSet((eb) => ({
              release: eb.ref('excluded.release'),
              search: eb.ref('excluded.search'),
              expires: eb.ref('excluded.expires'),
            })),
          )
          .execute();
      }
    });
  }

  /** The cached release, unless it expired before `now` (ISO instant). */
  async get(indexerId: number | null, guid: string, now: string): Promise<CachedRelease | undefined> {
    const row = await this.db
      .selectFrom('release_cache')
      .selectAll()
      .where('indexer_id', '=', indexerId ?? 0)
      .where('guid', '=', guid)
      .where('expires', '>', now)
      .executeTakeFirst();
    if (!row) return undefined;
    return { release: parseJson(row.release), search: parseJson(row.search), expires: row.expires };
  }

  async deleteExpired(now: string): Promise<number> {
    const r = await this.db.deleteFrom('release_cache').where('expires', '<=', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
