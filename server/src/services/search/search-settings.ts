// Search settings (Sonarr's /config/indexer subset): the RSS sync interval, stored as JSON under one key of the
// key/value table. The scheduler reads the interval at start, so a change applies from the next start.
import { z } from 'zod';
import { DEFAULT_RSS_SYNC_MINUTES, MIN_RSS_SYNC_MINUTES } from './search-commands.js';

export const SEARCH_SETTINGS_KEY = 'search.settings';

export const searchSettingsSchema = z.object({
  rssSyncIntervalMinutes: z
    .number()
    .int()
    .min(MIN_RSS_SYNC_MINUTES, `must be at least ${MIN_RSS_SYNC_MINUTES} minutes`)
    .max(24 * 60)
    .default(DEFAULT_RSS_SYNC_MINUTES),
});
export type SearchSettings = z.output<typeof searchSettingsSchema>;

export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export class SearchSettingsStore {
  constructor(private readonly store: KeyValueStore) {}

  async get(): Promise<SearchSettings> {
    const raw = await this.store.get(SEARCH_SETTINGS_KEY);
    let stored: unknown = {};
    try {
      stored = raw ? JSON.parse(raw) : {};
    } catch {
      stored = {};
    }
    const parsed = searchSettingsSchema.safeParse(stored);
    return parsed.success ? parsed.data : searchSettingsSchema.parse({});
  }

  async save(s: SearchSettings): Promise<SearchSettings> {
    const valid = searchSettingsSchema.parse(s);
    await this.store.set(SEARCH_SETTINGS_KEY, JSON.stringify(valid));
    return valid;
  }
}
