// Transmission settings: the shared download-client fields plus the RPC path and a base download directory.
import { z } from 'zod';
import {
  categoryFields,
  connectionFields,
  credentialFields,
  priorityFields,
  removalFields,
} from '../common/settings.fields.js';

export const transmissionSettings = z.object({
  ...connectionFields(9091, { urlBase: '/transmission/' }),
  ...credentialFields(),
  ...categoryFields({ movie: 'radarr', tv: 'tv-sonarr' }),
  directory: z.string().default('').meta({
    label: 'Directory',
    help: "Where downloads go; empty = Transmission's download directory. A category becomes a subdirectory of it.",
    order: 13,
  }),
  ...priorityFields(),
  addPaused: z.boolean().default(false).meta({ label: 'Add paused', order: 22 }),
  ...removalFields(),
  timeoutSeconds: z
    .number()
    .min(1)
    .max(300)
    .default(30)
    .meta({ label: 'Timeout (seconds)', order: 40, advanced: true }),
});

export type TransmissionSettings = z.output<typeof transmissionSettings>;
