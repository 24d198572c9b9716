// Media management settings (import modes, recycle bin, extra files, download folders), one JSON value in
// key_value, read over the defaults so settings added later start at their default.
import type { Kysely } from 'kysely';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from '../../services/import/import.types.js';
import type { DB } from '../schema.js';

const KEY = 'import.settings';

export class ImportSettingsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async get(): Promise<ImportSettings> {
    const row = await this.db.selectFrom('key_value').select('value').where('key', '=', KEY).executeTakeFirst();
    const out: ImportSettings = {
      ...DEFAULT_IMPORT_SETTINGS,
      extraFileExtensions: [...DEFAULT_IMPORT_SETTINGS.extraFileExtensions],
    };
    if (!row) return out;
    let stored: Record<string, unknown> = {};
    try {
      stored = JSON.parse(row.value) as Record<string, unknown>;
    } catch {
      return out;
    }
    for (const key of Object.keys(out) as (keyof ImportSettings)[]) {
      const v = stored[key];
      if (v !== undefined && typeof v === typeof out[key] && Array.isArray(v) === Array.isArray(out[key]))
        (out as unknown as Record<string, unknown>)[key] = v;
    }
    return out;
  }

  async set(settings: ImportSettings): Promise<ImportSettings> {
    const value = JSON.stringify(settings);
    const existing = await this.db.selectFrom('key_value').select('key').where('key', '=', KEY).executeTakeFirst();
    if (existing) await this.db.updateTable('key_value').set({ value }).where('key', '=', KEY).execute();
    else await this.db.insertInto('key_value').values({ key: KEY, value }).execute();
    return this.get();
  }
}
