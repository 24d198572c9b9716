// SABnzbd as a DownloadClientPort: addurl/addfile with category and priority, queue + history merged,
// pause/resume/delete, change_cat, queue priority, and test() checking version, key and categories.
import type { Clock } from '../../../lib/clock.js';
import { type Finding, ValidationError } from '../../../lib/errors.js';
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
  timedHealthCheck,
  USENET_CAPABILITIES,
} from '../common/adapter.js';
import { baseUrl, categoryFor } from '../common/settings.fields.js';
import { SabnzbdApi } from './api.js';
import { mapHistorySlot, mapQueueSlot } from './mapper.js';
import { SAB_PRIORITIES, type SabnzbdSettings } from './settings.js';

export const SABNZBD_CAPABILITIES = USENET_CAPABILITIES;

const HISTORY_LIMIT = 100;
const MIN_VERSION = [3, 0];

const EXPLICIT_PRIORITY: Record<DownloadPriority, number> = { high: 1, normal: 0, low: -1 };

export class SabnzbdAdapter implements DownloadClientPort {
  readonly protocol = 'usenet' as const;
  readonly capabilities = SABNZBD_CAPABILITIES;
  private readonly api: SabnzbdApi;

  constructor(
    private readonly settings: SabnzbdSettings,
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    this.api = new SabnzbdApi({
      baseUrl: baseUrl(settings),
      apiKey: settings.apiKey,
      timeoutMs: settings.timeoutSeconds * 1000,
      clock,
      ...(log ? { log } : {}),
    });
  }

  async test(): Promise<Finding[]> {
    const findings: Finding[] = [];
    const version = await this.api.version();
    if (!versionAtLeast(version, MIN_VERSION)) {
      findings.push({
        field: '',
        message: `SABnzbd ${version} is too old; version ${MIN_VERSION.join('.')} or newer is required`,
        severity: 'error',
      });
    }
    await this.api.queue(); // proves the API key (version does not need one)
    const existing = new Set((await this.api.categories()).map((c) => c.name));
    findings.push(
      ...missingCategoryFindings(
        this.settings,
        (name) => existing.has(name),
        (name) => `SABnzbd has no category "${name}"; create it in SABnzbd (Config → Categories) or pick another`,
      ),
    );
    return findings;
  }

  async healthCheck(): Promise<HealthCheckResult> {
    return timedHealthCheck(this.clock, () => this.api.queue());
  }

  async add(request: AddDownloadRequest): Promise<AddDownloadResult> {
    const params = {
      nzbname: request.title,
      cat: categoryFor(this.settings, request.mediaType) || '*',
      priority: request.paused ? SAB_PRIORITIES.paused : this.priorityFor(request),
    };
    const source = request.source;
    if (source.kind === 'nzbFile') {
      return { downloadId: await this.api.addFile(source.data, source.fileName, params) };
    }
    if (source.kind === 'nzbUrl') return { downloadId: await this.api.addUrl(source.url, params) };
    throw new ValidationError(`SABnzbd downloads NZBs only, not a ${source.kind}`);
  }

  async list(): Promise<DownloadItem[]> {
    const [queue, history] = await Promise.all([this.api.queue(), this.api.history(HISTORY_LIMIT)]);
    const items = [...queue.slots.map((s) => mapQueueSlot(s, queue)), ...history.map(mapHistorySlot)];
    const wanted = ownCategoriesOrAll(this.settings);
    return wanted ? items.filter((i) => wanted.has(i.category ?? '')) : items;
  }

  async get(downloadId: string): Promise<DownloadItem | null> {
    const [queue, history] = await Promise.all([this.api.queue(), this.api.history(HISTORY_LIMIT)]);
    const slot = queue.slots.find((s) => s.nzo_id === downloadId);
    if (slot) return mapQueueSlot(slot, queue);
    const done = history.find((s) => s.nzo_id === downloadId);
    return done ? mapHistorySlot(done) : null;
  }

  async remove(downloadId: string, deleteData: boolean): Promise<void> {
    const queue = await this.api.queue();
    if (queue.slots.some((s) => s.nzo_id === downloadId)) {
      await this.api.queueDelete(downloadId, deleteData);
      return;
    }
    // For history jobs SABnzbd deletes the files of failed jobs; a completed job's payload is left to import.
    await this.api.historyDelete(downloadId, deleteData);
  }

  async pause(downloadId: string): Promise<void> {
    await this.api.queueAction('pause', downloadId);
  }

  async resume(downloadId: string): Promise<void> {
    await this.api.queueAction('resume', downloadId);
  }

  async setCategory(downloadId: string, category: string): Promise<void> {
    await this.api.changeCategory(downloadId, category);
  }

  async setPriority(downloadId: string, priority: DownloadPriority): Promise<void> {
    await this.api.setPriority(downloadId, EXPLICIT_PRIORITY[priority]);
  }

  async completedOutputPath(downloadId: string): Promise<string | null> {
    return finishedOutputPath(await this.get(downloadId), ['completed']);
  }

  /** The spec's recent/older priorities per media type; an explicit request priority wins. */
  private priorityFor(request: AddDownloadRequest): number {
    if (request.priority) return EXPLICIT_PRIORITY[request.priority];
    const s = this.settings;
    const name =
      request.mediaType === 'movie'
        ? request.isRecent
          ? s.recentMoviePriority
          : s.olderMoviePriority
        : request.isRecent
          ? s.recentTvPriority
          : s.olderTvPriority;
    return SAB_PRIORITIES[name];
  }
}

export function versionAtLeast(version: string, min: readonly number[]): boolean {
  const parts = version.split(/[.-]/).map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < min.length; i++) {
    const have = parts[i];
    if (have === undefined || Number.isNaN(have)) return i > 0; // "develop" and similar builds pass
    if (have !== min[i]) return have > min[i]!;
  }
  return true;
}
