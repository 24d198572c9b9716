// The TMDB v3 wire client: authentication (api_key parameter or v4 Bearer token), the shared rate limiter, the
// response cache, and TMDB's error envelope mapped onto the error taxonomy. Knows nothing of domain shapes.
import type { Clock } from '../../../lib/clock.js';
import { AuthError, NotFoundError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger, type QueryValue } from '../../../lib/http/http-client.js';
import { RateLimiter } from '../../../lib/resilience/rate-limiter.js';
import { MetadataCache } from '../metadata-cache.js';
import { type TmdbSettings, usesBearer } from './settings.js';
import type {
  TmdbErrorBody,
  TmdbFindResult,
  TmdbMovieDetails,
  TmdbMovieResult,
  TmdbPage,
  TmdbSeason,
  TmdbTvDetails,
  TmdbTvResult,
} from './wire.js';

export const MOVIE_APPENDS = 'alternative_titles,release_dates,external_ids,images';
export const TV_APPENDS = 'external_ids,content_ratings,alternative_titles';

type Query = Record<string, QueryValue>;

export interface TmdbApiOptions {
  settings: TmdbSettings;
  clock: Clock;
  log?: HttpLogger;
}

export class TmdbApi {
  private readonly http: HttpClient;
  private readonly cache: MetadataCache<unknown>;
  private readonly bearer: boolean;

  constructor(private readonly options: TmdbApiOptions) {
    const { settings, clock, log } = options;
    this.bearer = usesBearer(settings);
    this.http = new HttpClient({
      baseUrl: settings.baseUrl,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      logger: log,
      secrets: [settings.apiKey],
      clock,
      headers: this.bearer ? { authorization: `Bearer ${settings.apiKey}` } : {},
      rateLimiter: new RateLimiter({
        capacity: settings.rateLimitRequests,
        intervalMs: Math.round(settings.rateLimitWindowSeconds * 1000),
        clock,
      }),
    });
    this.cache = new MetadataCache({ ttlMs: settings.cacheTtlMinutes * 60_000, clock });
  }

  searchMovie(query: string, year?: number): Promise<TmdbPage<TmdbMovieResult>> {
    return this.get('/search/movie', { query, year, include_adult: this.options.settings.includeAdult });
  }

  movie(id: number): Promise<TmdbMovieDetails> {
    // Images are filtered by language unless asked: take the configured language plus language-less art.
    const imageLanguages = `${this.options.settings.language.slice(0, 2)},null`;
    return this.get(`/movie/${id}`, { append_to_response: MOVIE_APPENDS, include_image_language: imageLanguages });
  }

  find(externalId: string, source: 'imdb_id' | 'tvdb_id'): Promise<TmdbFindResult> {
    return this.get(`/find/${encodeURIComponent(externalId)}`, { external_source: source });
  }

  searchTv(query: string): Promise<TmdbPage<TmdbTvResult>> {
    return this.get('/search/tv', { query, include_adult: this.options.settings.includeAdult });
  }

  tv(id: number): Promise<TmdbTvDetails> {
    return this.get(`/tv/${id}`, { append_to_response: TV_APPENDS });
  }

  tvSeason(id: number, season: number): Promise<TmdbSeason> {
    return this.get(`/tv/${id}/season/${season}`, {});
  }

  /** A cheap authenticated call that bypasses the cache: health checks must reach the remote. */
  async ping(): Promise<void> {
    await this.fetch('/configuration', {});
  }

  private get<T>(path: string, query: Query): Promise<T> {
    const full: Query = { ...query, language: this.options.settings.language };
    // The key never enters the cache key: it is added in fetch(), after this point.
    return this.cache.getOrLoad(cacheKey(path, full), () => this.fetch(path, full)) as Promise<T>;
  }

  private async fetch<T>(path: string, query: Query): Promise<T> {
    const auth = this.bearer ? {} : { api_key: this.options.settings.apiKey };
    const res = await this.http.request({
      path,
      query: { ...query, ...auth },
      headers: { accept: 'application/json' },
      // TMDB explains 401/404/422 in its own envelope; read it rather than let the client guess.
      acceptStatus: [401, 404, 422],
    });
    const text = res.body.toString('utf8');
    if (res.status >= 400) throw tmdbError(res.status, parseErrorBody(text), path);
    return parseJson(text, path) as T;
  }
}

export function tmdbError(status: number, body: TmdbErrorBody, path: string): Error {
  const detail = body.status_message ?? body.errors?.join('; ') ?? `HTTP ${status}`;
  if (body.status_code === 7 || status === 401) return new AuthError('invalid API key');
  if (body.status_code === 34 || status === 404) return new NotFoundError(`TMDB ${path}: ${detail}`);
  return new ProtocolError(`TMDB ${path}: ${detail}`, JSON.stringify(body));
}

function parseJson(text: string, path: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ProtocolError(`TMDB ${path}: response is not JSON`, text);
  }
}

/** Error answers from proxies may be HTML; the status alone then decides. */
function parseErrorBody(text: string): TmdbErrorBody {
  try {
    return (JSON.parse(text) as TmdbErrorBody | null) ?? {};
  } catch {
    return {};
  }
}

function cacheKey(path: string, query: Query): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${String(v)}`);
  return `${path}?${parts.join('&')}`;
}
