// `t=caps`: what a Newznab/Torznab indexer can search by, its categories and page limits; plus a small cache so
// every search does not ask again. Search functions that list no `supportedParams` get the Newznab defaults.
import type { Clock } from '../../../lib/clock.js';
import { ProtocolError } from '../../../lib/errors.js';
import type {
  IndexerCapabilities,
  IndexerCategory,
  SearchMode,
  SearchModeCaps,
} from '../../../providers/ports/indexer.port.js';
import { asArray, attr, type XmlNode } from './xml.js';

const MODES: readonly SearchMode[] = [
  'search',
  'tv-search',
  'movie-search',
  'music-search',
  'audio-search',
  'book-search',
];

/** Newznab's documented defaults for a search function without `supportedParams`. */
const DEFAULT_PARAMS: Record<SearchMode, readonly string[]> = {
  search: ['q'],
  'tv-search': ['q', 'rid', 'season', 'ep'],
  'movie-search': ['q', 'imdbid'],
  'music-search': ['q'],
  'audio-search': ['q'],
  'book-search': ['q'],
};

export const DEFAULT_LIMITS = { default: 100, max: 100 };

export function parseCaps(doc: XmlNode, what: string): IndexerCapabilities {
  const caps = doc.caps as XmlNode | undefined;
  if (!caps || typeof caps !== 'object') throw new ProtocolError(`${what}: not a caps document`);
  const searching = (caps.searching ?? {}) as XmlNode;
  const searchModes: Partial<Record<SearchMode, SearchModeCaps>> = {};
  for (const mode of MODES) {
    const node = searching[mode];
    if (!node || typeof node !== 'object') continue;
    const available = (attr(node, 'available') ?? 'no').toLowerCase() === 'yes';
    const listed = attr(node, 'supportedParams');
    const supportedParams =
      listed === undefined
        ? [...DEFAULT_PARAMS[mode]]
        : listed
            .split(',')
            .map((p) => p.trim().toLowerCase())
            .filter((p) => p !== '');
    searchModes[mode] = { available, supportedParams };
  }
  const limitsNode = caps.limits as XmlNode | undefined;
  const max = positive(attr(limitsNode, 'max')) ?? DEFAULT_LIMITS.max;
  const def = Math.min(positive(attr(limitsNode, 'default')) ?? Math.min(DEFAULT_LIMITS.default, max), max);
  const categories = asArray<XmlNode>((caps.categories as XmlNode | undefined)?.category)
    .map(parseCategory)
    .filter((c): c is IndexerCategory => c !== undefined);
  const retention = positive(attr(caps.retention, 'days'));
  return withFlags({
    searchModes,
    categories,
    limits: { default: def, max },
    ...(retention ? { retentionDays: retention } : {}),
  });
}

function parseCategory(node: XmlNode): IndexerCategory | undefined {
  const id = Number(attr(node, 'id'));
  if (!Number.isInteger(id) || id < 0) return undefined;
  const subcategories = asArray<XmlNode>(node.subcat)
    .map(parseCategory)
    .filter((c): c is IndexerCategory => c !== undefined);
  return { id, name: attr(node, 'name') ?? String(id), subcategories };
}

function positive(v: string | undefined): number | undefined {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

export function supports(caps: IndexerCapabilities, mode: SearchMode, param: string): boolean {
  const m = caps.searchModes[mode];
  return !!m?.available && m.supportedParams.includes(param);
}

export function modeAvailable(caps: IndexerCapabilities, mode: SearchMode): boolean {
  return !!caps.searchModes[mode]?.available;
}

export function withFlags(
  base: Pick<IndexerCapabilities, 'searchModes' | 'categories' | 'limits'> & { retentionDays?: number },
): IndexerCapabilities {
  const c = base as IndexerCapabilities;
  const any = (param: string) => supports(c, 'tv-search', param) || supports(c, 'movie-search', param);
  return {
    ...base,
    supportsRawSearch: supports(c, 'search', 'q'),
    supportsImdbSearch: any('imdbid'),
    supportsTmdbSearch: any('tmdbid'),
    supportsTvdbSearch: supports(c, 'tv-search', 'tvdbid'),
    supportsSeasonSearch: supports(c, 'tv-search', 'season'),
    supportsEpisodeSearch: supports(c, 'tv-search', 'ep'),
  };
}

/** Every category id the indexer listed, subcategories included. */
export function allCategoryIds(caps: IndexerCapabilities): number[] {
  const out: number[] = [];
  const walk = (list: IndexerCategory[]) => {
    for (const c of list) {
      out.push(c.id);
      walk(c.subcategories);
    }
  };
  walk(caps.categories);
  return out;
}

/** One value per definition, reloaded after `ttlMs`; concurrent callers share one load; failures are not kept. */
export class CapsCache {
  private value: IndexerCapabilities | undefined;
  private loadedAt = 0;
  private pending: Promise<IndexerCapabilities> | undefined;

  constructor(
    private readonly ttlMs: number,
    private readonly clock: Clock,
    private readonly load: () => Promise<IndexerCapabilities>,
  ) {}

  get(): Promise<IndexerCapabilities> {
    if (this.value && this.ttlMs > 0 && this.clock.now() - this.loadedAt < this.ttlMs) {
      return Promise.resolve(this.value);
    }
    return this.refresh();
  }

  refresh(): Promise<IndexerCapabilities> {
    this.pending ??= this.load()
      .then((caps) => {
        this.value = caps;
        this.loadedAt = this.clock.now();
        return caps;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  clear(): void {
    this.value = undefined;
  }
}
