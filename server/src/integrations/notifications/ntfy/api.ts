// The ntfy API: POST {server}/ with a JSON body (topic inside); GET {server}/v1/health for health. Errors are JSON
// {code, http, error, link}; 401/403 map to AuthError and 429 to RateLimitedError in the HTTP client.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';
import { maskSecrets } from '../../../lib/http/redact-request.js';
import type { NtfyPublish } from './render.js';

export interface NtfyApiOptions {
  serverUrl: string;
  accessToken: string;
  username: string;
  password: string;
  timeoutMs: number;
  clock: Clock;
  log?: HttpLogger;
  dispatcher?: Dispatcher;
}

export class NtfyApi {
  private readonly http: HttpClient;
  private readonly secrets: string[];

  constructor(opts: NtfyApiOptions) {
    this.secrets = [opts.accessToken, opts.password].filter(Boolean);
    this.http = new HttpClient({
      baseUrl: opts.serverUrl,
      timeoutMs: opts.timeoutMs,
      clock: opts.clock,
      secrets: this.secrets,
      maxBodyBytes: 256 * 1024,
      ...(opts.accessToken ? { headers: { authorization: `Bearer ${opts.accessToken}` } } : {}),
      ...(opts.username ? { basicAuth: { username: opts.username, password: opts.password } } : {}),
      ...(opts.log ? { logger: opts.log } : {}),
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
  }

  async publish(body: NtfyPublish, signal?: AbortSignal): Promise<void> {
    const res = await this.http.request({
      method: 'POST',
      path: '/',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      acceptStatus: [400, 413],
      ...(signal ? { signal } : {}),
    });
    if (res.status < 300) return;
    const text = maskSecrets(res.body.toString('utf8'), this.secrets);
    let error = `HTTP ${res.status}`;
    try {
      error = (JSON.parse(text) as { error?: string }).error ?? error;
    } catch {
      // keep the status
    }
    throw new ProtocolError(`ntfy publish: ${error}`, text);
  }

  async health(signal?: AbortSignal): Promise<void> {
    const res = await this.http.getJson<{ healthy?: boolean }>('/v1/health', signal ? { signal } : {});
    if (res.body?.healthy !== true) throw new ProtocolError('ntfy /v1/health: the server reports it is not healthy');
  }
}
