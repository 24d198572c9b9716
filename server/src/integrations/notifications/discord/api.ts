// The Discord execute-webhook call: POST {webhook URL} with JSON. Success is 204 (200 with ?wait=true); 429 carries
// `retry_after` (seconds, fractional) in its JSON body, 400 a JSON error with code and per-field errors. The token in
// the URL path is a secret: it is masked in every log line and error message.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { ProtocolError, RateLimitedError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';
import type { DiscordWebhookBody } from './render.js';

export interface DiscordApiOptions {
  webhookUrl: string;
  timeoutMs: number;
  clock: Clock;
  log?: HttpLogger;
  dispatcher?: Dispatcher;
}

interface DiscordError {
  message?: string;
  code?: number;
  retry_after?: number;
  global?: boolean;
  errors?: unknown;
}

/** The secret parts of a webhook URL: the token (last path segment) and the URL itself. */
export function webhookSecrets(webhookUrl: string): string[] {
  const segments = webhookUrl
    .replace(/[?#].*$/, '')
    .split('/')
    .filter(Boolean);
  const token = segments.at(-1);
  return token && token !== webhookUrl ? [webhookUrl, token] : [webhookUrl];
}

/** Flattens Discord's nested `errors` object into "embeds.0.description: Must be …" lines. */
function flattenErrors(node: unknown, path: string[] = []): string[] {
  if (!node || typeof node !== 'object') return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '_errors' && Array.isArray(value)) {
      for (const e of value) out.push(`${path.join('.')}: ${(e as { message?: string }).message ?? 'invalid'}`);
    } else out.push(...flattenErrors(value, [...path, key]));
  }
  return out;
}

export class DiscordApi {
  private readonly http: HttpClient;
  private readonly secrets: string[];

  constructor(private readonly opts: DiscordApiOptions) {
    this.secrets = webhookSecrets(opts.webhookUrl);
    this.http = new HttpClient({
      timeoutMs: opts.timeoutMs,
      clock: opts.clock,
      secrets: this.secrets,
      maxBodyBytes: 1024 * 1024,
      ...(opts.log ? { logger: opts.log } : {}),
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
  }

  async execute(body: DiscordWebhookBody, signal?: AbortSignal): Promise<void> {
    const res = await this.http.request({
      method: 'POST',
      path: this.opts.webhookUrl,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      acceptStatus: [400, 429],
      ...(signal ? { signal } : {}),
    });
    if (res.status !== 400 && res.status !== 429) return;
    const text = res.body.toString('utf8');
    let error: DiscordError = {};
    try {
      error = JSON.parse(text) as DiscordError;
    } catch {
      // not JSON: keep the status
    }
    if (res.status === 429) {
      const seconds =
        typeof error.retry_after === 'number'
          ? error.retry_after
          : Number(res.headers.get('retry-after') ?? Number.NaN);
      const retryAfterMs = Number.isFinite(seconds) ? Math.ceil(seconds * 1000) : undefined;
      throw new RateLimitedError(
        `Discord webhook: rate limited${error.global ? ' (global)' : ''}${retryAfterMs !== undefined ? `, retry after ${retryAfterMs} ms` : ''}`,
        retryAfterMs,
      );
    }
    const details = flattenErrors(error.errors);
    throw new ProtocolError(
      `Discord webhook rejected the message: ${error.message ?? 'HTTP 400'}${error.code ? ` (code ${error.code})` : ''}${details.length ? `; ${details.join('; ')}` : ''}`,
      text,
    );
  }
}
