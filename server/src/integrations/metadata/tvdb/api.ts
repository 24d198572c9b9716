// The TVDB v4 wire client. TVDB trades the API key (and PIN) for a bearer token valid about a month: we keep it
// with its expiry, log in again when it runs out, and on a 401 log in once more and retry that request once
// (TVDB revokes tokens early now and then). Answers are cached by path and query; the token is never in the key.
import type { Clock } from '../../../lib/clock.js';
import { AuthError, NotFoundError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger, type QueryValue } from '../../../lib/http/http-client.js';
import { RateLimiter } from '../../../lib/resilience/rate-limiter.js';
import { MetadataCache } from '../metadata-cache.js';
import type { TvdbSettings } from './settings.js';
import type { TvdbEnvelope, TvdbEpisodePage, TvdbSearchResult, TvdbSeriesBase, TvdbSeriesExtended } from './wire.js';

/** TVDB says a month; renewing a little early avoids racing the remote expiry. */
export const TOKEN_LIFETIME_MS = 28 * 24 * 60 * 60 * 1000;

type Query = Record<string, QueryValue>;

/** The key was accepted but TVDB wants the subscriber PIN that belongs to it (or the PIN is wrong). */
export class TvdbPinError extends AuthError {}

export interface TvdbApiOptions {
  settings: TvdbSettings;
  clock: Clock;
  log?: HttpLogger;
}

export class TvdbApi {
  private readonly http: HttpClient;
  private readonly cache: MetadataCache<unknown>;
  private token: { value: string; expiresAt: number } | undefined;
  private loggingIn: Promise<string> | undefined;

  constructor(private readonly options: TvdbApiOptions) {
    const { settings, clock, log } = options;
    this.http = new HttpClient({
      baseUrl: settings.baseUrl,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      logger: log,
      secrets: [settings.apiKey, settings.pin].filter(Boolean),
      clock,
      rateLimiter: new RateLimiter({
        capacity: settings.rateLimitRequests,
        intervalMs: Math.round(settings.rateLimitWindowSeconds * 1000),
        clock,
      }),
    });
    this.cache = new MetadataCache({ ttlMs: settings.cacheTtlMinutes * 60_000, clock });
  }

  search(query: string): Promise<TvdbEnvelope<TvdbSearchResult[]>> {
    return this.get('/search', { query, type: 'series' });
  }

  series(id: number): Promise<TvdbEnvelope<TvdbSeriesBase>> {
    return this.get(`/series/${id}`, {});
  }

  seriesExtended(id: number): Promise<TvdbEnvelope<TvdbSeriesExtended>> {
    return this.get(`/series/${id}/extended`, { meta: 'translations' });
  }

  episodes(id: number, page: number): Promise<TvdbEnvelope<TvdbEpisodePage>> {
    return this.get(`/series/${id}/episodes/default`, { page });
  }

  /** Logs in if needed (which proves the key) and makes one cheap authenticated call, uncached. */
  async ping(): Promise<void> {
    await this.send('/languages', {});
  }

  private get<T>(path: string, query: Query): Promise<TvdbEnvelope<T>> {
    const key = `${path}?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
    return this.cache.getOrLoad(key, () => this.send(path, query)) as Promise<TvdbEnvelope<T>>;
  }

  private async send<T>(path: string, query: Query, retried = false): Promise<TvdbEnvelope<T>> {
    const token = await this.ensureToken();
    const res = await this.http.request({
      path,
      query,
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      acceptStatus: [401, 404],
    });
    const body = parseEnvelope<T>(res.body.toString('utf8'), path, res.status);
    if (res.status === 401) {
      // Only drop the token this request used: a concurrent request may already have replaced it.
      if (this.token?.value === token) this.token = undefined;
      if (!retried) return this.send(path, query, true);
      throw new AuthError(`TVDB refused a fresh token for ${path}: ${body.message ?? 'unauthorized'}`);
    }
    if (res.status === 404) throw new NotFoundError(`TVDB ${path}: ${body.message ?? 'not found'}`);
    return body;
  }

  private ensureToken(): Promise<string> {
    const now = this.options.clock.now();
    if (this.token && this.token.expiresAt > now) return Promise.resolve(this.token.value);
    // Concurrent callers share one login.
    this.loggingIn ??= this.login().finally(() => {
      this.loggingIn = undefined;
    });
    return this.loggingIn;
  }

  private async login(): Promise<string> {
    const { apiKey, pin } = this.options.settings;
    const res = await this.http.request({
      method: 'POST',
      path: '/login',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(pin ? { apikey: apiKey, pin } : { apikey: apiKey }),
      acceptStatus: [400, 401],
    });
    const body = parseEnvelope<{ token?: string }>(res.body.toString('utf8'), '/login', res.status);
    if (res.status === 400 && /pin/i.test(body.message ?? '')) throw new TvdbPinError('subscriber PIN required');
    if (res.status === 401 && /pin/i.test(body.message ?? '')) throw new TvdbPinError('invalid subscriber PIN');
    if (res.status === 401) throw new AuthError('invalid API key');
    const token = body.data?.token;
    if (res.status >= 400 || !token) {
      throw new ProtocolError(`TVDB /login: ${body.message ?? 'no token in the answer'}`, JSON.stringify(body));
    }
    this.token = { value: token, expiresAt: this.options.clock.now() + TOKEN_LIFETIME_MS };
    return token;
  }
}

function parseEnvelope<T>(text: string, path: string, status: number): TvdbEnvelope<T> {
  try {
    return (JSON.parse(text) as TvdbEnvelope<T> | null) ?? {};
  } catch {
    // An error status speaks for itself even with an HTML body; a 200 we cannot read is a protocol problem.
    if (status >= 400) return {};
    throw new ProtocolError(`TVDB ${path}: response is not JSON`, text);
  }
}
