// qBittorrent as a download client: categories per media type (created when missing), add options from the
// settings and the indexer's seeding goals, status mapping, and the post-import category.
import type { Clock } from '../../../lib/clock.js';
import { ConflictError, type Finding, ProtocolError, ValidationError } from '../../../lib/errors.js';
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
  connectionFindings,
  finishedOutputPath,
  ownCategories,
  requestedPriority,
  timedHealthCheck,
  torrentCapabilities,
  type WarnLogger,
} from '../common/adapter.js';
import { baseUrl, categoryFor } from '../common/settings.fields.js';
import { torrentUrlFetcher } from '../common/torrent-url.js';
import { QbittorrentApi } from './api.js';
import { mapQbTorrent } from './mapper.js';
import type { QbittorrentSettings } from './settings.js';

export const QBITTORRENT_CAPABILITIES = torrentCapabilities();

export class QbittorrentAdapter implements DownloadClientPort {
  readonly protocol = 'torrent' as const;
  readonly capabilities = QBITTORRENT_CAPABILITIES;
  private readonly api: QbittorrentApi;
  private readonly fetchTorrent: (url: string) => Promise<Uint8Array>;

  constructor(
    private readonly settings: QbittorrentSettings,
    private readonly clock: Clock,
    private readonly log?: WarnLogger,
  ) {
    const timeoutMs = Math.round(settings.timeoutSeconds * 1000);
    this.api = new QbittorrentApi({
      baseUrl: baseUrl(settings),
      username: settings.username,
      password: settings.password,
      timeoutMs,
      logger: log,
    });
    this.fetchTorrent = torrentUrlFetcher(timeoutMs, log);
  }

  async add(request: AddDownloadRequest): Promise<AddDownloadResult> {
    const src = request.source;
    let hash: string;
    let torrent: { data: Uint8Array; fileName: string } | undefined;
    let urls: string | undefined;
    if (src.kind === 'magnet') {
      hash = magnetInfoHash(src.uri);
      urls = src.uri;
    } else if (src.kind === 'torrentFile') {
      hash = torrentInfoHash(src.data);
      torrent = { data: src.data, fileName: src.fileName ?? `${hash}.torrent` };
    } else if (src.kind === 'torrentUrl') {
      // Fetched here so the info-hash is known; qBittorrent's own URL download would not tell us.
      const data = await this.fetchTorrent(src.url);
      hash = torrentInfoHash(data);
      torrent = { data, fileName: `${hash}.torrent` };
    } else {
      throw new ValidationError('qBittorrent downloads torrents only, not NZBs');
    }
    const category = categoryFor(this.settings, request.mediaType);
    if (category) await this.ensureCategory(category);
    const paused = request.paused ?? this.settings.initialState === 'pause';
    const accepted = await this.api.add({
      ...(urls ? { urls } : {}),
      ...(torrent ? { torrent } : {}),
      ...(request.savePath ? { savepath: request.savePath } : {}),
      ...(category ? { category } : {}),
      paused,
      sequentialDownload: this.settings.sequentialDownload,
      firstLastPiecePrio: this.settings.firstAndLastPiecePriority,
      ...(request.seedRatio !== undefined ? { ratioLimit: request.seedRatio } : {}),
      ...(request.seedTimeMinutes !== undefined ? { seedingTimeLimit: request.seedTimeMinutes } : {}),
    });
    if (!accepted) {
      const existing = await this.api.torrents({ hashes: [hash] });
      if (existing.length > 0) throw new ConflictError(`qBittorrent already has torrent ${hash}`);
      throw new ProtocolError(`qBittorrent rejected the torrent ${hash} ("Fails.")`, 'Fails.');
    }
    // "Ok." means accepted, not loaded: qBittorrent registers the torrent a moment later (magnets especially), and
    // calls naming its hash before that are silently ignored. Wait for it before the follow-up calls.
    if (!(await this.waitLoaded(hash))) {
      this.log?.warn(
        { hash },
        'qBittorrent accepted the torrent but has not loaded it yet; initial state and priority not applied',
      );
      return { downloadId: hash };
    }
    if (!paused && this.settings.initialState === 'force_start') await this.api.setForceStart(hash);
    const priority = requestedPriority(request, this.settings);
    if (priority !== 'normal') await this.applyPriority(hash, priority);
    return { downloadId: hash };
  }

