// pending_releases rows <-> PendingRelease: releases held back by a delay profile (or another temporary
// rejection) until they may be grabbed. One row per (guid, indexer); saving the same release again refreshes it.
import type { Kysely, Selectable } from 'kysely';
import type { NewPendingRelease, PendingRelease } from '../../domain/decisions/storage.types.js';
import type { DB, PendingReleasesTable } from '../schema.js';
import { chunk, parseJson } from './library-query.util.js';

function toDomain(row: Selectable<PendingReleasesTable>): PendingRelease {
  return {
    id: row.id,
    movieId: row.movie_id,
    seriesId: row.series_id,
    episodeIds: parseJson(row.episode_ids),
    guid: row.guid,
    indexerId: row.indexer_id,
    title: row.title,
    quality: row.quality,
    revision: { version: row.revision_version, real: row.revision_real },
    customFormatScore: row.custom_format_score,
    release: parseJson(row.release),
    reason: row.reason,
    added: row.added,
  };
}

function toRow(p: NewPendingRelease) {
  return {
    movie_id: p.movieId,
    series_id: p.seriesId,
    episode_ids: JSON.stringify(p.episodeIds),
    guid: p.guid,
    indexer_id: p.indexerId,
    title: p.title,
    quality: p.quality,
    revision_version: p.revision.version,
    revision_real: p.revision.real,
    custom_format_score: p.customFormatScore,
    release: JSON.stringify(p.release ?? null),
    reason: p.reason,
    added: p.added,
  };
}

export class PendingReleaseRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Inserts, or replaces the row of the same guid and indexer (keeping its id). */
  async save(p: NewPendingRelease): Promise<PendingRelease> {
    let query = this.db.selectFrom('pending_releases').select('id').where('guid', '=', p.guid);
    query = p.indexerId === null ? query.where('indexer_id', 'is', null) : query.where('indexer_id', '=', p.indexerId);
    const existing = await query.executeTakeFirst();
    if (existing) {
      const row = await this.db
        .updateTable('pending_releases')
        .set(toRow(p))
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDomain(row);
    }
    return toDomain(
      await this.db.insertInto('pending_releases').values(toRow(p)).returningAll().executeTakeFirstOrThrow(),
    );
  }

  async list(): Promise<PendingRelease[]> {
    return (await this.db.selectFrom('pending_releases').selectAll().orderBy('id').execute()).map(toDomain);
  }

  /** Pending releases of any of these movies or series, one query per chunk of ids. */
  async forItems(items: { movieIds: readonly number[]; seriesIds: readonly number[] }): Promise<PendingRelease[]> {
    const out: PendingRelease[] = [];
    for (const part of chunk([...new Set(items.movieIds)], 500)) {
      const rows = await this.db.selectFrom('pending_releases').selectAll().where('movie_id', 'in', part).execute();
      out.push(...rows.map(toDomain));
    }
    for (const part of chunk([...new Set(items.seriesIds)], 500)) {
      const rows = await this.db.selectFrom('pending_releases').selectAll().where('series_id', 'in', part).execute();
      out.push(...rows.map(toDomain));
    }
    return out.sort((a, b) => a.id - b.id);
  }

  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('pending_releases').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Drops pending releases older than `before` (ISO instant); returns how many. */
  async deleteAddedBefore(before: string): Promise<number> {
    const r = await this.db.deleteFrom('pending_releases').where('added', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
