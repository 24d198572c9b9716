// rTorrent downloads (d.* fields) → normalised download items. rTorrent has no single state: d.state (started or
// stopped), d.is_active (started but paused), d.complete and d.hashing together say what it is doing.
import type { DownloadItem, DownloadStatus } from '../../../providers/ports/download-client.port.js';

/** The d.* commands read per download, in this order (d.multicall2 columns). */
export const RT_FIELDS = [
  'd.hash',
  'd.name',
  'd.size_bytes',
  'd.completed_bytes',
  'd.left_bytes',
  'd.down.rate',
  'd.up.rate',
  'd.ratio',
  'd.state',
  'd.complete',
  'd.is_active',
  'd.hashing',
  'd.directory',
  'd.is_multi_file',
  'd.custom1',
  'd.message',
  'd.load_date',
  'd.timestamp.finished',
  'd.priority',
  'd.peers_connected',
  'd.peers_complete',
] as const;

export interface RtDownload {
  hash: string;
  name: string;
  sizeBytes: number;
  completedBytes: number;
  leftBytes: number;
  downRate: number;
  upRate: number;
  /** Ratio × 1000. */
  ratio: number;
  state: number;
  complete: number;
  isActive: number;
  hashing: number;
  directory: string;
  isMultiFile: number;
  label: string;
  message: string;
  loadDate: number;
  finished: number;
  priority: number;
  /** Peers connected now (seeds included), and how many of them have the whole payload; null when not read. */
  peersConnected: number | null;
  peersComplete: number | null;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number(v ?? 0));
// A missing column is unknown, not zero: zero sources would start the stalled timer.
const count = (v: unknown): number | null => (v === undefined || v === null ? null : num(v));
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** One d.multicall2 row (columns in RT_FIELDS order). */
export function rowToDownload(row: readonly unknown[]): RtDownload {
  const [
    hash,
    name,
    size,
    done,
    left,
    down,
    up,
    ratio,
    state,
    complete,
    active,
    hashing,
    dir,
    multi,
    label,
    msg,
    load,
    fin,
    prio,
    connected,
    seeders,
  ] = row;
  return {
    hash: str(hash),
    name: str(name),
    sizeBytes: num(size),
    completedBytes: num(done),
    leftBytes: num(left),
    downRate: num(down),
    upRate: num(up),
    ratio: num(ratio),
    state: num(state),
    complete: num(complete),
    isActive: num(active),
    hashing: num(hashing),
    directory: str(dir),
    isMultiFile: num(multi),
    label: str(label),
    message: str(msg),
    loadDate: num(load),
    finished: num(fin),
    priority: num(prio),
    peersConnected: count(connected),
    peersComplete: count(seeders),
  };
}

export function mapRtStatus(d: Pick<RtDownload, 'state' | 'complete' | 'isActive' | 'hashing'>): DownloadStatus {
  if (d.hashing !== 0) return 'checking';
  if (d.complete === 1) return d.state === 1 && d.isActive === 1 ? 'seeding' : 'completed';
  if (d.state === 0 || d.isActive === 0) return 'paused';
  return 'downloading';
}

export function rawRtStatus(d: Pick<RtDownload, 'state' | 'complete' | 'isActive' | 'hashing'>): string {
  if (d.hashing !== 0) return 'hashing';
  const run = d.state === 0 ? 'stopped' : d.isActive === 0 ? 'paused' : 'started';
  return `${run}${d.complete === 1 ? ',complete' : ''}`;
}

/** Where the payload is: d.directory is the payload folder itself for multi-file torrents, its parent otherwise. */
export function rtOutputPath(d: Pick<RtDownload, 'directory' | 'isMultiFile' | 'name'>): string | null {
  if (!d.directory) return null;
  if (d.isMultiFile === 1) return d.directory;
  return d.directory.endsWith('/') ? `${d.directory}${d.name}` : `${d.directory}/${d.name}`;
}

/** d.peers_complete counts connected seeds, which d.peers_connected includes: the rest are the other peers. */
export function rtSources(
  d: Pick<RtDownload, 'peersConnected' | 'peersComplete'>,
): Pick<DownloadItem, 'seeds' | 'peers'> {
  if (d.peersConnected === null || d.peersComplete === null) return {};
  return { seeds: d.peersComplete, peers: Math.max(0, d.peersConnected - d.peersComplete) };
}

export function mapRtDownload(d: RtDownload): DownloadItem {
  const status = mapRtStatus(d);
  return {
    downloadId: d.hash.toUpperCase(),
    title: d.name,
    category: d.label ? decodeLabel(d.label) : null,
    status,
    rawStatus: rawRtStatus(d),
    totalSize: d.sizeBytes,
    remainingSize: d.leftBytes,
    progress: d.sizeBytes > 0 ? d.completedBytes / d.sizeBytes : 0,
    downloadSpeed: d.downRate,
    uploadSpeed: d.upRate,
    eta: d.downRate > 0 && d.leftBytes > 0 ? Math.round(d.leftBytes / d.downRate) : null,
    outputPath: rtOutputPath(d),
    message: d.message ? d.message : null,
    ratio: d.ratio / 1000,
    seedingTimeSeconds: null,
    addedAt: d.loadDate > 0 ? new Date(d.loadDate * 1000) : null,
    completedAt: d.finished > 0 ? new Date(d.finished * 1000) : null,
    canMoveFiles: status === 'completed' && d.state === 0,
    ...rtSources(d),
  };
}

/** ruTorrent stores labels URI-encoded in d.custom1; plain labels pass through unchanged. */
export function decodeLabel(label: string): string {
  try {
    return decodeURIComponent(label);
  } catch {
    return label;
  }
}
