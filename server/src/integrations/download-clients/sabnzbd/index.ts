import { defineIntegration } from '../../../providers/integration.js';
import { capabilityNames } from '../common/adapter.js';
import { SABNZBD_CAPABILITIES, SabnzbdAdapter } from './adapter.js';
import { sabnzbdSettings } from './settings.js';

export const sabnzbdIntegration = defineIntegration({
  kind: 'downloadclient',
  id: 'sabnzbd',
  name: 'SABnzbd',
  description: 'SABnzbd usenet downloader (version 3.0 or newer), through its HTTP API and API key.',
  protocol: 'usenet',
  capabilities: capabilityNames(SABNZBD_CAPABILITIES),
  settings: sabnzbdSettings,
  errorFields: { auth: 'apiKey', connection: 'host' },
  create: (settings, ctx) => new SabnzbdAdapter(settings, ctx.clock, ctx.log),
});
