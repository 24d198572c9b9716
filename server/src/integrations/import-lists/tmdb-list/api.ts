// TMDB v3 list endpoints: /list/{id}, /movie/popular, /tv/popular, /person/{id}/movie_credits and tv_credits,
// /collection/{id}. Authentication as in the metadata integration (api_key parameter or v4 Bearer token).
import type { Clock } from '../../../lib/clock.js';
import { AuthError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger, type QueryValue } from '../../../lib/http/http-client.js';
import { isBearerToken, type TmdbListSettings } from './settings.js';
import type { TmdbCollection, TmdbCredits, TmdbPaged } from './wire.js';

export class TmdbListApi {
  private readonly http: HttpClient;
  private readonly bearer: boolean;

  constructor(
    private readonly settings: TmdbListSettings,
    clock: Clock,
    log?: HttpLogger,
  ) {
    this.bearer = isBearerToken(settings.apiKey);
    this.http = new HttpClient({
      baseUrl: settings.baseUrl,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      secrets: [settings.apiKey],
      clock,
      headers: this.bearer ? { authorization: `Bearer ${settings.apiKey}` } : {},
      ...(log ? { logger: log } : {}),
    });
  }

  list(id: string, page: number): Promise<TmdbPaged> {
    return this.get(`/list/${encodeURIComponent(id)}`, { page });
  }

  popular(kind: 'movie' | 'tv', page: number): Promise<TmdbPaged> {
    return this.get(`/${kind}/popular`, { page });
  }

  credits(personId: number, kind: 'movie' | 'tv'): Promise<TmdbCredits> {
    return this.get(`/person/${personId}/${kind}_credits`, {});
  }

  collection(id: number): Promise<TmdbCollection> {
    return this.get(`/collection/${id}`, {});
  }

  private async get<T>(path: string, query: Record<string, QueryValue>): Promise<T> {
    const auth = this.bearer ? {} : { api_key: this.settings.apiKey };
    const res = await this.http.getJson<T>(path, {
      query: { ...query, language: this.settings.language, ...auth },
      acceptStatus: [401],
    });
    if (res.status === 401) throw new AuthError('TMDB rejected the API key');
    if (res.body === undefined || res.body === null || typeof res.body !== 'object')
      throw new ProtocolError(`TMDB ${path}: expected a JSON object`);
    return res.body;
  }
}
