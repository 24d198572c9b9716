// IMDb list settings: an `ls…` list (read from its CSV export) or a `ur…` user's watchlist (read from its RSS
// feed), plus the shared list settings. The base URLs are settings so tests (and mirrors) can point elsewhere.
import { z } from 'zod';
import { importListSyncSettings } from '../../../providers/ports/import-list.port.js';

export const imdbSettings = z.object({
  listId: z
    .string()
    .trim()
    .regex(/^(ls|ur)\d{5,12}$/, 'an IMDb list id (ls…) or user id (ur…) for a watchlist')
    .meta({
      label: 'List or user id',
      help: "ls123456789 for a list (from its URL), or ur12345678 for that user's watchlist.",
      order: 1,
    }),
  baseUrl: z
    .url('must be a URL')
    .default('https://www.imdb.com')
    .meta({ label: 'IMDb URL', help: 'Where list exports are read.', advanced: true, order: 2 }),
  rssBaseUrl: z
    .url('must be a URL')
    .default('https://rss.imdb.com')
    .meta({ label: 'IMDb RSS URL', help: 'Where watchlist feeds are read.', advanced: true, order: 3 }),
  timeoutSeconds: z.number().min(0.05).max(300).default(30).meta({ label: 'Timeout (s)', advanced: true, order: 4 }),
  ...importListSyncSettings,
});

export type ImdbSettings = z.output<typeof imdbSettings>;
