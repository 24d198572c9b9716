// aria2 as a DownloadClientPort (protocol torrent; direct http/ftp links work too): addUri for magnets and
// links, addTorrent for .torrent files, tellActive/tellWaiting/tellStopped merged, forcePause/unpause,
// forceRemove + removeDownloadResult (with data: idkarr deletes the listed files itself, see delete-files.ts).
// aria2 has no categories: each category is a subfolder of the directory.
import { posix } from 'node:path';
import type { Clock } from '../../../lib/clock.js';
import { type Finding, NotFoundError, ValidationError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import { magnetInfoHash, torrentInfoHash } from '../../../lib/torrent/info-hash.js';
import type {
  AddDownloadRequest,
  AddDownloadResult,
  DownloadClientPort,
  DownloadItem,
  DownloadPriority,
} from '../../../providers/ports/download-client.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import {
  CATEGORY_FIELDS,
  COMPLETED_OR_SEEDING,
  finishedOutputPath,
  timedHealthCheck,
  torrentCapabilities,
} from '../common/adapter.js';
import { baseUrl, categoryFor } from '../common/settings.fields.js';
import { Aria2Api, type Aria2Status } from './api.js';
import { deleteDownloadFiles } from './delete-files.js';
import { downloadIdOf, mapDownload } from './mapper.js';
import type { Aria2Settings } from './settings.js';

// Categories are per-category directories.
export const ARIA2_CAPABILITIES = torrentCapabilities({
  supportsPriorities: false, // only the queue position of waiting downloads
  supportsRemoveAndDelete: true, // by deleting the files aria2 lists, inside the download's dir only
});

const PAGE = 1000;
const ACTIVE = new Set(['active', 'waiting', 'paused']);

export class Aria2Adapter implements DownloadClientPort {
  readonly protocol = 'torrent' as const;
  readonly capabilities = ARIA2_CAPABILITIES;
  private readonly api: Aria2Api;
  private baseDir: string | null = null;

  constructor(
    private readonly settings: Aria2Settings,
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    this.api = new Aria2Api({
      baseUrl: baseUrl(settings),
      rpcPath: settings.rpcPath || '/jsonrpc',
      secret: settings.secret,
      timeoutMs: settings.timeoutSeconds * 1000,
      clock,
      ...(log ? { log } : {}),
    });
  }

  async test(): Promise<Finding[]> {
    const version = await this.api.getVersion();
    const findings: Finding[] = [];
    if (!version.enabledFeatures?.includes('BitTorrent')) {
      findings.push({ field: '', message: `aria2 ${version.version} was built without BitTorrent`, severity: 'error' });
    }
    await this.directory();
    return findings;
  }

  async healthCheck(): Promise<HealthCheckResult> {
    return timedHealthCheck(this.clock, () => this.api.getVersion());
  }

  async add(request: AddDownloadRequest): Promise<AddDownloadResult> {
    const options: Record<string, string> = {
      dir: request.savePath ?? (await this.categoryDir(categoryFor(this.settings, request.mediaType))),
    };
    if (request.paused) options.pause = 'true';
    if (request.seedRatio !== undefined) options['seed-ratio'] = String(request.seedRatio);
    if (request.seedTimeMinutes !== undefined) options['seed-time'] = String(request.seedTimeMinutes);
    const source = request.source;
    switch (source.kind) {
      case 'magnet': {
        const hash = magnetInfoHash(source.uri);
        await this.api.addUri([source.uri], options);
        return { downloadId: hash };
      }
      case 'torrentFile': {
        const hash = torrentInfoHash(source.data);
        // Data already in the directory is verified instead of downloaded again.
        options['check-integrity'] = 'true';
        await this.api.addTorrent(Buffer.from(source.data).toString('base64'), options);
        return { downloadId: hash };
      }
      case 'torrentUrl':
        // A link to a .torrent is followed by aria2 (the follower carries the info-hash); other links download.
        return { downloadId: await this.api.addUri([source.url], options) };
      default:
        throw new ValidationError(`aria2 cannot download a ${source.kind}`);
    }
  }

  async list(): Promise<DownloadItem[]> {
    const all = await this.all();
    const base = await this.directory();
    // A download superseded by its follower (magnet metadata, a fetched .torrent) is represented by the follower.
    return all.filter((s) => !s.followedBy?.length).map((s) => mapDownload(s, (d) => this.categoryOfDir(base, d)));
  }

  async get(downloadId: string): Promise<DownloadItem | null> {
    const status = await this.find(downloadId);
    if (!status) return null;
    const base = await this.directory();
    return mapDownload(status, (d) => this.categoryOfDir(base, d));
  }

