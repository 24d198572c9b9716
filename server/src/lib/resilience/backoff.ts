// Provider backoff (Sonarr's model): consecutive failures block a provider for escalating periods so search, grab
// and notify skip a service that is down instead of timing out on it every time. Pure state in, state out, so the
// provider framework persists it in provider_status; structurally it implements providers/backoff.port.ts.
import { type Clock, systemClock } from '../clock.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Indexed by failureCount: 0 = healthy, 1 = first failure (1 m) ... capped at the last step (24 h). */
export const BACKOFF_STEPS_MS: readonly number[] = [
  0,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
];

export const STARTUP_GRACE_MS = 15 * MINUTE;

/**
 * Lower ceilings where a long block hurts more than a few extra failed calls: a blocked download client stalls
 * every grab, a blocked notifier silently drops messages. Kinds not listed escalate to the full 24 h.
 */
export const DEFAULT_BACKOFF_CAPS: Readonly<Record<string, number>> = {
  downloadclient: 15 * MINUTE,
  notification: HOUR,
};

export interface BackoffState {
  failureCount: number;
  /** Epoch ms until which the provider is skipped; null when not blocked. */
  disabledUntil: number | null;
  lastFailureAt: number | null;
  reason: string | null;
}

export interface BackoffFailure {
  /** Provider kind, for the per-kind cap. */
  kind?: string;
  /** Defaults to the policy's clock. */
  now?: number;
  reason: string;
  /** The remote's own Retry-After, from a RateLimitedError. */
  retryAfterMs?: number;
}

export interface BackoffPolicyOptions {
  /** Process start; failures within `graceMs` of it do not escalate. Defaults to the clock's now at creation. */
  startedAt?: number;
  graceMs?: number;
  /** Ceiling for kinds without an entry in `capsByKind`. Default 24 h. */
  capMs?: number;
  capsByKind?: Readonly<Record<string, number>>;
  steps?: readonly number[];
  /** Retry-After is honoured up to this long, so a hostile or broken header cannot block for a week. Default 24 h. */
  maxRetryAfterMs?: number;
  clock?: Clock;
}

export const NO_BACKOFF: BackoffState = Object.freeze({
  failureCount: 0,
  disabledUntil: null,
  lastFailureAt: null,
  reason: null,
});

/** Block length for a failure count under a ceiling. */
export function backoffStepMs(failureCount: number, capMs = 24 * HOUR, steps = BACKOFF_STEPS_MS): number {
  const index = Math.max(0, Math.min(failureCount, steps.length - 1));
  return Math.min(steps[index] ?? 0, capMs);
}

export function isBlocked(state: BackoffState, now: number): boolean {
  return state.disabledUntil !== null && state.disabledUntil > now;
}

export class ProviderBackoffPolicy {
  private readonly clock: Clock;
  private readonly startedAt: number;

  constructor(private readonly options: BackoffPolicyOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.startedAt = options.startedAt ?? this.clock.now();
  }

  capFor(kind: string | undefined): number {
    const caps = this.options.capsByKind ?? DEFAULT_BACKOFF_CAPS;
    return (kind !== undefined ? caps[kind] : undefined) ?? this.options.capMs ?? 24 * HOUR;
  }

  onFailure(state: BackoffState, failure: BackoffFailure): BackoffState {
    const now = failure.now ?? this.clock.now();
    const inGrace = now < this.startedAt + (this.options.graceMs ?? STARTUP_GRACE_MS);
    // failureCount is the escalation level. During the startup grace window (services on the same host are often
    // still booting) it is held at the first step; the failure itself is still recorded with time and reason.
    const failureCount = inGrace ? 1 : state.failureCount + 1;
    const step = backoffStepMs(failureCount, this.capFor(failure.kind), this.options.steps);
    const retryAfter = Math.min(failure.retryAfterMs ?? 0, this.options.maxRetryAfterMs ?? 24 * HOUR);
    return {
      failureCount,
      disabledUntil: now + Math.max(step, retryAfter),
      lastFailureAt: now,
      reason: failure.reason,
    };
  }

  /** One success clears everything: the next failure starts again at the first step. */
  onSuccess(_state: BackoffState): BackoffState {
    return { ...NO_BACKOFF };
  }
}
