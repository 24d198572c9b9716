// aria2 download status → DownloadItem. Torrents are identified by their info-hash (upper-case hex, the port's
// id format), direct links by aria2's GID. A BitTorrent download that is active with everything downloaded is
// seeding; `complete` is completed; `error` and `removed` are failed.
import { basename, posix } from 'node:path';
import type { DownloadItem, DownloadStatus } from '../../../providers/ports/download-client.port.js';
import type { Aria2Status } from './api.js';

const num = (v: string | undefined) => {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
};

export function mapStatus(s: Pick<Aria2Status, 'status' | 'totalLength' | 'completedLength' | 'seeder' | 'infoHash'>) {
  const total = num(s.totalLength);
  const isSeeding = s.seeder === 'true' || (!!s.infoHash && total > 0 && num(s.completedLength) >= total);
  const map: Record<string, DownloadStatus> = {
    active: isSeeding ? 'seeding' : 'downloading',
    waiting: 'queued',
    paused: 'paused',
    error: 'failed',
    complete: 'completed',
    removed: 'failed',
  };
  return map[s.status] ?? 'unknown';
}

/** The port's id: the info-hash for torrents, the GID otherwise. */
export function downloadIdOf(s: Pick<Aria2Status, 'gid' | 'infoHash'>): string {
  return s.infoHash ? s.infoHash.toUpperCase() : s.gid;
}

export function titleOf(s: Aria2Status): string {
  const name = s.bittorrent?.info?.name;
  if (name) return name;
  const file = s.files?.[0];
  if (file?.path) return basename(file.path);
  return file?.uris?.[0]?.uri ?? s.gid;
}

/** Where the payload is: the torrent's folder/file under dir, or the single file of a direct download. */
export function outputPathOf(s: Aria2Status): string | null {
  const name = s.bittorrent?.info?.name;
  if (name && s.dir) return posix.join(s.dir, name);
  const path = s.files?.[0]?.path;
  return path || null;
}

export function mapDownload(s: Aria2Status, categoryOfDir: (dir: string | undefined) => string | null): DownloadItem {
  const status = mapStatus(s);
  const total = num(s.totalLength);
  const done = num(s.completedLength);
  const speed = num(s.downloadSpeed);
  const finished = status === 'completed' || status === 'seeding';
  const uploaded = num(s.uploadLength);
  return {
    downloadId: downloadIdOf(s),
    title: titleOf(s),
    category: categoryOfDir(s.dir),
    status,
    rawStatus: s.status,
    totalSize: total,
    remainingSize: Math.max(0, total - done),
    progress: total > 0 ? Math.min(1, done / total) : finished ? 1 : 0,
    downloadSpeed: speed,
    uploadSpeed: num(s.uploadSpeed),
    eta: status === 'downloading' && speed > 0 && total > 0 ? Math.round((total - done) / speed) : null,
    outputPath: finished ? outputPathOf(s) : null,
    message: s.errorMessage
      ? s.errorMessage
      : status === 'failed' && s.status === 'removed'
        ? 'removed in aria2'
        : null,
    ratio: s.infoHash && total > 0 ? uploaded / total : null,
    seedingTimeSeconds: null,
    addedAt: null,
    completedAt: null,
    canMoveFiles: status === 'completed',
    // Only torrents have a swarm; a direct link without connections is just a slow server.
    ...(s.infoHash && s.connections !== undefined ? { seeds: num(s.numSeeders), peers: num(s.connections) } : {}),
  };
}
