// scene_group_stats / scene_group_releases / scene_group_profile_settings rows <-> scene-group domain shapes.
// A sighting counts once per (indexer, guid): the release rows remember what was counted, so the same RSS item on
// every sync does not inflate a group. Stats are merged in code and written back per group in one transaction;
// the score, tier and confidence are stored with them so the list can sort by score in SQL.
import type { Kysely, Selectable } from 'kysely';
import type { Page, PageRequest } from '../../domain/library/paging.types.js';
import { pageOffset } from '../../domain/library/paging.types.js';
import {
  type ConfidenceLevel,
  groupKey,
  type QualityTier,
  type Reputation,
  reputationOf,
  type SceneGroupStats,
} from '../../domain/scene-groups/reputation.js';
import type { DB, SceneGroupStatsTable } from '../schema.js';
import { chunk, inTransaction, parseJson } from './library-query.util.js';

export interface SceneGroupRecord extends SceneGroupStats {
  id: number;
  key: string;
  name: string;
  grabbedDownloads: number;
  /** Indexer ids the group was seen on. */
  indexers: number[];
  firstSeen: string;
  updated: string;
  /** As stored at the last write (recency decays: services recompute on read). */
  score: number;
  tier: QualityTier;
  confidence: ConfidenceLevel;
}

/** One release of a group, as seen in an indexer answer. */
export interface GroupSighting {
  group: string;
  indexerId: number | null;
  guid: string;
  internal: boolean;
  /** Torrent releases only. */
  seeders?: number;
  peers?: number;
  /** Catalog quality id. */
  quality?: string;
  categories: number[];
  /** Within the quality definition's size limits for the item's runtime; null when it could not be checked. */
  sizeWithinLimits: boolean | null;
}

export type DownloadOutcome = 'grabbed' | 'completed' | 'failed';

export interface SceneGroupProfileSetting {
  qualityProfileId: number;
  /** Reject trusted (not low-confidence) groups scoring below this; 0 = off. */
  minimumScore: number;
  /** Break ranking ties in favour of better-reputed groups. */
  preferReputable: boolean;
}

export type SceneGroupSortKey = 'score' | 'name' | 'totalReleases' | 'lastSeen';
const SORT_COLUMNS: Record<SceneGroupSortKey, keyof SceneGroupStatsTable> = {
  score: 'score',
  name: 'group_key',
  totalReleases: 'total_releases',
  lastSeen: 'last_seen',
};

function toDomain(row: Selectable<SceneGroupStatsTable>): SceneGroupRecord {
  return {
    id: row.id,
    key: row.group_key,
    name: row.name,
    totalReleases: row.total_releases,
    internalReleases: row.internal_releases,
    seederSamples: row.seeder_samples,
    seedersTotal: Number(row.seeders_total),
    peersTotal: Number(row.peers_total),
    grabbedDownloads: row.grabbed_downloads,
    completedDownloads: row.completed_downloads,
    failedDownloads: row.failed_downloads,
    qualities: parseJson(row.qualities),
    categories: parseJson(row.categories),
    indexers: parseJson(row.indexers),
    sizeSamples: row.size_samples,
    sizeWithinLimits: row.size_within_limits,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    updated: row.updated,
    score: Number(row.score),
    tier: row.tier as QualityTier,
    confidence: row.confidence as ConfidenceLevel,
  };
}

function toRow(r: Omit<SceneGroupRecord, 'id'>) {
  return {
    group_key: r.key,
    name: r.name,
    total_releases: r.totalReleases,
    internal_releases: r.internalReleases,
    seeder_samples: r.seederSamples,
    seeders_total: r.seedersTotal,
    peers_total: r.peersTotal,
    grabbed_downloads: r.grabbedDownloads,
    completed_downloads: r.completedDownloads,
    failed_downloads: r.failedDownloads,
    qualities: JSON.stringify(r.qualities),
    categories: JSON.stringify(r.categories),
    indexers: JSON.stringify(r.indexers),
    size_samples: r.sizeSamples,
    size_within_limits: r.sizeWithinLimits,
    first_seen: r.firstSeen,
    last_seen: r.lastSeen,
    score: r.score,
    tier: r.tier,
    confidence: r.confidence,
    updated: r.updated,
  };
}

