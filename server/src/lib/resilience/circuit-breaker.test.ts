import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.js';
import { AuthError, NotFoundError, ServerError, UnreachableError, ValidationError } from '../errors.js';
import { CircuitBreaker, CircuitOpenError, type CircuitState } from './circuit-breaker.js';

function setup(opts: { failureThreshold?: number; halfOpenMaxProbes?: number } = {}) {
  const clock = new FakeClock();
  const changes: string[] = [];
  const breaker = new CircuitBreaker({
    name: 'indexer:nyaa',
    failureThreshold: 3,
    resetTimeoutMs: 30_000,
    clock,
    onStateChange: ({ from, to }: { from: CircuitState; to: CircuitState }) => changes.push(`${from}->${to}`),
    ...opts,
  });
  const fail = () => breaker.execute(() => Promise.reject(new UnreachableError('refused')));
  const ok = () => breaker.execute(() => Promise.resolve('ok'));
  return { clock, breaker, changes, fail, ok };
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and then fails fast without calling', async () => {
    const { breaker, changes, fail } = setup();
    for (let i = 0; i < 3; i++) await expect(fail()).rejects.toThrow('refused');
    expect(breaker.state).toBe('open');
    expect(changes).toEqual(['closed->open']);
    let called = false;
    const attempt = breaker.execute(async () => {
      called = true;
    });
    await expect(attempt).rejects.toThrow(CircuitOpenError);
    await expect(attempt).rejects.toThrow('circuit open for indexer:nyaa');
    await expect(attempt).rejects.toBeInstanceOf(UnreachableError);
    expect(called).toBe(false);
  });

  it('a success in between resets the consecutive count', async () => {
    const { breaker, fail, ok } = setup();
    await expect(fail()).rejects.toThrow();
    await expect(fail()).rejects.toThrow();
    await ok();
    await expect(fail()).rejects.toThrow();
    await expect(fail()).rejects.toThrow();
    expect(breaker.state).toBe('closed');
    expect(breaker.consecutiveFailures).toBe(2);
  });

  it.each([new AuthError('bad key'), new ValidationError('bad'), new NotFoundError('gone')])(
    'does not count %s as unhealthy',
    async (error) => {
      const { breaker } = setup({ failureThreshold: 1 });
      await expect(breaker.execute(() => Promise.reject(error))).rejects.toBe(error);
      expect(breaker.state).toBe('closed');
      expect(breaker.consecutiveFailures).toBe(0);
    },
  );

  it('after the reset timeout lets a limited number of probes through; success closes', async () => {
    const { clock, breaker, changes, fail } = setup({ halfOpenMaxProbes: 1 });
    for (let i = 0; i < 3; i++) await expect(fail()).rejects.toThrow();
    await clock.advance(29_999);
    await expect(breaker.execute(async () => 1)).rejects.toThrow(CircuitOpenError);
    await clock.advance(1);
    expect(breaker.state).toBe('half-open');
    let release!: (v: string) => void;
    const probe = breaker.execute(() => new Promise<string>((r) => (release = r)));
    // The single probe is out: a second caller is refused instead of piling on.
    await expect(breaker.execute(async () => 'second')).rejects.toThrow(CircuitOpenError);
    release('probe ok');
    await expect(probe).resolves.toBe('probe ok');
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual(['closed->open', 'open->half-open', 'half-open->closed']);
  });

  it('a failed probe re-opens for another full reset timeout', async () => {
    const { clock, breaker, changes, fail, ok } = setup();
    for (let i = 0; i < 3; i++) await expect(fail()).rejects.toThrow();
    await clock.advance(30_000);
    await expect(breaker.execute(() => Promise.reject(new ServerError('502', 502)))).rejects.toThrow('502');
    expect(breaker.state).toBe('open');
    await clock.advance(29_999);
    await expect(ok()).rejects.toThrow(CircuitOpenError);
    await clock.advance(1);
    await expect(ok()).resolves.toBe('ok');
    expect(changes).toEqual([
      'closed->open',
      'open->half-open',
      'half-open->open',
      'open->half-open',
      'half-open->closed',
    ]);
  });

  it('a caller abort or a local bug neither counts as failure nor closes a half-open circuit', async () => {
    const { clock, breaker, fail } = setup();
    await expect(fail()).rejects.toThrow();
    await expect(fail()).rejects.toThrow();
    await expect(breaker.execute(() => Promise.reject(new Error('aborted')))).rejects.toThrow('aborted');
    expect(breaker.consecutiveFailures).toBe(2);
    await expect(fail()).rejects.toThrow();
    await clock.advance(30_000);
    await expect(breaker.execute(() => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
    expect(breaker.state).toBe('half-open');
    // The probe slot was released, so the next caller may probe.
    await expect(breaker.execute(async () => 'ok')).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('reset() closes a tripped circuit', async () => {
    const { breaker, fail, ok } = setup();
    for (let i = 0; i < 3; i++) await expect(fail()).rejects.toThrow();
    breaker.reset();
    expect(breaker.state).toBe('closed');
    await expect(ok()).resolves.toBe('ok');
  });
});
