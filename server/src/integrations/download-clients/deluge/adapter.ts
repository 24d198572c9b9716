// Deluge (through deluge-web) as a download client: connects the web UI to its daemon when needed, uses the Label
// plugin for categories (enabling it when it is off; without it downloads simply get no label), queue position for
// priorities, stop-at-ratio for the indexer's seeding goal.
import type { Clock } from '../../../lib/clock.js';
import { ConflictError, type Finding, ProtocolError, UnreachableError, ValidationError } from '../../../lib/errors.js';
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
import { DelugeApi, DelugeRpcError } from './api.js';
import { DELUGE_FIELDS, type DelugeTorrent, mapDelugeTorrent } from './mapper.js';
import type { DelugeSettings } from './settings.js';

export const DELUGE_CAPABILITIES = torrentCapabilities({ supportsCategories: false, supportsLabels: true });

const LABEL_PLUGIN = 'Label';

export class DelugeAdapter implements DownloadClientPort {
  readonly protocol = 'torrent' as const;
  readonly capabilities = DELUGE_CAPABILITIES;
  private readonly api: DelugeApi;
  private labelPlugin: boolean | null = null;

  constructor(
    private readonly settings: DelugeSettings,
    private readonly clock: Clock,
    private readonly log?: WarnLogger,
  ) {
    this.api = new DelugeApi({
      baseUrl: baseUrl(settings),
      password: settings.password,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      logger: log,
    });
  }

  async add(request: AddDownloadRequest): Promise<AddDownloadResult> {
    await this.ensureConnected();
    const src = request.source;
    const options: Record<string, unknown> = { add_paused: request.paused ?? this.settings.addPaused };
    const dir = request.savePath || this.settings.directory;
    if (dir) options.download_location = dir;
    if (request.seedRatio !== undefined) Object.assign(options, { stop_at_ratio: true, stop_ratio: request.seedRatio });
    let hash: string | null;
    try {
      if (src.kind === 'magnet') hash = await this.api.call('core.add_torrent_magnet', [src.uri, options]);
      else if (src.kind === 'torrentUrl') hash = await this.api.call('core.add_torrent_url', [src.url, options]);
      else if (src.kind === 'torrentFile') {
        const b64 = Buffer.from(src.data).toString('base64');
        hash = await this.api.call('core.add_torrent_file', [src.fileName ?? 'download.torrent', b64, options]);
      } else throw new ValidationError('Deluge downloads torrents only, not NZBs');
    } catch (err) {
      if (err instanceof DelugeRpcError && /already in session/i.test(err.rpcMessage)) {
        throw new ConflictError(`Deluge already has this torrent: ${err.message}`);
      }
      throw err;
    }
    if (typeof hash !== 'string' || !/^[0-9a-f]{40}$/i.test(hash)) {
      throw new ProtocolError('Deluge did not return the added torrent', String(hash));
    }
    const category = categoryFor(this.settings, request.mediaType);
    if (category) {
      if (await this.hasLabelPlugin()) await this.applyLabel(hash, category);
      else this.log?.warn({ hash, category }, 'Deluge Label plugin is not enabled; download added without a label');
    }
    const priority = requestedPriority(request, this.settings);
    if (priority !== 'normal') await this.setPriority(hash, priority);
    return { downloadId: hash.toUpperCase() };
  }

  async list(): Promise<DownloadItem[]> {
    await this.ensureConnected();
    const all = await this.api.call<Record<string, DelugeTorrent>>('core.get_torrents_status', [{}, DELUGE_FIELDS]);
    const own = this.ownCategories();
    const filter = own.size > 0 && (await this.hasLabelPlugin());
    return Object.entries(all ?? {})
      .map(([hash, t]) => ({ ...t, hash: t.hash ?? hash }))
      .filter((t) => !filter || own.has(t.label ?? ''))
      .map(mapDelugeTorrent);
  }

  async get(downloadId: string): Promise<DownloadItem | null> {
    await this.ensureConnected();
    const id = downloadId.toLowerCase();
    const res = await this.api.call<Record<string, DelugeTorrent>>('core.get_torrents_status', [
      { id: [id] },
      DELUGE_FIELDS,
    ]);
    const t = res?.[id];
    return t ? mapDelugeTorrent({ ...t, hash: t.hash ?? id }) : null;
  }

  async remove(downloadId: string, deleteData: boolean): Promise<void> {
    await this.ensureConnected();
    await this.api.call('core.remove_torrent', [downloadId.toLowerCase(), deleteData]);
  }

  async pause(downloadId: string): Promise<void> {
    await this.ensureConnected();
    await this.repeatUntil(downloadId.toLowerCase(), 'core.pause_torrent', (state) => state === 'Paused');
  }

  async resume(downloadId: string): Promise<void> {
    await this.ensureConnected();
    await this.repeatUntil(downloadId.toLowerCase(), 'core.resume_torrent', (state) => state !== 'Paused');
  }

