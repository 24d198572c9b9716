// The Prowlarr sync plan as a pure function: which Torznab/Newznab definitions to create, update or remove for
// each sync level and tag filter, never touching definitions that are not Prowlarr proxies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProviderDefinition } from '../../../providers/provider.types.js';
import {
  applyProwlarrSyncPlan,
  type IndexerDefinitionStore,
  type ProwlarrSyncOptions,
  planProwlarrSync,
} from './sync.js';
import type { ProwlarrIndexer } from './wire.js';

const INDEXERS = JSON.parse(
  readFileSync(new URL('./fixtures/indexers.json', import.meta.url), 'utf8'),
) as ProwlarrIndexer[];
const URL_ = 'http://prowlarr:9696';

const opts = (o: Partial<ProwlarrSyncOptions> = {}): ProwlarrSyncOptions => ({
  prowlarrUrl: URL_,
  apiKey: 'pkey',
  syncLevel: 'addOnly',
  tags: [],
  categories: [2000, 2040, 5000, 5040],
  animeCategories: [5070],
  ...o,
});

let nextId = 100;
function def(implementation: string, name: string, settings: Record<string, unknown>): ProviderDefinition {
  return {
    id: nextId++,
    kind: 'indexer',
    implementation,
    name,
    enabled: true,
    tags: [],
    settings,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
  };
}

describe('planProwlarrSync', () => {
  it('disabled plans nothing', () => {
    expect(planProwlarrSync(INDEXERS, [], opts({ syncLevel: 'disabled' }))).toEqual({
      create: [],
      update: [],
      remove: [],
    });
  });

  it('addOnly creates a Torznab/Newznab definition per enabled, media-capable indexer pointing at its proxy', () => {
    const plan = planProwlarrSync(INDEXERS, [], opts());
    expect(plan.create.map((c) => [c.implementation, c.name, c.settings.baseUrl])).toEqual([
      ['torznab', 'IPTorrents (Prowlarr)', 'http://prowlarr:9696/1'],
      ['newznab', 'NZBgeek (Prowlarr)', 'http://prowlarr:9696/2'],
      ['torznab', '1337x (Prowlarr)', 'http://prowlarr:9696/5'],
    ]);
    expect(plan.create[0]?.settings).toEqual({
      baseUrl: 'http://prowlarr:9696/1',
      apiPath: '/api',
      apiKey: 'pkey',
      categories: [2000, 2040, 5000, 5040],
      animeCategories: [5070],
      enableRss: true,
      enableAutomaticSearch: true,
      enableInteractiveSearch: true,
      priority: 10,
    });
    // 1337x does not support RSS in Prowlarr.
    expect(plan.create[2]?.settings.enableRss).toBe(false);
    expect(plan.update).toEqual([]);
    expect(plan.remove).toEqual([]);
  });

  it('tags restrict the indexers synced', () => {
    const plan = planProwlarrSync(INDEXERS, [], opts({ tags: [4] }));
    expect(plan.create.map((c) => c.name)).toEqual(['NZBgeek (Prowlarr)']);
  });

  it('addOnly removes vanished, disabled and untagged proxies but never updates; other definitions are untouched', () => {
    const own = def('torznab', 'My tracker', { baseUrl: 'https://tracker.example/api' });
    const stale = def('torznab', 'Gone (Prowlarr)', { baseUrl: 'http://prowlarr:9696/99' });
    const disabled = def('torznab', 'Disabled Tracker (Prowlarr)', { baseUrl: 'http://prowlarr:9696/3/' });
    const drifted = def('torznab', 'IPTorrents (Prowlarr)', { baseUrl: 'http://prowlarr:9696/1', priority: 50 });
    const otherProwlarr = def('torznab', 'Elsewhere', { baseUrl: 'http://other:9696/1' });
    const existing = [own, stale, disabled, drifted, otherProwlarr];
    const plan = planProwlarrSync(INDEXERS, existing, opts({ tags: [3] }));
    expect(plan.remove.map((r) => r.id).sort()).toEqual([stale.id, disabled.id].sort());
    expect(plan.create.map((c) => c.name)).toEqual(['NZBgeek (Prowlarr)']);
    expect(plan.update).toEqual([]);
  });

  it('fullSync also updates drifted Prowlarr-owned settings and keeps the user-owned ones', () => {
    const drifted = def('torznab', 'IPTorrents (Prowlarr)', {
      baseUrl: 'http://prowlarr:9696/1',
      apiPath: '/api',
      apiKey: 'old-key',
      categories: [2000],
      animeCategories: [5070],
      enableRss: true,
      enableAutomaticSearch: true,
      enableInteractiveSearch: true,
      priority: 10,
      minimumSeeders: 5,
    });
    const inSync = def('newznab', 'NZBgeek (Prowlarr)', {
      baseUrl: 'http://prowlarr:9696/2',
      apiPath: '/api',
      apiKey: '********',
      categories: [2000, 2040, 5000, 5040],
      animeCategories: [5070],
      enableRss: true,
      enableAutomaticSearch: true,
      enableInteractiveSearch: true,
      priority: 25,
    });
    const plan = planProwlarrSync(INDEXERS, [drifted, inSync], opts({ syncLevel: 'fullSync' }));
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]?.id).toBe(drifted.id);
    expect(plan.update[0]?.input.settings).toMatchObject({
      apiKey: 'pkey',
      categories: [2000, 2040, 5000, 5040],
      minimumSeeders: 5,
    });
    expect(plan.create.map((c) => c.name)).toEqual(['1337x (Prowlarr)']);
    expect(plan.remove).toEqual([]);
  });

  it('fullSync replaces a definition whose protocol changed; a name clash with a user definition gets the id', () => {
    const wrongKind = def('newznab', 'IPTorrents (Prowlarr)', { baseUrl: 'http://prowlarr:9696/1' });
    const clash = def('torznab', '1337x (Prowlarr)', { baseUrl: 'https://1337x.example' });
    const plan = planProwlarrSync(INDEXERS, [wrongKind, clash], opts({ syncLevel: 'fullSync' }));
    expect(plan.remove).toEqual([{ id: wrongKind.id, name: 'IPTorrents (Prowlarr)' }]);
    expect(plan.create.map((c) => c.name)).toContain('IPTorrents (Prowlarr)');
    expect(plan.create.map((c) => c.name)).toContain('1337x (Prowlarr 5)');
  });
});

describe('applyProwlarrSyncPlan', () => {
  it('removes, creates and updates through the store; one failure does not stop the rest', async () => {
    const calls: string[] = [];
    const store: IndexerDefinitionStore = {
      list: async () => [],
      create: async (_k, input) => {
        if (input.name.startsWith('NZBgeek')) throw new Error('name taken');
        calls.push(`create ${input.name}`);
      },
      update: async (_k, id) => {
        calls.push(`update ${id}`);
      },
      remove: async (_k, id) => {
        calls.push(`remove ${id}`);
      },
    };
    const plan = planProwlarrSync(INDEXERS, [def('torznab', 'Old', { baseUrl: 'http://prowlarr:9696/42' })], opts());
    const result = await applyProwlarrSyncPlan(store, plan);
    expect(calls[0]).toMatch(/^remove /);
    expect(result.created).toEqual(['IPTorrents (Prowlarr)', '1337x (Prowlarr)']);
    expect(result.removed).toEqual(['Old']);
    expect(result.failed).toEqual([{ name: 'NZBgeek (Prowlarr)', error: 'name taken' }]);
  });
});
