// The Apprise API (github.com/caronc/apprise-api): POST {server}/notify/ with `urls` (stateless) or
// POST {server}/notify/{KEY} (stored configuration), JSON body {title, body, type, format, tag}. 200 = sent;
// 424 = the server tried and some or all targets failed; 204 = nothing was sent (no configuration under the key).
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { NotFoundError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';
import { maskSecrets } from '../../../lib/http/redact-request.js';
import type { AppriseBody } from './render.js';

export interface AppriseApiOptions {
  serverUrl: string;
  configKey: string;
  secrets: string[];
  username: string;
  password: string;
  timeoutMs: number;
  clock: Clock;
  log?: HttpLogger;
  dispatcher?: Dispatcher;
}

export class AppriseApi {
  private readonly http: HttpClient;

  constructor(private readonly opts: AppriseApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.serverUrl,
      timeoutMs: opts.timeoutMs,
      clock: opts.clock,
      secrets: opts.secrets,
      maxBodyBytes: 256 * 1024,
      ...(opts.username ? { basicAuth: { username: opts.username, password: opts.password } } : {}),
      ...(opts.log ? { logger: opts.log } : {}),
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
  }

  async notify(body: AppriseBody, signal?: AbortSignal): Promise<void> {
    const path = this.opts.configKey ? `/notify/${encodeURIComponent(this.opts.configKey)}` : '/notify/';
    const res = await this.http.request({
      method: 'POST',
      path,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      acceptStatus: [400, 424],
      ...(signal ? { signal } : {}),
    });
    const text = maskSecrets(res.body.toString('utf8'), this.opts.secrets).trim();
    if (res.status === 204 && this.opts.configKey)
      throw new NotFoundError(`Apprise ${path}: nothing was sent (no configuration stored under this key?)`);
    if (res.status === 424)
      throw new ProtocolError(
        `Apprise ${path}: one or more notifications could not be sent${text ? ` (${text.slice(0, 200)})` : ''}`,
        text,
      );
    if (res.status === 400)
      throw new ProtocolError(`Apprise ${path}: bad request${text ? ` (${text.slice(0, 200)})` : ''}`, text);
  }
}
