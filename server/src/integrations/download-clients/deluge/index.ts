import { defineIntegration } from '../../../providers/integration.js';
import { capabilityNames } from '../common/adapter.js';
import { DELUGE_CAPABILITIES, DelugeAdapter } from './adapter.js';
import { delugeSettings } from './settings.js';

export const delugeIntegration = defineIntegration({
  kind: 'downloadclient',
  id: 'deluge',
  name: 'Deluge',
  description: 'Deluge 2.x through deluge-web: connects the web UI to its daemon, labels with the Label plugin.',
  protocol: 'torrent',
  capabilities: capabilityNames(DELUGE_CAPABILITIES),
  settings: delugeSettings,
  errorFields: { auth: 'password', connection: 'host' },
  create: (settings, ctx) => new DelugeAdapter(settings, ctx.clock, ctx.log),
});
