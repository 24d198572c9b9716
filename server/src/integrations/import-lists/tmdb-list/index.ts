import { defineIntegration } from '../../../providers/integration.js';
import { TMDB_LIST_CAPABILITIES, TmdbListAdapter } from './adapter.js';
import { tmdbListSettings } from './settings.js';

export const tmdbListIntegration = defineIntegration({
  kind: 'importlist',
  id: 'tmdb-list',
  name: 'TMDB list',
  description: "A TMDB user list, the popular movies or series, a person's credits, or a movie collection.",
  capabilities: TMDB_LIST_CAPABILITIES,
  settings: tmdbListSettings,
  errorFields: { auth: 'apiKey', connection: 'baseUrl' },
  create: (settings, ctx) => new TmdbListAdapter(settings, ctx.clock, ctx.log),
});
