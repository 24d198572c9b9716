import { defineIntegration } from '../../../providers/integration.js';
import { TMDB_CAPABILITIES, TmdbAdapter } from './adapter.js';
import { tmdbSettings } from './settings.js';

export const tmdbIntegration = defineIntegration({
  kind: 'metadata',
  id: 'tmdb',
  name: 'TMDB',
  description: 'The Movie Database: movies and TV series, titles, release dates, certifications and images.',
  capabilities: TMDB_CAPABILITIES,
  settings: tmdbSettings,
  errorFields: { auth: 'apiKey', connection: 'baseUrl' },
  create: (settings, ctx) => new TmdbAdapter(settings, ctx.clock, ctx.log),
});
