import { describe, expect, it } from 'vitest';
import { FakeClock } from '../lib/clock.js';
import { LoginThrottle } from './login-throttle.js';

const MIN = 60_000;

describe('LoginThrottle', () => {
  it('allows 4 failures, locks on the 5th for 15 minutes, per key', async () => {
    const clock = new FakeClock(1_000_000);
    const t = new LoginThrottle(clock);
    for (let i = 0; i < 4; i++) {
      t.recordFailure('a');
      expect(t.retryAfterMs('a')).toBe(0);
    }
    t.recordFailure('a');
    expect(t.retryAfterMs('a')).toBe(15 * MIN);
    expect(t.retryAfterMs('b')).toBe(0);
    await clock.advance(15 * MIN - 1);
    expect(t.retryAfterMs('a')).toBe(1);
    await clock.advance(1);
    expect(t.retryAfterMs('a')).toBe(0);
  });

  it('forgets failures older than the window', async () => {
    const clock = new FakeClock(0);
    const t = new LoginThrottle(clock);
    for (let i = 0; i < 4; i++) t.recordFailure('a');
    await clock.advance(15 * MIN);
    t.recordFailure('a');
    expect(t.retryAfterMs('a')).toBe(0);
  });

  it('clears a key on success', async () => {
    const clock = new FakeClock(0);
    const t = new LoginThrottle(clock, { maxFailures: 2, windowMs: MIN, lockMs: MIN });
    t.recordFailure('a');
    t.recordSuccess('a');
    t.recordFailure('a');
    expect(t.retryAfterMs('a')).toBe(0);
    t.recordFailure('a');
    expect(t.retryAfterMs('a')).toBe(MIN);
  });
});
