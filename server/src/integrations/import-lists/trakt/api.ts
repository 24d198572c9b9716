// The Trakt API v2 wire client: the required `trakt-api-version`/`trakt-api-key` headers, Bearer tokens for user
// lists, the OAuth device-code and refresh-token calls, and Trakt's status codes mapped onto the error taxonomy.
import type { Clock } from '../../../lib/clock.js';
import { AuthError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger, type QueryValue } from '../../../lib/http/http-client.js';
import type { TraktDeviceCode, TraktEntry, TraktToken } from './wire.js';

export const OOB_REDIRECT = 'urn:ietf:wg:oauth:2.0:oob';

export interface TraktApiOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
  clock?: Clock;
  log?: HttpLogger;
}

/** The answer to one poll of `/oauth/device/token` (Trakt's documented status codes, or RFC 8628 error bodies). */
export type DeviceTokenAnswer =
  | { status: 'authorized'; token: TraktToken }
  | { status: 'pending' }
  | { status: 'slow_down' }
  | { status: 'invalid' }
  | { status: 'used' }
  | { status: 'expired' }
  | { status: 'denied' };

const DEVICE_ERRORS: Record<string, DeviceTokenAnswer['status']> = {
  authorization_pending: 'pending',
  slow_down: 'slow_down',
  expired_token: 'expired',
  access_denied: 'denied',
  invalid_grant: 'invalid',
};

const DEVICE_STATUSES: Record<number, DeviceTokenAnswer['status']> = {
  400: 'pending',
  404: 'invalid',
  409: 'used',
  410: 'expired',
  418: 'denied',
  429: 'slow_down',
};

export class TraktApi {
  private readonly http: HttpClient;

  constructor(private readonly options: TraktApiOptions) {
    this.http = new HttpClient({
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs ?? 30_000,
      secrets: [options.clientId, options.clientSecret].filter((s) => s !== ''),
      headers: { 'trakt-api-version': '2', 'trakt-api-key': options.clientId },
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.log ? { logger: options.log } : {}),
    });
  }

  /** GET a list endpoint; `accessToken` is sent as a Bearer token when given. */
  async list(path: string, query: Record<string, QueryValue>, accessToken?: string): Promise<TraktEntry[]> {
    const res = await this.http.getJson<unknown>(path, {
      query,
      headers: {
        'content-type': 'application/json',
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
    });
    if (!Array.isArray(res.body)) throw new ProtocolError(`Trakt ${path}: expected a JSON array`);
    return res.body as TraktEntry[];
  }

  async deviceCode(): Promise<TraktDeviceCode> {
    const res = await this.http.postJson<TraktDeviceCode>('/oauth/device/code', { client_id: this.options.clientId });
    const body = res.body;
    if (!body || typeof body.device_code !== 'string' || typeof body.user_code !== 'string')
      throw new ProtocolError('Trakt /oauth/device/code: no device code in the answer');
    return body;
  }

  async deviceToken(deviceCode: string): Promise<DeviceTokenAnswer> {
    const res = await this.http.request({
      method: 'POST',
      path: '/oauth/device/token',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        code: deviceCode,
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
      }),
      acceptStatus: [400, 401, 403, 404, 409, 410, 418, 429],
    });
    const text = res.body.toString('utf8');
    const body = parseObject(text);
    if (res.status === 200) return { status: 'authorized', token: requireToken(body, '/oauth/device/token') };
    const byError = typeof body.error === 'string' ? DEVICE_ERRORS[body.error] : undefined;
    const status = byError ?? DEVICE_STATUSES[res.status];
    if (status && status !== 'authorized') return { status } as DeviceTokenAnswer;
    if (res.status === 401 || res.status === 403) throw new AuthError('Trakt rejected the client id or secret');
    throw new ProtocolError(`Trakt /oauth/device/token: HTTP ${res.status}`, text);
  }

  async refresh(refreshToken: string): Promise<TraktToken> {
    const res = await this.http.request({
      method: 'POST',
      path: '/oauth/token',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        refresh_token: refreshToken,
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
        redirect_uri: OOB_REDIRECT,
        grant_type: 'refresh_token',
      }),
      acceptStatus: [400, 401],
    });
    const body = parseObject(res.body.toString('utf8'));
    if (res.status !== 200) {
      const why = typeof body.error_description === 'string' ? body.error_description : `HTTP ${res.status}`;
      throw new AuthError(`Trakt refused the refresh token; sign in to Trakt again (${why})`);
    }
    return requireToken(body, '/oauth/token');
  }
}

function parseObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function requireToken(body: Record<string, unknown>, path: string): TraktToken {
  if (typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string')
    throw new ProtocolError(`Trakt ${path}: no tokens in the answer`);
  return body as unknown as TraktToken;
}
