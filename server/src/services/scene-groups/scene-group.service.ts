// Scene-group reputation from what idkarr itself sees: every evaluated release (RSS sync, automatic and interactive
// searches, pushed releases) counts once per indexer + guid towards its group's statistics, and grabs, completed and
// failed downloads count towards its completion rate. Data comes only from indexer API answers and idkarr's own
// downloads — never from scraping sites. The service also implements the decision engine's ReleaseGroupPolicy:
// a quality profile may reject trusted groups scoring below a minimum and prefer better groups when ranking.
import type {
  DownloadOutcome,
  GroupSighting,
  SceneGroupProfileSetting,
  SceneGroupRecord,
  SceneGroupRepository,
  SceneGroupSortKey,
} from '../../db/repositories/scene-group.repository.js';
import type { Page, PageRequest } from '../../domain/library/paging.types.js';
import type { QualityDefinitionRecord } from '../../domain/library/quality-profile.types.js';
import {
  groupKey,
  type Reputation,
  reputationOf,
  reputationRejects,
  sizeWithinDefinition,
} from '../../domain/scene-groups/reputation.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { ReleaseGroupJudge, ReleaseGroupPolicy } from '../decisions/decision.ports.js';
import { NO_GROUP_JUDGE } from '../decisions/decision.ports.js';
import type { ReleaseDecision } from '../decisions/decision-engine.service.js';

export interface SceneGroupView extends Omit<SceneGroupRecord, 'score' | 'tier' | 'confidence'>, Reputation {
  grabbedDownloads: number;
}

export interface SceneGroupServiceDeps {
  groups: SceneGroupRepository;
  qualityDefinitions: { list(): Promise<QualityDefinitionRecord[]> };
  qualityProfiles: { get(id: number): Promise<unknown | undefined> };
  clock: Clock;
  log: Logger;
}

/** Sightings older than this are forgotten (their counts stay); a release seen again after that counts again. */
export const SIGHTING_MEMORY_DAYS = 90;

export class SceneGroupService implements ReleaseGroupPolicy {
  /** Writes run one at a time: merging counts in code must not interleave. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SceneGroupServiceDeps) {}

  private nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => {});
    return next;
  }

  /** Counts the groups of evaluated releases. Never throws: reputation must not break a search. */
  async observe(decisions: readonly ReleaseDecision[]): Promise<number> {
    try {
      const sightings = await this.sightings(decisions);
      if (sightings.length === 0) return 0;
      return await this.serial(() => this.deps.groups.recordSightings(sightings, this.nowIso()));
    } catch (err) {
      this.deps.log.warn({ err }, 'recording scene-group statistics failed');
      return 0;
    }
  }

  async recordDownload(group: string | null | undefined, outcome: DownloadOutcome): Promise<void> {
    if (!group) return;
    try {
      await this.serial(() => this.deps.groups.recordDownload(group, outcome, this.nowIso()));
    } catch (err) {
      this.deps.log.warn({ err, group, outcome }, 'recording a scene-group download failed');
    }
  }

  async list(req: PageRequest<SceneGroupSortKey>): Promise<Page<SceneGroupView, SceneGroupSortKey>> {
    const page = await this.deps.groups.page(req);
    return { ...page, records: page.records.map((r) => this.view(r)) };
  }

  async get(name: string): Promise<SceneGroupView> {
    const r = await this.deps.groups.get(name);
    if (!r) throw new NotFoundError(`release group "${name}" has not been seen`);
    return this.view(r);
  }

  /** Current reputations of these groups (by `groupKey`); unknown groups are absent. */
  async reputations(names: readonly string[]): Promise<Map<string, Reputation>> {
    const out = new Map<string, Reputation>();
    if (names.length === 0) return out;
    const now = this.deps.clock.now();
    for (const [key, r] of await this.deps.groups.getMany(names)) out.set(key, reputationOf(r, now));
    return out;
  }

  listSettings(): Promise<SceneGroupProfileSetting[]> {
    return this.deps.groups.listSettings();
  }

