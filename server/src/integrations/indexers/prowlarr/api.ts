// The Prowlarr API v1 wire client: X-Api-Key header, JSON, the per-definition rate limiter.
import type { Clock } from '../../../lib/clock.js';
import { ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger, type QueryValue } from '../../../lib/http/http-client.js';
import { rateLimiterFor } from '../common/newznab-api.js';
import { stripBom } from '../common/xml.js';
import type { ProwlarrIndexer, ProwlarrRelease } from './wire.js';

export interface ProwlarrApiOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  requestsPerMinute: number;
  clock: Clock;
  log?: HttpLogger;
  maxBodyBytes?: number;
}

export class ProwlarrApi {
  private readonly http: HttpClient;

  constructor(opts: ProwlarrApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      clock: opts.clock,
      logger: opts.log,
      secrets: [opts.apiKey],
      headers: { 'x-api-key': opts.apiKey },
      rateLimiter: rateLimiterFor(opts.requestsPerMinute, opts.clock),
      ...(opts.maxBodyBytes ? { maxBodyBytes: opts.maxBodyBytes } : {}),
    });
  }

  search(query: Record<string, QueryValue>): Promise<ProwlarrRelease[]> {
    return this.getList<ProwlarrRelease>('/api/v1/search', query);
  }

  indexers(): Promise<ProwlarrIndexer[]> {
    return this.getList<ProwlarrIndexer>('/api/v1/indexer', {});
  }

  private async getList<T>(path: string, query: Record<string, QueryValue>): Promise<T[]> {
    const res = await this.http.getText(path, { query, headers: { accept: 'application/json' } });
    const text = stripBom(res.body).trim();
    let body: unknown;
    try {
      body = text === '' ? [] : JSON.parse(text);
    } catch {
      throw new ProtocolError(`Prowlarr ${path}: response is not JSON`, text);
    }
    if (!Array.isArray(body)) throw new ProtocolError(`Prowlarr ${path}: expected a list`, text);
    return body as T[];
  }
}
