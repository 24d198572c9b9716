// The IndexerPort shared by every Newznab-speaking kind (Newznab, Torznab, Jackett): cached caps, the query
// built from them, paging until a short page, RSS as a search without a term, and test()/healthCheck().
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, ProtocolError, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
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
import { CapsCache, DEFAULT_LIMITS, withFlags } from './caps.js';
import { type FeedContext, type ParsedFeed, parseReleaseFeed } from './feed-parser.js';
import { NewznabApi } from './newznab-api.js';
import { buildSearchParams, type NewznabParams } from './query-builder.js';
import { type BehaviourSettings, indexerOptions } from './settings.fields.js';

export interface NewznabFamilySettings extends BehaviourSettings {
  baseUrl: string;
  apiKey: string;
  categories: number[];
  animeCategories: number[];
  additionalParameters?: string;
  requestsPerMinute: number;
  timeoutSeconds: number;
  capsCacheMinutes: number;
  maxPages: number;
}

export interface NewznabFamilyOptions {
  settings: NewznabFamilySettings;
  protocol: Protocol;
  /** Path of the API under `baseUrl` (`/api`, Jackett's `/api/v2.0/indexers/<id>/results/torznab/api`). */
  apiPath: string;
  ctx: Pick<IntegrationContext, 'clock' | 'definitionId' | 'definitionName'> & { log?: HttpLogger };
  /** Tests lower the body cap; production uses the HttpClient default (20 MiB). */
  maxBodyBytes?: number;
}

/** Caps to use when an indexer's `t=caps` is broken: plain text search only. */
const FALLBACK_CAPS: IndexerCapabilities = withFlags({
  searchModes: { search: { available: true, supportedParams: ['q'] } },
  categories: [],
  limits: DEFAULT_LIMITS,
});

export class NewznabFamilyAdapter implements IndexerPort {
  readonly protocol: Protocol;
  readonly options: IndexerOptions;
  protected readonly api: NewznabApi;
  protected readonly settings: NewznabFamilySettings;
  private readonly caps: CapsCache;
  private readonly clock: Clock;
  private readonly log: HttpLogger | undefined;
  private readonly name: string;
  private readonly definitionId: number | null;

  constructor(opts: NewznabFamilyOptions) {
    const { settings, ctx } = opts;
    this.protocol = opts.protocol;
    this.settings = settings;
    this.options = indexerOptions(settings);
    this.clock = ctx.clock;
    this.log = ctx.log;
    this.name = ctx.definitionName;
    this.definitionId = ctx.definitionId;
    this.api = new NewznabApi({
      label: ctx.definitionName,
      baseUrl: settings.baseUrl,
      apiPath: opts.apiPath,
      apiKey: settings.apiKey,
      additionalParameters: settings.additionalParameters,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      requestsPerMinute: settings.requestsPerMinute,
      clock: ctx.clock,
      ...(ctx.log ? { log: ctx.log } : {}),
      ...(opts.maxBodyBytes ? { maxBodyBytes: opts.maxBodyBytes } : {}),
    });
    this.caps = new CapsCache(settings.capsCacheMinutes * 60_000, ctx.clock, () => this.api.caps());
  }

  capabilities(): Promise<IndexerCapabilities> {
    return this.caps.get();
  }

  async fetchRss(opts: FetchRssOptions = {}): Promise<ReleaseInfo[]> {
    const caps = await this.usableCaps();
    const categories = opts.categories ?? [...this.settings.categories, ...this.settings.animeCategories];
    const limit = Math.min(opts.limit ?? caps.limits.default, caps.limits.max);
    const cat = categories.length > 0 ? [...new Set(categories)].join(',') : undefined;
    const page = await this.fetchPage({ t: 'search', cat, extended: 1, offset: 0, limit });
    return dedupe(page.releases);
  }

  async search(query: SearchQuery): Promise<ReleaseInfo[]> {
    const caps = await this.usableCaps();
    const params = buildSearchParams(query, caps, this.settings);
    const pageSize = Math.max(1, Math.min(query.limit ?? caps.limits.max, caps.limits.max));
    if (query.limit !== undefined || query.offset !== undefined) {
      const page = await this.fetchPage({ ...params, extended: 1, offset: query.offset ?? 0, limit: pageSize });
      return dedupe(page.releases);
    }
    const seen = new Set<string>();
    const out: ReleaseInfo[] = [];
    for (let n = 0; n < this.settings.maxPages; n++) {
      const offset = n * pageSize;
      const page = await this.fetchPage({ ...params, extended: 1, offset, limit: pageSize });
      let fresh = 0;
      for (const r of page.releases) {
        if (seen.has(r.guid)) continue;
        seen.add(r.guid);
        out.push(r);
        fresh++;
      }
      if (page.itemCount < pageSize) break; // a short page is the last one
      if (page.total !== undefined && offset + page.itemCount >= page.total) break;
      if (fresh === 0 && page.releases.length > 0) break; // the indexer ignores offset: stop, do not loop
    }
    return out;
  }

  async test(): Promise<Finding[]> {
    try {
      const caps = await this.caps.refresh();
      // Caps rarely need the key; a one-item search proves it works.
      await this.fetchPage({ t: 'search', extended: 1, offset: 0, limit: Math.min(1, caps.limits.max) });
      return this.capsWarnings(caps);
    } catch (err) {
      if (err instanceof AuthError) return [{ field: this.authField(), message: err.message, severity: 'error' }];
      if (err instanceof UnreachableError || err instanceof TimeoutError)
        return [{ field: 'settings.baseUrl', message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.clock.now();
    await this.caps.refresh();
    return { latencyMs: this.clock.now() - started };
  }

  dispose(): void {
    this.caps.clear();
  }

  protected authField(): string {
    return 'settings.apiKey';
  }

  private capsWarnings(caps: IndexerCapabilities): Finding[] {
    const tv = caps.searchModes['tv-search']?.available;
    const movie = caps.searchModes['movie-search']?.available;
    if (tv || movie) return [];
    return [
      {
        field: '',
        message: 'the indexer offers neither TV nor movie search; only text searches will be used',
        severity: 'warning',
      },
    ];
  }

  /** Caps, or plain-text fallback caps when the indexer's caps document is broken (searches may still work). */
  private async usableCaps(): Promise<IndexerCapabilities> {
    try {
      return await this.caps.get();
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      this.log?.debug({ indexer: this.name, error: err.message }, 'indexer caps unusable; using text search');
      return FALLBACK_CAPS;
    }
  }

  protected async fetchPage(params: NewznabParams): Promise<ParsedFeed> {
    const doc = await this.api.get(params);
    const ctx: FeedContext = {
      indexer: this.name,
      indexerId: this.definitionId,
      protocol: this.protocol,
      baseUrl: this.settings.baseUrl,
      fetchedAt: new Date(this.clock.now()),
    };
    const page = parseReleaseFeed(doc, ctx, `${this.name} t=${String(params.t)}`);
    if (page.skipped.length > 0) {
      this.log?.debug({ indexer: this.name, skipped: page.skipped.slice(0, 10) }, 'indexer items skipped');
    }
    return page;
  }
}

function dedupe(releases: ReleaseInfo[]): ReleaseInfo[] {
  const seen = new Set<string>();
  return releases.filter((r) => {
    if (seen.has(r.guid)) return false;
    seen.add(r.guid);
    return true;
  });
}
