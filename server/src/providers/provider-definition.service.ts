// CRUD for provider definitions of every kind: validate settings with the implementation's schema, run its
// test() before writing (errors block, warnings block unless forced), keep stored secrets when the client
// sends the sentinel back, and write in a transaction so a failed save leaves the old definition intact.
import type { ProviderDefinitionRepository } from '../db/repositories/provider-definition.repository.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../lib/clock.js';
import { ConflictError, type Finding, NotFoundError, ValidationError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { AnyIntegration } from './integration.js';
import type { ProviderDefinition, ProviderDefinitionInput } from './provider.types.js';
import type { ProviderInstances } from './provider-instances.js';
import type { ProviderKind } from './provider-kind.js';
import type { ProviderRegistry } from './provider-registry.js';
import { restoreSecrets, scrubSecrets, secretValues } from './secrets.js';
import { parseSettings } from './settings-schema.js';
import { errorToFindings, hasErrors, scrubFindings } from './test-findings.js';
import { withTimeout } from './with-timeout.js';

export interface ProviderDefinitionServiceDeps {
  definitions: ProviderDefinitionRepository;
  registry: ProviderRegistry;
  instances: ProviderInstances;
  events: EventBus;
  clock: Clock;
  log: Logger;
  /** How long an integration's test() may take before it counts as a timeout. */
  testTimeoutMs?: number;
}

export interface SaveOptions {
  forceSave?: boolean;
}

export interface TestOutcome {
  /** True when nothing blocks the save outright; warnings may still need forceSave. */
  ok: boolean;
  findings: Finding[];
}

interface Prepared {
  integration: AnyIntegration;
  input: ProviderDefinitionInput;
}

export class ProviderDefinitionService {
  private readonly testTimeoutMs: number;

  constructor(private readonly deps: ProviderDefinitionServiceDeps) {
    this.testTimeoutMs = deps.testTimeoutMs ?? 30_000;
  }

  list(kind: ProviderKind): Promise<ProviderDefinition[]> {
    return this.deps.definitions.list(kind);
  }

  async get(kind: ProviderKind, id: number): Promise<ProviderDefinition> {
    const found = await this.deps.definitions.get(id);
    if (!found || found.kind !== kind) throw new NotFoundError(`${kind} ${id} not found`);
    return found;
  }

  async create(
    kind: ProviderKind,
    input: ProviderDefinitionInput,
    opts: SaveOptions = {},
  ): Promise<ProviderDefinition> {
    const prepared = this.prepare(kind, input, undefined);
    await this.assertNameFree(kind, input.name, undefined);
    await this.assertTestPasses(kind, prepared, null, opts);
    const saved = await this.deps.definitions.transaction(async (tx) => {
      if (await tx.findByName(kind, input.name)) throw this.duplicate(kind, input.name);
      return tx.insert(kind, prepared.input, this.now());
    });
    this.deps.log.info({ kind, id: saved.id, implementation: saved.implementation }, 'provider created');
    this.deps.events.emit('provider.changed', { kind, id: saved.id, action: 'created' });
    return saved;
  }

  async update(
    kind: ProviderKind,
    id: number,
    input: ProviderDefinitionInput,
    opts: SaveOptions = {},
  ): Promise<ProviderDefinition> {
    const stored = await this.get(kind, id);
    const prepared = this.prepare(kind, input, stored);
    await this.assertNameFree(kind, input.name, id);
    await this.assertTestPasses(kind, prepared, id, opts);
    const saved = await this.deps.definitions.transaction(async (tx) => {
      const current = await tx.get(id);
      if (!current || current.kind !== kind) throw new NotFoundError(`${kind} ${id} not found`);
      const clash = await tx.findByName(kind, input.name);
      if (clash && clash.id !== id) throw this.duplicate(kind, input.name);
      const updated = await tx.update(id, prepared.input, this.now());
      if (!updated) throw new NotFoundError(`${kind} ${id} not found`);
      return updated;
    });
    this.deps.instances.evict(id);
    this.deps.log.info({ kind, id, implementation: saved.implementation }, 'provider updated');
    this.deps.events.emit('provider.changed', { kind, id, action: 'updated' });
    return saved;
  }

  async delete(kind: ProviderKind, id: number): Promise<void> {
    await this.get(kind, id);
    await this.deps.definitions.delete(id);
    this.deps.instances.evict(id);
    this.deps.log.info({ kind, id }, 'provider deleted');
    this.deps.events.emit('provider.changed', { kind, id, action: 'deleted' });
  }

  /** Tests settings without saving. With `id`, sentinel secrets are taken from that stored definition. */
  async test(kind: ProviderKind, input: ProviderDefinitionInput, id?: number): Promise<TestOutcome> {
    const stored = id === undefined ? undefined : await this.get(kind, id);
    let prepared: Prepared;
    try {
      prepared = this.prepare(kind, input, stored);
    } catch (err) {
      // Settings that do not parse are findings of the test, not a failed request; an unknown implementation is.
      if (err instanceof ValidationError && err.findings.every((f) => f.field.startsWith('settings')))
        return { ok: false, findings: err.findings };
      throw err;
    }
    const findings = await this.runTest(kind, prepared, id ?? null);
    return { ok: !hasErrors(findings), findings };
  }

  private prepare(
    kind: ProviderKind,
    input: ProviderDefinitionInput,
    stored: ProviderDefinition | undefined,
  ): Prepared {
    const integration = this.deps.registry.require(kind, input.implementation);
    // Stored secrets belong to the stored implementation; switching implementation means entering them again.
    const previous = stored && stored.implementation === input.implementation ? stored.settings : undefined;
    const merged = restoreSecrets(integration.settings, input.settings, previous);
    const settings = parseSettings(integration.settings, merged);
    return { integration, input: { ...input, settings } };
  }

  private async assertNameFree(kind: ProviderKind, name: string, selfId: number | undefined): Promise<void> {
    const clash = await this.deps.definitions.findByName(kind, name);
    if (clash && clash.id !== selfId) throw this.duplicate(kind, name);
  }

  private async assertTestPasses(
    kind: ProviderKind,
    prepared: Prepared,
    id: number | null,
    opts: SaveOptions,
  ): Promise<void> {
    // A disabled definition is not contacted: users park half-configured providers that way.
    if (!prepared.input.enabled) return;
    const findings = await this.runTest(kind, prepared, id);
    if (hasErrors(findings)) throw new ValidationError('the connection test failed', findings);
    if (findings.length > 0 && !opts.forceSave)
      throw new ValidationError(
        'the connection test reported warnings; save again with forceSave=true to keep them',
        findings,
      );
  }

  private async runTest(kind: ProviderKind, prepared: Prepared, id: number | null): Promise<Finding[]> {
    const { integration, input } = prepared;
    const secrets = secretValues(integration.settings, input.settings);
    let instance: ReturnType<ProviderInstances['create']>;
    try {
      instance = this.deps.instances.create(integration, kind, input.settings, id, input.name);
    } catch (err) {
      return errorToFindings(integration, err, secrets);
    }
    try {
      const findings = await withTimeout(this.deps.clock, this.testTimeoutMs, 'the test', () => instance.test());
      return scrubFindings(findings, secrets);
    } catch (err) {
      this.deps.log.info(
        {
          kind,
          id,
          implementation: integration.id,
          errorType: (err as Error)?.name,
          error: scrubSecrets(String((err as Error)?.message), secrets),
        },
        'provider test failed',
      );
      return errorToFindings(integration, err, secrets);
    } finally {
      await this.deps.instances.disposeQuietly(instance, id);
    }
  }

  private duplicate(kind: ProviderKind, name: string): ConflictError {
    return new ConflictError(`a ${kind} named "${name}" already exists`);
  }

  private now(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }
}
