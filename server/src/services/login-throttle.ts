// Failed-login throttling per client address: a few mistakes are free, then the address waits.
// Only failures count, so a user who types the password right is never slowed down.
import type { Clock } from '../lib/clock.js';

export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

interface Entry {
  failures: number[];
  lockedUntil: number;
}

export class LoginThrottle {
  private entries = new Map<string, Entry>();
  constructor(
    private readonly clock: Clock,
    private readonly opts: ThrottleOptions = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ) {}

  /** Milliseconds the key must still wait, 0 when it may try. */
  retryAfterMs(key: string): number {
    const e = this.entries.get(key);
    if (!e) return 0;
    return Math.max(0, e.lockedUntil - this.clock.now());
  }

  recordFailure(key: string): void {
    const now = this.clock.now();
    const e = this.entries.get(key) ?? { failures: [], lockedUntil: 0 };
    e.failures = e.failures.filter((t) => now - t < this.opts.windowMs);
    e.failures.push(now);
    if (e.failures.length >= this.opts.maxFailures) e.lockedUntil = now + this.opts.lockMs;
    this.entries.set(key, e);
    if (this.entries.size > 10_000) this.prune(now);
  }

  recordSuccess(key: string): void {
    this.entries.delete(key);
  }

  private prune(now: number): void {
    for (const [k, e] of this.entries)
      if (e.lockedUntil < now && e.failures.every((t) => now - t >= this.opts.windowMs)) this.entries.delete(k);
  }
}
