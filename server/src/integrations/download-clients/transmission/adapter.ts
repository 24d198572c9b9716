// Transmission as a download client. A category is a download directory (`<directory>/<category>`) and, from
// RPC version 16 (Transmission 3.00), also a label; labels are set with torrent-set, since 3.00 ignores them on add.
import type { Clock } from '../../../lib/clock.js';
import { ConflictError, type Finding, ProtocolError, ValidationError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
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
import { TransmissionApi, type TrSession } from './api.js';
import { joinPath, mapTrTorrent, type TrTorrent } from './mapper.js';
import type { TransmissionSettings } from './settings.js';

export const TRANSMISSION_CAPABILITIES = torrentCapabilities({ supportsLabels: true });

/** Labels arrived in RPC version 16 (Transmission 3.00). */
const LABELS_RPC_VERSION = 16;
/** RPC 14 = Transmission 2.40, the oldest with the fields used here. */
const MIN_RPC_VERSION = 14;
const BANDWIDTH_PRIORITY: Record<DownloadPriority, number> = { high: 1, normal: 0, low: -1 };

export class TransmissionAdapter implements DownloadClientPort {
  readonly protocol = 'torrent' as const;
  readonly capabilities = TRANSMISSION_CAPABILITIES;
  private readonly api: TransmissionApi;
  private session: Promise<TrSession> | null = null;

  constructor(
    private readonly settings: TransmissionSettings,
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    const rpcUrl = `${baseUrl(settings)}/rpc`;
    this.api = new TransmissionApi({
      rpcUrl,
      username: settings.username,
      password: settings.password,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      logger: log,
    });
  }

  async add(request: AddDownloadRequest): Promise<AddDownloadResult> {
    const src = request.source;
    const args: { filename?: string; metainfo?: string; 'download-dir'?: string; paused: boolean } = {
      paused: request.paused ?? this.settings.addPaused,
    };
    if (src.kind === 'magnet') args.filename = src.uri;
    else if (src.kind === 'torrentUrl') args.filename = src.url;
    else if (src.kind === 'torrentFile') args.metainfo = Buffer.from(src.data).toString('base64');
    else throw new ValidationError('Transmission downloads torrents only, not NZBs');
    const category = categoryFor(this.settings, request.mediaType);
    const dir = request.savePath || (await this.categoryDir(category));
    if (dir) args['download-dir'] = dir;
    const added = await this.api.add(args);
    const hash = added.hashString.toUpperCase();
    if (added.duplicate) throw new ConflictError(`Transmission already has torrent ${hash}`);
    const fields: Record<string, unknown> = {};
    if (category && (await this.labelsSupported())) fields.labels = [category];
    if (request.seedRatio !== undefined) Object.assign(fields, { seedRatioLimit: request.seedRatio, seedRatioMode: 1 });
    if (request.seedTimeMinutes !== undefined)
      Object.assign(fields, { seedIdleLimit: request.seedTimeMinutes, seedIdleMode: 1 });
    const priority = requestedPriority(request, this.settings);
    if (priority !== 'normal') fields.bandwidthPriority = BANDWIDTH_PRIORITY[priority];
    if (Object.keys(fields).length > 0) await this.api.set(hash, fields);
    return { downloadId: hash };
  }

  async list(): Promise<DownloadItem[]> {
    const torrents = await this.api.torrents();
    const out: DownloadItem[] = [];
    const own = this.ownCategories();
    for (const t of torrents) {
      const category = await this.categoryOf(t);
      if (own.size > 0 && (category === null || !own.has(category))) continue;
      out.push(mapTrTorrent(t, category));
    }
    return out;
  }

  async get(downloadId: string): Promise<DownloadItem | null> {
    const [t] = await this.api.torrents([downloadId]);
    return t ? mapTrTorrent(t, await this.categoryOf(t)) : null;
  }

  async remove(downloadId: string, deleteData: boolean): Promise<void> {
    await this.api.remove(downloadId, deleteData);
  }

  async pause(downloadId: string): Promise<void> {
    await this.api.action('torrent-stop', downloadId);
  }

  async resume(downloadId: string): Promise<void> {
    await this.api.action('torrent-start', downloadId);
  }

  /** Sets the label; the data stays where it is (moving a seeding torrent is the user's call). */
  async setCategory(downloadId: string, category: string): Promise<void> {
    if (!(await this.labelsSupported())) {
      throw new ValidationError('this Transmission has no labels (RPC version 16+); its categories are directories');
    }
    await this.api.set(downloadId, { labels: category ? [category] : [] });
  }

  async setPriority(downloadId: string, priority: DownloadPriority): Promise<void> {
    await this.api.set(downloadId, { bandwidthPriority: BANDWIDTH_PRIORITY[priority] });
  }

  async completedOutputPath(downloadId: string): Promise<string | null> {
    return finishedOutputPath(await this.get(downloadId), COMPLETED_OR_SEEDING);
  }

  async test(): Promise<Finding[]> {
    let session: TrSession;
    try {
      this.session = null;
      session = await this.sessionInfo();
    } catch (err) {
      return trConnectionFindings(err);
    }
    const rpc = session['rpc-version'];
    if (rpc < MIN_RPC_VERSION) {
      return [
        {
          field: '',
          message: `Transmission ${session.version} (RPC ${rpc}) is too old: 2.40 or later is required`,
          severity: 'error',
        },
      ];
    }
    const findings: Finding[] = [];
    if (rpc < LABELS_RPC_VERSION && this.ownCategories().size > 0) {
      findings.push({
        field: 'settings.movieCategory',
        message: `Transmission ${session.version} has no labels (needs 3.00+); categories are used as subdirectories only`,
        severity: 'warning',
      });
    }
    return findings;
  }

  async healthCheck(): Promise<HealthCheckResult> {
    return timedHealthCheck(this.clock, () => this.api.session());
  }

  private sessionInfo(): Promise<TrSession> {
    this.session ??= this.api.session().catch((err: unknown) => {
      this.session = null;
      throw err;
    });
    return this.session;
  }

  private async labelsSupported(): Promise<boolean> {
    return (await this.sessionInfo())['rpc-version'] >= LABELS_RPC_VERSION;
  }

  private async baseDir(): Promise<string> {
    return this.settings.directory || (await this.sessionInfo())['download-dir'];
  }

  private async categoryDir(category: string): Promise<string | undefined> {
    if (category) return joinPath(await this.baseDir(), category);
    return this.settings.directory || undefined;
  }

  private ownCategories(): Set<string> {
    return ownCategories(this.settings);
  }

  /** The label when it is one of ours (else the first label), else the category whose directory holds it. */
  private async categoryOf(t: TrTorrent): Promise<string | null> {
    const own = this.ownCategories();
    const labels = t.labels ?? [];
    const label = labels.find((l) => own.has(l)) ?? labels[0];
    if (label) return label;
    const dir = t.downloadDir.replace(/[/\\]+$/, '');
    for (const c of own) if (dir === joinPath(await this.baseDir(), c)) return c;
    return null;
  }
}

function trConnectionFindings(err: unknown): Finding[] {
  if (err instanceof ProtocolError) {
    // Something answered, but not Transmission's RPC (wrong URL base, or another service on that port).
    return [
      { field: 'settings.urlBase', message: `not a Transmission RPC endpoint: ${err.message}`, severity: 'error' },
    ];
  }
  return connectionFindings(err);
}
