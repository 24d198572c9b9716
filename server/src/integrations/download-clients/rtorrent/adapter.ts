// rTorrent as a download client: load.start / load.raw_start (load.normal / load.raw when adding stopped) with
// d.directory.set and d.custom1.set (the label, ruTorrent's convention) as load commands, d.multicall2 for the
// list, d.stop / d.start for pause and resume. rTorrent never deletes data itself, so "remove with data" asks
// rTorrent's host to delete the payload it reports (execute.throw rm -rf, no shell) before erasing the item.
import type { Clock } from '../../../lib/clock.js';
import { type Finding, ProtocolError, ValidationError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import { magnetInfoHash, torrentInfoHash } from '../../../lib/torrent/info-hash.js';
import type { XmlRpcValue } from '../../../lib/xmlrpc/xmlrpc.js';
import type {
  AddDownloadRequest,
  AddDownloadResult,
  DownloadClientPort,
  DownloadItem,
  DownloadPriority,
} from '../../../providers/ports/download-client.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import {
  COMPLETED_OR_SEEDING,
  connectionFindings,
  finishedOutputPath,
  ownCategories,
  requestedPriority,
  timedHealthCheck,
  torrentCapabilities,
} from '../common/adapter.js';
import { baseUrl, categoryFor } from '../common/settings.fields.js';
import { torrentUrlFetcher } from '../common/torrent-url.js';
import { RT_NO_SUCH_HASH, RtorrentApi, RtorrentFault } from './api.js';
import { decodeLabel, mapRtDownload, RT_FIELDS, rowToDownload, rtOutputPath } from './mapper.js';
import type { RtorrentSettings } from './settings.js';

export const RTORRENT_CAPABILITIES = torrentCapabilities({
  supportsCategories: false,
  supportsLabels: true,
  supportsSeedLimits: false,
});

/** d.priority: 0 off, 1 low, 2 normal, 3 high. */
const RT_PRIORITY: Record<DownloadPriority, number> = { high: 3, normal: 2, low: 1 };
/** d.multicall2 arrived in 0.9.7. */
const MIN_VERSION = [0, 9, 7];

