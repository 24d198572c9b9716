// qBittorrent settings: the shared download-client fields plus qBittorrent's add options.
import { z } from 'zod';
import {
  categoryFields,
  connectionFields,
  credentialFields,
  priorityFields,
  removalFields,
  timeoutFields,
} from '../common/settings.fields.js';

export const qbittorrentSettings = z.object({
  ...connectionFields(8080),
  ...credentialFields(),
  ...categoryFields({ movie: 'radarr', tv: 'tv-sonarr' }),
  postImportCategory: z.string().default('').meta({
    label: 'Post-import category',
    help: 'Category set after a download was imported; empty = leave it',
    order: 13,
    advanced: true,
  }),
  ...priorityFields(),
  initialState: z
    .enum(['start', 'pause', 'force_start'])
    .default('start')
    .meta({ label: 'Initial state', help: 'State of torrents when they are added', order: 22 }),
  sequentialDownload: z.boolean().default(false).meta({ label: 'Sequential order', order: 23, advanced: true }),
  firstAndLastPiecePriority: z.boolean().default(false).meta({
    label: 'First and last first',
    help: 'Download the first and last pieces first',
    order: 24,
    advanced: true,
  }),
  ...removalFields(),
  ...timeoutFields(),
});

export type QbittorrentSettings = z.output<typeof qbittorrentSettings>;
