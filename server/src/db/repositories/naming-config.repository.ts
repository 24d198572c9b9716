// naming_config rows <-> NamingConfig. Each media type's settings are read over the defaults, so a fresh install
// (no rows) and settings added by a later version both come back complete; unknown stored keys are dropped.
import type { Kysely } from 'kysely';
import type { NamingConfig, NamingMediaType } from '../../domain/naming/naming.types.js';
import { defaultNamingConfig } from '../../domain/naming/naming-defaults.js';
import type { DB } from '../schema.js';

/** A row whose JSON cannot be read counts as no row (defaults), never a failed request. */
function readSettings(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function overDefaults<T extends object>(defaults: T, stored: unknown): T {
  const out = { ...defaults };
  if (!stored || typeof stored !== 'object') return out;
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const value = (stored as Record<string, unknown>)[key as string];
    if (value !== undefined && typeof value === typeof defaults[key]) out[key] = value as T[keyof T];
  }
  return out;
}

export class NamingConfigRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async get(): Promise<NamingConfig> {
    const rows = await this.db.selectFrom('naming_config').selectAll().execute();
    const config = defaultNamingConfig();
    for (const row of rows) {
      if (row.media_type === 'series') config.series = overDefaults(config.series, readSettings(row.settings));
      if (row.media_type === 'movie') config.movie = overDefaults(config.movie, readSettings(row.settings));
    }
    return config;
  }

  /** Stores the given media types' settings (whole sections), in one transaction. */
  async save(config: Partial<NamingConfig>, now: Date): Promise<void> {
    const entries = (Object.entries(config) as [NamingMediaType, object][]).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const [mediaType, settings] of entries) {
        const values = { media_type: mediaType, settings: JSON.stringify(settings), updated_at: now.toISOString() };
        await trx
          .insertInto('naming_config')
          .values(values)
          .onConflict((oc) =>
            oc.column('media_type').doUpdateSet({ settings: values.settings, updated_at: values.updated_at }),
          )
          .execute();
      }
    });
  }
}
