// Picks the metadata provider for an operation among the enabled, unblocked metadata definitions and calls it.
// A provider that is down (unreachable, timing out, 5xx, rate limited, rejecting the key) is reported to the health
// service (which backs it off) and the call moves on to the next provider that can do the same thing; when none
// is left the caller gets a ServiceUnavailableError naming the provider(s): "TMDB is unavailable: …".
// "Not found" or an unreadable payload is about the item, not an outage: passed through, health untouched.
//
// Series ids: `getSeries(id)` takes the provider's own id. By convention a provider's own id is the field named
// after its implementation (`tvdb` → tvdbId, `tmdb` → tmdbId), so callers ask for an id space, not a provider.
import {
  AuthError,
  errorMessage,
  IdkarrError,
  ProtocolError,
  RateLimitedError,
  ServerError,
  ServiceUnavailableError,
  TimeoutError,
  UnreachableError,
} from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import {
  type MetadataCapability,
  type MetadataOperations,
  type MetadataProviderPort,
  supports,
} from '../../providers/ports/metadata.port.js';
import type { IntegrationInstance } from '../../providers/ports.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';

export type SeriesIdSpace = 'tvdbId' | 'tmdbId';

export interface MetadataGatewayDeps {
  health: {
    available(kind: 'metadata'): Promise<ProviderDefinition[]>;
    recordFailure(definitionId: number, err: unknown): Promise<void>;
    healthIssues(): Promise<
      { kind: string; name: string; status: string; message: string | null; disabledUntil: string | null }[]
    >;
  };
  instances: { get(definition: ProviderDefinition): IntegrationInstance };
  log: Pick<Logger, 'warn' | 'error'>;
}

export interface CallOptions {
  /** Only providers whose own series id is this one (getSeries). */
  idSpace?: SeriesIdSpace;
  /** Providers owning this id space are tried first. */
  prefer?: SeriesIdSpace;
}

type Provider<C extends MetadataCapability> = MetadataProviderPort & Pick<MetadataOperations, C>;

/** The id field a provider's own ids go in (see the header). */
export function ownIdSpace(definition: Pick<ProviderDefinition, 'implementation'>): SeriesIdSpace | undefined {
  const field = `${definition.implementation}Id`;
  return field === 'tvdbId' || field === 'tmdbId' ? field : undefined;
}

/**
 * Errors that say "the provider cannot answer now" (down, slow, overloaded, refusing our key): the provider is
 * reported to the health service, which backs it off. Anything else is about the one item asked for (not found,
 * a payload we cannot read) and leaves the provider's health alone.
 */
function isOutage(err: unknown): boolean {
  return (
    err instanceof UnreachableError ||
    err instanceof TimeoutError ||
    err instanceof RateLimitedError ||
    err instanceof ServerError ||
    err instanceof AuthError
  );
}

export class MetadataGateway {
  constructor(private readonly deps: MetadataGatewayDeps) {}

  /** Whether any available provider can do `op` (in the id space, when given). */
  async can(op: MetadataCapability, opts: CallOptions = {}): Promise<boolean> {
    return (await this.candidates(op, opts)).length > 0;
  }

  async call<C extends MetadataCapability, T>(
    op: C,
    fn: (provider: Provider<C>) => Promise<T>,
    opts: CallOptions = {},
  ): Promise<T> {
    const candidates = await this.candidates(op, opts);
    if (candidates.length === 0) throw await this.noneAvailable(op);
    const failures: string[] = [];
    for (const { definition, provider } of candidates) {
      try {
        return await fn(provider);
      } catch (err) {
        if (!isOutage(err)) {
          if (err instanceof IdkarrError) throw err;
          // A mapper tripping over an odd payload: the provider's answer, not our bug to report as a 500.
          throw new ProtocolError(`${definition.name} answered something unexpected: ${errorMessage(err)}`);
        }
        const message = `${definition.name} is unavailable: ${errorMessage(err)}`;
        failures.push(message);
        this.deps.log.warn({ definitionId: definition.id, op, errorType: (err as Error)?.name }, message);
        await this.deps.health.recordFailure(definition.id, err).catch((recordErr: unknown) => {
          this.deps.log.error({ err: recordErr }, 'recording a metadata provider failure failed');
        });
      }
    }
    throw new ServiceUnavailableError(failures.join('; '));
  }

  private async candidates<C extends MetadataCapability>(
    op: C,
    opts: CallOptions,
  ): Promise<{ definition: ProviderDefinition; provider: Provider<C> }[]> {
    const out: { definition: ProviderDefinition; provider: Provider<C>; rank: number }[] = [];
    for (const definition of await this.deps.health.available('metadata')) {
      const space = ownIdSpace(definition);
      if (opts.idSpace && space !== opts.idSpace) continue;
      let instance: IntegrationInstance;
      try {
        instance = this.deps.instances.get(definition);
      } catch (err) {
        this.deps.log.warn({ definitionId: definition.id, errorType: (err as Error)?.name }, 'metadata provider');
        continue;
      }
      const provider = instance as MetadataProviderPort;
      if (!Array.isArray(provider.capabilities) || !supports(provider, op)) continue;
      out.push({ definition, provider, rank: opts.prefer && space === opts.prefer ? 0 : 1 });
    }
    // Stable: definitions keep their id order within a rank.
    return out.sort((a, b) => a.rank - b.rank);
  }

  /** Names the providers that could have answered but are blocked or disabled, for a useful 503. */
  async noneAvailable(op: MetadataCapability): Promise<ServiceUnavailableError> {
    const issues = (await this.deps.health.healthIssues()).filter((i) => i.kind === 'metadata');
    if (issues.length === 0) return new ServiceUnavailableError(`no metadata provider that can ${op} is configured`);
    const parts = issues.map((i) => {
      const until = i.disabledUntil ? ` (retrying after ${i.disabledUntil})` : '';
      return `${i.name} is unavailable: ${i.message ?? i.status}${until}`;
    });
    return new ServiceUnavailableError(parts.join('; '));
  }
}
