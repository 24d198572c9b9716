// Synology Download Station settings: DSM connection and account, the shared folder downloads go to ('' = Download
// Station's default destination) and categories as subfolders of it.
import { z } from 'zod';
import { categoryFields, connectionFields, credentialFields, removalFields } from '../common/settings.fields.js';

export const downloadStationSettings = z.object({
  ...connectionFields(5000),
  ...credentialFields(),
  directory: z.string().default('').meta({
    label: 'Directory',
    help: 'Shared folder (and optional subfolder) for downloads, e.g. downloads; empty = the default destination',
    order: 7,
  }),
  ...categoryFields({ movie: 'movies', tv: 'tv' }),
  ...removalFields(),
  timeoutSeconds: z
    .number()
    .min(1)
    .max(300)
    .default(30)
    .meta({ label: 'Request timeout (seconds)', advanced: true, order: 40 }),
});

export type DownloadStationSettings = z.output<typeof downloadStationSettings>;
