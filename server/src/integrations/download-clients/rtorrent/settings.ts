// rTorrent settings: the shared download-client fields plus the XML-RPC path (behind an SCGI bridge such as
// ruTorrent's web server), a download directory and "add stopped". Categories are labels in d.custom1.
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

export const rtorrentSettings = z.object({
  ...connectionFields(8080),
  xmlRpcPath: z.string().default('RPC2').meta({
    label: 'XML-RPC path',
    help: 'Path of the XML-RPC endpoint, e.g. RPC2 or plugins/httprpc/action.php',
    order: 4.5,
    advanced: true,
  }),
  ...credentialFields(),
  ...categoryFields({ movie: 'radarr', tv: 'tv-sonarr' }),
  directory: directoryField(13, "Where downloads go; empty = rTorrent's default"),
  ...priorityFields(),
  addStopped: z.boolean().default(false).meta({ label: 'Add stopped', order: 22 }),
  ...removalFields(),
  ...timeoutFields(),
});

export type RtorrentSettings = z.output<typeof rtorrentSettings>;