  /**
   * Deluge 2.0 decides "already paused/resumed" from a cached status that lags up to a second behind libtorrent, and
   * then silently ignores the call (seen with a pause shortly after a resume). Repeat the call until the state shows it.
   */
  private async repeatUntil(hash: string, method: string, reached: (state: string) => boolean): Promise<void> {
    const deadline = this.clock.now() + 5000;
    for (;;) {
      await this.api.call(method, [[hash]]);
      await this.clock.sleep(150);
      const res = await this.api.call<Record<string, { state: string }>>('core.get_torrents_status', [
        { id: [hash] },
        ['state'],
      ]);
      const state = res?.[hash]?.state;
      if (state === undefined || reached(state) || state === 'Error') return;
      if (this.clock.now() > deadline) throw new ProtocolError(`Deluge ignored ${method} for ${hash} (state ${state})`);
      await this.clock.sleep(250);
    }
  }

  async setCategory(downloadId: string, category: string): Promise<void> {
    await this.ensureConnected();
    if (!(await this.hasLabelPlugin())) throw new ValidationError('the Deluge Label plugin is not enabled');
    await this.applyLabel(downloadId.toLowerCase(), category);
  }

  async setPriority(downloadId: string, priority: DownloadPriority): Promise<void> {
    if (priority === 'normal') return;
    await this.ensureConnected();
    await this.api.call(priority === 'high' ? 'core.queue_top' : 'core.queue_bottom', [[downloadId.toLowerCase()]]);
  }

  async completedOutputPath(downloadId: string): Promise<string | null> {
    return finishedOutputPath(await this.get(downloadId), COMPLETED_OR_SEEDING);
  }

  async test(): Promise<Finding[]> {
    let version: string;
    try {
      await this.api.login();
      await this.ensureConnected();
      version = await this.api.call<string>('daemon.get_version');
    } catch (err) {
      return connectionFindings(err);
    }
    if (Number(/^(\d+)/.exec(version)?.[1] ?? 0) < 2) {
      return [{ field: '', message: `Deluge ${version} is too old: 2.0 or later is required`, severity: 'error' }];
    }
    const labels = CATEGORY_FIELDS.map((f) => [f, this.settings[f]] as const).filter(([, v]) => v !== '');
    if (labels.length === 0) return [];
    this.labelPlugin = null;
    if (!(await this.hasLabelPlugin()) && !(await this.enableLabelPlugin())) {
      return [
        {
          field: `settings.${labels[0]![0]}`,
          message: 'the Deluge Label plugin is not available and could not be enabled; downloads will get no label',
          severity: 'warning',
        },
      ];
    }
    const existing = new Set(await this.api.call<string[]>('label.get_labels'));
    const findings: Finding[] = [];
    for (const [field, name] of labels) {
      if (existing.has(name)) continue;
      try {
        await this.api.call('label.add', [name]);
        existing.add(name);
      } catch (err) {
        findings.push({
          field: `settings.${field}`,
          message: `Deluge cannot create the label "${name}": ${String(err)}`,
          severity: 'error',
        });
      }
    }
    return findings;
  }

  async healthCheck(): Promise<HealthCheckResult> {
    return timedHealthCheck(this.clock, () => this.ensureConnected());
  }

  /** deluge-web relays core.* only while connected to a daemon; with the daemon down those calls hang, so ask first. */
  private async ensureConnected(): Promise<void> {
    if (await this.api.connected()) return;
    this.labelPlugin = null;
    const hosts = await this.api.hosts();
    if (hosts.length === 0) throw new UnreachableError('deluge-web has no Deluge daemon in its connection manager');
    const seen: string[] = [];
    for (const [id, host, port] of hosts) {
      const [, status] = await this.api.hostStatus(id);
      seen.push(`${host}:${port} ${status}`);
      if (status !== 'Online' && status !== 'Connected') continue;
      if ((await this.api.connect(id)) && (await this.api.connected())) return;
    }
    throw new UnreachableError(`deluge-web cannot reach its Deluge daemon (${seen.join(', ')})`);
  }

  private async hasLabelPlugin(): Promise<boolean> {
    this.labelPlugin ??= (await this.api.call<string[]>('core.get_enabled_plugins')).includes(LABEL_PLUGIN);
    return this.labelPlugin;
  }

  /** Enables the plugin on the daemon and waits until deluge-web relays label.* (it learns them asynchronously). */
  private async enableLabelPlugin(): Promise<boolean> {
    try {
      if (!(await this.api.call<string[]>('core.get_available_plugins')).includes(LABEL_PLUGIN)) return false;
      await this.api.call('core.enable_plugin', [LABEL_PLUGIN]);
      const deadline = this.clock.now() + 5000;
      for (;;) {
        try {
          await this.api.call('label.get_labels');
          this.labelPlugin = true;
          return true;
        } catch (err) {
          if (!(err instanceof DelugeRpcError) || this.clock.now() > deadline) throw err;
          await this.clock.sleep(100);
        }
      }
    } catch (err) {
      this.log?.warn({ error: String(err) }, 'could not enable the Deluge Label plugin');
      return false;
    }
  }

  private async applyLabel(hash: string, label: string): Promise<void> {
    try {
      await this.api.call('label.add', [label]);
    } catch (err) {
      if (!(err instanceof DelugeRpcError && /already exists/i.test(err.rpcMessage))) throw err;
    }
    await this.api.call('label.set_torrent', [hash, label]);
  }

  private ownCategories(): Set<string> {
    return ownCategories(this.settings);
  }
}
