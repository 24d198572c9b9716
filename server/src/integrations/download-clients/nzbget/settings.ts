// NZBGet settings: the shared download-client fields (connection, control username/password, categories,
// recent/older priorities, removal flags).
import { z } from 'zod';
import {
  categoryFields,
  connectionFields,
  credentialFields,
  priorityFields,
  removalFields,
  timeoutFields,
} from '../common/settings.fields.js';

export const nzbgetSettings = z.object({
  ...connectionFields(6789),
  ...credentialFields(),
  ...categoryFields({ movie: 'movies', tv: 'tv' }),
  ...priorityFields(),
  ...removalFields(),
  ...timeoutFields('Request timeout (seconds)'),
});

export type NzbgetSettings = z.output<typeof nzbgetSettings>;
