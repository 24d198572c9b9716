import { defineIntegration } from '../../../providers/integration.js';
import { capabilityNames } from '../common/adapter.js';
import { ARIA2_CAPABILITIES, Aria2Adapter } from './adapter.js';
import { aria2Settings } from './settings.js';

export const aria2Integration = defineIntegration({
  kind: 'downloadclient',
  id: 'aria2',
  name: 'aria2',
  description: 'aria2 through its JSON-RPC interface: torrents (magnets and .torrent files) and direct links.',
  protocol: 'torrent',
  capabilities: capabilityNames(ARIA2_CAPABILITIES),
  settings: aria2Settings,
  errorFields: { auth: 'secret', connection: 'host' },
  create: (settings, ctx) => new Aria2Adapter(settings, ctx.clock, ctx.log),
});
