// Emby settings (spec: EmbyConfig): the shared connection, API key, update and path-mapping fields.
import { z } from 'zod';
import { connectionFields, tokenField, updateFields } from '../common/settings.fields.js';

export const embySettings = z.object({
  ...connectionFields(8096),
  ...tokenField('API key', 'Emby Server → Settings → Advanced → API Keys → new key for idkarr'),
  ...updateFields(),
});

export type EmbySettings = z.output<typeof embySettings>;
