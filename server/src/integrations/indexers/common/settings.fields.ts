// Settings fields every indexer shares (spec: IndexerConfig): the switches the search jobs read, priority,
// categories, seeding goals for torrent indexers, and the polite-client knobs (rate limit, timeout, caps cache).
// Each indexer builds its schema from these plus its own connection fields, so the forms look alike.
import { z } from 'zod';
import type { IndexerOptions } from '../../../providers/ports/indexer.port.js';
import { DEFAULT_ANIME_CATEGORIES, DEFAULT_CATEGORIES } from './categories.js';

const categoryList = z.array(z.number().int().min(0).max(999_999));

export const baseUrlField = (placeholder: string) =>
  z
    .url('must be an http(s) URL')
    .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL')
    .meta({ label: 'URL', placeholder, order: 1 });

export const apiKeyField = () =>
  z.string().trim().min(1, 'an API key is required').meta({ label: 'API key', secret: true, order: 3 });

/** Switches and priority (every indexer). */
export const behaviourFields = () => ({
  enableRss: z.boolean().default(true).meta({ label: 'Enable RSS', help: 'Use this indexer for RSS sync', order: 20 }),
  enableAutomaticSearch: z
    .boolean()
    .default(true)
    .meta({ label: 'Enable automatic search', help: 'Used when idkarr searches by itself', order: 21 }),
  enableInteractiveSearch: z
    .boolean()
    .default(true)
    .meta({ label: 'Enable interactive search', help: 'Used when you search by hand', order: 22 }),
  priority: z.number().int().min(1).max(50).default(25).meta({
    label: 'Priority',
    help: '1 (highest) to 50; breaks ties between equal releases',
    order: 23,
    advanced: true,
  }),
});

/** Newznab category ids (Newznab, Torznab, Jackett, Prowlarr). */
export const categoryFields = () => ({
  categories: categoryList.default([...DEFAULT_CATEGORIES]).meta({
    label: 'Categories',
    help: 'Newznab category ids searched for movies (2xxx) and series (5xxx)',
    order: 10,
  }),
  animeCategories: categoryList
    .default([...DEFAULT_ANIME_CATEGORIES])
    .meta({ label: 'Anime categories', help: 'Used for absolute-numbered (anime) episode searches', order: 11 }),
});

/** Seeding goals handed to the torrent client, and the minimum seeders a release needs. */
export const torrentFields = () => ({
  minimumSeeders: z
    .number()
    .int()
    .min(0)
    .default(1)
    .meta({ label: 'Minimum seeders', help: 'Releases with fewer seeders are rejected', order: 30 }),
  seedRatio: z
    .number()
    .min(0)
    .optional()
    .meta({ label: 'Seed ratio', help: 'Empty = the download client decides', order: 31, advanced: true }),
  seedTimeMinutes: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ label: 'Seed time (minutes)', help: 'Empty = the download client decides', order: 32, advanced: true }),
});

/** Rate limit, timeout and the caps cache lifetime. */
export const clientFields = (defaults: { requestsPerMinute?: number } = {}) => ({
  requestsPerMinute: z
    .number()
    .int()
    .min(1)
    .max(600)
    .default(defaults.requestsPerMinute ?? 60)
    .meta({
      label: 'Requests per minute',
      help: 'Most requests sent to this indexer per minute',
      order: 40,
      advanced: true,
    }),
  timeoutSeconds: z
    .number()
    .min(0.05)
    .max(300)
    .default(60)
    .meta({ label: 'Request timeout (seconds)', order: 41, advanced: true }),
  capsCacheMinutes: z
    .number()
    .min(0)
    .max(7 * 24 * 60)
    .default(24 * 60)
    .meta({
      label: 'Capabilities cache (minutes)',
      help: '0 fetches them before every search',
      order: 42,
      advanced: true,
    }),
  maxPages: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(10)
    .meta({ label: 'Pages per search', help: 'Most result pages fetched for one search', order: 43, advanced: true }),
});

export interface BehaviourSettings {
  enableRss: boolean;
  enableAutomaticSearch: boolean;
  enableInteractiveSearch: boolean;
  priority: number;
  minimumSeeders?: number;
  seedRatio?: number | undefined;
  seedTimeMinutes?: number | undefined;
}

export function indexerOptions(s: BehaviourSettings): IndexerOptions {
  const out: IndexerOptions = {
    enableRss: s.enableRss,
    enableAutomaticSearch: s.enableAutomaticSearch,
    enableInteractiveSearch: s.enableInteractiveSearch,
    priority: s.priority,
  };
  if (s.minimumSeeders !== undefined) out.minimumSeeders = s.minimumSeeders;
  if (s.seedRatio !== undefined) out.seedRatio = s.seedRatio;
  if (s.seedTimeMinutes !== undefined) out.seedTimeMinutes = s.seedTimeMinutes;
  return out;
}
