import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.js';
import {
  BACKOFF_STEPS_MS,
  type BackoffState,
  backoffStepMs,
  isBlocked,
  NO_BACKOFF,
  ProviderBackoffPolicy,
  STARTUP_GRACE_MS,
} from './backoff.js';

const MIN = 60_000;
const H = 60 * MIN;
const START = 1_700_000_000_000;
const AFTER_GRACE = START + STARTUP_GRACE_MS;

function failTimes(policy: ProviderBackoffPolicy, n: number, kind: string, now = AFTER_GRACE): BackoffState[] {
  const states: BackoffState[] = [];
  let state = NO_BACKOFF;
  for (let i = 0; i < n; i++) {
    state = policy.onFailure(state, { kind, now, reason: `failure ${i + 1}` });
    states.push(state);
  }
  return states;
}

describe('ProviderBackoffPolicy', () => {
  const policy = new ProviderBackoffPolicy({ startedAt: START });

  it('escalates 1 m, 5 m, 15 m, 30 m, 1 h, 3 h, 6 h, 12 h, 24 h and stays at 24 h for indexers', () => {
    const blocks = failTimes(policy, 11, 'indexer').map((s) => (s.disabledUntil ?? 0) - AFTER_GRACE);
    expect(blocks).toEqual([MIN, 5 * MIN, 15 * MIN, 30 * MIN, H, 3 * H, 6 * H, 12 * H, 24 * H, 24 * H, 24 * H]);
  });

  it('caps download clients at 15 m and notifications at 1 h', () => {
    const dl = failTimes(policy, 6, 'downloadclient').map((s) => (s.disabledUntil ?? 0) - AFTER_GRACE);
    expect(dl).toEqual([MIN, 5 * MIN, 15 * MIN, 15 * MIN, 15 * MIN, 15 * MIN]);
    const notify = failTimes(policy, 8, 'notification').map((s) => (s.disabledUntil ?? 0) - AFTER_GRACE);
    expect(notify).toEqual([MIN, 5 * MIN, 15 * MIN, 30 * MIN, H, H, H, H]);
  });

  it('takes the cap as a parameter', () => {
    const custom = new ProviderBackoffPolicy({ startedAt: START, capMs: 5 * MIN, capsByKind: { indexer: 30 * MIN } });
    expect(custom.capFor('indexer')).toBe(30 * MIN);
    expect(custom.capFor('metadata')).toBe(5 * MIN);
    expect(failTimes(custom, 4, 'metadata').map((s) => (s.disabledUntil ?? 0) - AFTER_GRACE)).toEqual([
      MIN,
      5 * MIN,
      5 * MIN,
      5 * MIN,
    ]);
  });

  it('records every failure but does not escalate within 15 minutes of start', () => {
    const during = START + 14 * MIN;
    const states = failTimes(policy, 5, 'indexer', during);
    expect(states.map((s) => [s.failureCount, (s.disabledUntil ?? 0) - during])).toEqual(Array(5).fill([1, MIN]));
    expect(states[4]).toMatchObject({ lastFailureAt: during, reason: 'failure 5' });
    // After the window, escalation continues from the first step rather than jumping by the grace-time count.
    const next = policy.onFailure(states[4]!, { kind: 'indexer', now: AFTER_GRACE, reason: 'still down' });
    expect([next.failureCount, (next.disabledUntil ?? 0) - AFTER_GRACE]).toEqual([2, 5 * MIN]);
  });

  it('honours Retry-After when longer than the step, also during grace', () => {
    const longer = policy.onFailure(NO_BACKOFF, {
      kind: 'indexer',
      now: AFTER_GRACE,
      reason: '429',
      retryAfterMs: 2 * H,
    });
    expect(longer.disabledUntil).toBe(AFTER_GRACE + 2 * H);
    const shorter = policy.onFailure(NO_BACKOFF, {
      kind: 'indexer',
      now: AFTER_GRACE,
      reason: '429',
      retryAfterMs: 5_000,
    });
    expect(shorter.disabledUntil).toBe(AFTER_GRACE + MIN);
    const grace = policy.onFailure(NO_BACKOFF, { kind: 'downloadclient', now: START, reason: '429', retryAfterMs: H });
    expect(grace.disabledUntil).toBe(START + H);
    const absurd = policy.onFailure(NO_BACKOFF, { now: AFTER_GRACE, reason: '429', retryAfterMs: 30 * 24 * H });
    expect(absurd.disabledUntil).toBe(AFTER_GRACE + 24 * H);
  });

  it('a success clears the state', () => {
    const failed = failTimes(policy, 3, 'indexer')[2]!;
    expect(policy.onSuccess(failed)).toEqual(NO_BACKOFF);
    const again = policy.onFailure(policy.onSuccess(failed), { kind: 'indexer', now: AFTER_GRACE, reason: 'x' });
    expect(again.disabledUntil).toBe(AFTER_GRACE + MIN);
  });

  it('uses the injected clock for start and for failures without a time', async () => {
    const clock = new FakeClock(START);
    const p = new ProviderBackoffPolicy({ clock });
    await clock.advance(STARTUP_GRACE_MS - 1);
    const s1 = p.onFailure(p.onFailure(NO_BACKOFF, { reason: 'a' }), { reason: 'b' });
    expect(s1.failureCount).toBe(1);
    await clock.advance(1);
    const s2 = p.onFailure(s1, { reason: 'c' });
    expect([s2.failureCount, s2.lastFailureAt, s2.disabledUntil]).toEqual([2, clock.now(), clock.now() + 5 * MIN]);
    expect(isBlocked(s2, clock.now() + 5 * MIN - 1)).toBe(true);
    expect(isBlocked(s2, clock.now() + 5 * MIN)).toBe(false);
    expect(isBlocked(NO_BACKOFF, clock.now())).toBe(false);
  });
});

describe('backoffStepMs', () => {
  it('maps failure counts onto the steps', () => {
    expect(BACKOFF_STEPS_MS).toHaveLength(10);
    expect([0, 1, 2, 9, 50].map((n) => backoffStepMs(n))).toEqual([0, MIN, 5 * MIN, 24 * H, 24 * H]);
    expect(backoffStepMs(4, 20 * MIN)).toBe(20 * MIN);
  });
});
