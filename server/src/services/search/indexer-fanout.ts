// Asks every enabled, available indexer that allows the purpose (RSS, automatic or interactive search) at once.
// Each indexer runs under its own time limit and failures are isolated: a failing indexer is reported to the
// provider framework (backoff, health) and the others' releases still come back. Successes clear the backoff.
import type { Clock } from '../../lib/clock.js';
import { IdkarrError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { IndexerPort, ReleaseInfo } from '../../providers/ports/indexer.port.js';
import type { IntegrationInstance } from '../../providers/ports.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import { withTimeout } from '../../providers/with-timeout.js';

export type IndexerPurpose = 'rss' | 'automatic' | 'interactive';

export interface IndexerFanoutDeps {
  health: {
    available(kind: 'indexer'): Promise<ProviderDefinition[]>;
    recordFailure(definitionId: number, err: unknown): Promise<void>;
    recordSuccess(definitionId: number, latencyMs?: number): Promise<void>;
  };
  instances: { get(definition: ProviderDefinition): IntegrationInstance };
  clock: Clock;
  log: Logger;
  /** Limit for one indexer's whole answer (all pages); default 120 s. */
  timeoutMs?: number;
}

export interface IndexerOutcome {
  id: number;
  name: string;
  releases: number;
  /** Why this indexer gave nothing (it was backed off); absent on success. */
  error?: string;
}

export interface FanoutResult {
  releases: ReleaseInfo[];
  indexers: IndexerOutcome[];
}

export interface IndexerTarget {
  definition: ProviderDefinition;
  indexer: IndexerPort;
}

function isIndexer(i: IntegrationInstance): i is IndexerPort {
  const x = i as Partial<IndexerPort>;
  return typeof x.search === 'function' && typeof x.fetchRss === 'function' && typeof x.options === 'object';
}

function allows(indexer: IndexerPort, purpose: IndexerPurpose): boolean {
  const o = indexer.options;
  if (purpose === 'rss') return o.enableRss;
  if (purpose === 'automatic') return o.enableAutomaticSearch;
  return o.enableInteractiveSearch;
}

/** What a user may read about a failure: taxonomy messages are ours, anything else is summarised. */
export function failureText(err: unknown): string {
  return err instanceof IdkarrError ? err.message : 'unexpected error; see the server log';
}

export class IndexerFanout {
  constructor(private readonly deps: IndexerFanoutDeps) {}

  /** Enabled, unblocked indexers allowing `purpose`; `only` narrows to some definition ids. */
  async targets(purpose: IndexerPurpose, only?: readonly number[]): Promise<IndexerTarget[]> {
    const out: IndexerTarget[] = [];
    for (const definition of await this.deps.health.available('indexer')) {
      if (only && !only.includes(definition.id)) continue;
      let instance: IntegrationInstance;
      try {
        instance = this.deps.instances.get(definition);
      } catch (err) {
        this.deps.log.warn({ indexer: definition.name, errorType: (err as Error)?.name }, 'indexer cannot be created');
        continue;
      }
      if (isIndexer(instance) && allows(instance, purpose)) out.push({ definition, indexer: instance });
    }
    return out;
  }

  /** Runs `work` on every target in parallel; one indexer's failure or timeout never affects the others. */
  async run(
    purpose: IndexerPurpose,
    work: (t: IndexerTarget) => Promise<ReleaseInfo[]>,
    only?: readonly number[],
  ): Promise<FanoutResult> {
    const targets = await this.targets(purpose, only);
    const timeoutMs = this.deps.timeoutMs ?? 120_000;
    const settled = await Promise.all(
      targets.map(async (t): Promise<{ outcome: IndexerOutcome; releases: ReleaseInfo[] }> => {
        const { id, name } = t.definition;
        const started = performance.now();
        try {
          const releases = await withTimeout(this.deps.clock, timeoutMs, `${name} (${purpose})`, () => work(t));
          await this.deps.health
            .recordSuccess(id, performance.now() - started)
            .catch((err) => this.deps.log.error({ err }, 'recording indexer health failed'));
          return { outcome: { id, name, releases: releases.length }, releases };
        } catch (err) {
          this.deps.log.warn(
            { indexer: name, id, purpose, errorType: (err as Error)?.name, reason: failureText(err) },
            'indexer failed',
          );
          await this.deps.health
            .recordFailure(id, err)
            .catch((e) => this.deps.log.error({ err: e }, 'recording indexer health failed'));
          return { outcome: { id, name, releases: 0, error: failureText(err) }, releases: [] };
        }
      }),
    );
    return {
      releases: settled.flatMap((s) => s.releases),
      indexers: settled.map((s) => s.outcome),
    };
  }
}
