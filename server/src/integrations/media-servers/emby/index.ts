import { defineIntegration } from '../../../providers/integration.js';
import { EmbyAdapter } from './adapter.js';
import { embySettings } from './settings.js';

export const embyIntegration = defineIntegration({
  kind: 'mediaserver',
  id: 'emby',
  name: 'Emby',
  description: 'Emby Server: reports the folders idkarr changes so they are rescanned, lists libraries.',
  capabilities: ['refreshPath', 'refreshLibrary', 'refreshItem', 'metadata', 'users', 'recentlyWatched'],
  settings: embySettings,
  errorFields: { auth: 'token', connection: 'host' },
  create: (settings, ctx) => new EmbyAdapter(settings, ctx.clock, ctx.log),
});
