import { defineIntegration } from '../../../providers/integration.js';
import { JellyfinAdapter } from './adapter.js';
import { jellyfinSettings } from './settings.js';

export const jellyfinIntegration = defineIntegration({
  kind: 'mediaserver',
  id: 'jellyfin',
  name: 'Jellyfin',
  description: 'Jellyfin (10.8 or newer): reports the folders idkarr changes so they are rescanned, lists libraries.',
  capabilities: ['refreshPath', 'refreshLibrary', 'refreshItem', 'metadata', 'users', 'recentlyWatched'],
  settings: jellyfinSettings,
  errorFields: { auth: 'token', connection: 'host' },
  create: (settings, ctx) => new JellyfinAdapter(settings, ctx.clock, ctx.log),
});
