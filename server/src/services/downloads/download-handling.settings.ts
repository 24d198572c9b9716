// Download handling settings (GET/PUT /api/v1/config/downloadclient): when a download counts as stalled and
// whether a failed download is searched again. One JSON value in key_value, read over the defaults, and read on
// every poll/failure so a change applies from the next minute without a restart.
import { z } from 'zod';
import type { KeyValueRepository } from '../../db/repositories/key-value.repository.js';

export const DOWNLOAD_HANDLING_KEY = 'downloads.handling';
export const DEFAULT_STALLED_MINUTES = 60;
/** A week: longer than that nobody means "stalled". */
export const MAX_STALLED_MINUTES = 7 * 24 * 60;

const fields = {
  stalledMinutes: z
    .number()
    .int()
    .min(1, 'must be at least 1 minute')
    .max(MAX_STALLED_MINUTES, `must be at most ${MAX_STALLED_MINUTES} minutes (a week)`),
  stalledNoProgress: z.boolean(),
  stalledNoAvailability: z.boolean(),
  redownloadFailed: z.boolean(),
};
export const downloadHandlingSchema = z.object(fields).meta({ id: 'DownloadHandlingConfig' });
/** A PUT may send only the fields it changes; the rest keep their stored values. */
export const downloadHandlingPatchSchema = z.object(fields).partial().strict();
export type DownloadHandlingSettings = z.output<typeof downloadHandlingSchema>;

export const DEFAULT_DOWNLOAD_HANDLING: Readonly<DownloadHandlingSettings> = {
  stalledMinutes: DEFAULT_STALLED_MINUTES,
  stalledNoProgress: true,
  stalledNoAvailability: true,
  redownloadFailed: true,
};

export class DownloadHandlingStore {
  constructor(private readonly store: Pick<KeyValueRepository, 'get' | 'set'>) {}

  async get(): Promise<DownloadHandlingSettings> {
    const raw = await this.store.get(DOWNLOAD_HANDLING_KEY);
    let stored: Record<string, unknown> = {};
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
    } catch {
      // A damaged value falls back to the defaults rather than stopping tracking.
    }
    // Field by field, so one bad stored field (an older bound) does not reset the others.
    const out: DownloadHandlingSettings = { ...DEFAULT_DOWNLOAD_HANDLING };
    for (const key of Object.keys(out) as (keyof DownloadHandlingSettings)[]) {
      const field = fields[key].safeParse(stored[key]);
      if (field.success) (out as Record<string, unknown>)[key] = field.data;
    }
    return out;
  }

  async update(patch: z.output<typeof downloadHandlingPatchSchema>): Promise<DownloadHandlingSettings> {
    const valid = downloadHandlingSchema.parse({ ...(await this.get()), ...patch });
    await this.store.set(DOWNLOAD_HANDLING_KEY, JSON.stringify(valid));
    return valid;
  }
}
