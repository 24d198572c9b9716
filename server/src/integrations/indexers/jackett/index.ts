import { defineIntegration } from '../../../providers/integration.js';
import { NewznabFamilyAdapter } from '../common/newznab-family.adapter.js';
import { jackettApiPath, jackettSettings } from './settings.js';

export const JACKETT_CAPABILITIES = [
  'rss',
  'search',
  'tvSearch',
  'movieSearch',
  'idSearch',
  'paging',
  'aggregate',
] as const;

export const jackettIntegration = defineIntegration({
  kind: 'indexer',
  id: 'jackett',
  name: 'Jackett',
  description: 'Torrent trackers through a Jackett server: one tracker, or all of them with per-release attribution.',
  protocol: 'torrent',
  capabilities: JACKETT_CAPABILITIES,
  settings: jackettSettings,
  errorFields: { auth: 'apiKey', connection: 'baseUrl' },
  create: (settings, ctx) =>
    new NewznabFamilyAdapter({ settings, protocol: 'torrent', apiPath: jackettApiPath(settings.indexerId), ctx }),
});
