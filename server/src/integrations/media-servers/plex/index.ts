import { defineIntegration } from '../../../providers/integration.js';
import { PlexAdapter } from './adapter.js';
import { plexSettings } from './settings.js';

export const plexIntegration = defineIntegration({
  kind: 'mediaserver',
  id: 'plex',
  name: 'Plex Media Server',
  description: 'Plex Media Server: rescans the folders idkarr changes (partial section scans), lists libraries.',
  capabilities: ['refreshPath', 'refreshLibrary', 'refreshItem', 'metadata', 'users', 'recentlyWatched'],
  settings: plexSettings,
  errorFields: { auth: 'token', connection: 'host' },
  create: (settings, ctx) => new PlexAdapter(settings, ctx.clock, ctx.log),
});
