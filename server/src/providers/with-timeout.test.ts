import { describe, expect, it } from 'vitest';
import { FakeClock } from '../lib/clock.js';
import { TimeoutError } from '../lib/errors.js';
import { withTimeout } from './with-timeout.js';

describe('withTimeout', () => {
  it('returns the result when the work finishes first', async () => {
    const clock = new FakeClock();
    await expect(withTimeout(clock, 1000, 'x', async () => 42)).resolves.toBe(42);
  });

  it('rejects with TimeoutError when the clock passes the limit', async () => {
    const clock = new FakeClock();
    const p = withTimeout(clock, 1000, 'the probe', () => new Promise<never>(() => {}));
    const settled = expect(p).rejects.toThrow(new TimeoutError('the probe timed out after 1 s'));
    await clock.advance(1000);
    await settled;
  });
});
