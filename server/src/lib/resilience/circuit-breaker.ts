// Stops calling a remote that keeps failing, so one dead indexer cannot tie up every search with timeouts.
// Closed: calls pass, consecutive unhealthy failures are counted. Open: calls fail at once until the reset
// timeout. Half-open: a limited number of probes go through; one success closes, one failure re-opens.
import { type Clock, systemClock } from '../clock.js';
import { IdkarrError, isRetryable, UnreachableError } from '../errors.js';

export type CircuitState = 'closed' | 'open' | 'half-open';

/** Thrown while the circuit is open. Still an UnreachableError, so callers and the backoff treat it as such. */
export class CircuitOpenError extends UnreachableError {
  /** When the breaker will let a probe through. */
  readonly retryAt: number;
  constructor(name: string, retryAt: number) {
    super(`circuit open for ${name}`);
    this.retryAt = retryAt;
  }
}

export interface CircuitBreakerOptions {
  /** Shown in the open-circuit error, e.g. the integration's name or host. */
  name: string;
  /** Consecutive unhealthy failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** Time the circuit stays open before probing. Default 60 s. */
  resetTimeoutMs?: number;
  /** Concurrent probe calls allowed while half-open. Default 1. */
  halfOpenMaxProbes?: number;
  clock?: Clock;
  /**
   * Whether an error says the remote is unhealthy. Default: retryable errors (unreachable, timeout, 5xx, 429).
   * Other taxonomy errors (auth, not found, validation) prove the remote answered, so they count as a healthy
   * reply. Anything else (a caller's abort, a bug in our code) says nothing about the remote and changes nothing.
   */
  isFailure?: (error: unknown) => boolean;
  onStateChange?: (change: { name: string; from: CircuitState; to: CircuitState }) => void;
}

export class CircuitBreaker {
  readonly name: string;
  private readonly threshold: number;
  private readonly resetTimeoutMs: number;
  private readonly maxProbes: number;
  private readonly clock: Clock;
  private readonly isFailure: (error: unknown) => boolean;
  private readonly onStateChange: CircuitBreakerOptions['onStateChange'];
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probes = 0;

  constructor(options: CircuitBreakerOptions) {
    this.name = options.name;
    this.threshold = Math.max(1, options.failureThreshold ?? 5);
    this.resetTimeoutMs = options.resetTimeoutMs ?? 60_000;
    this.maxProbes = Math.max(1, options.halfOpenMaxProbes ?? 1);
    this.clock = options.clock ?? systemClock;
    this.isFailure = options.isFailure ?? isRetryable;
    this.onStateChange = options.onStateChange;
  }

  /** The state as a caller would see it now (an expired open circuit reads as half-open). */
  get state(): CircuitState {
    if (this.current === 'open' && this.clock.now() - this.openedAt >= this.resetTimeoutMs) return 'half-open';
    return this.current;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  async execute<T>(fn: () => Promise<T>): Promise<T> {
    this.admit();
    const probing = this.current === 'half-open';
    if (probing) this.probes++;
    try {
      const result = await fn();
      this.onHealthy();
      return result;
    } catch (error) {
      if (this.isFailure(error)) this.onUnhealthy();
      else if (error instanceof IdkarrError) this.onHealthy();
      throw error;
    } finally {
      if (probing) this.probes = Math.max(0, this.probes - 1);
    }
  }

  /** Forces the circuit closed (e.g. after the user edits the integration's settings). */
  reset(): void {
    this.failures = 0;
    this.probes = 0;
    this.transition('closed');
  }

  private admit(): void {
    if (this.current === 'open') {
      const retryAt = this.openedAt + this.resetTimeoutMs;
      if (this.clock.now() < retryAt) throw new CircuitOpenError(this.name, retryAt);
      this.transition('half-open');
    }
    if (this.current === 'half-open' && this.probes >= this.maxProbes) {
      // Probes are already out; others wait for their verdict rather than piling onto a sick remote.
      throw new CircuitOpenError(this.name, this.clock.now() + this.resetTimeoutMs);
    }
  }

  private onHealthy(): void {
    this.failures = 0;
    if (this.current !== 'closed') this.transition('closed');
  }

  private onUnhealthy(): void {
    this.failures++;
    // A failed probe re-opens at once; while closed it takes `threshold` in a row. A late failure from a call
    // started before the circuit opened only restarts the open period if we were not already open.
    if (this.current === 'half-open' || (this.current === 'closed' && this.failures >= this.threshold)) {
      this.openedAt = this.clock.now();
      this.transition('open');
    }
  }

  private transition(to: CircuitState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    this.onStateChange?.({ name: this.name, from, to });
  }
}
