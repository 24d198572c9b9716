// Token bucket shared by every client of one remote host, so a Prowlarr indexer and a search job hitting the
// same tracker cannot together exceed what that tracker tolerates.
import { type Clock, systemClock } from '../clock.js';

export interface RateLimiterOptions {
  /** Most requests that may go out back to back after a quiet period. */
  capacity: number;
  /** Tokens added every `intervalMs` (never above `capacity`). Defaults to `capacity`. */
  refillTokens?: number;
  intervalMs: number;
  clock?: Clock;
}

interface Waiter {
  resolve: () => void;
}

export class RateLimiter {
  readonly capacity: number;
  readonly refillTokens: number;
  readonly intervalMs: number;
  private readonly clock: Clock;
  private tokens: number;
  private lastRefill: number;
  private readonly waiters: Waiter[] = [];
  private draining = false;
  private drainSleep: AbortController | undefined;

  constructor(options: RateLimiterOptions) {
    if (!(options.capacity >= 1) || !(options.intervalMs > 0)) {
      throw new RangeError('rate limiter needs capacity >= 1 and intervalMs > 0');
    }
    this.capacity = options.capacity;
    this.refillTokens = options.refillTokens ?? options.capacity;
    this.intervalMs = options.intervalMs;
    this.clock = options.clock ?? systemClock;
    this.tokens = options.capacity;
    this.lastRefill = this.clock.now();
  }

  /** Takes a token now if one is free and nobody is queued (queued callers keep their place). */
  tryAcquire(): boolean {
    this.refill();
    if (this.waiters.length > 0 || this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Resolves when the caller may send; callers are served strictly in arrival order. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        // Nobody left to serve: stop the pending refill timer so it does not keep the process alive.
        if (this.waiters.length === 0) this.drainSleep?.abort();
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      if (!this.draining) void this.drain();
    });
  }

  /** Tokens available right now (for status displays and tests). */
  get available(): number {
    this.refill();
    return this.tokens;
  }

  get queued(): number {
    return this.waiters.length;
  }

  // Whole intervals only, so throughput is exact integer arithmetic rather than drifting floating point.
  private refill(): void {
    const now = this.clock.now();
    const intervals = Math.floor((now - this.lastRefill) / this.intervalMs);
    if (intervals <= 0) return;
    this.tokens = Math.min(this.capacity, this.tokens + intervals * this.refillTokens);
    // A full bucket does not bank a partial interval: the next token is a whole interval after it was last full.
    this.lastRefill = this.tokens >= this.capacity ? now : this.lastRefill + intervals * this.intervalMs;
  }

  // One loop serves the queue head first and sleeps until the next refill; a single sleeper keeps timers O(1).
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (;;) {
        this.refill();
        while (this.tokens >= 1 && this.waiters.length > 0) {
          this.tokens -= 1;
          this.waiters.shift()!.resolve();
        }
        if (this.waiters.length === 0) return;
        const wait = Math.max(0, this.lastRefill + this.intervalMs - this.clock.now());
        this.drainSleep = new AbortController();
        try {
          await this.clock.sleep(wait, this.drainSleep.signal);
        } catch {
          // Cancelled because the queue emptied; the loop re-checks and exits.
        }
      }
    } finally {
      this.draining = false;
      this.drainSleep = undefined;
    }
  }
}

/** One bucket per host (`host:port`), created on first use with the registry defaults or the given options. */
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, RateLimiter>();
  constructor(
    private readonly defaults: Omit<RateLimiterOptions, 'clock'>,
    private readonly clock: Clock = systemClock,
  ) {}

  get(host: string, options?: Omit<RateLimiterOptions, 'clock'>): RateLimiter {
    const key = host.toLowerCase();
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new RateLimiter({ ...(options ?? this.defaults), clock: this.clock });
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  forUrl(url: string | URL): RateLimiter {
    return this.get(new URL(url).host);
  }

  get size(): number {
    return this.limiters.size;
  }
}