  async remove(downloadId: string, deleteData: boolean): Promise<void> {
    const all = await this.all();
    // The file lists are read before removing: aria2 forgets them with the download result.
    const matches = this.matching(all, downloadId);
    if (matches.length === 0) throw new NotFoundError(`aria2 has no download ${downloadId}`);
    for (const s of matches) {
      if (ACTIVE.has(s.status)) {
        await this.api.forceRemove(s.gid);
        if (!(await this.waitStopped(s.gid))) continue; // a download that never started is gone at once
      }
      await this.api.removeDownloadResult(s.gid).catch((err: unknown) => {
        if (!(err instanceof NotFoundError)) throw err;
      });
    }
    // Only once aria2 has stopped writing (waitStopped), or a file could be recreated behind us.
    if (deleteData) for (const s of matches) await deleteDownloadFiles(s);
  }

  async pause(downloadId: string): Promise<void> {
    await this.api.forcePause((await this.require(downloadId)).gid);
  }

  async resume(downloadId: string): Promise<void> {
    await this.api.unpause((await this.require(downloadId)).gid);
  }

  async setCategory(downloadId: string, category: string): Promise<void> {
    const status = await this.require(downloadId);
    await this.api.changeOption(status.gid, { dir: await this.categoryDir(category) });
  }

  async setPriority(downloadId: string, priority: DownloadPriority): Promise<void> {
    const status = await this.require(downloadId);
    if (status.status !== 'waiting' && status.status !== 'paused') return; // only queued downloads have a position
    if (priority === 'high') await this.api.changePosition(status.gid, 0, 'POS_SET');
    else if (priority === 'low') await this.api.changePosition(status.gid, 0, 'POS_END');
  }

  async completedOutputPath(downloadId: string): Promise<string | null> {
    return finishedOutputPath(await this.get(downloadId), COMPLETED_OR_SEEDING);
  }

  private async all(): Promise<Aria2Status[]> {
    const [active, waiting, stopped] = await Promise.all([
      this.api.tellActive(),
      this.api.tellWaiting(0, PAGE),
      this.api.tellStopped(0, PAGE),
    ]);
    return [...active, ...waiting, ...stopped];
  }

  /** Every aria2 download behind an id: the GID itself, or all downloads of an info-hash. */
  private matching(all: Aria2Status[], downloadId: string): Aria2Status[] {
    return all.filter((s) => s.gid === downloadId || downloadIdOf(s) === downloadId.toUpperCase());
  }

  private async find(downloadId: string): Promise<Aria2Status | null> {
    const all = await this.all();
    const byGid = new Map(all.map((s) => [s.gid, s]));
    const matches = this.matching(all, downloadId);
    let found = matches.find((s) => !s.followedBy?.length) ?? matches[0];
    // Follow the chain (e.g. a .torrent URL → the torrent it started) to the download doing the work.
    for (let hops = 0; found?.followedBy?.length && hops < 4; hops++) {
      const next = byGid.get(found.followedBy[0]!);
      if (!next) break;
      found = next;
    }
    return found ?? null;
  }

  private async require(downloadId: string): Promise<Aria2Status> {
    const status = await this.find(downloadId);
    if (!status) throw new NotFoundError(`aria2 has no download ${downloadId}`);
    return status;
  }

  /** Waits until a removed download has stopped; false when aria2 has already forgotten it. */
  private async waitStopped(gid: string): Promise<boolean> {
    for (let i = 0; i < 50; i++) {
      const s = await this.api.tellStatus(gid).catch((err: unknown) => {
        if (err instanceof NotFoundError) return null;
        throw err;
      });
      if (!s) return false;
      if (!ACTIVE.has(s.status)) return true;
      await this.clock.sleep(100);
    }
    return true;
  }

  private async directory(): Promise<string> {
    if (this.settings.directory) return this.settings.directory.replace(/\/+$/, '') || '/';
    this.baseDir ??= (await this.api.getGlobalOption()).dir?.replace(/\/+$/, '') ?? '';
    return this.baseDir;
  }

  private async categoryDir(category: string): Promise<string> {
    const base = await this.directory();
    return category ? posix.join(base, category) : base;
  }

  private categoryOfDir(base: string, dir: string | undefined): string | null {
    if (!dir) return null;
    const clean = dir.replace(/\/+$/, '');
    if (posix.dirname(clean) !== base) return null;
    const name = posix.basename(clean);
    return name !== '' && CATEGORY_FIELDS.some((f) => this.settings[f] === name) ? name : null;
  }
}
