// The set of implementations per kind, built once from the integrations/<kind>/index.ts lists (or from test
// doubles in tests). Lookups by implementation id happen here and nowhere else.
import { ValidationError } from '../lib/errors.js';
import type { AnyIntegration } from './integration.js';
import { PROVIDER_KINDS, type ProviderKind } from './provider-kind.js';

export type IntegrationLists = Partial<Record<ProviderKind, readonly AnyIntegration[]>>;

export class ProviderRegistry {
  private readonly byKind = new Map<ProviderKind, Map<string, AnyIntegration>>();

  constructor(lists: IntegrationLists) {
    for (const kind of PROVIDER_KINDS) {
      const map = new Map<string, AnyIntegration>();
      for (const integration of lists[kind] ?? []) {
        if (integration.kind !== kind)
          throw new Error(`integration ${integration.id} is a ${integration.kind}, listed as ${kind}`);
        if (map.has(integration.id)) throw new Error(`duplicate ${kind} implementation "${integration.id}"`);
        map.set(integration.id, integration);
      }
      this.byKind.set(kind, map);
    }
  }

  list(kind: ProviderKind): AnyIntegration[] {
    return [...(this.byKind.get(kind)?.values() ?? [])];
  }

  find(kind: ProviderKind, implementation: string): AnyIntegration | undefined {
    return this.byKind.get(kind)?.get(implementation);
  }

  /** Throws a ValidationError on field `implementation` so the API answers 400, not 500. */
  require(kind: ProviderKind, implementation: string): AnyIntegration {
    const found = this.find(kind, implementation);
    if (!found) {
      throw new ValidationError(`unknown ${kind} implementation "${implementation}"`, [
        { field: 'implementation', message: `unknown ${kind} implementation "${implementation}"`, severity: 'error' },
      ]);
    }
    return found;
  }
}
