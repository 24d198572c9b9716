import { defineIntegration } from '../../../providers/integration.js';
import { TVDB_CAPABILITIES, TvdbAdapter } from './adapter.js';
import { tvdbSettings } from './settings.js';

export const tvdbIntegration = defineIntegration({
  kind: 'metadata',
  id: 'tvdb',
  name: 'TheTVDB',
  description: 'TheTVDB (API v4): series, seasons and episodes in aired order, network, ratings and artwork.',
  capabilities: TVDB_CAPABILITIES,
  settings: tvdbSettings,
  errorFields: { auth: 'apiKey', connection: 'baseUrl' },
  create: (settings, ctx) => new TvdbAdapter(settings, ctx.clock, ctx.log),
});
