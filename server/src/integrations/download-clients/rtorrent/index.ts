import { defineIntegration } from '../../../providers/integration.js';
import { capabilityNames } from '../common/adapter.js';
import { RTORRENT_CAPABILITIES, RtorrentAdapter } from './adapter.js';
import { rtorrentSettings } from './settings.js';

export const rtorrentIntegration = defineIntegration({
  kind: 'downloadclient',
  id: 'rtorrent',
  name: 'rTorrent',
  description: 'rTorrent 0.9.7+ over XML-RPC behind an SCGI bridge (ruTorrent, lighttpd, nginx): labels in d.custom1.',
  protocol: 'torrent',
  capabilities: capabilityNames(RTORRENT_CAPABILITIES),
  settings: rtorrentSettings,
  errorFields: { auth: 'password', connection: 'host' },
  create: (settings, ctx) => new RtorrentAdapter(settings, ctx.clock, ctx.log),
});
