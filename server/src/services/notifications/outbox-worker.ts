// Delivers queued notifications. On an interval (and when kicked after a notify) it claims due outbox rows, sends
// each through its definition's notifier with a timeout, and records the outcome:
//   - success: sent (with the notifier's report: HTTP status, script exit code and output);
//   - 429 / 5xx / timeout / unreachable: back to pending with exponential backoff, or the remote's Retry-After;
//   - anything else (auth, bad request, refused target, failed script) or the last attempt: failed, and the
//     provider's health is told (status, backoff, health.issue) with the error.
// Rows left `sending` by a crash go back to pending at start; pending rows simply wait in the table, so a restart
// loses nothing. A provider blocked by backoff has its rows postponed (no attempt counted) until it is unblocked.

import type {
  NotificationOutboxRepository,
  OutboxEntry,
} from '../../db/repositories/notification-outbox.repository.js';
import type { ProviderDefinitionRepository } from '../../db/repositories/provider-definition.repository.js';
import type { Clock } from '../../lib/clock.js';
import { IdkarrError, isRetryable, RateLimitedError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { NotificationMessage, NotifierPort } from '../../providers/ports/notifier.port.js';
import type { ProviderDefinition, ProviderStatus } from '../../providers/provider.types.js';
import type { IntervalTimer } from '../../providers/provider-health.service.js';
import type { ProviderInstances } from '../../providers/provider-instances.js';
import type { ProviderRegistry } from '../../providers/provider-registry.js';
import { scrubSecrets, secretValues } from '../../providers/secrets.js';
import { withTimeout } from '../../providers/with-timeout.js';

export interface OutboxWorkerDeps {
  outbox: NotificationOutboxRepository;
  definitions: Pick<ProviderDefinitionRepository, 'get'>;
  instances: Pick<ProviderInstances, 'get'>;
  registry: Pick<ProviderRegistry, 'find'>;
  /** ProviderHealthService: where delivery failures and recoveries are reported. */
  health: {
    recordFailure(definitionId: number, err: unknown): Promise<void>;
    recordSuccess(definitionId: number, latencyMs?: number): Promise<void>;
    statusesFor(definitionIds: readonly number[]): Promise<Map<number, ProviderStatus>>;
  };
  clock: Clock;
  log: Logger;
  timer?: IntervalTimer;
  /** Default 5 s. */
  intervalMs?: number;
  /** Rows claimed per round. Default 20. */
  batchSize?: number;
  /** Deliveries tried per row, the first included. Default 5. */
  maxAttempts?: number;
  /** Delay after the first failure; doubles each time. Default 30 s. */
  baseDelayMs?: number;
  /** Ceiling of the exponential delay. Default 1 h. */
  maxDelayMs?: number;
  /** A Retry-After longer than this is cut to it. Default 6 h. */
  maxRetryAfterMs?: number;
  /** Per delivery; raised for a custom script whose own timeout is longer. Default 60 s. */
  sendTimeoutMs?: number;
}

/** A notifier may offer `deliver`, which is send() returning a report worth keeping with the row. */
interface Reporting {
  deliver(message: NotificationMessage, signal?: AbortSignal): Promise<{ report?: unknown } | undefined>;
}

function hasDeliver(port: NotifierPort): port is NotifierPort & Reporting {
  return typeof (port as Partial<Reporting>).deliver === 'function';
}

function reportOf(value: unknown): Record<string, unknown> | null {
  const report = (value as { report?: unknown } | null | undefined)?.report;
  return report && typeof report === 'object' ? (report as Record<string, unknown>) : null;
}

/** The failure as it reaches provider health: same kind (so Retry-After still counts), clearer message. */
class DeliveryFailedError extends IdkarrError {
  readonly code = 'notification_failed';
}

const nodeTimer: IntervalTimer = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export class OutboxWorker {
  private handle: unknown;
  private running: Promise<number> | undefined;
  private again = false;
  private stopping = false;
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly deps: OutboxWorkerDeps) {}

  /** Restart recovery, then the interval. */
  async start(): Promise<void> {
    if (this.handle !== undefined) return;
    this.stopping = false;
    const recovered = await this.deps.outbox.resetSending();
    if (recovered > 0) this.deps.log.info({ recovered }, 'notifications interrupted by a restart are queued again');
    const timer = this.deps.timer ?? nodeTimer;
    this.handle = timer.setInterval(() => void this.tick(), this.deps.intervalMs ?? 5_000);
    this.kick();
  }

  /** Stops the interval, aborts deliveries in flight (their rows go back to pending) and waits for the round. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.handle !== undefined) (this.deps.timer ?? nodeTimer).clearInterval(this.handle);
    this.handle = undefined;
    for (const c of this.inFlight) c.abort(new Error('stopping'));
    await this.running?.catch(() => {});
  }

  /** Asks for a round soon (after notify queued rows). */
  kick(): void {
    if (this.stopping) return;
    setImmediate(() => void this.tick());
  }

  /** One round over due rows; overlapping calls join the running round (and cause one more after it). */
  tick(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.rounds().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async rounds(): Promise<number> {
    let total = 0;
    do {
      this.again = false;
      try {
        total += await this.round();
      } catch (err) {
        this.deps.log.error({ err }, 'notification delivery round failed');
      }
    } while (this.again && !this.stopping);
    return total;
  }

  private async round(): Promise<number> {
    const batch = this.deps.batchSize ?? 20;
    let done = 0;
    for (;;) {
      if (this.stopping) return done;
      const rows = await this.deps.outbox.claimDue(this.iso(this.deps.clock.now()), batch);
      if (rows.length === 0) return done;
      const statuses = await this.deps.health.statusesFor([...new Set(rows.map((r) => r.definitionId))]);
      // Rows of one definition go in order; different definitions in parallel.
      const byDefinition = new Map<number, OutboxEntry[]>();
      for (const r of rows) byDefinition.set(r.definitionId, [...(byDefinition.get(r.definitionId) ?? []), r]);
      await Promise.all(
        [...byDefinition.values()].map(async (list) => {
          for (const row of list) await this.process(row, statuses.get(row.definitionId));
        }),
      );
      done += rows.length;
      if (rows.length < batch) return done;
    }
  }

  private async process(row: OutboxEntry, status: ProviderStatus | undefined): Promise<void> {
    const now = this.deps.clock.now();
    try {
      const definition = await this.deps.definitions.get(row.definitionId);
      if (!definition) return; // deleted meanwhile; the row goes with it (cascade)
      if (!definition.enabled) {
        await this.deps.outbox.markFailed(row.id, row.attempts, 'the notification was disabled', this.iso(now), null);
        return;
      }
      const blockedUntil = status?.disabledUntil ? Date.parse(status.disabledUntil) : 0;
      if (blockedUntil > now) {
        await this.deps.outbox.markRetry(row.id, row.attempts, status!.disabledUntil!, row.lastError);
        return;
      }
      await this.deliver(row, definition, status);
    } catch (err) {
      // The database or our own code: leave the row for the next round rather than lose it.
      this.deps.log.error({ err, outboxId: row.id }, 'processing a queued notification failed');
      await this.deps.outbox
        .markRetry(row.id, row.attempts, this.iso(now + (this.deps.baseDelayMs ?? 30_000)), row.lastError)
        .catch(() => {});
    }
  }

  private async deliver(row: OutboxEntry, definition: ProviderDefinition, status: ProviderStatus | undefined) {
    const attempt = row.attempts + 1;
    const started = this.deps.clock.now();
    const controller = new AbortController();
    this.inFlight.add(controller);
    try {
      const port = this.deps.instances.get(definition) as NotifierPort;
      const outcome = await withTimeout(this.deps.clock, this.timeoutFor(definition), 'the notification', () =>
        hasDeliver(port)
          ? port.deliver(row.message, controller.signal)
          : port.send(row.message, controller.signal).then(() => undefined),
      );
      const now = this.deps.clock.now();
      await this.deps.outbox.markSent(row.id, attempt, this.iso(now), reportOf(outcome));
      if (status && (status.health !== 'healthy' || status.failureCount > 0))
        await this.deps.health.recordSuccess(definition.id, now - started);
    } catch (err) {
      if (this.stopping && controller.signal.aborted) {
        await this.deps.outbox.markRetry(row.id, row.attempts, this.iso(this.deps.clock.now()), row.lastError);
        return;
      }
      await this.failed(row, definition, attempt, err);
    } finally {
      controller.abort();
      this.inFlight.delete(controller);
    }
  }

  private async failed(row: OutboxEntry, definition: ProviderDefinition, attempt: number, err: unknown) {
    const now = this.deps.clock.now();
    const reason = this.describe(definition, err);
    const report = reportOf(err);
    const maxAttempts = this.deps.maxAttempts ?? 5;
    if (isRetryable(err) && attempt < maxAttempts) {
      const delay = this.retryDelay(attempt, err);
      await this.deps.outbox.markRetry(row.id, attempt, this.iso(now + delay), reason, report);
      this.deps.log.info(
        { outboxId: row.id, definitionId: definition.id, attempt, retryInMs: delay, reason },
        'notification failed; will retry',
      );
      return;
    }
    await this.deps.outbox.markFailed(row.id, attempt, reason, this.iso(now), report);
    this.deps.log.warn(
      { outboxId: row.id, definitionId: definition.id, eventType: row.eventType, attempts: attempt, reason },
      'notification failed',
    );
    const text = `notification "${row.message.title}" failed after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${reason}`;
    const forHealth =
      err instanceof RateLimitedError ? new RateLimitedError(text, err.retryAfterMs) : new DeliveryFailedError(text);
    await this.deps.health.recordFailure(definition.id, forHealth);
  }

  /** Exponential from baseDelayMs, capped; a Retry-After wins (up to maxRetryAfterMs). */
  retryDelay(attempt: number, err: unknown): number {
    if (err instanceof RateLimitedError && err.retryAfterMs !== undefined)
      return Math.min(Math.max(0, err.retryAfterMs), this.deps.maxRetryAfterMs ?? 6 * 3_600_000);
    const base = this.deps.baseDelayMs ?? 30_000;
    return Math.min(base * 2 ** (attempt - 1), this.deps.maxDelayMs ?? 3_600_000);
  }

  private timeoutFor(definition: ProviderDefinition): number {
    const base = this.deps.sendTimeoutMs ?? 60_000;
    const own = Number(definition.settings.timeoutSeconds);
    return Number.isFinite(own) && own > 0 ? Math.max(base, own * 1000 + 15_000) : base;
  }

  /** Taxonomy messages are shown (secrets scrubbed); anything else may hold anything. */
  private describe(definition: ProviderDefinition, err: unknown): string {
    if (!(err instanceof IdkarrError)) {
      this.deps.log.error({ err, definitionId: definition.id }, 'notifier failed unexpectedly');
      return 'the notifier failed with an unexpected error; see the server log';
    }
    const integration = this.deps.registry.find(definition.kind, definition.implementation);
    const secrets = integration ? secretValues(integration.settings, definition.settings) : [];
    return scrubSecrets(err.message, secrets);
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
  }
}
