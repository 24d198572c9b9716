// The HDBits wire client: JSON POSTs to /api/torrents carrying username + passkey; `status` ≠ 0 is a failure
// (4 auth data missing and 5 auth failed → AuthError, the rest → ProtocolError).
import type { Clock } from '../../../lib/clock.js';
import { AuthError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';
import { rateLimiterFor } from '../common/newznab-api.js';
import { stripBom } from '../common/xml.js';
import type { HdbitsQuery, HdbitsResponse, HdbitsTorrent } from './wire.js';

export interface HdbitsApiOptions {
  baseUrl: string;
  passkey: string;
  timeoutMs: number;
  requestsPerMinute: number;
  clock: Clock;
  log?: HttpLogger;
}

const STATUS_TEXT: Record<number, string> = {
  1: 'failure',
  2: 'SSL required',
  3: 'malformed JSON request',
  4: 'authentication data missing',
  5: 'authentication failed',
  6: 'missing required parameters',
  7: 'invalid parameter',
  8: 'IMDb import failed',
  9: 'IMDb import not allowed',
};

export class HdbitsApi {
  private readonly http: HttpClient;

  constructor(opts: HdbitsApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      clock: opts.clock,
      logger: opts.log,
      secrets: [opts.passkey],
      rateLimiter: rateLimiterFor(opts.requestsPerMinute, opts.clock),
    });
  }

  async torrents(query: HdbitsQuery): Promise<HdbitsTorrent[]> {
    // A search is a read: retrying it is safe even though it is a POST.
    const res = await this.http.request({
      method: 'POST',
      path: '/api/torrents',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(query),
      retry: true,
    });
    const text = stripBom(res.body.toString('utf8')).trim();
    let body: HdbitsResponse;
    try {
      body = JSON.parse(text) as HdbitsResponse;
    } catch {
      throw new ProtocolError('HDBits /api/torrents: response is not JSON', text);
    }
    if (!body || typeof body !== 'object' || typeof body.status !== 'number') {
      throw new ProtocolError('HDBits /api/torrents: unexpected answer', text);
    }
    if (body.status !== 0) throw hdbitsError(body.status, body.message);
    return Array.isArray(body.data) ? body.data : [];
  }
}

export function hdbitsError(status: number, message: string | undefined): Error {
  const msg = `HDBits: ${STATUS_TEXT[status] ?? `status ${status}`}${message ? ` (${message})` : ''}`;
  if (status === 4 || status === 5) return new AuthError(msg);
  return new ProtocolError(msg, message);
}
