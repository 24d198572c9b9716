// Synology Download Station settings: DSM connection and account, the shared folder downloads go to ('' = Download
// Station's default destination) and categories as subfolders of it.
import { z } from 'zod';
import {
  categoryFields,
  connectionFields,
  credentialFields,
  directoryField,
  removalFields,
  timeoutFields,
} from '../common/settings.fields.js';

export const downloadStationSettings = z.object({
  ...connectionFields(5000),
  ...credentialFields(),
  directory: directoryField(
    7,
    'Shared folder (and optional subfolder) for downloads, e.g. downloads; empty = the default destination',
  ),
  ...categoryFields({ movie: 'movies', tv: 'tv' }),
  ...removalFields(),
  ...timeoutFields('Request timeout (seconds)'),
});

export type DownloadStationSettings = z.output<typeof downloadStationSettings>;
