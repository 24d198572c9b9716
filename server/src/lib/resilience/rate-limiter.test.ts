import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.js';
import { RateLimiter, RateLimiterRegistry } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('lets 100 concurrent callers through at exactly the allowed rate, in FIFO order', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ capacity: 10, refillTokens: 10, intervalMs: 1000, clock });
    const granted: Array<{ id: number; at: number }> = [];
    const all = Array.from({ length: 100 }, (_, id) =>
      limiter.acquire().then(() => granted.push({ id, at: clock.now() })),
    );
    await clock.advance(0);
    expect(granted).toHaveLength(10);
    for (let second = 1; second <= 9; second++) {
      await clock.advance(999);
      expect(granted).toHaveLength(second * 10); // nothing early
      await clock.advance(1);
      expect(granted).toHaveLength((second + 1) * 10);
    }
    await Promise.all(all);
    expect(granted.map((g) => g.id)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(granted.map((g) => g.at)).toEqual(Array.from({ length: 100 }, (_, i) => Math.floor(i / 10) * 1000));
    expect(limiter.queued).toBe(0);
  });

  it('refills whole intervals only and never above capacity', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ capacity: 3, refillTokens: 1, intervalMs: 100, clock });
    expect([limiter.tryAcquire(), limiter.tryAcquire(), limiter.tryAcquire(), limiter.tryAcquire()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    await clock.advance(99);
    expect(limiter.available).toBe(0);
    await clock.advance(1);
    expect(limiter.available).toBe(1);
    await clock.advance(10_000);
    expect(limiter.available).toBe(3);
  });

  it('tryAcquire does not jump the queue', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ capacity: 1, intervalMs: 100, clock });
    expect(limiter.tryAcquire()).toBe(true);
    let waiterDone = false;
    const p = limiter.acquire().then(() => {
      waiterDone = true;
    });
    await clock.advance(100);
    await p;
    expect(waiterDone).toBe(true);
    expect(limiter.tryAcquire()).toBe(false);
  });

  it('an aborted waiter leaves the queue and the next caller takes its place', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ capacity: 1, intervalMs: 100, clock });
    limiter.tryAcquire();
    const ac = new AbortController();
    const first = limiter.acquire(ac.signal);
    const order: string[] = [];
    const second = limiter.acquire().then(() => order.push('second'));
    ac.abort(new Error('stop'));
    await expect(first).rejects.toThrow('stop');
    expect(limiter.queued).toBe(1);
    await clock.advance(100);
    await second;
    expect(order).toEqual(['second']);
    await expect(limiter.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('rejects nonsensical configuration', () => {
    expect(() => new RateLimiter({ capacity: 0, intervalMs: 100 })).toThrow(RangeError);
    expect(() => new RateLimiter({ capacity: 1, intervalMs: 0 })).toThrow(RangeError);
  });
});

describe('RateLimiterRegistry', () => {
  it('shares one bucket per host across clients and keeps hosts apart', () => {
    const clock = new FakeClock();
    const registry = new RateLimiterRegistry({ capacity: 2, intervalMs: 1000 }, clock);
    const a = registry.forUrl('http://Tracker.example:9117/api?t=search');
    const b = registry.forUrl('http://tracker.example:9117/other');
    expect(a).toBe(b);
    expect(registry.forUrl('http://tracker.example:9118/')).not.toBe(a);
    a.tryAcquire();
    b.tryAcquire();
    expect(a.tryAcquire()).toBe(false);
    expect(registry.get('other.example', { capacity: 5, intervalMs: 10 }).capacity).toBe(5);
    expect(registry.size).toBe(3);
  });
});