  async list(): Promise<DownloadItem[]> {
    const categories = this.ownCategories();
    const torrents = await this.api.torrents();
    const mine = categories.size === 0 ? torrents : torrents.filter((t) => categories.has(t.category ?? ''));
    return mine.map(mapQbTorrent);
  }

  async get(downloadId: string): Promise<DownloadItem | null> {
    const [t] = await this.api.torrents({ hashes: [downloadId] });
    return t ? mapQbTorrent(t) : null;
  }

  async remove(downloadId: string, deleteData: boolean): Promise<void> {
    await this.api.delete(downloadId, deleteData);
  }

  async pause(downloadId: string): Promise<void> {
    await this.api.pause(downloadId);
  }

  async resume(downloadId: string): Promise<void> {
    await this.api.resume(downloadId);
  }

  async setCategory(downloadId: string, category: string): Promise<void> {
    if (await this.api.setCategory(downloadId, category)) return;
    await this.api.createCategory(category);
    if (!(await this.api.setCategory(downloadId, category))) {
      throw new ValidationError(`qBittorrent does not accept the category "${category}"`);
    }
  }

  async setPriority(downloadId: string, priority: DownloadPriority): Promise<void> {
    await this.applyPriority(downloadId, priority);
  }

  async completedOutputPath(downloadId: string): Promise<string | null> {
    return finishedOutputPath(await this.get(downloadId), COMPLETED_OR_SEEDING);
  }

  async markImported(downloadId: string): Promise<void> {
    if (this.settings.postImportCategory) await this.setCategory(downloadId, this.settings.postImportCategory);
  }

  async test(): Promise<Finding[]> {
    let webApi: string;
    try {
      await this.api.authenticate();
      webApi = await this.api.webApiVersion();
    } catch (err) {
      return connectionFindings(err);
    }
    const findings: Finding[] = [];
    const major = Number(/^v?(\d+)/.exec(webApi)?.[1] ?? 0);
    if (major < 2) {
      findings.push({
        field: '',
        message: `qBittorrent WebAPI ${webApi || 'unknown'} is too old: version 2.0 or later (qBittorrent 4.1+) is required`,
        severity: 'error',
      });
      return findings;
    }
    const existing = await this.api.categories();
    for (const field of CATEGORY_FIELDS) {
      const category = this.settings[field];
      if (!category || existing[category]) continue;
      await this.api.createCategory(category);
      const now = await this.api.categories();
      if (now[category]) existing[category] = now[category];
      else
        findings.push({
          field: `settings.${field}`,
          message: `qBittorrent cannot create the category "${category}"`,
          severity: 'error',
        });
    }
    return findings;
  }

  async healthCheck(): Promise<HealthCheckResult> {
    return timedHealthCheck(this.clock, () => this.api.webApiVersion());
  }

  private async waitLoaded(hash: string, timeoutMs = 5000): Promise<boolean> {
    const deadline = this.clock.now() + timeoutMs;
    for (;;) {
      if ((await this.api.torrents({ hashes: [hash] })).length > 0) return true;
      if (this.clock.now() >= deadline) return false;
      await this.clock.sleep(100);
    }
  }

  private ownCategories(): Set<string> {
    return ownCategories(this.settings, this.settings.postImportCategory);
  }

  private async ensureCategory(category: string): Promise<void> {
    const existing = await this.api.categories();
    if (!existing[category]) await this.api.createCategory(category);
  }

  private async applyPriority(hash: string, priority: DownloadPriority): Promise<void> {
    if (priority === 'normal') return;
    const applied = await this.api.queuePriority(hash, priority === 'high' ? 'top' : 'bottom');
    if (!applied) this.log?.debug({ hash }, 'qBittorrent queueing is disabled; priority not applied');
  }
}
