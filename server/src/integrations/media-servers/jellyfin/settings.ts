// Jellyfin settings (spec: JellyfinConfig): the shared connection, API key, update and path-mapping fields.
import { z } from 'zod';
import { connectionFields, tokenField, updateFields } from '../common/settings.fields.js';

export const jellyfinSettings = z.object({
  ...connectionFields(8096),
  ...tokenField('API key', 'Jellyfin Dashboard → API Keys → add one for idkarr'),
  ...updateFields(),
});

export type JellyfinSettings = z.output<typeof jellyfinSettings>;
