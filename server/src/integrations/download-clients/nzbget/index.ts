import { defineIntegration } from '../../../providers/integration.js';
import { NZBGET_CAPABILITIES, NzbgetAdapter } from './adapter.js';
import { nzbgetSettings } from './settings.js';

export const nzbgetIntegration = defineIntegration({
  kind: 'downloadclient',
  id: 'nzbget',
  name: 'NZBGet',
  description: 'NZBGet usenet downloader, through its JSON-RPC API with the control username and password.',
  protocol: 'usenet',
  capabilities: Object.entries(NZBGET_CAPABILITIES)
    .filter(([, on]) => on)
    .map(([name]) => name),
  settings: nzbgetSettings,
  errorFields: { auth: 'password', connection: 'host' },
  create: (settings, ctx) => new NzbgetAdapter(settings, ctx.clock, ctx.log),
});
