// The Slack incoming-webhook call: POST {webhook URL} with JSON; the answer is plain text, "ok" on success or an
// error word (invalid_payload, no_service, channel_not_found, action_prohibited…) with a 4xx status.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { AuthError, NotFoundError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';
import { maskSecrets } from '../../../lib/http/redact-request.js';
import type { SlackBody } from './render.js';

export interface SlackApiOptions {
  webhookUrl: string;
  timeoutMs: number;
  clock: Clock;
  log?: HttpLogger;
  dispatcher?: Dispatcher;
}

/** The channel named in the settings does not exist (or the webhook may not post there). */
export class SlackChannelError extends NotFoundError {}

export class SlackApi {
  private readonly http: HttpClient;
  private readonly secrets: string[];

  constructor(private readonly opts: SlackApiOptions) {
    const path = opts.webhookUrl
      .replace(/[?#].*$/, '')
      .split('/')
      .filter(Boolean);
    // /services/T…/B…/<secret>: the last segment is the credential.
    this.secrets = [opts.webhookUrl, ...(path.length > 3 ? [path.at(-1) as string] : [])];
    this.http = new HttpClient({
      timeoutMs: opts.timeoutMs,
      clock: opts.clock,
      secrets: this.secrets,
      maxBodyBytes: 64 * 1024,
      ...(opts.log ? { logger: opts.log } : {}),
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
  }

  async post(body: SlackBody, signal?: AbortSignal): Promise<void> {
    const res = await this.http.request({
      method: 'POST',
      path: this.opts.webhookUrl,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      acceptStatus: [400, 403, 404, 410],
      ...(signal ? { signal } : {}),
    });
    if (res.status < 300) return;
    const word = maskSecrets(res.body.toString('utf8').trim().slice(0, 200), this.secrets);
    const what = `Slack webhook: HTTP ${res.status} ${word}`;
    if (word === 'no_service' || word === 'invalid_token' || word === 'no_team' || word === 'team_disabled')
      throw new AuthError(`${what} (the webhook was revoked or disabled)`);
    if (res.status === 403) throw new AuthError(`${what} (posting is not allowed)`);
    if (/channel/.test(word)) throw new SlackChannelError(what);
    if (res.status === 404 || res.status === 410) throw new NotFoundError(what);
    throw new ProtocolError(what, word);
  }
}
