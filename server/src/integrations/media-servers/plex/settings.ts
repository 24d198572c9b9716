// Plex Media Server settings (spec: PlexConfig): the shared connection, token, update and path-mapping fields.
// The token is an X-Plex-Token (Plex Web → an item → Get Info → View XML shows it in the URL, or sign in by PIN).
import { z } from 'zod';
import { connectionFields, tokenField, updateFields } from '../common/settings.fields.js';

export const plexSettings = z.object({
  ...connectionFields(32400),
  ...tokenField('Plex token', 'The X-Plex-Token of the server owner (or an account with access to the libraries)'),
  ...updateFields(),
});

export type PlexSettings = z.output<typeof plexSettings>;
