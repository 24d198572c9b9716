import { defineIntegration } from '../../../providers/integration.js';
import { capabilityNames } from '../common/adapter.js';
import { NZBGET_CAPABILITIES, NzbgetAdapter } from './adapter.js';
import { nzbgetSettings } from './settings.js';

export const nzbgetIntegration = defineIntegration({
  kind: 'downloadclient',
  id: 'nzbget',
  name: 'NZBGet',
  description: 'NZBGet usenet downloader, through its JSON-RPC API with the control username and password.',
  protocol: 'usenet',
  capabilities: capabilityNames(NZBGET_CAPABILITIES),
  settings: nzbgetSettings,
  errorFields: { auth: 'password', connection: 'host' },
  create: (settings, ctx) => new NzbgetAdapter(settings, ctx.clock, ctx.log),
});
