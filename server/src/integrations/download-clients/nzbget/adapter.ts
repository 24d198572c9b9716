// NZBGet as a DownloadClientPort: append (NZB content as base64, or a URL) with category, priority and
// AddPaused; listgroups + visible history merged; editqueue for pause/resume/delete/category/priority.
import type { Clock } from '../../../lib/clock.js';
import { type Finding, NotFoundError, ValidationError } from '../../../lib/errors.js';
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
  finishedOutputPath,
  missingCategoryFindings,
  ownCategoriesOrAll,
  requestedPriority,
  timedHealthCheck,
  USENET_CAPABILITIES,
} from '../common/adapter.js';
import { baseUrl, categoryFor } from '../common/settings.fields.js';
import { NzbgetApi } from './api.js';
import { mapGroup, mapHistory } from './mapper.js';
import type { NzbgetSettings } from './settings.js';

export const NZBGET_CAPABILITIES = USENET_CAPABILITIES;

/** NZBGet's scale: -100 very low, -50 low, 0 normal, 50 high, 100 very high, 900 force. */
const PRIORITY: Record<DownloadPriority, number> = { high: 50, normal: 0, low: -50 };

export class NzbgetAdapter implements DownloadClientPort {
  readonly protocol = 'usenet' as const;
  readonly capabilities = NZBGET_CAPABILITIES;
  private readonly api: NzbgetApi;

  constructor(
    private readonly settings: NzbgetSettings,
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    this.api = new NzbgetApi({
      baseUrl: baseUrl(settings),
      username: settings.username,
      password: settings.password,
      timeoutMs: settings.timeoutSeconds * 1000,
      clock,
      ...(log ? { log } : {}),
    });
  }

  async test(): Promise<Finding[]> {
    const findings: Finding[] = [];
    const version = await this.api.version();
    const major = Number.parseInt(version, 10);
    if (Number.isFinite(major) && major < 16) {
      findings.push({
        field: '',
        message: `NZBGet ${version} is too old; 16.0 or newer is required`,
        severity: 'error',
      });
    }
    const config = await this.api.config();
    const categories = new Set(config.filter((c) => /^Category\d+\.Name$/i.test(c.Name)).map((c) => c.Value));
    findings.push(
      ...missingCategoryFindings(
        this.settings,
        (name) => categories.has(name),
        (name) => `NZBGet has no category "${name}"; add it in NZBGet (Settings → Categories) or pick another`,
      ),
    );
    return findings;
  }

  async dispose(): Promise<void> {
    await this.api.close();
  }

  async healthCheck(): Promise<HealthCheckResult> {
    return timedHealthCheck(this.clock, () => this.api.version());
  }

  async add(request: AddDownloadRequest): Promise<AddDownloadResult> {
    const options = {
      category: categoryFor(this.settings, request.mediaType),
      priority: PRIORITY[requestedPriority(request, this.settings)],
      addPaused: request.paused === true,
    };
    const name = `${request.title}.nzb`;
    const source = request.source;
    let id: number;
    if (source.kind === 'nzbFile')
      id = await this.api.append(name, Buffer.from(source.data).toString('base64'), options);
    else if (source.kind === 'nzbUrl') id = await this.api.append(name, source.url, options);
    else throw new ValidationError(`NZBGet downloads NZBs only, not a ${source.kind}`);
    return { downloadId: String(id) };
  }

  async list(): Promise<DownloadItem[]> {
    const items = await this.all();
    const wanted = ownCategoriesOrAll(this.settings);
    return wanted ? items.filter((i) => wanted.has(i.category ?? '')) : items;
  }

  async get(downloadId: string): Promise<DownloadItem | null> {
    return (await this.all()).find((i) => i.downloadId === downloadId) ?? null;
  }

  async remove(downloadId: string, deleteData: boolean): Promise<void> {
    const id = this.id(downloadId);
    if ((await this.api.listGroups()).some((g) => g.NZBID === id)) {
      // FinalDelete drops the job and its downloaded files without a history entry; ParkDelete keeps the files.
      if (deleteData) await this.api.editQueue('GroupFinalDelete', '', [id]);
      else {
        await this.api.editQueue('GroupParkDelete', '', [id]);
        await this.api.editQueue('HistoryDelete', '', [id]);
      }
      return;
    }
    if (!(await this.api.history()).some((h) => h.NZBID === id)) throw new NotFoundError(`NZBGet has no job ${id}`);
    // HistoryDelete only hides the entry (NZBGet keeps it for duplicate checks); FinalDelete removes it.
    await this.api.editQueue(deleteData ? 'HistoryFinalDelete' : 'HistoryDelete', '', [id]);
  }

  async pause(downloadId: string): Promise<void> {
    await this.api.editQueue('GroupPause', '', [this.id(downloadId)]);
  }

  async resume(downloadId: string): Promise<void> {
    await this.api.editQueue('GroupResume', '', [this.id(downloadId)]);
  }

  async setCategory(downloadId: string, category: string): Promise<void> {
    await this.api.editQueue('GroupSetCategory', category, [this.id(downloadId)]);
  }

  async setPriority(downloadId: string, priority: DownloadPriority): Promise<void> {
    await this.api.editQueue('GroupSetPriority', String(PRIORITY[priority]), [this.id(downloadId)]);
  }

  async completedOutputPath(downloadId: string): Promise<string | null> {
    return finishedOutputPath(await this.get(downloadId), ['completed']);
  }

  private async all(): Promise<DownloadItem[]> {
    const [groups, history, status] = await Promise.all([this.api.listGroups(), this.api.history(), this.api.status()]);
    const rate = status.DownloadRate ?? 0;
    const queued = groups.map((g) => mapGroup(g, rate));
    const seen = new Set(queued.map((q) => q.downloadId));
    // Duplicates parked by NZBGet (Kind "DUP") are not jobs we sent.
    const done = history.filter((h) => h.Kind !== 'DUP' && !seen.has(String(h.NZBID))).map(mapHistory);
    return [...queued, ...done];
  }

  private id(downloadId: string): number {
    const id = Number(downloadId);
    if (!Number.isInteger(id) || id <= 0) throw new ValidationError(`not an NZBGet job id: ${downloadId}`);
    return id;
  }
}
