import { defineIntegration } from '../../../providers/integration.js';
import { HdbitsAdapter } from './adapter.js';
import { hdbitsSettings } from './settings.js';

export const HDBITS_CAPABILITIES = ['rss', 'search', 'tvSearch', 'movieSearch', 'idSearch'] as const;

export const hdbitsIntegration = defineIntegration({
  kind: 'indexer',
  id: 'hdbits',
  name: 'HDBits',
  description: 'The HDBits private tracker through its JSON API (username and passkey).',
  protocol: 'torrent',
  capabilities: HDBITS_CAPABILITIES,
  settings: hdbitsSettings,
  errorFields: { auth: 'passkey', connection: 'baseUrl' },
  create: (settings, ctx) => new HdbitsAdapter(settings, ctx),
});
