// The import list port (spec: "List Provider Interface"): a list (Trakt, IMDb, TMDB, ...) answers with the items
// on it, in domain shapes; the sync service resolves, filters and adds them. The settings every list shares (what
// to add items with, how often to sync, what to do when an item leaves the list) are defined here once and merged
// into each integration's settings schema, so the schema-driven form shows them for every list.
import { z } from 'zod';
import { MONITOR_TYPES } from '../../domain/library/monitor-type.rules.js';
import { MINIMUM_AVAILABILITIES } from '../../domain/library/movie.types.js';
import { SERIES_TYPES } from '../../domain/library/series.types.js';
import type { IntegrationInstance } from '../ports.js';

export type ListMediaType = 'movie' | 'series';

/** One entry of a list. At least one id or a title is set; the sync resolves the rest through metadata. */
export interface ListItem {
  mediaType: ListMediaType;
  title: string;
  year?: number;
  tmdbId?: number;
  imdbId?: string;
  tvdbId?: number;
}

/** `movies`/`series`: what the list can contain; `oauth`: needs a sign-in (Trakt's device flow). */
export type ImportListCapability = 'movies' | 'series' | 'oauth';

/** What a fetch may do besides reading the list. */
export interface ImportListFetchContext {
  /** Persists changed settings (refreshed OAuth tokens) into the stored definition. */
  saveSettings(patch: Record<string, unknown>): Promise<void>;
}

export interface ImportListPort extends IntegrationInstance {
  readonly capabilities: readonly ImportListCapability[];
  /** Every item on the list. Throws a taxonomy error when the list cannot be read (never answers [] for that). */
  fetch(ctx?: ImportListFetchContext): Promise<ListItem[]>;
}

export const LEAVE_POLICIES = ['keep', 'unmonitor', 'remove'] as const;
export type LeavePolicy = (typeof LEAVE_POLICIES)[number];

/** Settings of every import list (spec: "Import List Configuration"); the definition's tags go on added items. */
export const importListSyncSettings = {
  qualityProfileId: z
    .number()
    .int()
    .positive()
    .meta({ label: 'Quality profile', help: 'Profile of the items this list adds.', order: 100 }),
  rootFolderPath: z
    .string()
    .trim()
    .min(1, 'a root folder is required')
    .meta({ label: 'Root folder', help: 'Where added items get their folders.', order: 101 }),
  monitor: z.enum(MONITOR_TYPES).default('all').meta({
    label: 'Monitor',
    help: 'Series: which episodes start monitored. Movies are monitored unless this is "none".',
    order: 102,
  }),
  minimumAvailability: z
    .enum(MINIMUM_AVAILABILITIES)
    .default('released')
    .meta({ label: 'Minimum availability', help: 'Movies only.', order: 103 }),
  seriesType: z.enum(SERIES_TYPES).default('standard').meta({ label: 'Series type', order: 104 }),
  seasonFolder: z.boolean().default(true).meta({ label: 'Season folders', order: 105 }),
  searchOnAdd: z
    .boolean()
    .default(false)
    .meta({ label: 'Search on add', help: 'Search for added items right away.', order: 106 }),
  syncIntervalMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(360)
    .meta({ label: 'Sync interval (minutes)', order: 107 }),
  onLeave: z.enum(LEAVE_POLICIES).default('keep').meta({
    label: 'When an item leaves the list',
    help: 'keep it, unmonitor it, or remove it from the library (files are kept). Only applied after a successful, non-empty fetch.',
    order: 108,
  }),
};

export type ImportListSyncSettings = z.output<z.ZodObject<typeof importListSyncSettings>>;
