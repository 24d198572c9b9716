import { defineIntegration } from '../../../providers/integration.js';
import { ProwlarrAdapter } from './adapter.js';
import { prowlarrSettings } from './settings.js';

export { applyProwlarrSyncPlan, type IndexerDefinitionStore, planProwlarrSync } from './sync.js';

export const PROWLARR_CAPABILITIES = [
  'rss',
  'search',
  'tvSearch',
  'movieSearch',
  'idSearch',
  'aggregate',
  'indexerSync',
] as const;

export const prowlarrIntegration = defineIntegration({
  kind: 'indexer',
  id: 'prowlarr',
  name: 'Prowlarr',
  description: 'Searches every indexer of a Prowlarr server, and can mirror them as Torznab/Newznab definitions.',
  capabilities: PROWLARR_CAPABILITIES,
  settings: prowlarrSettings,
  errorFields: { auth: 'apiKey', connection: 'baseUrl' },
  create: (settings, ctx) => new ProwlarrAdapter(settings, ctx),
});
