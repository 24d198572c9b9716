// SABnzbd settings: the shared download-client fields plus the API key and SABnzbd's own priority scale for
// recent and older TV and movie releases (spec: "SABnzbd Integration").
import { z } from 'zod';
import { categoryFields, connectionFields, removalFields, timeoutFields } from '../common/settings.fields.js';

/** SABnzbd's priorities by name; `default` lets the category decide. */
export const SAB_PRIORITIES = { default: -100, paused: -2, low: -1, normal: 0, high: 1, force: 2 } as const;
export type SabPriorityName = keyof typeof SAB_PRIORITIES;

const sabPriority = z.enum(['default', 'paused', 'low', 'normal', 'high', 'force']);

export const sabnzbdSettings = z.object({
  ...connectionFields(8080),
  apiKey: z
    .string()
    .trim()
    .min(1, 'an API key is required')
    .meta({ label: 'API key', help: 'SABnzbd → Config → General → API Key', order: 5, secret: true }),
  ...categoryFields({ movie: 'movies', tv: 'tv' }),
  recentTvPriority: sabPriority.default('default').meta({ label: 'Recent TV priority', order: 20 }),
  olderTvPriority: sabPriority.default('default').meta({ label: 'Older TV priority', order: 21 }),
  recentMoviePriority: sabPriority.default('default').meta({ label: 'Recent movie priority', order: 22 }),
  olderMoviePriority: sabPriority.default('default').meta({ label: 'Older movie priority', order: 23 }),
  ...removalFields(),
  ...timeoutFields('Request timeout (seconds)'),
});

export type SabnzbdSettings = z.output<typeof sabnzbdSettings>;
