// Prowlarr as one indexer: searches go through `/api/v1/search` (every Prowlarr indexer of the protocol, or the
// picked ones) and each release says which Prowlarr indexer found it. syncIndexers mirrors Prowlarr's indexers
// as Torznab/Newznab definitions instead (see sync.ts).
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger, QueryValue } from '../../../lib/http/http-client.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type {
  FetchRssOptions,
  IndexerCapabilities,
  IndexerOptions,
  IndexerPort,
  Protocol,
  ReleaseInfo,
  SearchQuery,
} from '../../../providers/ports/indexer.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { withFlags } from '../common/caps.js';
import { categoriesForSearch, NEWZNAB_CATEGORIES } from '../common/categories.js';
import { indexerOptions } from '../common/settings.fields.js';
import { ProwlarrApi } from './api.js';
import { mapProwlarrRelease } from './mapper.js';
import type { ProwlarrSettings } from './settings.js';
import {
  applyProwlarrSyncPlan,
  type IndexerDefinitionStore,
  type ProwlarrSyncPlan,
  type ProwlarrSyncResult,
  planProwlarrSync,
} from './sync.js';
import type { ProwlarrRelease } from './wire.js';

const ALL_PARAMS = ['q', 'imdbid', 'tmdbid', 'tvdbid', 'season', 'ep'];

/** Prowlarr translates ids and episodes for each of its indexers, so idkarr may always send them. */
export const PROWLARR_CAPS: IndexerCapabilities = withFlags({
  searchModes: {
    search: { available: true, supportedParams: ['q'] },
    'tv-search': { available: true, supportedParams: ALL_PARAMS },
    'movie-search': { available: true, supportedParams: ['q', 'imdbid', 'tmdbid'] },
  },
  categories: [
    { id: NEWZNAB_CATEGORIES.MOVIES, name: 'Movies', subcategories: [] },
    { id: NEWZNAB_CATEGORIES.TV, name: 'TV', subcategories: [] },
  ],
  limits: { default: 100, max: 1000 },
});

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Prowlarr's search syntax: ids and episode numbers as `{Name:value}` tokens in the query. */
export function prowlarrQuery(q: SearchQuery): { type: string; query: string } {
  const tokens: string[] = [];
  if (q.type === 'movie') {
    if (q.imdbId) tokens.push(`{ImdbId:${q.imdbId.startsWith('tt') ? q.imdbId : `tt${q.imdbId}`}}`);
    if (q.tmdbId) tokens.push(`{TmdbId:${q.tmdbId}}`);
    const query = tokens.length > 0 ? tokens.join('') : (q.term ?? '');
    return { type: 'movie', query };
  }
  if (q.type === 'tv') {
    if (q.tvdbId) tokens.push(`{TvdbId:${q.tvdbId}}`);
    if (q.imdbId) tokens.push(`{ImdbId:${q.imdbId.startsWith('tt') ? q.imdbId : `tt${q.imdbId}`}}`);
    if (q.tmdbId) tokens.push(`{TmdbId:${q.tmdbId}}`);
    const byId = tokens.length > 0;
    let suffix = '';
    const daily = q.airDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(q.airDate) : null;
    if (daily) {
      if (byId) tokens.push(`{Season:${daily[1]}}{Episode:${daily[2]}/${daily[3]}}`);
      else suffix = ` ${daily[1]} ${daily[2]} ${daily[3]}`;
    } else if (q.season !== undefined) {
      if (byId) tokens.push(`{Season:${q.season}}${q.episode !== undefined ? `{Episode:${q.episode}}` : ''}`);
      else suffix = q.episode !== undefined ? ` S${pad2(q.season)}E${pad2(q.episode)}` : ` S${pad2(q.season)}`;
    } else if (q.absoluteEpisode !== undefined && !byId) {
      suffix = ` ${pad2(q.absoluteEpisode)}`;
    }
    return { type: 'tvsearch', query: byId ? tokens.join('') : `${q.term ?? ''}${suffix}`.trim() };
  }
  return { type: 'search', query: q.term ?? '' };
}

export class ProwlarrAdapter implements IndexerPort {
  readonly protocol: Protocol;
  readonly options: IndexerOptions;
  private readonly api: ProwlarrApi;
  private readonly clock: Clock;

