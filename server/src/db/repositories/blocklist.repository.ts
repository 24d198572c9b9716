// blocklist rows <-> BlocklistEntry. The decision engine asks once per evaluation which of a batch of releases are
// blocklisted (by guid, torrent info hash or source title), in one query per chunk.
import type { Kysely, Selectable } from 'kysely';
import type { Protocol } from '../../domain/decisions/decision.types.js';
import type { BlocklistEntry, NewBlocklistEntry } from '../../domain/decisions/storage.types.js';
import type { Page, PageRequest } from '../../domain/library/paging.types.js';
import { pageOffset } from '../../domain/library/paging.types.js';
import type { BlocklistTable, DB } from '../schema.js';
import { chunk, parseJson } from './library-query.util.js';

function toDomain(row: Selectable<BlocklistTable>): BlocklistEntry {
  return {
    id: row.id,
    movieId: row.movie_id,
    seriesId: row.series_id,
    episodeIds: parseJson(row.episode_ids),
    sourceTitle: row.source_title,
    quality: row.quality,
    languages: parseJson(row.languages),
    customFormats: parseJson(row.custom_formats),
    indexerId: row.indexer_id,
    indexer: row.indexer,
    protocol: row.protocol as Protocol,
    guid: row.guid,
    torrentInfoHash: row.torrent_info_hash,
    size: row.size === null ? null : Number(row.size),
    publishedDate: row.published_date,
    date: row.date,
    message: row.message,
  };
}

function toRow(e: NewBlocklistEntry) {
  return {
    movie_id: e.movieId,
    series_id: e.seriesId,
    episode_ids: JSON.stringify(e.episodeIds),
    source_title: e.sourceTitle,
    quality: e.quality,
    languages: JSON.stringify(e.languages),
    custom_formats: JSON.stringify(e.customFormats),
    indexer_id: e.indexerId,
    indexer: e.indexer,
    protocol: e.protocol,
    guid: e.guid,
    torrent_info_hash: e.torrentInfoHash?.toLowerCase() ?? null,
    size: e.size,
    published_date: e.publishedDate,
    date: e.date,
    message: e.message,
  };
}

export interface BlocklistProbe {
  guids: readonly string[];
  infoHashes: readonly string[];
  titles: readonly string[];
}

export class BlocklistRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(entry: NewBlocklistEntry): Promise<BlocklistEntry> {
    return toDomain(
      await this.db.insertInto('blocklist').values(toRow(entry)).returningAll().executeTakeFirstOrThrow(),
    );
  }

  async get(id: number): Promise<BlocklistEntry | undefined> {
    const row = await this.db.selectFrom('blocklist').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  /** Newest first; one count and one page query. */
  async page(req: Pick<PageRequest, 'page' | 'pageSize'>): Promise<Page<BlocklistEntry, 'date'>> {
    const count = await this.db
      .selectFrom('blocklist')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await this.db
      .selectFrom('blocklist')
      .selectAll()
      .orderBy('date', 'desc')
      .orderBy('id', 'desc')
      .limit(req.pageSize)
      .offset(pageOffset({ ...req, sortKey: 'date', sortDirection: 'descending' }))
      .execute();
    return {
      page: req.page,
      pageSize: req.pageSize,
      sortKey: 'date',
      sortDirection: 'descending',
      totalRecords: Number(count.n),
      records: rows.map(toDomain),
    };
  }

  /** Entries matching any of the guids, info hashes (lower-cased) or exact source titles. */
  async findMatches(probe: BlocklistProbe): Promise<BlocklistEntry[]> {
    const out = new Map<number, BlocklistEntry>();
    const run = async (column: 'guid' | 'torrent_info_hash' | 'source_title', values: readonly string[]) => {
      for (const part of chunk([...new Set(values)], 500)) {
        const rows = await this.db.selectFrom('blocklist').selectAll().where(column, 'in', part).execute();
        for (const r of rows) out.set(r.id, toDomain(r));
      }
    };
    await run('guid', probe.guids);
    await run(
      'torrent_info_hash',
      probe.infoHashes.map((h) => h.toLowerCase()),
    );
    await run('source_title', probe.titles);
    return [...out.values()].sort((a, b) => a.id - b.id);
  }

  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('blocklist').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async deleteMany(ids: readonly number[]): Promise<number> {
    let n = 0;
    for (const part of chunk([...new Set(ids)], 500)) {
      const r = await this.db.deleteFrom('blocklist').where('id', 'in', part).executeTakeFirst();
      n += Number(r.numDeletedRows);
    }
    return n;
  }
}
