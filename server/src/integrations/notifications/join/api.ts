// The Join API: GET {base}/_ah/api/messaging/v1/sendPush?apikey=…&… answers 200 with {"success": true} or
// {"success": false, "errorMessage": "…"} (an invalid key says "User Not Authenticated", no device matching says
// "No devices to send to"). The key travels in the query, so it is passed to the client as a secret.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { AuthError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';

export interface JoinApiOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  clock: Clock;
  log?: HttpLogger;
  dispatcher?: Dispatcher;
}

/** Join found none of the configured devices. */
export class JoinDeviceError extends ProtocolError {}

export class JoinApi {
  private readonly http: HttpClient;

  constructor(private readonly opts: JoinApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      clock: opts.clock,
      secrets: [opts.apiKey],
      maxBodyBytes: 256 * 1024,
      ...(opts.log ? { logger: opts.log } : {}),
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
  }

  async sendPush(params: Record<string, string>, signal?: AbortSignal): Promise<void> {
    // A GET would be retried by the client; a push must not be sent twice, so retry is off.
    const res = await this.http.getJson<{ success?: boolean; errorMessage?: string; userAuthError?: boolean }>(
      '/_ah/api/messaging/v1/sendPush',
      { query: { apikey: this.opts.apiKey, ...params }, retry: false, ...(signal ? { signal } : {}) },
    );
    const body = res.body;
    if (body?.success === true) return;
    const message = body?.errorMessage ?? 'the answer did not say success';
    const what = `Join sendPush: ${message}`;
    if (body?.userAuthError || /not authenticated|api ?key/i.test(message)) throw new AuthError(what);
    if (/no devices/i.test(message)) throw new JoinDeviceError(what);
    throw new ProtocolError(what, JSON.stringify(body ?? null));
  }
}
