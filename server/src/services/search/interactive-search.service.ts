// Interactive search (GET /release): every release from the interactive-search indexers with its decision, cached
// (30 minutes) so POST /release can grab one by guid + indexer id; and pushed releases (POST /release/push,
// autobrr-style) decided like any other and grabbed when accepted.
import type { ReleaseCacheRepository } from '../../db/repositories/release-cache.repository.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { Protocol, ReleaseInfo } from '../../providers/ports/indexer.port.js';
import type { DecisionEngine, ReleaseDecision } from '../decisions/decision-engine.service.js';
import type { IndexerOutcome } from './indexer-fanout.js';
import type { GrabbedRelease, ReleaseProcessor } from './release-processor.js';
import type { SearchObserver, SearchService } from './search.service.js';
import type { SearchRequest } from './search-queries.js';

export const RELEASE_CACHE_MINUTES = 30;

export type InteractiveTarget =
  | { movieId: number }
  | { episodeId: number }
  | { seriesId: number; seasonNumber: number };

export interface GroupReputation {
  score: number;
  tier: string;
  confidence: string;
}

export interface InteractiveResult {
  decisions: ReleaseDecision[];
  indexers: IndexerOutcome[];
  /** Reputation of the releases' groups, by lower-cased group name. */
  groups: Map<string, GroupReputation>;
}

export interface PushedRelease {
  title: string;
  downloadUrl?: string | undefined;
  magnetUrl?: string | undefined;
  protocol: Protocol;
  publishDate: string;
  indexer: string;
  indexerId?: number | undefined;
  guid?: string | undefined;
  size?: number | undefined;
  seeders?: number | undefined;
  leechers?: number | undefined;
  infoHash?: string | undefined;
  infoUrl?: string | undefined;
  imdbId?: string | undefined;
  tmdbId?: number | undefined;
  tvdbId?: number | undefined;
  categories?: number[] | undefined;
  freeleech?: boolean | undefined;
  downloadVolumeFactor?: number | undefined;
  uploadVolumeFactor?: number | undefined;
}

export interface PushResult {
  decision: ReleaseDecision;
  grabbed: GrabbedRelease | null;
}

export interface InteractiveSearchDeps {
  search: Pick<SearchService, 'searchOne' | 'movieRequests' | 'episodeRequests' | 'seasonRequests'>;
  engine: Pick<DecisionEngine, 'evaluate'>;
  processor: ReleaseProcessor;
  cache: ReleaseCacheRepository;
  /** Indexer definitions by name, to attribute pushed releases (autobrr sends the name). */
  indexerIdByName: (name: string) => Promise<number | null>;
  observer?: SearchObserver;
  reputations?: (groups: readonly string[]) => Promise<Map<string, GroupReputation>>;
  clock: Clock;
  log: Logger;
}

export class InteractiveSearchService {
  constructor(private readonly deps: InteractiveSearchDeps) {}

  private now(): number {
    return this.deps.clock.now();
  }

  async search(target: InteractiveTarget): Promise<InteractiveResult> {
    const requests = await this.requestsFor(target);
    const decisions: ReleaseDecision[] = [];
    const indexers = new Map<number, IndexerOutcome>();
    for (const req of requests) {
      const { decisions: found, fetched } = await this.deps.search.searchOne(req, 'interactive');
      decisions.push(...found);
      for (const ix of fetched.indexers) indexers.set(ix.id, ix);
      const expires = new Date(this.now() + RELEASE_CACHE_MINUTES * 60_000).toISOString();
      await this.deps.cache.put(
        found.map((d) => d.release),
        req.context,
        expires,
      );
    }
    await this.deps.cache.deleteExpired(new Date(this.now()).toISOString()).catch(() => 0);
    // Accepted first by rank, then the rejected by title, as the UI lists them.
    decisions.sort((a, b) => {
      if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
      if (a.rank !== null) return -1;
      if (b.rank !== null) return 1;
      return a.release.title.localeCompare(b.release.title);
    });
    const names = [...new Set(decisions.map((d) => d.parsed?.info.releaseGroup).filter((g): g is string => !!g))];
    const groups = this.deps.reputations ? await this.deps.reputations(names) : new Map<string, GroupReputation>();
    return { decisions, indexers: [...indexers.values()], groups };
  }

