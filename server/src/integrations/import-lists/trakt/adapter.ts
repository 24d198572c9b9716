// Trakt as an import list: watchlist, collection, a user's list, or the popular/trending charts. User lists need
// the OAuth tokens of the device sign-in; they are refreshed `refreshMarginHours` before they expire (and once
// after a 401), and the new tokens are handed to the fetch context to be stored in the definition.
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type {
  ImportListCapability,
  ImportListFetchContext,
  ImportListPort,
  ListItem,
} from '../../../providers/ports/import-list.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { TraktApi } from './api.js';
import { mapEntries } from './mapper.js';
import { type TraktSettings, USER_LIST_TYPES } from './settings.js';
import type { TraktToken } from './wire.js';

export const TRAKT_CAPABILITIES: readonly ImportListCapability[] = ['movies', 'series', 'oauth'];

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
}

/** Settings patch for freshly issued tokens; the expiry counts from now (Trakt's created_at may be skewed). */
export function tokenSettings(token: TraktToken, nowMs: number): Tokens {
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    expiresAt: new Date(nowMs + token.expires_in * 1000).toISOString(),
  };
}

export class TraktAdapter implements ImportListPort {
  readonly capabilities = TRAKT_CAPABILITIES;
  private readonly api: TraktApi;
  private tokens: Tokens;

  constructor(
    private readonly settings: TraktSettings,
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    this.api = new TraktApi({
      baseUrl: settings.baseUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      clock,
      ...(log ? { log } : {}),
    });
    this.tokens = {
      accessToken: settings.accessToken,
      refreshToken: settings.refreshToken,
      expiresAt: settings.expiresAt,
    };
  }

  private get needsUser(): boolean {
    return USER_LIST_TYPES.includes(this.settings.listType);
  }

  async fetch(ctx?: ImportListFetchContext): Promise<ListItem[]> {
    if (this.needsUser) {
      if (!this.tokens.accessToken) throw new AuthError('not signed in to Trakt: run the Trakt sign-in for this list');
      if (this.expiresSoon()) await this.refresh(ctx);
      try {
        return await this.read();
      } catch (err) {
        // A token revoked or expired early: one refresh, one more try.
        if (!(err instanceof AuthError) || !this.tokens.refreshToken) throw err;
        await this.refresh(ctx);
        return this.read();
      }
    }
    return this.read();
  }

  private expiresSoon(): boolean {
    if (!this.tokens.refreshToken || !this.tokens.expiresAt) return false;
    const expires = Date.parse(this.tokens.expiresAt);
    if (Number.isNaN(expires)) return true;
    return expires - this.settings.refreshMarginHours * 3_600_000 <= this.clock.now();
  }

  private async refresh(ctx?: ImportListFetchContext): Promise<void> {
    if (!this.tokens.refreshToken) throw new AuthError('the Trakt token expired and there is no refresh token');
    this.tokens = tokenSettings(await this.api.refresh(this.tokens.refreshToken), this.clock.now());
    await ctx?.saveSettings({ ...this.tokens });
  }

  /** The configured list, filtered to the media types asked for. */
  private async read(): Promise<ListItem[]> {
    const s = this.settings;
    const user = encodeURIComponent(s.username || 'me');
    const token = this.needsUser ? this.tokens.accessToken : undefined;
    const items: ListItem[] = [];
    const get = async (path: string, bare?: ListItem['mediaType'], query: Record<string, number> = {}) =>
      items.push(...mapEntries(await this.api.list(path, query, token), bare));
    switch (s.listType) {
      case 'watchlist':
      case 'collection':
        if (s.includeMovies) await get(`/users/${user}/${s.listType}/movies`);
        if (s.includeShows) await get(`/users/${user}/${s.listType}/shows`);
        break;
      case 'userList':
        await get(`/users/${user}/lists/${encodeURIComponent(s.listSlug)}/items`);
        break;
      case 'popularMovies':
        await get('/movies/popular', 'movie', { limit: s.limit });
        break;
      case 'trendingMovies':
        await get('/movies/trending', 'movie', { limit: s.limit });
        break;
      case 'popularShows':
        await get('/shows/popular', 'series', { limit: s.limit });
        break;
      case 'trendingShows':
        await get('/shows/trending', 'series', { limit: s.limit });
        break;
    }
    return items.filter((i) => (i.mediaType === 'movie' ? s.includeMovies : s.includeShows));
  }

  async test(): Promise<Finding[]> {
    if (this.needsUser && !this.tokens.accessToken)
      return [
        {
          field: 'settings.accessToken',
          message: 'not signed in to Trakt yet: run the Trakt sign-in (device code) for this list',
          severity: 'warning',
        },
      ];
    try {
      await this.read();
      return [];
    } catch (err) {
      if (err instanceof AuthError) {
        const field = this.needsUser ? 'settings.accessToken' : 'settings.clientId';
        return [{ field, message: err.message, severity: 'error' }];
      }
      if (err instanceof UnreachableError || err instanceof TimeoutError)
        return [{ field: 'settings.baseUrl', message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.clock.now();
    await this.api.list('/movies/popular', { limit: 1 });
    return { latencyMs: this.clock.now() - started };
  }
}
