import { defineIntegration } from '../../../providers/integration.js';
import { capabilityNames } from '../common/adapter.js';
import { DownloadStationAdapter, downloadStationCapabilities } from './adapter.js';
import { downloadStationSettings } from './settings.js';

export const downloadStationTorrentIntegration = defineIntegration({
  kind: 'downloadclient',
  id: 'download-station',
  name: 'Download Station',
  description: 'Synology Download Station (DSM 6 or newer) for torrents, through the DSM web API.',
  protocol: 'torrent',
  capabilities: capabilityNames(downloadStationCapabilities('torrent')),
  settings: downloadStationSettings,
  errorFields: { auth: 'password', connection: 'host' },
  create: (settings, ctx) => new DownloadStationAdapter('torrent', settings, ctx.clock, ctx.log),
});

export const downloadStationUsenetIntegration = defineIntegration({
  kind: 'downloadclient',
  id: 'download-station-usenet',
  name: 'Download Station (usenet)',
  description: 'Synology Download Station (DSM 6 or newer) for NZBs, through the DSM web API.',
  protocol: 'usenet',
  capabilities: capabilityNames(downloadStationCapabilities('usenet')),
  settings: downloadStationSettings,
  errorFields: { auth: 'password', connection: 'host' },
  create: (settings, ctx) => new DownloadStationAdapter('usenet', settings, ctx.clock, ctx.log),
});
