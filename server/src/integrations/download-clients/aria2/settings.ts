// aria2 settings: connection, the RPC path and secret, and a download directory whose per-category subfolders
// stand in for categories (aria2 has none).
import { z } from 'zod';
import {
  categoryFields,
  connectionFields,
  directoryField,
  removalFields,
  timeoutFields,
} from '../common/settings.fields.js';

export const aria2Settings = z.object({
  ...connectionFields(6800),
  rpcPath: z
    .string()
    .default('/jsonrpc')
    .meta({ label: 'RPC path', help: 'Path of the JSON-RPC endpoint', order: 5, advanced: true }),
  secret: z
    .string()
    .default('')
    .meta({ label: 'RPC secret', help: 'aria2 --rpc-secret (sent as token:<secret>)', order: 6, secret: true }),
  directory: directoryField(7, 'Where aria2 saves downloads (as aria2 sees it); empty = aria2’s own --dir'),
  ...categoryFields({ movie: 'movies', tv: 'tv' }),
  ...removalFields(),
  ...timeoutFields('Request timeout (seconds)'),
});

export type Aria2Settings = z.output<typeof aria2Settings>;