function emptyRecord(key: string, name: string, now: string): Omit<SceneGroupRecord, 'id'> {
  return {
    key,
    name,
    totalReleases: 0,
    internalReleases: 0,
    seederSamples: 0,
    seedersTotal: 0,
    peersTotal: 0,
    grabbedDownloads: 0,
    completedDownloads: 0,
    failedDownloads: 0,
    qualities: {},
    categories: [],
    indexers: [],
    sizeSamples: 0,
    sizeWithinLimits: 0,
    firstSeen: now,
    lastSeen: now,
    updated: now,
    score: 0,
    tier: 'D',
    confidence: 'low',
  };
}

function withReputation<T extends Omit<SceneGroupRecord, 'id'>>(r: T, nowMs: number): T {
  const rep: Reputation = reputationOf(r, nowMs);
  return { ...r, score: rep.score, tier: rep.tier, confidence: rep.confidence };
}

const MAX_CATEGORIES = 50;

export class SceneGroupRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Counts the sightings not counted before; returns how many were new. */
  async recordSightings(sightings: readonly GroupSighting[], now: string): Promise<number> {
    const unique = new Map<string, GroupSighting>();
    for (const s of sightings) {
      const key = groupKey(s.group);
      if (!key) continue;
      unique.set(`${s.indexerId ?? 0}\u0000${s.guid}`, s);
    }
    if (unique.size === 0) return 0;
    const nowMs = Date.parse(now);
    return inTransaction(this.db, async (trx) => {
      const seen = new Set<string>();
      const all = [...unique.values()];
      // Per indexer, so the lookup walks the (indexer_id, guid) unique index.
      const byIndexer = new Map<number, string[]>();
      for (const s of all) {
        const id = s.indexerId ?? 0;
        const list = byIndexer.get(id);
        if (list) list.push(s.guid);
        else byIndexer.set(id, [s.guid]);
      }
      for (const [indexerId, guids] of byIndexer) {
        for (const part of chunk(guids, 400)) {
          const rows = await trx
            .selectFrom('scene_group_releases')
            .select(['indexer_id', 'guid'])
            .where('indexer_id', '=', indexerId)
            .where('guid', 'in', part)
            .execute();
          for (const r of rows) seen.add(`${r.indexer_id}\u0000${r.guid}`);
        }
      }
      const fresh = all.filter((s) => !seen.has(`${s.indexerId ?? 0}\u0000${s.guid}`));
      if (fresh.length === 0) return 0;
      for (const part of chunk(fresh, 200)) {
        await trx
          .insertInto('scene_group_releases')
          .values(
            part.map((s) => ({ group_key: groupKey(s.group), indexer_id: s.indexerId ?? 0, guid: s.guid, seen: now })),
          )
          .onConflict((oc) => oc.columns(['indexer_id', 'guid']).doNothing())
          .execute();
      }
      const byGroup = new Map<string, GroupSighting[]>();
      for (const s of fresh) {
        const key = groupKey(s.group);
        const list = byGroup.get(key);
        if (list) list.push(s);
        else byGroup.set(key, [s]);
      }
      const existing = await this.byKeys(trx, [...byGroup.keys()]);
      for (const [key, list] of byGroup) {
        const before = existing.get(key);
        const r = before ? { ...before } : emptyRecord(key, list[0]!.group.trim(), now);
        r.qualities = { ...r.qualities };
        const categories = new Set(r.categories);
        const indexers = new Set(r.indexers);
        for (const s of list) {
          r.totalReleases++;
          if (s.internal) r.internalReleases++;
          if (s.seeders !== undefined) {
            r.seederSamples++;
            r.seedersTotal += Math.max(0, s.seeders);
            r.peersTotal += Math.max(0, s.peers ?? s.seeders);
          }
          if (s.quality) r.qualities[s.quality] = (r.qualities[s.quality] ?? 0) + 1;
          for (const c of s.categories) if (categories.size < MAX_CATEGORIES) categories.add(c);
          if (s.indexerId !== null) indexers.add(s.indexerId);
          if (s.sizeWithinLimits !== null) {
            r.sizeSamples++;
            if (s.sizeWithinLimits) r.sizeWithinLimits++;
          }
        }
        r.categories = [...categories].sort((a, b) => a - b);
        r.indexers = [...indexers].sort((a, b) => a - b);
        r.lastSeen = now;
        r.updated = now;
        await this.write(trx, before?.id, withReputation(r, nowMs));
      }
      return fresh.length;
    });
  }

  /** A grab, a completed or a failed download of a release by `group`. */
  async recordDownload(group: string, outcome: DownloadOutcome, now: string): Promise<void> {
    const key = groupKey(group);
    if (!key) return;
    await inTransaction(this.db, async (trx) => {
      const before = (await this.byKeys(trx, [key])).get(key);
      const r = before ? { ...before } : emptyRecord(key, group.trim(), now);
      if (outcome === 'grabbed') r.grabbedDownloads++;
      else if (outcome === 'completed') r.completedDownloads++;
      else r.failedDownloads++;
      r.updated = now;
      await this.write(trx, before?.id, withReputation(r, Date.parse(now)));
    });
  }

  async get(name: string): Promise<SceneGroupRecord | undefined> {
    return (await this.byKeys(this.db, [groupKey(name)])).get(groupKey(name));
  }

  /** By group names (any case), keyed by `groupKey`. */
  async getMany(names: readonly string[]): Promise<Map<string, SceneGroupRecord>> {
    return this.byKeys(this.db, [...new Set(names.map(groupKey).filter(Boolean))]);
  }

  async page(req: PageRequest<SceneGroupSortKey>): Promise<Page<SceneGroupRecord, SceneGroupSortKey>> {
    const count = await this.db
      .selectFrom('scene_group_stats')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const dir = req.sortDirection === 'ascending' ? 'asc' : 'desc';
    const rows = await this.db
      .selectFrom('scene_group_stats')
      .selectAll()
      .orderBy(SORT_COLUMNS[req.sortKey], dir)
      .orderBy('id', dir)
      .limit(req.pageSize)
      .offset(pageOffset(req))
      .execute();
    return { ...req, totalRecords: Number(count.n), records: rows.map(toDomain) };
  }

  /** Forgets which releases were counted before `before` (the counts stay). */
  async pruneSightings(before: string): Promise<number> {
    const r = await this.db.deleteFrom('scene_group_releases').where('seen', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async settingsFor(profileIds: readonly number[]): Promise<Map<number, SceneGroupProfileSetting>> {
    const out = new Map<number, SceneGroupProfileSetting>();
    const ids = [...new Set(profileIds)];
    for (const part of chunk(ids, 500)) {
      const rows = await this.db
        .selectFrom('scene_group_profile_settings')
        .selectAll()
        .where('quality_profile_id', 'in', part)
        .execute();
      for (const r of rows)
        out.set(r.quality_profile_id, {
          qualityProfileId: r.quality_profile_id,
          minimumScore: Number(r.minimum_score),
          preferReputable: r.prefer_reputable === 1,
        });
    }
    return out;
  }

  async listSettings(): Promise<SceneGroupProfileSetting[]> {
    const rows = await this.db
      .selectFrom('scene_group_profile_settings')
      .selectAll()
      .orderBy('quality_profile_id')
      .execute();
    return rows.map((r) => ({
      qualityProfileId: r.quality_profile_id,
      minimumScore: Number(r.minimum_score),
      preferReputable: r.prefer_reputable === 1,
    }));
  }

  async saveSetting(s: SceneGroupProfileSetting): Promise<SceneGroupProfileSetting> {
    const values = {
      quality_profile_id: s.qualityProfileId,
      minimum_score: s.minimumScore,
      prefer_reputable: s.preferReputable ? 1 : 0,
    };
    await this.db
      .insertInto('scene_group_profile_settings')
      .values(values)
      .onConflict((oc) =>
        oc.column('quality_profile_id').doUpdateSet({
          minimum_score: values.minimum_score,
          prefer_reputable: values.prefer_reputable,
        }),
      )
      .execute();
    return s;
  }

  private async byKeys(db: Kysely<DB>, keys: readonly string[]): Promise<Map<string, SceneGroupRecord>> {
    const out = new Map<string, SceneGroupRecord>();
    for (const part of chunk(keys, 500)) {
      const rows = await db.selectFrom('scene_group_stats').selectAll().where('group_key', 'in', part).execute();
      for (const r of rows) out.set(r.group_key, toDomain(r));
    }
    return out;
  }

  private async write(db: Kysely<DB>, id: number | undefined, r: Omit<SceneGroupRecord, 'id'>): Promise<void> {
    const { id: _drop, ...record } = r as SceneGroupRecord;
    if (id === undefined) await db.insertInto('scene_group_stats').values(toRow(record)).execute();
    else await db.updateTable('scene_group_stats').set(toRow(record)).where('id', '=', id).execute();
  }
}
