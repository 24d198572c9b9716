// Synology Download Station as a DownloadClientPort, one adapter for both of its faces: torrents (magnets,
// .torrent files and URLs) and usenet (NZB files and URLs); the integration picks the protocol. Destinations are
// the configured shared folder plus the category subfolder. The legacy Task API returns no id on create, so
// the new task is found by comparing the task list before and after.
import type { Clock } from '../../../lib/clock.js';
import { type Finding, ProtocolError, ValidationError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type {
  AddDownloadRequest,
  AddDownloadResult,
  DownloadClientCapabilities,
  DownloadClientPort,
  DownloadItem,
  DownloadPriority,
  DownloadProtocol,
  DownloadSource,
} from '../../../providers/ports/download-client.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { COMPLETED_OR_SEEDING, finishedOutputPath, ownCategories, timedHealthCheck } from '../common/adapter.js';
import { baseUrl, categoryFor } from '../common/settings.fields.js';
import { DownloadStationApi, type DsTask } from './api.js';
import { mapTask } from './mapper.js';
import type { DownloadStationSettings } from './settings.js';

export function downloadStationCapabilities(protocol: DownloadProtocol): DownloadClientCapabilities {
  return {
    supportsCategories: true, // as subfolders of the destination
    supportsLabels: false,
    supportsPriorities: false,
    supportsMagnetLinks: protocol === 'torrent',
    supportsTorrentFiles: protocol === 'torrent',
    supportsNzb: protocol === 'usenet',
    supportsRemoveAndDelete: false, // delete removes the task; completed files stay for the caller to delete
    supportsSeedLimits: false,
  };
}

const SOURCES: Record<DownloadProtocol, ReadonlySet<DownloadSource['kind']>> = {
  torrent: new Set(['magnet', 'torrentFile', 'torrentUrl']),
  usenet: new Set(['nzbFile', 'nzbUrl']),
};

export class DownloadStationAdapter implements DownloadClientPort {
  readonly capabilities: DownloadClientCapabilities;
  private readonly api: DownloadStationApi;
  private defaultDestination: string | null = null;
  private shares: Map<string, string> | null = null;

  constructor(
    readonly protocol: DownloadProtocol,
    private readonly settings: DownloadStationSettings,
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    this.capabilities = downloadStationCapabilities(protocol);
    this.api = new DownloadStationApi({
      baseUrl: baseUrl(settings),
      username: settings.username,
      password: settings.password,
      timeoutMs: settings.timeoutSeconds * 1000,
      clock,
      ...(log ? { log } : {}),
    });
  }

  async test(): Promise<Finding[]> {
    await this.api.login();
    await this.api.info();
    const findings: Finding[] = [];
    const config = await this.api.config();
    if (!this.settings.directory && !config.default_destination) {
      findings.push({
        field: 'settings.directory',
        message: 'Download Station has no default destination; set one there or fill in the directory here',
        severity: 'error',
      });
    }
    const directory = this.settings.directory.replace(/^\/+/, '');
    if (directory) {
      const shares = await this.shareMap();
      const share = directory.split('/')[0] ?? '';
      if (shares.size > 0 && !shares.has(share)) {
        findings.push({
          field: 'settings.directory',
          message: `"${share}" is not a shared folder on this DSM`,
          severity: 'error',
        });
      }
    }
    return findings;
  }

  async healthCheck(): Promise<HealthCheckResult> {
    return timedHealthCheck(this.clock, () => this.api.info());
  }

  async dispose(): Promise<void> {
    await this.api.logout();
  }

  async add(request: AddDownloadRequest): Promise<AddDownloadResult> {
    const source = request.source;
    if (!SOURCES[this.protocol].has(source.kind)) {
      throw new ValidationError(`this Download Station client (${this.protocol}) cannot add a ${source.kind}`);
    }
    const destination =
      request.savePath?.replace(/^\/+|\/+$/g, '') ??
      (await this.destinationFor(categoryFor(this.settings, request.mediaType)));
    const before = new Set((await this.api.listTasks()).map((t) => t.id));
    let uri: string | null = null;
    let fileName: string | null = null;
    if (source.kind === 'magnet') uri = source.uri;
    else if (source.kind === 'torrentUrl' || source.kind === 'nzbUrl') uri = source.url;
    else fileName = source.fileName ?? `${request.title}.torrent`;
    if (uri !== null) await this.api.createFromUri(uri, destination);
    else if (source.kind === 'torrentFile' || source.kind === 'nzbFile') {
      await this.api.createFromFile(source.data, fileName ?? request.title, destination);
    }
    const created = (await this.api.listTasks()).filter((t) => !before.has(t.id));
    const task = pickCreated(created, { uri, fileName, title: request.title });
    if (!task) throw new ProtocolError('Download Station accepted the task but it does not appear in the task list');
    if (request.paused) await this.api.taskAction('pause', [task.id]);
    return { downloadId: task.id };
  }

  async list(): Promise<DownloadItem[]> {
    const tasks = await this.api.listTasks();
    const ctx = await this.mapContext();
    const ours = tasks.filter((t) => (this.protocol === 'usenet' ? t.type === 'nzb' : t.type !== 'nzb'));
    const items = ours.map((t) => mapTask(t, ctx));
    const categorised = ownCategories(this.settings).size > 0;
    return categorised ? items.filter((i) => i.category !== null) : items;
  }

  async get(downloadId: string): Promise<DownloadItem | null> {
    const task = (await this.api.listTasks()).find((t) => t.id === downloadId);
    return task ? mapTask(task, await this.mapContext()) : null;
  }

  async remove(downloadId: string, _deleteData: boolean): Promise<void> {
    await this.api.taskAction('delete', [downloadId], { force_complete: false });
  }

  async pause(downloadId: string): Promise<void> {
    await this.api.taskAction('pause', [downloadId]);
  }

  async resume(downloadId: string): Promise<void> {
    await this.api.taskAction('resume', [downloadId]);
  }

  async setCategory(downloadId: string, category: string): Promise<void> {
    await this.api.editDestination(downloadId, await this.destinationFor(category));
  }

  async setPriority(_downloadId: string, _priority: DownloadPriority): Promise<void> {
    // Download Station's task API has no per-task priority.
  }

  async completedOutputPath(downloadId: string): Promise<string | null> {
    return finishedOutputPath(await this.get(downloadId), COMPLETED_OR_SEEDING);
  }

  /** The configured directory (or Download Station's default destination), plus the category subfolder. */
  private async destinationFor(category: string): Promise<string> {
    const base = await this.baseDirectory();
    return category ? `${base}/${category}` : base;
  }

  private async baseDirectory(): Promise<string> {
    const configured = this.settings.directory.replace(/^\/+|\/+$/g, '');
    if (configured) return configured;
    if (this.defaultDestination === null) {
      const config = await this.api.config();
      if (!config.default_destination) {
        throw new ValidationError('Download Station has no default destination; set the directory', [
          { field: 'settings.directory', message: 'no default destination in Download Station', severity: 'error' },
        ]);
      }
      this.defaultDestination = config.default_destination.replace(/^\/+|\/+$/g, '');
    }
    return this.defaultDestination;
  }

  private async shareMap(): Promise<Map<string, string>> {
    this.shares ??= await this.api.shareRealPaths().catch(() => new Map<string, string>());
    return this.shares;
  }

  private async mapContext() {
    const base = await this.baseDirectory();
    const shares = await this.shareMap();
    const names = ownCategories(this.settings);
    return {
      shares,
      categoryOf: (destination: string | undefined) => {
        if (!destination) return null;
        const clean = destination.replace(/^\/+|\/+$/g, '');
        const cut = clean.lastIndexOf('/');
        if (cut < 0 || clean.slice(0, cut) !== base) return null;
        const name = clean.slice(cut + 1);
        return names.has(name) ? name : null;
      },
    };
  }
}

/** The task a create made: by its URI, else by title/file name, else the only new one. */
function pickCreated(
  created: DsTask[],
  hint: { uri: string | null; fileName: string | null; title: string },
): DsTask | undefined {
  if (hint.uri) {
    const byUri = created.find((t) => t.additional?.detail?.uri === hint.uri);
    if (byUri) return byUri;
  }
  const stem = hint.fileName?.replace(/\.(torrent|nzb)$/i, '');
  const byTitle = created.find((t) => t.title === hint.title || (stem !== undefined && t.title === stem));
  if (byTitle) return byTitle;
  return created.length === 1 ? created[0] : undefined;
}
