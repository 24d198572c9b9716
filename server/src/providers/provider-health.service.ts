// Periodic health checks of every enabled provider. Records health and latency in provider_status, applies the
// backoff policy on failures (blocked providers are skipped by search, grab and notify until disabledUntil), and
// announces changes on the event bus. Search/grab/notify also report their own outcomes via recordFailure/Success.
import type { ProviderDefinitionRepository } from '../db/repositories/provider-definition.repository.js';
import type { ProviderStatusRepository } from '../db/repositories/provider-status.repository.js';
import type { EventBus, HealthChangedEvent } from '../events/event-bus.js';
import type { Clock } from '../lib/clock.js';
import { IdkarrError, RateLimitedError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { type BackoffState, NO_BACKOFF, type ProviderBackoff } from './backoff.port.js';
import type { ProviderDefinition, ProviderHealth, ProviderStatus } from './provider.types.js';
import type { ProviderInstances } from './provider-instances.js';
import type { ProviderKind } from './provider-kind.js';
import type { ProviderRegistry } from './provider-registry.js';
import { scrubSecrets, secretValues } from './secrets.js';
import { withTimeout } from './with-timeout.js';

export const HEALTH_SOURCE = 'providers';

export interface IntervalTimer {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface ProviderHealthServiceDeps {
  definitions: ProviderDefinitionRepository;
  statuses: ProviderStatusRepository;
  registry: ProviderRegistry;
  instances: ProviderInstances;
  backoff: ProviderBackoff;
  events: EventBus;
  clock: Clock;
  log: Logger;
  intervalMs?: number;
  timeoutMs?: number;
  /** A check that succeeds slower than this marks the provider degraded. */
  degradedLatencyMs?: number;
  timer?: IntervalTimer;
}

export interface HealthIssue {
  source: string;
  kind: ProviderKind;
  definitionId: number;
  name: string;
  status: ProviderHealth;
  message: string | null;
  disabledUntil: string | null;
}

const nodeTimer: IntervalTimer = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export class ProviderHealthService {
  private handle: unknown;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: ProviderHealthServiceDeps) {}

  start(): void {
    if (this.handle !== undefined) return;
    const timer = this.deps.timer ?? nodeTimer;
    this.handle = timer.setInterval(() => void this.checkAll(), this.deps.intervalMs ?? 60_000);
  }

  stop(): void {
    if (this.handle === undefined) return;
    (this.deps.timer ?? nodeTimer).clearInterval(this.handle);
    this.handle = undefined;
  }

  /** One sweep over every enabled, unblocked definition. Overlapping sweeps join the running one. */
  checkAll(): Promise<void> {
    this.running ??= this.sweep().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async check(definition: ProviderDefinition): Promise<ProviderStatus> {
    const timeoutMs = this.deps.timeoutMs ?? 30_000;
    try {
      const instance = this.deps.instances.get(definition);
      const { latencyMs } = await withTimeout(this.deps.clock, timeoutMs, 'the health check', () =>
        instance.healthCheck(),
      );
      return await this.applySuccess(definition, latencyMs);
    } catch (err) {
      return this.applyFailure(definition, err);
    }
  }

  /** For callers that talked to the provider themselves (search, grab, notify). */
  async recordSuccess(definitionId: number, latencyMs?: number): Promise<void> {
    const definition = await this.deps.definitions.get(definitionId);
    if (definition) await this.applySuccess(definition, latencyMs ?? null);
  }

  async recordFailure(definitionId: number, err: unknown): Promise<void> {
    const definition = await this.deps.definitions.get(definitionId);
    if (definition) await this.applyFailure(definition, err);
  }

  /** False for disabled, deleted or blocked providers. */
  async isAvailable(definitionId: number): Promise<boolean> {
    const definition = await this.deps.definitions.get(definitionId);
    if (!definition?.enabled) return false;
    return !this.isBlocked(await this.deps.statuses.get(definitionId));
  }

  /** Enabled and unblocked definitions of a kind, in id order. */
  async available(kind: ProviderKind): Promise<ProviderDefinition[]> {
    const definitions = (await this.deps.definitions.list(kind)).filter((d) => d.enabled);
    const statuses = await this.statusesFor(definitions.map((d) => d.id));
    return definitions.filter((d) => !this.isBlocked(statuses.get(d.id)));
  }

  async statusesFor(definitionIds: readonly number[]): Promise<Map<number, ProviderStatus>> {
    const rows = await this.deps.statuses.list(definitionIds);
    return new Map(rows.map((s) => [s.definitionId, s]));
  }

  /** Enabled providers that are not healthy, for GET /api/v1/health. */
  async healthIssues(): Promise<HealthIssue[]> {
    const [definitions, statuses] = await Promise.all([this.deps.definitions.list(), this.deps.statuses.list()]);
    const byId = new Map(statuses.map((s) => [s.definitionId, s]));
    const issues: HealthIssue[] = [];
    for (const d of definitions) {
      const s = byId.get(d.id);
      if (!d.enabled || !s || s.health === 'healthy') continue;
      const { health: status, message, disabledUntil } = s;
      issues.push({
        source: HEALTH_SOURCE,
        kind: d.kind,
        definitionId: d.id,
        name: d.name,
        status,
        message,
        disabledUntil,
      });
    }
    return issues;
  }

  private async sweep(): Promise<void> {
    const definitions = (await this.deps.definitions.list()).filter((d) => d.enabled);
    const statuses = await this.statusesFor(definitions.map((d) => d.id));
    // Blocked providers are not probed: the point of backoff is to leave a struggling service alone.
    const due = definitions.filter((d) => !this.isBlocked(statuses.get(d.id)));
    const results = await Promise.allSettled(due.map((d) => this.check(d)));
    for (const r of results)
      if (r.status === 'rejected') this.deps.log.error({ err: r.reason }, 'recording provider health failed');
  }

  private async applySuccess(definition: ProviderDefinition, latencyMs: number | null): Promise<ProviderStatus> {
    const previous = await this.deps.statuses.get(definition.id);
    const cleared = this.deps.backoff.onSuccess(this.backoffState(previous));
    const slow = latencyMs !== null && latencyMs > (this.deps.degradedLatencyMs ?? 5_000);
    const next: ProviderStatus = {
      definitionId: definition.id,
      health: slow ? 'degraded' : 'healthy',
      latencyMs: latencyMs ?? previous?.latencyMs ?? null,
      lastChecked: this.iso(this.deps.clock.now()),
      message: slow ? `responding slowly (${Math.round(latencyMs)} ms)` : null,
      ...this.backoffColumns(cleared),
    };
    await this.save(definition, previous, next);
    return next;
  }

  private async applyFailure(definition: ProviderDefinition, err: unknown): Promise<ProviderStatus> {
    const previous = await this.deps.statuses.get(definition.id);
    const now = this.deps.clock.now();
    const reason = this.describe(definition, err);
    const retryAfterMs = err instanceof RateLimitedError ? err.retryAfterMs : undefined;
    const state = this.deps.backoff.onFailure(this.backoffState(previous), {
      kind: definition.kind,
      now,
      reason,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
    const next: ProviderStatus = {
      definitionId: definition.id,
      health: 'unhealthy',
      latencyMs: null,
      lastChecked: this.iso(now),
      message: reason,
      ...this.backoffColumns(state),
    };
    await this.save(definition, previous, next);
    this.deps.log.warn(
      {
        kind: definition.kind,
        id: definition.id,
        errorType: (err as Error)?.name,
        reason,
        disabledUntil: next.disabledUntil,
      },
      'provider unhealthy',
    );
    return next;
  }

  private async save(
    definition: ProviderDefinition,
    previous: ProviderStatus | undefined,
    next: ProviderStatus,
  ): Promise<void> {
    await this.deps.statuses.upsert(next);
    const changed =
      previous?.health !== next.health ||
      previous.message !== next.message ||
      previous.disabledUntil !== next.disabledUntil;
    if (!changed) return;
    const event: HealthChangedEvent = {
      source: HEALTH_SOURCE,
      definitionId: definition.id,
      kind: definition.kind,
      status: next.health,
      message: next.message,
    };
    this.deps.events.emit('health.changed', event);
    const wasUnhealthy = previous?.health === 'unhealthy';
    if (next.health === 'unhealthy' && !wasUnhealthy) this.deps.events.emit('health.issue', event);
    if (next.health !== 'unhealthy' && wasUnhealthy) this.deps.events.emit('health.restored', event);
  }

  /** A user-facing reason; taxonomy messages are ours to show, anything else may hold anything. */
  private describe(definition: ProviderDefinition, err: unknown): string {
    if (!(err instanceof IdkarrError)) return 'the health check failed with an unexpected error; see the server log';
    const integration = this.deps.registry.find(definition.kind, definition.implementation);
    const secrets = integration ? secretValues(integration.settings, definition.settings) : [];
    return scrubSecrets(err.message, secrets);
  }

  private isBlocked(status: ProviderStatus | undefined): boolean {
    return !!status?.disabledUntil && Date.parse(status.disabledUntil) > this.deps.clock.now();
  }

  private backoffState(status: ProviderStatus | undefined): BackoffState {
    if (!status) return NO_BACKOFF;
    return {
      failureCount: status.failureCount,
      disabledUntil: status.disabledUntil ? Date.parse(status.disabledUntil) : null,
      lastFailureAt: status.lastFailureAt ? Date.parse(status.lastFailureAt) : null,
      reason: status.health === 'unhealthy' ? status.message : null,
    };
  }

  private backoffColumns(
    state: BackoffState,
  ): Pick<ProviderStatus, 'failureCount' | 'disabledUntil' | 'lastFailureAt'> {
    return {
      failureCount: state.failureCount,
      disabledUntil: state.disabledUntil === null ? null : this.iso(state.disabledUntil),
      lastFailureAt: state.lastFailureAt === null ? null : this.iso(state.lastFailureAt),
    };
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
  }
}