/** A value inside an rTorrent command string (`d.directory.set="…"`): quoted, with `"` and `\` escaped. */
export function quoteCommandArg(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export class RtorrentAdapter implements DownloadClientPort {
  readonly protocol = 'torrent' as const;
  readonly capabilities = RTORRENT_CAPABILITIES;
  private readonly api: RtorrentApi;
  private readonly fetchTorrent: (url: string) => Promise<Uint8Array>;

  constructor(
    private readonly settings: RtorrentSettings,
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    const path = settings.xmlRpcPath.replace(/^\/+/, '');
    const timeoutMs = Math.round(settings.timeoutSeconds * 1000);
    this.api = new RtorrentApi({
      url: `${baseUrl(settings)}/${path}`,
      username: settings.username,
      password: settings.password,
      timeoutMs,
      logger: log,
    });
    this.fetchTorrent = torrentUrlFetcher(timeoutMs, log);
  }

  async add(request: AddDownloadRequest): Promise<AddDownloadResult> {
    const src = request.source;
    const commands: string[] = [];
    const dir = request.savePath || this.settings.directory;
    if (dir) commands.push(`d.directory.set=${quoteCommandArg(dir)}`);
    const category = categoryFor(this.settings, request.mediaType);
    if (category) commands.push(`d.custom1.set=${quoteCommandArg(category)}`);
    const priority = requestedPriority(request, this.settings);
    if (priority !== 'normal') commands.push(`d.priority.set=${RT_PRIORITY[priority]}`);
    const stopped = request.paused ?? this.settings.addStopped;
    let hash: string;
    if (src.kind === 'magnet') {
      hash = magnetInfoHash(src.uri);
      await this.api.call(stopped ? 'load.normal' : 'load.start', ['', src.uri, ...commands]);
    } else if (src.kind === 'torrentFile' || src.kind === 'torrentUrl') {
      const data = src.kind === 'torrentFile' ? src.data : await this.fetchTorrent(src.url);
      hash = torrentInfoHash(data);
      await this.api.call(stopped ? 'load.raw' : 'load.raw_start', ['', data, ...commands]);
    } else {
      throw new ValidationError('rTorrent downloads torrents only, not NZBs');
    }
    // load.* answers 0 even when rTorrent drops the item (e.g. "Could not find any trackers" with DHT off).
    const deadline = this.clock.now() + 3000;
    while (!(await this.exists(hash))) {
      if (this.clock.now() > deadline) {
        throw new ProtocolError(
          `rTorrent accepted the load call but has no torrent ${hash} (see its log: no trackers?)`,
        );
      }
      await this.clock.sleep(100);
    }
    return { downloadId: hash };
  }

  async list(): Promise<DownloadItem[]> {
    const rows = await this.api.call<XmlRpcValue[][]>('d.multicall2', ['', 'main', ...RT_FIELDS.map((f) => `${f}=`)]);
    const own = this.ownCategories();
    return (Array.isArray(rows) ? rows : [])
      .map((r) => rowToDownload(r))
      .filter((d) => own.size === 0 || own.has(decodeLabel(d.label)))
      .map(mapRtDownload);
  }

  async get(downloadId: string): Promise<DownloadItem | null> {
    const hash = downloadId.toUpperCase();
    const values = await this.api.multicall(RT_FIELDS.map((f) => ({ method: f, params: [hash] })));
    const fault = values.find((v): v is RtorrentFault => v instanceof RtorrentFault);
    if (fault) {
      if (fault.faultCode === RT_NO_SUCH_HASH) return null;
      throw fault;
    }
    return mapRtDownload(rowToDownload(values));
  }

  async remove(downloadId: string, deleteData: boolean): Promise<void> {
    const hash = downloadId.toUpperCase();
    if (!deleteData) {
      await this.hashCall('d.erase', hash);
      return;
    }
    const item = await this.get(hash);
    if (!item) return;
    const [dir, multi, name] = await Promise.all([
      this.api.call<string>('d.directory', [hash]),
      this.api.call<number>('d.is_multi_file', [hash]),
      this.api.call<string>('d.name', [hash]),
    ]);
    const path = rtOutputPath({ directory: dir, isMultiFile: Number(multi), name });
    await this.api.call('d.stop', [hash]);
    await this.api.call('d.close', [hash]);
    if (name && !name.endsWith('.meta')) {
      // Only the payload itself: an absolute path whose last segment is the torrent's name (a multi-file torrent
      // placed with d.directory_base.set would otherwise name its parent folder).
      const trimmed = path?.replace(/\/+$/, '') ?? '';
      if (!trimmed.startsWith('/') || trimmed.slice(trimmed.lastIndexOf('/') + 1) !== name) {
        throw new ProtocolError(`refusing to delete "${path}": it is not the payload of ${hash}`);
      }
      // Argument vector, no shell: the path cannot inject commands. It is rTorrent's own path on its own host.
      await this.api.call('execute.throw', ['', 'rm', '-rf', '--', trimmed]);
    }
    await this.api.call('d.erase', [hash]);
  }

  async pause(downloadId: string): Promise<void> {
    await this.hashCall('d.stop', downloadId.toUpperCase());
  }

  async resume(downloadId: string): Promise<void> {
    await this.hashCall('d.start', downloadId.toUpperCase());
  }

  async setCategory(downloadId: string, category: string): Promise<void> {
    await this.api.call('d.custom1.set', [downloadId.toUpperCase(), category]);
  }

  async setPriority(downloadId: string, priority: DownloadPriority): Promise<void> {
    await this.api.call('d.priority.set', [downloadId.toUpperCase(), RT_PRIORITY[priority]]);
  }

  async completedOutputPath(downloadId: string): Promise<string | null> {
    return finishedOutputPath(await this.get(downloadId), COMPLETED_OR_SEEDING);
  }

  async test(): Promise<Finding[]> {
    let version: string;
    try {
      version = await this.api.call<string>('system.client_version');
    } catch (err) {
      return connectionFindings(err, { field: 'settings.xmlRpcPath', hint: 'check the XML-RPC path' });
    }
    const parts = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
    for (let i = 0; i < MIN_VERSION.length; i++) {
      const have = parts[i] ?? 0;
      const need = MIN_VERSION[i]!;
      if (have > need) break;
      if (have < need) {
        return [
          { field: '', message: `rTorrent ${version} is too old: 0.9.7 or later is required`, severity: 'error' },
        ];
      }
    }
    // Labels are free text in d.custom1: nothing to create. One d.multicall2 proves the endpoint is rTorrent's.
    await this.list();
    return [];
  }

  async healthCheck(): Promise<HealthCheckResult> {
    return timedHealthCheck(this.clock, () => this.api.call('system.client_version'));
  }

  private async exists(hash: string): Promise<boolean> {
    try {
      await this.api.call('d.hash', [hash]);
      return true;
    } catch (err) {
      if (err instanceof RtorrentFault && err.faultCode === RT_NO_SUCH_HASH) return false;
      throw err;
    }
  }

  private async hashCall(method: string, hash: string): Promise<void> {
    await this.api.call(method, [hash]);
  }

  private ownCategories(): Set<string> {
    return ownCategories(this.settings);
  }
}
