// Creates integration instances from stored definitions on first use and caches them, so sessions and cookies
// an instance holds survive between calls. A changed or deleted definition disposes its instance.
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import type { AnyIntegration, IntegrationContext } from './integration.js';
import type { IntegrationInstance } from './ports.js';
import type { ProviderDefinition } from './provider.types.js';
import type { ProviderKind } from './provider-kind.js';
import type { ProviderRegistry } from './provider-registry.js';

export interface ProviderInstancesDeps {
  registry: ProviderRegistry;
  clock: Clock;
  log: Logger;
}

interface Cached {
  updatedAt: string;
  instance: IntegrationInstance;
}

export class ProviderInstances {
  private readonly cache = new Map<number, Cached>();

  constructor(private readonly deps: ProviderInstancesDeps) {}

  /** The cached instance for a saved definition; rebuilt when the definition was updated since. */
  get(definition: ProviderDefinition): IntegrationInstance {
    const cached = this.cache.get(definition.id);
    if (cached && cached.updatedAt === definition.updatedAt) return cached.instance;
    if (cached) this.evict(definition.id);
    const integration = this.deps.registry.require(definition.kind, definition.implementation);
    const instance = this.create(integration, definition.kind, definition.settings, definition.id, definition.name);
    this.cache.set(definition.id, { updatedAt: definition.updatedAt, instance });
    return instance;
  }

  /** A throwaway instance for testing settings that are not (or not yet) saved; the caller disposes it. */
  create(
    integration: AnyIntegration,
    kind: ProviderKind,
    settings: Record<string, unknown>,
    definitionId: number | null,
    definitionName: string,
  ): IntegrationInstance {
    // Only ids go into the logger bindings: settings hold secrets.
    const log = this.deps.log.child({ module: `${kind}.${integration.id}`, definitionId });
    const ctx: IntegrationContext = { log, clock: this.deps.clock, kind, definitionId, definitionName };
    return integration.create(settings, ctx);
  }

  evict(definitionId: number): void {
    const cached = this.cache.get(definitionId);
    if (!cached) return;
    this.cache.delete(definitionId);
    void this.disposeQuietly(cached.instance, definitionId);
  }

  async disposeAll(): Promise<void> {
    const all = [...this.cache.entries()];
    this.cache.clear();
    await Promise.all(all.map(([id, c]) => this.disposeQuietly(c.instance, id)));
  }

  async disposeQuietly(instance: IntegrationInstance, definitionId: number | null): Promise<void> {
    try {
      await instance.dispose?.();
    } catch (err) {
      // The error's type only: an integration's message might quote its settings.
      this.deps.log.warn({ definitionId, errorType: (err as Error)?.name }, 'disposing an integration failed');
    }
  }
}
