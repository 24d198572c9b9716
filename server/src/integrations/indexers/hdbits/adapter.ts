// HDBits as an indexer: RSS is the newest torrents in the configured categories, searches go by IMDb id (movies),
// TVDB id + season/episode (series) or text; freeleech and internal flags come with every release.
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type {
  FetchRssOptions,
  IndexerCapabilities,
  IndexerOptions,
  IndexerPort,
  ReleaseInfo,
  SearchQuery,
} from '../../../providers/ports/indexer.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { withFlags } from '../common/caps.js';
import { NEWZNAB_CATEGORIES } from '../common/categories.js';
import { indexerOptions } from '../common/settings.fields.js';
import { HdbitsApi } from './api.js';
import { buildHdbitsQuery, HDBITS_MAX_LIMIT, mapHdbitsTorrent } from './mapper.js';
import type { HdbitsSettings } from './settings.js';
import type { HdbitsQuery } from './wire.js';

export const HDBITS_CAPS: IndexerCapabilities = withFlags({
  searchModes: {
    search: { available: true, supportedParams: ['q'] },
    'tv-search': { available: true, supportedParams: ['q', 'tvdbid', 'season', 'ep'] },
    'movie-search': { available: true, supportedParams: ['q', 'imdbid'] },
  },
  categories: [
    { id: NEWZNAB_CATEGORIES.MOVIES, name: 'Movies', subcategories: [] },
    { id: NEWZNAB_CATEGORIES.TV, name: 'TV', subcategories: [] },
  ],
  limits: { default: HDBITS_MAX_LIMIT, max: HDBITS_MAX_LIMIT },
});

export class HdbitsAdapter implements IndexerPort {
  readonly protocol = 'torrent' as const;
  readonly options: IndexerOptions;
  private readonly api: HdbitsApi;
  private readonly clock: Clock;

  constructor(
    private readonly settings: HdbitsSettings,
    private readonly ctx: Pick<IntegrationContext, 'clock' | 'definitionId' | 'definitionName'> & { log?: HttpLogger },
  ) {
    this.options = indexerOptions(settings);
    this.clock = ctx.clock;
    this.api = new HdbitsApi({
      baseUrl: settings.baseUrl,
      passkey: settings.passkey,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      requestsPerMinute: settings.requestsPerMinute,
      clock: ctx.clock,
      ...(ctx.log ? { log: ctx.log } : {}),
    });
  }

  async capabilities(): Promise<IndexerCapabilities> {
    return HDBITS_CAPS;
  }

  fetchRss(opts: FetchRssOptions = {}): Promise<ReleaseInfo[]> {
    return this.run(buildHdbitsQuery(this.settings, undefined, opts.limit));
  }

  search(query: SearchQuery): Promise<ReleaseInfo[]> {
    return this.run(buildHdbitsQuery(this.settings, query, query.limit));
  }

  async test(): Promise<Finding[]> {
    try {
      await this.api.torrents(buildHdbitsQuery(this.settings, undefined, 1));
      return [];
    } catch (err) {
      if (err instanceof AuthError) return [{ field: 'settings.passkey', message: err.message, severity: 'error' }];
      if (err instanceof UnreachableError || err instanceof TimeoutError)
        return [{ field: 'settings.baseUrl', message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.clock.now();
    await this.api.torrents(buildHdbitsQuery(this.settings, undefined, 1));
    return { latencyMs: this.clock.now() - started };
  }

  private async run(body: HdbitsQuery): Promise<ReleaseInfo[]> {
    const torrents = await this.api.torrents(body);
    const ctx = {
      indexer: this.ctx.definitionName,
      indexerId: this.ctx.definitionId,
      baseUrl: this.settings.baseUrl,
      passkey: this.settings.passkey,
      fetchedAt: new Date(this.clock.now()),
    };
    const out: ReleaseInfo[] = [];
    for (const t of torrents) {
      const mapped = mapHdbitsTorrent(t, ctx);
      if (mapped) out.push(mapped);
    }
    return out;
  }
}
