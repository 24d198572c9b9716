import { defineIntegration } from '../../../providers/integration.js';
import { TRAKT_CAPABILITIES, TraktAdapter } from './adapter.js';
import { traktSettings } from './settings.js';

export const traktIntegration = defineIntegration({
  kind: 'importlist',
  id: 'trakt',
  name: 'Trakt',
  description: 'Trakt watchlist, collection, user lists and the popular/trending charts (sign in with a device code).',
  capabilities: TRAKT_CAPABILITIES,
  settings: traktSettings,
  errorFields: { auth: 'accessToken', connection: 'baseUrl' },
  create: (settings, ctx) => new TraktAdapter(settings, ctx.clock, ctx.log),
});
