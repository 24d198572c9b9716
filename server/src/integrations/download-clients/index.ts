// The download client implementations idkarr ships: one line per integration. Nothing else lists them.
import type { AnyIntegration } from '../../providers/integration.js';
import { aria2Integration } from './aria2/index.js';
import { delugeIntegration } from './deluge/index.js';
import { downloadStationTorrentIntegration, downloadStationUsenetIntegration } from './download-station/index.js';
import { nzbgetIntegration } from './nzbget/index.js';
import { qbittorrentIntegration } from './qbittorrent/index.js';
import { rtorrentIntegration } from './rtorrent/index.js';
import { sabnzbdIntegration } from './sabnzbd/index.js';
import { transmissionIntegration } from './transmission/index.js';

export const downloadClientIntegrations: readonly AnyIntegration[] = [
  delugeIntegration,
  qbittorrentIntegration,
  rtorrentIntegration,
  sabnzbdIntegration,
  nzbgetIntegration,
  aria2Integration,
  downloadStationTorrentIntegration,
  downloadStationUsenetIntegration,
  transmissionIntegration,
];
