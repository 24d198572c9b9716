// TMDB as a metadata provider for movies and series.
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, NotFoundError, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type {
  MetadataCapability,
  MetadataProviderPort,
  MovieMetadata,
  MovieSummary,
  SeriesMetadata,
  SeriesSummary,
} from '../../../providers/ports/metadata.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { TmdbApi } from './api.js';
import { type MapOptions, mapMovie, mapMovieSummary, mapSeries, mapSeriesSummary } from './mapper.js';
import type { TmdbSettings } from './settings.js';

export const TMDB_CAPABILITIES: readonly MetadataCapability[] = [
  'searchMovies',
  'getMovie',
  'findMovieByImdbId',
  'searchSeries',
  'getSeries',
  'findSeriesByTvdbId',
  'findSeriesByImdbId',
];

export class TmdbAdapter implements MetadataProviderPort {
  readonly capabilities = TMDB_CAPABILITIES;
  private readonly api: TmdbApi;
  private readonly map: MapOptions;

  constructor(
    settings: TmdbSettings,
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    this.api = new TmdbApi({ settings, clock, ...(log ? { log } : {}) });
    this.map = { imageBaseUrl: settings.imageBaseUrl, certificationCountry: settings.certificationCountry };
  }

  async searchMovies(term: string, year?: number): Promise<MovieSummary[]> {
    const page = await this.api.searchMovie(term, year);
    return (page.results ?? []).map((r) => mapMovieSummary(r, this.map));
  }

  async getMovie(tmdbId: number): Promise<MovieMetadata> {
    return mapMovie(await this.api.movie(tmdbId), this.map);
  }

  async findMovieByImdbId(imdbId: string): Promise<MovieSummary | null> {
    const hit = (await this.api.find(imdbId, 'imdb_id')).movie_results?.[0];
    return hit ? mapMovieSummary(hit, this.map) : null;
  }

  async searchSeries(term: string): Promise<SeriesSummary[]> {
    const page = await this.api.searchTv(term);
    return (page.results ?? []).map((r) => mapSeriesSummary(r, this.map));
  }

  async getSeries(tmdbId: number): Promise<SeriesMetadata> {
    const details = await this.api.tv(tmdbId);
    const numbers = (details.seasons ?? []).map((s) => s.season_number);
    // The rate limiter paces these; a season TMDB lists but cannot serve is skipped rather than failing the show.
    const seasons = await Promise.all(
      numbers.map((n) =>
        this.api.tvSeason(tmdbId, n).catch((err: unknown) => {
          if (err instanceof NotFoundError) return { season_number: n, episodes: [] };
          throw err;
        }),
      ),
    );
    return mapSeries(details, seasons, this.map);
  }

  findSeriesByTvdbId(tvdbId: number): Promise<SeriesSummary | null> {
    return this.findSeries(String(tvdbId), 'tvdb_id');
  }

  findSeriesByImdbId(imdbId: string): Promise<SeriesSummary | null> {
    return this.findSeries(imdbId, 'imdb_id');
  }

  async test(): Promise<Finding[]> {
    try {
      await this.api.ping();
      return [];
    } catch (err) {
      // Name the field the user has to fix; anything else goes to the framework's generic handling.
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

  private async findSeries(id: string, source: 'imdb_id' | 'tvdb_id'): Promise<SeriesSummary | null> {
    const hit = (await this.api.find(id, source)).tv_results?.[0];
    return hit ? mapSeriesSummary(hit, this.map) : null;
  }
}
