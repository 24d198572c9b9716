import { defineIntegration } from '../../../providers/integration.js';
import { NewznabFamilyAdapter } from '../common/newznab-family.adapter.js';
import { newznabSettings } from './settings.js';

export const NEWZNAB_CAPABILITIES = ['rss', 'search', 'tvSearch', 'movieSearch', 'idSearch', 'paging'] as const;

export const newznabIntegration = defineIntegration({
  kind: 'indexer',
  id: 'newznab',
  name: 'Newznab',
  description: 'A Usenet indexer speaking the Newznab API (NZBgeek, DrunkenSlug, NZBFinder, nzbs.org, ...).',
  protocol: 'usenet',
  capabilities: NEWZNAB_CAPABILITIES,
  settings: newznabSettings,
  errorFields: { auth: 'apiKey', connection: 'baseUrl' },
  create: (settings, ctx) => new NewznabFamilyAdapter({ settings, protocol: 'usenet', apiPath: settings.apiPath, ctx }),
});