  async getSetting(qualityProfileId: number): Promise<SceneGroupProfileSetting> {
    await this.requireProfile(qualityProfileId);
    return (
      (await this.deps.groups.settingsFor([qualityProfileId])).get(qualityProfileId) ?? {
        qualityProfileId,
        minimumScore: 0,
        preferReputable: false,
      }
    );
  }

  async saveSetting(s: SceneGroupProfileSetting): Promise<SceneGroupProfileSetting> {
    await this.requireProfile(s.qualityProfileId);
    return this.deps.groups.saveSetting(s);
  }

  async pruneSightings(): Promise<number> {
    const before = new Date(this.deps.clock.now() - SIGHTING_MEMORY_DAYS * 86_400_000).toISOString();
    return this.deps.groups.pruneSightings(before);
  }

  /** ReleaseGroupPolicy for the decision engine. */
  async prepare(batch: { groups: readonly string[]; profileIds: readonly number[] }): Promise<ReleaseGroupJudge> {
    if (batch.groups.length === 0 || batch.profileIds.length === 0) return NO_GROUP_JUDGE;
    const settings = await this.deps.groups.settingsFor(batch.profileIds);
    const active = [...settings.values()].filter((s) => s.minimumScore > 0 || s.preferReputable);
    if (active.length === 0) return NO_GROUP_JUDGE;
    const records = await this.deps.groups.getMany(batch.groups);
    const now = this.deps.clock.now();
    const reputations = new Map<string, Reputation>();
    for (const [key, r] of records) reputations.set(key, reputationOf(r, now));
    return {
      rejection(group, profileId) {
        const s = settings.get(profileId);
        if (!group || !s || s.minimumScore <= 0) return null;
        const rep = reputations.get(groupKey(group));
        if (!rep || !reputationRejects(rep, s.minimumScore)) return null;
        return {
          reason: `Release group ${group} has reputation ${rep.score} (tier ${rep.tier}), below the profile's minimum ${s.minimumScore}`,
          type: 'permanent',
        };
      },
      preference(group, profileId) {
        const s = settings.get(profileId);
        if (!group || !s?.preferReputable) return 0;
        const rep = reputations.get(groupKey(group));
        return rep && rep.confidence !== 'low' ? rep.score : 0;
      },
    };
  }

  private view(r: SceneGroupRecord): SceneGroupView {
    const { score: _s, tier: _t, confidence: _c, ...rest } = r;
    return { ...rest, ...reputationOf(r, this.deps.clock.now()) };
  }

  private async requireProfile(id: number): Promise<void> {
    if (!(await this.deps.qualityProfiles.get(id))) throw new NotFoundError(`quality profile ${id} does not exist`);
  }

  private async sightings(decisions: readonly ReleaseDecision[]): Promise<GroupSighting[]> {
    let sizes: Map<string, QualityDefinitionRecord> | undefined;
    const out: GroupSighting[] = [];
    for (const d of decisions) {
      const group = d.parsed?.info.releaseGroup;
      if (!group || !d.release.guid) continue;
      const r = d.release;
      const quality = d.quality?.quality.id;
      let within: boolean | null = null;
      const runtime = d.movie
        ? d.movie.runtime
        : d.series
          ? d.episodes.reduce((n, e) => n + (e.runtime || d.series!.runtime), 0)
          : 0;
      if (quality && runtime > 0 && r.size > 0) {
        sizes ??= new Map((await this.deps.qualityDefinitions.list()).map((q) => [q.qualityId, q]));
        const def = sizes.get(quality);
        if (def) within = sizeWithinDefinition(r.size, runtime, def);
      }
      const torrent = r.protocol === 'torrent' && r.seeders !== undefined;
      out.push({
        group,
        indexerId: r.indexerId,
        guid: r.guid,
        internal: r.internal === true,
        ...(torrent ? { seeders: r.seeders!, peers: r.peers ?? r.seeders! } : {}),
        ...(quality && quality !== 'unknown' ? { quality } : {}),
        categories: r.categories,
        sizeWithinLimits: within,
      });
    }
    return out;
  }
}
