// The webhook wire client (spec "Webhook Sender"): one JSON request with the configured method and auth, a 30 s
// timeout on the injected clock, and at most a small excerpt of the answer read: a target that streams megabytes
// back is cut off, never buffered. Link-local/metadata targets are refused before connecting and at connect time;
// redirects are not followed (a redirect could point anywhere).
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { ProtocolError, TimeoutError } from '../../../lib/errors.js';
import { errorForStatus, mapFetchError } from '../../../lib/http/error-mapping.js';
import { IDKARR_VERSION } from '../../../lib/http/http-client.js';
import { readExcerpt } from '../../../lib/http/read-body.js';
import { maskSecrets, redactHttpUrl } from '../../../lib/http/redact-request.js';
import { parseRetryAfter } from '../../../lib/http/retry-after.js';
import { type CheckTargetOptions, ensureSafeTarget, UnsafeTargetError } from '../common/url-safety.js';

export interface WebhookRequest {
  url: string;
  method: 'POST' | 'PUT';
  headers: Record<string, string>;
  body: unknown;
}

export interface WebhookResponseInfo {
  status: number;
  durationMs: number;
  /** The first bytes of the answer, for the outbox history. */
  excerpt: string;
}

export interface WebhookSenderOptions {
  clock: Clock;
  dispatcher: Dispatcher;
  timeoutMs?: number;
  /** Bytes of the answer read at most (the rest is discarded by closing the connection). Default 4 KiB. */
  maxResponseBytes?: number;
  /** Values masked in error messages. */
  secrets?: readonly string[];
  safety?: CheckTargetOptions;
}

const UNSAFE_CODE = 'EIDKARR_UNSAFE_TARGET';

function unsafeCause(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message, cause, errors } = e as {
      code?: unknown;
      message?: string;
      cause?: unknown;
      errors?: unknown[];
    };
    if (code === UNSAFE_CODE) return message;
    e = Array.isArray(errors) && errors.length > 0 ? errors[0] : cause;
  }
  return undefined;
}

export class WebhookSender {
  constructor(private readonly opts: WebhookSenderOptions) {}

  async send(req: WebhookRequest, signal?: AbortSignal): Promise<WebhookResponseInfo> {
    const secrets = this.opts.secrets ?? [];
    await ensureSafeTarget(req.url, this.opts.safety);
    const what = `${req.method} ${redactHttpUrl(new URL(req.url), secrets)}`;
    const timeoutMs = this.opts.timeoutMs ?? 30_000;
    const timeout = new AbortController();
    const stopTimer = new AbortController();
    this.opts.clock.sleep(timeoutMs, stopTimer.signal).then(
      () => timeout.abort(new TimeoutError(`${what}: no response within ${Math.round(timeoutMs / 1000)} s`)),
      () => {},
    );
    const all = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    const started = this.opts.clock.now();
    try {
      const headers = {
        'content-type': 'application/json',
        'user-agent': `idkarr/${IDKARR_VERSION}`,
        ...req.headers,
      };
      const init = {
        method: req.method,
        headers,
        body: JSON.stringify(req.body),
        signal: all,
        redirect: 'manual',
        dispatcher: this.opts.dispatcher,
      };
      const res = await fetch(req.url, init as unknown as RequestInit);
      const excerpt = maskSecrets(await readExcerpt(res, this.opts.maxResponseBytes ?? 4096), secrets);
      if (res.status >= 300 && res.status < 400) {
        throw new ProtocolError(
          `${what}: HTTP ${res.status} redirect${res.headers.get('location') ? ' (redirects are not followed; enter the final URL)' : ''}`,
        );
      }
      if (!res.ok) {
        const retryAfter = parseRetryAfter(res.headers.get('retry-after'), this.opts.clock.now());
        throw errorForStatus(res.status, what, excerpt, retryAfter);
      }
      return { status: res.status, durationMs: this.opts.clock.now() - started, excerpt: excerpt.slice(0, 512) };
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.signal.aborted) throw timeout.signal.reason as Error;
      const unsafe = unsafeCause(err);
      if (unsafe) throw new UnsafeTargetError({ field: 'settings.url', message: unsafe, severity: 'error' });
      throw mapFetchError(err, what);
    } finally {
      stopTimer.abort();
    }
  }
}
