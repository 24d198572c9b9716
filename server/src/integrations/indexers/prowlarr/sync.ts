// Prowlarr indexer sync: mirror Prowlarr's indexers as Torznab/Newznab definitions that point at Prowlarr's
// per-indexer proxies (`<prowlarr>/<id>/api`). planProwlarrSync is pure (indexer list + stored definitions →
// what to create, update, remove); applyProwlarrSyncPlan carries a plan out through any store with
// list/create/update/remove, so the composition root can hand it the framework's definition service.
//
// Levels: disabled → nothing; addOnly (Prowlarr's "add_remove") → create missing, remove vanished; fullSync →
// also update definitions whose Prowlarr-owned settings drifted. Definitions are Prowlarr's when their URL is
// `<prowlarr>/<number>`; nothing else is ever touched.

import { errorMessage } from '../../../lib/errors.js';
import type { ProviderDefinition, ProviderDefinitionInput } from '../../../providers/provider.types.js';
import { SECRET_SENTINEL } from '../../../providers/secrets.js';
import { categoryMatches } from '../common/categories.js';
import type { SyncLevel } from './settings.js';
import type { ProwlarrCategory, ProwlarrIndexer } from './wire.js';

export interface IndexerDefinitionStore {
  list(kind: 'indexer'): Promise<ProviderDefinition[]>;
  create(kind: 'indexer', input: ProviderDefinitionInput): Promise<unknown>;
  update(kind: 'indexer', id: number, input: ProviderDefinitionInput): Promise<unknown>;
  remove(kind: 'indexer', id: number): Promise<void>;
}

export interface ProwlarrSyncOptions {
  /** Prowlarr's URL as idkarr reaches it (the proxies live under it). */
  prowlarrUrl: string;
  apiKey: string;
  syncLevel: SyncLevel;
  /** Prowlarr tag ids; an indexer needs one of them. Empty = every indexer. */
  tags: readonly number[];
  categories: readonly number[];
  animeCategories: readonly number[];
}

export interface ProwlarrSyncPlan {
  create: ProviderDefinitionInput[];
  update: { id: number; input: ProviderDefinitionInput }[];
  remove: { id: number; name: string }[];
}

export interface ProwlarrSyncResult {
  created: string[];
  updated: string[];
  removed: string[];
  failed: { name: string; error: string }[];
}

/** Settings a sync owns; everything else (minimum seeders, seed goals, rate limit) stays the user's. */
const OWNED = [
  'baseUrl',
  'apiPath',
  'apiKey',
  'categories',
  'animeCategories',
  'enableRss',
  'enableAutomaticSearch',
  'enableInteractiveSearch',
  'priority',
] as const;

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The Prowlarr indexer id a stored definition points at, when it is one of this Prowlarr's proxies. */
export function proxiedIndexerId(def: ProviderDefinition, prowlarrUrl: string): number | undefined {
  if (def.implementation !== 'torznab' && def.implementation !== 'newznab') return undefined;
  const base = typeof def.settings.baseUrl === 'string' ? trimSlash(def.settings.baseUrl) : '';
  const prefix = `${trimSlash(prowlarrUrl)}/`;
  if (!base.toLowerCase().startsWith(prefix.toLowerCase())) return undefined;
  const rest = base.slice(prefix.length);
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}

function flatCategories(list: ProwlarrCategory[] | undefined): number[] {
  const out: number[] = [];
  for (const c of list ?? []) {
    out.push(c.id);
    for (const s of c.subCategories ?? []) out.push(s.id);
  }
  return out;
}

/** The wanted categories the indexer offers (a parent offered covers its subcategories and vice versa). */
function intersect(wanted: readonly number[], offered: number[]): number[] {
  if (offered.length === 0) return [...wanted];
  return wanted.filter((w) => offered.some((o) => categoryMatches(o, w) || categoryMatches(w, o)));
}

function wantedIndexers(indexers: readonly ProwlarrIndexer[], opts: ProwlarrSyncOptions): ProwlarrIndexer[] {
  return indexers.filter((i) => {
    if (!i.enable) return false;
    if (i.protocol !== 'torrent' && i.protocol !== 'usenet') return false;
    if (i.supportsRss === false && i.supportsSearch === false) return false;
    if (opts.tags.length > 0 && !(i.tags ?? []).some((t) => opts.tags.includes(t))) return false;
    const offered = flatCategories(i.capabilities?.categories);
    const all = [...opts.categories, ...opts.animeCategories];
    return offered.length === 0 || intersect(all, offered).length > 0;
  });
}

