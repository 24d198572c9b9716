// NZBGet settings: the shared download-client fields (connection, control username/password, categories,
// recent/older priorities, removal flags).
import { z } from 'zod';
import {
  categoryFields,
  connectionFields,
  credentialFields,
  priorityFields,
  removalFields,
} from '../common/settings.fields.js';

export const nzbgetSettings = z.object({
  ...connectionFields(6789),
  ...credentialFields(),
  ...categoryFields({ movie: 'movies', tv: 'tv' }),
  ...priorityFields(),
  ...removalFields(),
  timeoutSeconds: z
    .number()
    .min(1)
    .max(300)
    .default(30)
    .meta({ label: 'Request timeout (seconds)', advanced: true, order: 40 }),
});

export type NzbgetSettings = z.output<typeof nzbgetSettings>;
