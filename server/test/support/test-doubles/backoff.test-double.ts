// A predictable stand-in for the provider backoff policy: every failure blocks for `stepMs` times the failure
// count (or the remote's Retry-After when longer); a success clears. Tests of the real policy live beside it.
import type { BackoffFailure, BackoffState, ProviderBackoff } from '../../../src/providers/backoff.port.js';
import { NO_BACKOFF } from '../../../src/providers/backoff.port.js';

export class BackoffTestDouble implements ProviderBackoff {
  readonly failures: BackoffFailure[] = [];
  constructor(private readonly stepMs = 60_000) {}

  onFailure(state: BackoffState, failure: BackoffFailure): BackoffState {
    this.failures.push(failure);
    const failureCount = state.failureCount + 1;
    const waitMs = Math.max(this.stepMs * failureCount, failure.retryAfterMs ?? 0);
    return { failureCount, disabledUntil: failure.now + waitMs, lastFailureAt: failure.now, reason: failure.reason };
  }

  onSuccess(): BackoffState {
    return NO_BACKOFF;
  }
}
