import { defineIntegration } from '../../../providers/integration.js';
import { NewznabFamilyAdapter } from '../common/newznab-family.adapter.js';
import { torznabSettings } from './settings.js';

export const TORZNAB_CAPABILITIES = ['rss', 'search', 'tvSearch', 'movieSearch', 'idSearch', 'paging'] as const;

export const torznabIntegration = defineIntegration({
  kind: 'indexer',
  id: 'torznab',
  name: 'Torznab',
  description: 'A torrent indexer speaking Torznab: a tracker API, a Jackett or Prowlarr proxy URL.',
  protocol: 'torrent',
  capabilities: TORZNAB_CAPABILITIES,
  settings: torznabSettings,
  errorFields: { auth: 'apiKey', connection: 'baseUrl' },
  create: (settings, ctx) =>
    new NewznabFamilyAdapter({ settings, protocol: 'torrent', apiPath: settings.apiPath, ctx }),
});
