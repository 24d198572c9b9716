// The one way idkarr talks HTTP to the outside: every integration gets timeouts, a body cap, mapped errors,
// redacted logs and (when configured) rate limiting, retry and a circuit breaker without writing them again.
import { createRequire } from 'node:module';
import type { Dispatcher } from 'undici';
import { type Clock, systemClock } from '../clock.js';
import { isRetryable, ProtocolError, TimeoutError } from '../errors.js';
import { type CircuitBreaker, CircuitOpenError } from '../resilience/circuit-breaker.js';
import { type RateLimiter, RateLimiterRegistry } from '../resilience/rate-limiter.js';
import { type RetryOptions, retry } from '../resilience/retry.js';
import { errorForStatus, mapFetchError } from './error-mapping.js';
import { readBodyCapped, readExcerpt } from './read-body.js';
import { maskSecrets, redactHeaders, redactHttpUrl } from './redact-request.js';
import { parseRetryAfter } from './retry-after.js';

export { redactHttpUrl, redactUrl } from './redact-request.js';

export const IDKARR_VERSION: string = (() => {
  try {
    // server/package.json is three levels up from both src/lib/http and dist/lib/http.
    return (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();

/** Any pino logger fits; only debug is used so production logs stay quiet unless asked. */
export interface HttpLogger {
  debug(obj: object, msg?: string): void;
}

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

export interface HttpClientOptions {
  /** Relative paths resolve under it, keeping its path (`http://h/sonarr` + `/api` → `http://h/sonarr/api`). */
  baseUrl?: string;
  headers?: Record<string, string>;
  basicAuth?: { username: string; password: string };
  /** Default `idkarr/<version>`. */
  userAgent?: string;
  /** Per attempt, from sending until the body is read. Default 30 s. */
  timeoutMs?: number;
  /** Default 20 MiB. */
  maxBodyBytes?: number;
  logger?: HttpLogger;
  /** Values (API keys, tokens) masked wherever they appear in logged URLs and error messages. */
  secrets?: readonly string[];
  /** A shared registry gives every client of one host one bucket. */
  rateLimiter?: RateLimiter | RateLimiterRegistry;
  /** Absent: one attempt. */
  retry?: Omit<RetryOptions, 'signal' | 'clock' | 'shouldRetry'>;
  circuitBreaker?: CircuitBreaker;
  /** undici dispatcher for TLS or proxy settings, see createDispatcher. */
  dispatcher?: Dispatcher;
  clock?: Clock;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBodyBytes?: number;
  signal?: AbortSignal;
  /** Statuses returned to the caller instead of thrown (e.g. qBittorrent's 409 or 404 as "no such item"). */
  acceptStatus?: readonly number[];
  /** Retry this call; defaults to true for idempotent methods only, so a POST that adds a torrent is sent once. */
  retry?: boolean;
}

export interface HttpRequest extends RequestOptions {
  method?: string;
  path: string;
  body?: string | Uint8Array | URLSearchParams | FormData;
}

export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  body: T;
  /** Final URL after redirects (not redacted: for the caller, never for logs). */
  url: string;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export class HttpClient {
  private readonly opts: HttpClientOptions;
  private readonly clock: Clock;

  constructor(options: HttpClientOptions = {}) {
    this.opts = options;
    this.clock = options.clock ?? systemClock;
  }

  async request(req: HttpRequest): Promise<HttpResponse<Buffer>> {
    const method = (req.method ?? 'GET').toUpperCase();
    const { url, auth } = this.buildUrl(req.path, req.query);
    const what = `${method} ${redactHttpUrl(url, this.secrets)}`;
    const limiter =
      this.opts.rateLimiter instanceof RateLimiterRegistry ? this.opts.rateLimiter.forUrl(url) : this.opts.rateLimiter;
    // Order, outermost first: retry → circuit breaker → rate limiter → one timed attempt. Each retry passes the
    // breaker (so failures count) and takes a token; an open circuit neither waits for a token nor hits the wire.
    const limited = async () => {
      await limiter?.acquire(req.signal);
      return this.attempt(method, url, auth, what, req);
    };
    const guarded = () => (this.opts.circuitBreaker ? this.opts.circuitBreaker.execute(limited) : limited());
    const retryable = req.retry ?? IDEMPOTENT.has(method);
    if (!this.opts.retry || !retryable) return guarded();
    const policy = this.opts.retry;
    return retry(guarded, {
      ...policy,
      clock: this.clock,
      signal: req.signal,
      // An open circuit will still be open after a short backoff; fail fast and let the provider backoff decide.
      shouldRetry: (e) => isRetryable(e) && !(e instanceof CircuitOpenError),
      onRetry: (info) => {
        this.opts.logger?.debug(
          { method, url: what.slice(method.length + 1), ...info, error: String(info.error) },
          'http retry',
        );
        policy.onRetry?.(info);
      },
    });
  }

  async getText(path: string, options: RequestOptions = {}): Promise<HttpResponse<string>> {
    return asText(await this.request({ ...options, path }));
  }

  async getJson<T = unknown>(path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    const headers = { accept: 'application/json', ...options.headers };
    return this.asJson<T>(await this.request({ ...options, headers, path }));
  }

  async postJson<T = unknown>(path: string, body: unknown, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    const headers = { accept: 'application/json', 'content-type': 'application/json', ...options.headers };
    const res = await this.request({ ...options, method: 'POST', headers, path, body: JSON.stringify(body) });
    return this.asJson<T>(res);
  }

  async postForm(
    path: string,
    form: Record<string, string> | URLSearchParams,
    options: RequestOptions = {},
  ): Promise<HttpResponse<string>> {
    const body = form instanceof URLSearchParams ? form : new URLSearchParams(form);
    return asText(await this.request({ ...options, method: 'POST', path, body }));
  }

  /** An empty body reads as undefined (204s and bare acknowledgements). */
  private asJson<T>(res: HttpResponse<Buffer>): HttpResponse<T> {
    const text = decode(res);
    if (text.trim() === '') return { ...res, body: undefined as T };
    try {
      return { ...res, body: JSON.parse(text) as T };
    } catch {
      const where = redactHttpUrl(res.url, this.secrets);
      throw new ProtocolError(`${where}: response is not valid JSON`, maskSecrets(text, this.secrets));
    }
  }

  private get secrets(): readonly string[] {
    const basic = this.opts.basicAuth?.password;
    return basic ? [...(this.opts.secrets ?? []), basic] : (this.opts.secrets ?? []);
  }

  private buildUrl(path: string, query: RequestOptions['query']): { url: URL; auth: string | undefined } {
    const base = this.opts.baseUrl;
    const url =
      base && !/^[a-z][a-z0-9+.-]*:\/\//i.test(path)
        ? new URL(path.replace(/^\/+/, ''), base.endsWith('/') ? base : `${base}/`)
        : new URL(path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const v of value) url.searchParams.append(name, String(v));
      else url.searchParams.set(name, String(value));
    }
    // fetch refuses URLs with credentials; users paste them anyway, so they become basic auth.
    let user = this.opts.basicAuth;
    if (url.username || url.password) {
      user = { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
      url.username = '';
      url.password = '';
    }
    const auth = user ? `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}` : undefined;
    return { url, auth };
  }

  private async attempt(
    method: string,
    url: URL,
    auth: string | undefined,
    what: string,
    req: HttpRequest,
  ): Promise<HttpResponse<Buffer>> {
    const headers: Record<string, string> = {
      'user-agent': this.opts.userAgent ?? `idkarr/${IDKARR_VERSION}`,
      ...lower(this.opts.headers),
      ...lower(req.headers),
    };
    if (auth && !headers.authorization) headers.authorization = auth;
    const timeoutMs = req.timeoutMs ?? this.opts.timeoutMs ?? 30_000;
    // The timeout runs on the injected clock so tests can fire it without waiting; cancelling the sleep
    // afterwards frees the real timer.
    const timeout = new AbortController();
    const stopTimer = new AbortController();
    this.clock.sleep(timeoutMs, stopTimer.signal).then(
      () => timeout.abort(new TimeoutError(`${what}: no complete response within ${timeoutMs} ms`)),
      () => {},
    );
    const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal;
    const started = this.clock.now();
    const log = this.opts.logger;
    const logUrl = what.slice(method.length + 1);
    try {
      const init = { method, headers, body: req.body, signal, redirect: 'follow', dispatcher: this.opts.dispatcher };
      const res = await fetch(url, init as RequestInit);
      if (!res.ok && !req.acceptStatus?.includes(res.status)) {
        const excerpt = maskSecrets(await readExcerpt(res), this.secrets); // error pages may echo the key
        const retryAfter = parseRetryAfter(res.headers.get('retry-after'), this.clock.now());
        throw errorForStatus(res.status, what, excerpt, retryAfter);
      }
      const body = await readBodyCapped(res, req.maxBodyBytes ?? this.opts.maxBodyBytes ?? 20 * 1024 * 1024, what);
      const durationMs = this.clock.now() - started;
      log?.debug(
        { method, url: logUrl, status: res.status, bytes: body.length, durationMs, headers: redactHeaders(headers) },
        'http response',
      );
      return { status: res.status, headers: res.headers, body, url: res.url };
    } catch (err) {
      if (req.signal?.aborted) throw req.signal.reason; // the caller cancelled: not a remote failure
      const mapped = timeout.signal.aborted ? (timeout.signal.reason as Error) : mapFetchError(err, what);
      const durationMs = this.clock.now() - started;
      log?.debug(
        {
          method,
          url: logUrl,
          durationMs,
          headers: redactHeaders(headers),
          error: mapped.message,
          kind: (mapped as { code?: string }).code,
        },
        'http request failed',
      );
      throw mapped;
    } finally {
      stopTimer.abort();
    }
  }
}

function lower(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}

function decode(res: HttpResponse<Buffer>): string {
  const charset = /charset=([^;]+)/i
    .exec(res.headers.get('content-type') ?? '')?.[1]
    ?.trim()
    .replace(/"/g, '');
  try {
    return new TextDecoder(charset || 'utf-8').decode(res.body);
  } catch {
    return res.body.toString('utf8'); // unknown charset label
  }
}

function asText(res: HttpResponse<Buffer>): HttpResponse<string> {
  return { ...res, body: decode(res) };
}
