// Import list storage: exclusions, the items each list showed at its last successful fetch, and the last sync
// result per list. The tables are typed here (not in schema.ts) because nothing else reads them.
import type { Generated, Kysely, Selectable } from 'kysely';
import { ConflictError } from '../../lib/errors.js';
import type { ListMediaType } from '../../providers/ports/import-list.port.js';
import type { DB } from '../schema.js';

interface ExclusionsTable {
  id: Generated<number>;
  media_type: string;
  tmdb_id: number | null;
  tvdb_id: number | null;
  imdb_id: string | null;
  title: string;
  year: number | null;
  created_at: string;
}

interface ItemsTable {
  id: Generated<number>;
  list_id: number;
  media_type: string;
  tmdb_id: number | null;
  tvdb_id: number | null;
  imdb_id: string | null;
  title: string;
  year: number | null;
  seen_at: string;
}

interface ResultsTable {
  list_id: number;
  synced_at: string;
  result: string;
}

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible type.
export type ImportListTables = {
  import_list_exclusions: ExclusionsTable;
  import_list_items: ItemsTable;
  import_list_results: ResultsTable;
};

type ListDb = Kysely<DB & ImportListTables>;

/** Ids of a list item or an exclusion; null where unknown. */
export interface MediaIds {
  mediaType: ListMediaType;
  tmdbId: number | null;
  tvdbId: number | null;
  imdbId: string | null;
}

export interface ImportListExclusion extends MediaIds {
  id: number;
  title: string;
  year: number | null;
  createdAt: string;
}

export type NewExclusion = Omit<ImportListExclusion, 'id' | 'createdAt'>;

export interface SeenItem extends MediaIds {
  title: string;
  year: number | null;
}

export interface StoredResult {
  listId: number;
  syncedAt: string;
  result: Record<string, unknown>;
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function toExclusion(r: Selectable<ExclusionsTable>): ImportListExclusion {
  return {
    id: r.id,
    mediaType: r.media_type as ListMediaType,
    tmdbId: r.tmdb_id,
    tvdbId: r.tvdb_id,
    imdbId: r.imdb_id,
    title: r.title,
    year: r.year,
    createdAt: r.created_at,
  };
}

export class ImportListRepository {
  private readonly db: ListDb;

  constructor(db: Kysely<DB>) {
    this.db = db.withTables<ImportListTables>();
  }

  async listExclusions(): Promise<ImportListExclusion[]> {
    const rows = await this.db.selectFrom('import_list_exclusions').selectAll().orderBy('id').execute();
    return rows.map(toExclusion);
  }

  async getExclusion(id: number): Promise<ImportListExclusion | undefined> {
    const row = await this.db.selectFrom('import_list_exclusions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toExclusion(row) : undefined;
  }

  /** The exclusions sharing any id with `ids` (same media type). */
  async findExclusions(ids: MediaIds): Promise<ImportListExclusion[]> {
    if (ids.tmdbId === null && ids.tvdbId === null && ids.imdbId === null) return [];
    const rows = await this.db
      .selectFrom('import_list_exclusions')
      .selectAll()
      .where('media_type', '=', ids.mediaType)
      .where((eb) => {
        const ors = [];
        if (ids.tmdbId !== null) ors.push(eb('tmdb_id', '=', ids.tmdbId));
        if (ids.tvdbId !== null) ors.push(eb('tvdb_id', '=', ids.tvdbId));
        if (ids.imdbId !== null) ors.push(eb('imdb_id', '=', ids.imdbId));
        return eb.or(ors);
      })
      .orderBy('id')
      .execute();
    return rows.map(toExclusion);
  }

  async insertExclusion(e: NewExclusion, now: string): Promise<ImportListExclusion> {
    try {
      const row = await this.db
        .insertInto('import_list_exclusions')
        .values({ ...this.columns(e), created_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toExclusion(row);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`"${e.title}" is already excluded`);
      throw err;
    }
  }

  async updateExclusion(id: number, e: NewExclusion): Promise<ImportListExclusion | undefined> {
    try {
      const row = await this.db
        .updateTable('import_list_exclusions')
        .set(this.columns(e))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toExclusion(row) : undefined;
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`"${e.title}" is already excluded`);
      throw err;
    }
  }

  async deleteExclusion(id: number): Promise<boolean> {
    const res = await this.db.deleteFrom('import_list_exclusions').where('id', '=', id).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  async seenItems(listId: number): Promise<SeenItem[]> {
    const rows = await this.db
      .selectFrom('import_list_items')
      .selectAll()
      .where('list_id', '=', listId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      mediaType: r.media_type as ListMediaType,
      tmdbId: r.tmdb_id,
      tvdbId: r.tvdb_id,
      imdbId: r.imdb_id,
      title: r.title,
      year: r.year,
    }));
  }

