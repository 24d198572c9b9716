// TVDB v4 as a metadata provider for series.
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, NotFoundError, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type {
  MetadataCapability,
  MetadataProviderPort,
  SeriesMetadata,
  SeriesSummary,
} from '../../../providers/ports/metadata.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { TvdbApi, TvdbPinError } from './api.js';
import { type MapOptions, mapSearchResult, mapSeries, mapSeriesBase } from './mapper.js';
import type { TvdbSettings } from './settings.js';
import type { TvdbEpisode } from './wire.js';

export const TVDB_CAPABILITIES: readonly MetadataCapability[] = ['searchSeries', 'getSeries', 'findSeriesByTvdbId'];

/** 500 episodes a page; 200 pages is far beyond any real series and stops a `next` link that never ends. */
const MAX_EPISODE_PAGES = 200;

export class TvdbAdapter implements MetadataProviderPort {
  readonly capabilities = TVDB_CAPABILITIES;
  private readonly api: TvdbApi;
  private readonly map: MapOptions;

  constructor(
    settings: TvdbSettings,
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    this.api = new TvdbApi({ settings, clock, ...(log ? { log } : {}) });
    this.map = { language: settings.language, certificationCountry: settings.certificationCountry };
  }

  async searchSeries(term: string): Promise<SeriesSummary[]> {
    const found = (await this.api.search(term)).data ?? [];
    return found.map((r) => mapSearchResult(r, this.map)).filter((s): s is SeriesSummary => s !== undefined);
  }

  async getSeries(tvdbId: number): Promise<SeriesMetadata> {
    const extended = (await this.api.seriesExtended(tvdbId)).data;
    if (!extended) throw new NotFoundError(`TVDB series ${tvdbId} not found`);
    return mapSeries(extended, await this.allEpisodes(tvdbId), this.map);
  }

  async findSeriesByTvdbId(tvdbId: number): Promise<SeriesSummary | null> {
    try {
      const series = (await this.api.series(tvdbId)).data;
      return series ? mapSeriesBase(series) : null;
    } catch (err) {
      if (err instanceof NotFoundError) return null;
      throw err;
    }
  }

  async test(): Promise<Finding[]> {
    try {
      await this.api.ping();
      return [];
    } catch (err) {
      if (err instanceof TvdbPinError) return [{ field: 'settings.pin', message: err.message, severity: 'error' }];
      if (err instanceof AuthError) return [{ field: 'settings.apiKey', message: err.message, severity: 'error' }];
      if (err instanceof UnreachableError || err instanceof TimeoutError)
        return [{ field: 'settings.baseUrl', message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.clock.now();
    await this.api.ping();
    return { latencyMs: this.clock.now() - started };
  }

  // Pages are numbered from 0; TVDB sets links.next while more follow.
  private async allEpisodes(tvdbId: number): Promise<TvdbEpisode[]> {
    const episodes: TvdbEpisode[] = [];
    for (let page = 0; page < MAX_EPISODE_PAGES; page++) {
      const answer = await this.api.episodes(tvdbId, page);
      episodes.push(...(answer.data?.episodes ?? []));
      if (!answer.links?.next) break;
    }
    return episodes;
  }
}
