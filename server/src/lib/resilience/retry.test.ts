import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.js';
import { AuthError, NotFoundError, RateLimitedError, ServerError, TimeoutError, UnreachableError } from '../errors.js';
import { backoffDelay, type RetryInfo, retry } from './retry.js';

/** Runs `retry` on a fake clock, advancing time whenever it sleeps, and records the sleeps. */
async function run<T>(fn: (attempt: number) => Promise<T>, opts: Parameters<typeof retry>[1] = {}) {
  const clock = new FakeClock();
  const retries: RetryInfo[] = [];
  const p = retry(fn, { clock, random: () => 0.5, onRetry: (i) => retries.push(i), ...opts });
  let settled = false;
  p.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) await clock.advance(clock.pendingSleepers ? 1_000 : 0);
  return { result: p, retries, elapsed: clock.now() };
}

describe('retry', () => {
  it('retries retryable errors with exponential delays and returns the eventual result', async () => {
    let calls = 0;
    const { result, retries } = await run(
      async () => {
        calls++;
        if (calls < 4) throw new ServerError('boom', 503);
        return 'ok';
      },
      { maxAttempts: 5, baseDelayMs: 100, factor: 3, jitter: 0.2 },
    );
    await expect(result).resolves.toBe('ok');
    expect(calls).toBe(4);
    expect(retries.map((r) => [r.attempt, r.delayMs])).toEqual([
      [1, 100],
      [2, 300],
      [3, 900],
    ]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    let calls = 0;
    const { result } = await run(
      async () => {
        calls++;
        throw new TimeoutError(`timeout ${calls}`);
      },
      { maxAttempts: 3 },
    );
    await expect(result).rejects.toThrow('timeout 3');
    expect(calls).toBe(3);
  });

  it.each([new AuthError('bad key'), new NotFoundError('gone'), new Error('plain bug')])(
    'does not retry %s',
    async (error) => {
      let calls = 0;
      const { result, retries } = await run(async () => {
        calls++;
        throw error;
      });
      await expect(result).rejects.toBe(error);
      expect(calls).toBe(1);
      expect(retries).toEqual([]);
    },
  );

  it('waits at least Retry-After when the remote asked for longer than the backoff', async () => {
    let calls = 0;
    const { result, retries, elapsed } = await run(
      async () => {
        if (++calls === 1) throw new RateLimitedError('slow down', 7_000);
        return calls;
      },
      { baseDelayMs: 100 },
    );
    await expect(result).resolves.toBe(2);
    expect(retries.map((r) => r.delayMs)).toEqual([7_000]);
    expect(elapsed).toBe(7_000);
  });

  it('gives up at once when Retry-After exceeds maxRetryAfterMs', async () => {
    let calls = 0;
    const err = new RateLimitedError('come back tomorrow', 86_400_000);
    const { result } = await run(
      async () => {
        calls++;
        throw err;
      },
      { maxRetryAfterMs: 60_000 },
    );
    await expect(result).rejects.toBe(err);
    expect(calls).toBe(1);
  });

  it('stops waiting when the signal aborts', async () => {
    const clock = new FakeClock();
    const ac = new AbortController();
    let calls = 0;
    const p = retry(
      async () => {
        calls++;
        throw new UnreachableError('down');
      },
      { clock, signal: ac.signal, baseDelayMs: 10_000 },
    );
    await clock.advance(0);
    ac.abort(new Error('shutdown'));
    await expect(p).rejects.toThrow('shutdown');
    expect(calls).toBe(1);
  });
});

describe('backoffDelay', () => {
  it('applies jitter either way and caps at maxDelayMs', () => {
    const opts = { baseDelayMs: 1000, factor: 2, jitter: 0.5, maxDelayMs: 5000 };
    expect(backoffDelay(1, { ...opts, random: () => 0 })).toBe(500);
    expect(backoffDelay(1, { ...opts, random: () => 0.999999 })).toBe(1500);
    expect(backoffDelay(3, { ...opts, random: () => 0.5 })).toBe(4000);
    expect(backoffDelay(10, { ...opts, random: () => 0.999999 })).toBe(5000);
  });
});
