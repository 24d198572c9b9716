// Exponential backoff for transient failures. Only errors the taxonomy marks retryable are retried, so a wrong
// password or a 404 fails at once instead of hammering the remote.
import { type Clock, systemClock } from '../clock.js';
import { isRetryable, RateLimitedError } from '../errors.js';

export interface RetryInfo {
  /** The attempt that just failed (1-based). */
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface RetryOptions {
  /** Total attempts including the first. Default 3. */
  maxAttempts?: number;
  /** Delay before the second attempt. Default 500 ms. */
  baseDelayMs?: number;
  /** Ceiling of the backoff delay (before Retry-After is considered). Default 30 s. */
  maxDelayMs?: number;
  /** Growth per attempt. Default 2. */
  factor?: number;
  /** Fraction of the delay randomised either way (0 = none, 0.2 = ±20 %). Default 0.2. */
  jitter?: number;
  /**
   * Longest Retry-After we are willing to sleep through in-process. A longer one gives up with the
   * RateLimitedError at once: waiting less than asked would only earn another 429, and the provider backoff
   * (which honours Retry-After) is the right place for long pauses. Default 60 s.
   */
  maxRetryAfterMs?: number;
  clock?: Clock;
  /** Source of randomness in [0, 1) for jitter; injected so tests are exact. */
  random?: () => number;
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
  /** Which errors to retry. Default: `isRetryable`. */
  shouldRetry?: (error: unknown) => boolean;
}

/** The backoff delay after `attempt` failures, jitter applied, capped at maxDelayMs. */
export function backoffDelay(attempt: number, options: RetryOptions = {}): number {
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const jitter = options.jitter ?? 0.2;
  const random = options.random ?? Math.random;
  const raw = Math.min(max, base * (options.factor ?? 2) ** (attempt - 1));
  const jittered = raw * (1 + jitter * (2 * random() - 1));
  return Math.round(Math.max(0, Math.min(max, jittered)));
}

export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const clock = options.clock ?? systemClock;
  const shouldRetry = options.shouldRetry ?? isRetryable;
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= maxAttempts || !shouldRetry(error)) throw error;
      let delayMs = backoffDelay(attempt, options);
      if (error instanceof RateLimitedError && error.retryAfterMs !== undefined) {
        if (error.retryAfterMs > maxRetryAfter) throw error;
        delayMs = Math.max(delayMs, error.retryAfterMs);
      }
      options.onRetry?.({ attempt, delayMs, error });
      await sleepUnlessAborted(clock, delayMs, options.signal);
    }
  }
}

/** Clock sleep that also rejects as soon as the signal aborts (the fake clock ignores signals). */
export function sleepUnlessAborted(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return clock.sleep(ms);
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    clock.sleep(ms, signal).then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
