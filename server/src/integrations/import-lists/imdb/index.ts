import { defineIntegration } from '../../../providers/integration.js';
import { IMDB_CAPABILITIES, ImdbAdapter } from './adapter.js';
import { imdbSettings } from './settings.js';

export const imdbIntegration = defineIntegration({
  kind: 'importlist',
  id: 'imdb',
  name: 'IMDb list',
  description:
    "A public IMDb list (ls…, read from its CSV export) or a user's watchlist (ur…, read from its RSS feed).",
  capabilities: IMDB_CAPABILITIES,
  settings: imdbSettings,
  errorFields: { connection: 'baseUrl' },
  create: (settings, ctx) => new ImdbAdapter(settings, ctx.clock, ctx.log),
});
