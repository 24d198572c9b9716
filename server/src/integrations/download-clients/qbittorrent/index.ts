import { defineIntegration } from '../../../providers/integration.js';
import { capabilityNames } from '../common/adapter.js';
import { QBITTORRENT_CAPABILITIES, QbittorrentAdapter } from './adapter.js';
import { qbittorrentSettings } from './settings.js';

export const qbittorrentIntegration = defineIntegration({
  kind: 'downloadclient',
  id: 'qbittorrent',
  name: 'qBittorrent',
  description: 'qBittorrent 4.1+ through its WebAPI v2: categories, initial state, seeding limits.',
  protocol: 'torrent',
  capabilities: capabilityNames(QBITTORRENT_CAPABILITIES),
  settings: qbittorrentSettings,
  errorFields: { auth: 'password', connection: 'host' },
  create: (settings, ctx) => new QbittorrentAdapter(settings, ctx.clock, ctx.log),
});
