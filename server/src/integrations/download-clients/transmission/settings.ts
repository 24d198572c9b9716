// Transmission settings: the shared download-client fields plus the RPC path and a base download directory.
import { z } from 'zod';
import {
  categoryFields,
  connectionFields,
  credentialFields,
  directoryField,
  priorityFields,
  removalFields,
  timeoutFields,
} from '../common/settings.fields.js';

export const transmissionSettings = z.object({
  ...connectionFields(9091, { urlBase: '/transmission/' }),
  ...credentialFields(),
  ...categoryFields({ movie: 'radarr', tv: 'tv-sonarr' }),
  directory: directoryField(
    13,
    "Where downloads go; empty = Transmission's download directory. A category becomes a subdirectory of it.",
  ),
  ...priorityFields(),
  addPaused: z.boolean().default(false).meta({ label: 'Add paused', order: 22 }),
  ...removalFields(),
  ...timeoutFields(),
});

export type TransmissionSettings = z.output<typeof transmissionSettings>;