  constructor(
    private readonly settings: ProwlarrSettings,
    private readonly ctx: Pick<IntegrationContext, 'clock' | 'definitionId' | 'definitionName'> & { log?: HttpLogger },
  ) {
    this.protocol = settings.protocol;
    this.options = indexerOptions(settings);
    this.clock = ctx.clock;
    this.api = new ProwlarrApi({
      baseUrl: settings.baseUrl,
      apiKey: settings.apiKey,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      requestsPerMinute: settings.requestsPerMinute,
      clock: ctx.clock,
      ...(ctx.log ? { log: ctx.log } : {}),
    });
  }

  async capabilities(): Promise<IndexerCapabilities> {
    return PROWLARR_CAPS;
  }

  async fetchRss(opts: FetchRssOptions = {}): Promise<ReleaseInfo[]> {
    const categories = opts.categories ?? [...this.settings.categories, ...this.settings.animeCategories];
    return this.run({ type: 'search', query: '' }, categories, 0, opts.limit ?? 100);
  }

  async search(query: SearchQuery): Promise<ReleaseInfo[]> {
    const anime = query.type === 'tv' && query.absoluteEpisode !== undefined && query.season === undefined;
    const categories =
      query.categories ??
      (anime && this.settings.animeCategories.length > 0
        ? this.settings.animeCategories
        : categoriesForSearch(query.type, this.settings.categories));
    return this.run(prowlarrQuery(query), categories, query.offset ?? 0, query.limit ?? 100);
  }

  /** Fetches Prowlarr's indexer list and returns what a sync would change, without changing anything. */
  async planSync(existing: Parameters<typeof planProwlarrSync>[1]): Promise<ProwlarrSyncPlan> {
    const indexers = await this.api.indexers();
    return planProwlarrSync(indexers, existing, {
      prowlarrUrl: this.settings.baseUrl,
      apiKey: this.settings.apiKey,
      syncLevel: this.settings.syncLevel,
      tags: this.settings.syncTags,
      categories: this.settings.categories,
      animeCategories: this.settings.animeCategories,
    });
  }

  /** Mirrors Prowlarr's indexers into `store` according to the sync level and tags. */
  async syncIndexers(store: IndexerDefinitionStore): Promise<ProwlarrSyncResult> {
    if (this.settings.syncLevel === 'disabled') return { created: [], updated: [], removed: [], failed: [] };
    const plan = await this.planSync(await store.list('indexer'));
    return applyProwlarrSyncPlan(store, plan);
  }

  async test(): Promise<Finding[]> {
    try {
      const indexers = await this.api.indexers();
      const usable = indexers.filter((i) => i.enable && i.protocol === this.protocol);
      if (usable.length === 0) {
        return [{ field: '', message: `Prowlarr has no enabled ${this.protocol} indexers`, severity: 'warning' }];
      }
      return [];
    } catch (err) {
      if (err instanceof AuthError) return [{ field: 'settings.apiKey', message: err.message, severity: 'error' }];
      if (err instanceof UnreachableError || err instanceof TimeoutError)
        return [{ field: 'settings.baseUrl', message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.clock.now();
    await this.api.indexers();
    return { latencyMs: this.clock.now() - started };
  }

  private async run(
    q: { type: string; query: string },
    categories: readonly number[],
    offset: number,
    limit: number,
  ): Promise<ReleaseInfo[]> {
    // -2 / -1 are Prowlarr's "all torrent" / "all usenet" indexer ids.
    const indexerIds =
      this.settings.indexerIds.length > 0 ? this.settings.indexerIds : [this.protocol === 'torrent' ? -2 : -1];
    const params: Record<string, QueryValue> = {
      query: q.query,
      type: q.type,
      indexerIds,
      categories: [...new Set(categories)],
      offset,
      limit,
    };
    const raw = await this.api.search(params);
    const ctx = {
      indexer: this.ctx.definitionName,
      indexerId: this.ctx.definitionId,
      protocol: this.protocol,
      fetchedAt: new Date(this.clock.now()),
    };
    const out: ReleaseInfo[] = [];
    const seen = new Set<string>();
    for (const r of raw) {
      let mapped: ReleaseInfo | undefined;
      try {
        mapped = mapProwlarrRelease(r as ProwlarrRelease, ctx);
      } catch {
        mapped = undefined; // one malformed entry never drops the answer
      }
      if (!mapped || seen.has(mapped.guid)) continue;
      seen.add(mapped.guid);
      out.push(mapped);
    }
    return out;
  }
}