function desiredDefinition(i: ProwlarrIndexer, opts: ProwlarrSyncOptions, name: string): ProviderDefinitionInput {
  const offered = flatCategories(i.capabilities?.categories);
  return {
    implementation: i.protocol === 'usenet' ? 'newznab' : 'torznab',
    name,
    enabled: true,
    tags: [],
    settings: {
      baseUrl: `${trimSlash(opts.prowlarrUrl)}/${i.id}`,
      apiPath: '/api',
      apiKey: opts.apiKey,
      categories: intersect(opts.categories, offered),
      animeCategories: intersect(opts.animeCategories, offered),
      enableRss: i.supportsRss ?? true,
      enableAutomaticSearch: i.supportsSearch ?? true,
      enableInteractiveSearch: i.supportsSearch ?? true,
      priority: Math.min(50, Math.max(1, Math.round(i.priority ?? 25))),
    },
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function drifted(def: ProviderDefinition, want: ProviderDefinitionInput): boolean {
  if (def.name !== want.name || !def.enabled) return true;
  return OWNED.some((key) => {
    const stored = def.settings[key];
    // A masked secret cannot be compared; the key is rewritten only when something else changed.
    if (key === 'apiKey' && stored === SECRET_SENTINEL) return false;
    return !sameValue(stored, want.settings[key]);
  });
}

export function planProwlarrSync(
  indexers: readonly ProwlarrIndexer[],
  existing: readonly ProviderDefinition[],
  opts: ProwlarrSyncOptions,
): ProwlarrSyncPlan {
  const plan: ProwlarrSyncPlan = { create: [], update: [], remove: [] };
  if (opts.syncLevel === 'disabled') return plan;
  const managed = new Map<number, ProviderDefinition>();
  const otherNames = new Set<string>();
  for (const def of existing) {
    const id = proxiedIndexerId(def, opts.prowlarrUrl);
    if (id !== undefined && !managed.has(id)) managed.set(id, def);
    else otherNames.add(def.name.toLowerCase());
  }
  const wanted = wantedIndexers(indexers, opts);
  const wantedIds = new Set(wanted.map((i) => i.id));
  for (const [id, def] of managed) if (!wantedIds.has(id)) plan.remove.push({ id: def.id, name: def.name });
  for (const i of wanted) {
    // Names are unique per kind: a user's own definition of the same name gets the Prowlarr id appended.
    const plain = `${i.name} (Prowlarr)`;
    const name = otherNames.has(plain.toLowerCase()) ? `${i.name} (Prowlarr ${i.id})` : plain;
    const want = desiredDefinition(i, opts, name);
    const def = managed.get(i.id);
    if (!def) {
      plan.create.push(want);
      continue;
    }
    if (opts.syncLevel !== 'fullSync') continue;
    if (def.implementation !== want.implementation) {
      // The protocol changed: a Torznab definition cannot become Newznab in place.
      plan.remove.push({ id: def.id, name: def.name });
      plan.create.push(want);
    } else if (drifted(def, want)) {
      plan.update.push({
        id: def.id,
        input: { ...want, tags: def.tags, settings: { ...def.settings, ...want.settings } },
      });
    }
  }
  return plan;
}

/** Carries out a plan: removals first (they may free names), then creations and updates. One failure never stops the rest. */
export async function applyProwlarrSyncPlan(
  store: IndexerDefinitionStore,
  plan: ProwlarrSyncPlan,
): Promise<ProwlarrSyncResult> {
  const result: ProwlarrSyncResult = { created: [], updated: [], removed: [], failed: [] };
  const attempt = async (name: string, done: string[], op: () => Promise<unknown>) => {
    try {
      await op();
      done.push(name);
    } catch (err) {
      result.failed.push({ name, error: errorMessage(err) });
    }
  };
  for (const r of plan.remove) await attempt(r.name, result.removed, () => store.remove('indexer', r.id));
  for (const c of plan.create) await attempt(c.name, result.created, () => store.create('indexer', c));
  for (const u of plan.update)
    await attempt(u.input.name, result.updated, () => store.update('indexer', u.id, u.input));
  return result;
}
