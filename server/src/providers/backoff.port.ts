// What the health service needs from the provider backoff policy (lib/resilience/backoff.ts). Kept as a port so
// the service is tested with any policy and does not care how the escalation steps are chosen. The composition
// root passes `new ProviderBackoffPolicy({ clock })`, which implements this structurally.
import type { ProviderKind } from './provider-kind.js';

export interface BackoffState {
  failureCount: number;
  /** Epoch ms until which the provider is skipped; null when not blocked. */
  disabledUntil: number | null;
  lastFailureAt: number | null;
  reason: string | null;
}

export interface BackoffFailure {
  kind: ProviderKind;
  now: number;
  reason: string;
  /** From a RateLimitedError: the remote's own Retry-After. */
  retryAfterMs?: number;
}

export interface ProviderBackoff {
  onFailure(state: BackoffState, failure: BackoffFailure): BackoffState;
  onSuccess(state: BackoffState): BackoffState;
}

export const NO_BACKOFF: BackoffState = { failureCount: 0, disabledUntil: null, lastFailureAt: null, reason: null };