  /** Grabs a release from a recent interactive search, even when it was rejected (the user chose it). */
  async grab(guid: string, indexerId: number | null): Promise<{ decision: ReleaseDecision; grabbed: GrabbedRelease }> {
    const cached = await this.deps.cache.get(indexerId, guid, new Date(this.now()).toISOString());
    if (!cached)
      throw new NotFoundError(
        `release ${guid} of indexer ${indexerId ?? 'none'} is not in the search cache (expired or never found); search again`,
      );
    const [decision] = await this.deps.engine.evaluate([cached.release], {
      searchContext: { ...cached.search, userInvoked: true },
    });
    if (!decision?.quality || (!decision.movie && decision.episodes.length === 0)) {
      const why = decision?.rejections.map((r) => r.reason).join('; ') || 'unknown item';
      throw new ValidationError(`"${cached.release.title}" cannot be matched to a library item: ${why}`, [
        { field: 'guid', message: why, severity: 'error' },
      ]);
    }
    const grabbed = await this.deps.processor.grabDecision(decision);
    return { decision, grabbed };
  }

  async push(p: PushedRelease): Promise<PushResult> {
    const release = await this.toRelease(p);
    const [decision] = await this.deps.engine.evaluate([release]);
    if (!decision) throw new Error('the decision engine returned nothing');
    await this.deps.observer?.observe([decision]);
    if (!decision.accepted) return { decision, grabbed: null };
    const processed = await this.deps.processor.process([decision], { storeDelayed: false });
    const grabbed = processed.grabbed[0] ?? null;
    if (!grabbed && processed.failures[0]) {
      decision.rejections.push({ reason: `Grab failed: ${processed.failures[0].reason}`, type: 'temporary' });
    }
    return { decision, grabbed };
  }

  private async requestsFor(target: InteractiveTarget): Promise<SearchRequest[]> {
    const s = this.deps.search;
    if ('movieId' in target) return s.movieRequests([target.movieId], true);
    if ('episodeId' in target) return s.episodeRequests([target.episodeId], true);
    return s.seasonRequests(target.seriesId, target.seasonNumber, true);
  }

  private async toRelease(p: PushedRelease): Promise<ReleaseInfo> {
    const url = p.downloadUrl ?? p.magnetUrl;
    if (!url)
      throw new ValidationError('a download link is required', [
        { field: 'downloadUrl', message: 'downloadUrl or magnetUrl is required', severity: 'error' },
      ]);
    const published = Date.parse(p.publishDate);
    const indexerId = p.indexerId ?? (await this.deps.indexerIdByName(p.indexer));
    const release: ReleaseInfo = {
      guid: p.guid ?? url,
      title: p.title,
      downloadUrl: url,
      indexer: p.indexer,
      indexerId,
      protocol: p.protocol,
      size: p.size ?? 0,
      publishDate: Number.isFinite(published) ? new Date(published).toISOString() : new Date(this.now()).toISOString(),
      categories: p.categories ?? [],
      freeleech: p.freeleech === true || p.downloadVolumeFactor === 0,
    };
    if (p.magnetUrl) release.magnetUrl = p.magnetUrl;
    if (p.infoUrl) release.infoUrl = p.infoUrl;
    if (p.seeders !== undefined) release.seeders = p.seeders;
    if (p.leechers !== undefined) {
      release.leechers = p.leechers;
      release.peers = p.leechers + (p.seeders ?? 0);
    }
    if (p.infoHash) release.infoHash = p.infoHash;
    if (p.imdbId) release.imdbId = p.imdbId.startsWith('tt') ? p.imdbId : `tt${p.imdbId}`;
    if (p.tmdbId) release.tmdbId = p.tmdbId;
    if (p.tvdbId) release.tvdbId = p.tvdbId;
    if (p.downloadVolumeFactor !== undefined) release.downloadVolumeFactor = p.downloadVolumeFactor;
    if (p.uploadVolumeFactor !== undefined) release.uploadVolumeFactor = p.uploadVolumeFactor;
    return release;
  }
}