  /** Every list's last seen items except `listId`'s (an item still on another list has not left "the lists"). */
  async seenOnOtherLists(listId: number): Promise<SeenItem[]> {
    const rows = await this.db.selectFrom('import_list_items').selectAll().where('list_id', '<>', listId).execute();
    return rows.map((r) => ({
      mediaType: r.media_type as ListMediaType,
      tmdbId: r.tmdb_id,
      tvdbId: r.tvdb_id,
      imdbId: r.imdb_id,
      title: r.title,
      year: r.year,
    }));
  }

  async replaceSeenItems(listId: number, items: readonly SeenItem[], now: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('import_list_items').where('list_id', '=', listId).execute();
      // Chunked: PostgreSQL and SQLite cap bound parameters per statement.
      for (let i = 0; i < items.length; i += 500) {
        const chunk = items.slice(i, i + 500).map((it) => ({
          list_id: listId,
          media_type: it.mediaType,
          tmdb_id: it.tmdbId,
          tvdb_id: it.tvdbId,
          imdb_id: it.imdbId,
          title: it.title,
          year: it.year,
          seen_at: now,
        }));
        await trx.insertInto('import_list_items').values(chunk).execute();
      }
    });
  }

  async saveResult(listId: number, syncedAt: string, result: Record<string, unknown>): Promise<void> {
    const text = JSON.stringify(result);
    await this.db
      .insertInto('import_list_results')
      .values({ list_id: listId, synced_at: syncedAt, result: text })
      .onConflict((oc) => oc.column('list_id').doUpdateSet({ synced_at: syncedAt, result: text }))
      .execute();
  }

  async getResult(listId: number): Promise<StoredResult | undefined> {
    const row = await this.db
      .selectFrom('import_list_results')
      .selectAll()
      .where('list_id', '=', listId)
      .executeTakeFirst();
    return row
      ? { listId: row.list_id, syncedAt: row.synced_at, result: JSON.parse(row.result) as Record<string, unknown> }
      : undefined;
  }

  /** When each list last synced (for the scheduler's due check). */
  async lastSyncTimes(): Promise<Map<number, string>> {
    const rows = await this.db.selectFrom('import_list_results').select(['list_id', 'synced_at']).execute();
    return new Map(rows.map((r) => [r.list_id, r.synced_at]));
  }

  /**
   * Writes changed settings (refreshed OAuth tokens) into a list's stored definition without touching its health
   * status; `updated_at` moves so cached instances are rebuilt from the new settings.
   */
  async patchDefinitionSettings(listId: number, patch: Record<string, unknown>, now: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('provider_definitions')
        .select('settings')
        .where('id', '=', listId)
        .executeTakeFirst();
      if (!row) return;
      const settings = { ...(JSON.parse(row.settings) as Record<string, unknown>), ...patch };
      await trx
        .updateTable('provider_definitions')
        .set({ settings: JSON.stringify(settings), updated_at: now })
        .where('id', '=', listId)
        .execute();
    });
  }

  private columns(e: NewExclusion) {
    return {
      media_type: e.mediaType,
      tmdb_id: e.tmdbId,
      tvdb_id: e.tvdbId,
      imdb_id: e.imdbId,
      title: e.title,
      year: e.year,
    };
  }
}
