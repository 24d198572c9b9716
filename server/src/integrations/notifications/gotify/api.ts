// The Gotify API: POST {server}/message with the app token in X-Gotify-Key; GET {server}/version (no auth) for
// health. Errors are JSON {error, errorCode, errorDescription}.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';
import { maskSecrets } from '../../../lib/http/redact-request.js';
import type { GotifyMessage } from './render.js';

export interface GotifyApiOptions {
  serverUrl: string;
  appToken: string;
  timeoutMs: number;
  clock: Clock;
  log?: HttpLogger;
  dispatcher?: Dispatcher;
}

export class GotifyApi {
  private readonly http: HttpClient;

  constructor(private readonly opts: GotifyApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.serverUrl,
      timeoutMs: opts.timeoutMs,
      clock: opts.clock,
      secrets: [opts.appToken],
      maxBodyBytes: 256 * 1024,
      ...(opts.log ? { logger: opts.log } : {}),
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
  }

  async message(body: GotifyMessage, signal?: AbortSignal): Promise<void> {
    const res = await this.http.request({
      method: 'POST',
      path: '/message',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-gotify-key': this.opts.appToken },
      body: JSON.stringify(body),
      acceptStatus: [400],
      ...(signal ? { signal } : {}),
    });
    if (res.status === 400) {
      const text = maskSecrets(res.body.toString('utf8'), [this.opts.appToken]);
      let description = 'HTTP 400';
      try {
        description = (JSON.parse(text) as { errorDescription?: string }).errorDescription ?? description;
      } catch {
        // keep the status
      }
      throw new ProtocolError(`Gotify /message: ${description}`, text);
    }
  }

  async version(signal?: AbortSignal): Promise<{ version: string }> {
    return (await this.http.getJson<{ version: string }>('/version', signal ? { signal } : {})).body;
  }
}
