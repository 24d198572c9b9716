// RefreshMonitoredDownloads: for each enabled, unblocked download client, one list() call; items are matched to
// tracked downloads by (client, download id), progress/status/output path (mapped) are updated in one transaction
// per client, and queue.updated carries the changed entries. A client that is down (error, timeout, garbage, a
// 200 with an error body) is reported to the provider health/backoff and as a health warning naming it; its queue
// entries are left exactly as they were and pick up again when it answers. Items idkarr did not grab are left
// alone unless a `grabbed` history record names their download id (then they are adopted back).
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import type { HistoryRepository } from '../../db/repositories/history.repository.js';
import type { TrackedDownloadRepository } from '../../db/repositories/tracked-download.repository.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { AuthError, errorMessage, IdkarrError, TimeoutError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { DownloadClientPort, DownloadItem } from '../../providers/ports/download-client.port.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import type { HealthIssue } from '../health.service.js';
import type { NewTrackedDownload, QualityModel, TrackedDownload, TrackedDownloadUpdate } from './download.types.js';
import { DEFAULT_STALLED_MINUTES, type DownloadHandlingSettings } from './download-handling.settings.js';
import type { FailedDownloadService } from './failed-download.service.js';
import type { PathMapper } from './path-mapper.js';
import { clientHost } from './remote-path-mapping.service.js';
import {
  type AssessContext,
  applyPatch,
  assess,
  assessMissing,
  isPathBlocked,
  type PathCheck,
} from './tracking.rules.js';

export interface DownloadTrackerDeps {
  tracked: TrackedDownloadRepository;
  history: Pick<HistoryRepository, 'grabbedFor'>;
  /** Enabled download clients, blocked ones included (they are reported, not polled). */
  enabledClients(): Promise<ProviderDefinition[]>;
  isBlocked(definition: ProviderDefinition): Promise<boolean>;
  instance(definition: ProviderDefinition): DownloadClientPort;
  health: { recordFailure(id: number, err: unknown): Promise<void>; recordSuccess(id: number): Promise<void> };
  mapper(): Promise<PathMapper>;
  failed: Pick<FailedDownloadService, 'fail'>;
  events: EventBus;
  clock: Clock;
  log: Logger;
  /** The user's download handling settings, read at every poll; without it `stalledMinutes` applies. */
  handling?(): Promise<
    Pick<DownloadHandlingSettings, 'stalledMinutes' | 'stalledNoProgress' | 'stalledNoAvailability'>
  >;
  /** Fixed threshold for benchmarks and tests (0 = off); default 60. */
  stalledMinutes?: number;
  listTimeoutMs?: number;
  pathExists?(path: string): boolean;
}

export interface PollSummary {
  clients: number;
  unavailable: string[];
  items: number;
  changed: number;
  completed: number;
  failed: number;
  adopted: number;
}

interface ClientProblem {
  name: string;
  message: string;
}

export class DownloadTracker {
  private readonly problems = new Map<number, ClientProblem>();
  /** Untracked download ids already looked up in history, per client (so idle polls do not query again). */
  private readonly ignored = new Map<number, Set<string>>();
  /**
   * Since when each tracked download has had no sources. In memory on purpose: after a restart the timer starts
   * again, which only delays a stalled verdict, and it saves a write per poll for every sourceless download.
   */
  private readonly unavailableSince = new Map<number, Map<number, number>>();
  private running: Promise<PollSummary> | undefined;

  constructor(private readonly deps: DownloadTrackerDeps) {}

  /** One poll of every client; overlapping calls join the running poll. */
  refresh(): Promise<PollSummary> {
    this.running ??= this.pollAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Health issues: clients whose last poll failed, and completed downloads whose path idkarr cannot see. */
  async healthIssues(): Promise<HealthIssue[]> {
    const issues: HealthIssue[] = [...this.problems.entries()].map(([id, p]) => ({
      source: 'downloads',
      type: 'warning',
      message: `Download client ${p.name} is unavailable: ${p.message}. Its queue entries are kept and update when it answers again.`,
      definitionId: id,
      kind: 'downloadclient',
      wikiUrl: `/settings/downloadclient/${id}`,
    }));
    const blocked = (
      await this.deps.tracked.pageActive({ offset: 0, limit: 1000, sortKey: 'added', sortDirection: 'ascending' })
    ).records.filter((t) => t.status === 'importBlocked' && isPathBlocked(t));
    // One message per client and folder, not one per download.
    const seen = new Set<string>();
    for (const t of blocked) {
      const message = t.statusMessages.find((m) => isPathBlocked({ statusMessages: [m] }))?.messages[0];
      if (!message) continue;
      const folder = t.outputPath ? posix.dirname(t.outputPath) : '';
      const key = `${t.downloadClientId}\u0000${folder}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push({
        source: 'downloads',
        type: 'error',
        message,
        definitionId: t.downloadClientId,
        kind: 'downloadclient',
        wikiUrl: '/settings/downloadclient',
      });
    }
    return issues;
  }

  private async pollAll(): Promise<PollSummary> {
    const summary: PollSummary = {
      clients: 0,
      unavailable: [],
      items: 0,
      changed: 0,
      completed: 0,
      failed: 0,
      adopted: 0,
    };
    const clients = await this.deps.enabledClients();
    const ids = new Set(clients.map((c) => c.id));
    for (const id of this.problems.keys()) if (!ids.has(id)) this.problems.delete(id);
    for (const id of this.unavailableSince.keys()) if (!ids.has(id)) this.unavailableSince.delete(id);
    for (const definition of clients) {
      if (await this.deps.isBlocked(definition)) {
        summary.unavailable.push(definition.name);
        continue;
      }
      summary.clients++;
      try {
        await this.pollClient(definition, summary);
      } catch (err) {
        // Our own failure (database...), not the client's: log and go on with the next client.
        this.deps.log.error({ err, client: definition.name }, 'tracking downloads failed');
      }
    }
    return summary;
  }

  private async list(definition: ProviderDefinition, client: DownloadClientPort): Promise<DownloadItem[]> {
    const ms = this.deps.listTimeoutMs ?? 60_000;
    const stop = new AbortController();
    const timeout = this.deps.clock.sleep(ms, stop.signal).then(
      () => {
        throw new TimeoutError(`${definition.name} did not answer the download list within ${ms} ms`);
      },
      () => new Promise<never>(() => {}),
    );
    try {
      const items = await Promise.race([client.list(), timeout]);
      if (!Array.isArray(items)) throw new TypeError('the client returned no list');
      return items;
    } finally {
      stop.abort();
    }
  }

  private async pollClient(definition: ProviderDefinition, summary: PollSummary): Promise<void> {
    const client = this.deps.instance(definition);
    let items: DownloadItem[];
    try {
      items = await this.list(definition, client);
    } catch (err) {
      // Taxonomy errors carry a message that is ours to show; anything else is a bug or garbage.
      const message =
        err instanceof IdkarrError ? err.message : `unexpected answer (${(err as Error)?.name ?? 'error'})`;
      this.problems.set(definition.id, { name: definition.name, message });
      summary.unavailable.push(definition.name);
      // The provider backoff blocks the client after this; an AuthError is never retried in a loop.
      await this.deps.health.recordFailure(definition.id, err).catch(() => {});
      this.deps.log.warn(
        {
          client: definition.name,
          errorType: (err as Error)?.name,
          auth: err instanceof AuthError,
          reason: errorMessage(err),
        },
        'download client unavailable; queue entries kept',
      );
      return;
    }
    if (this.problems.delete(definition.id)) this.deps.log.info({ client: definition.name }, 'download client back');
    await this.deps.health.recordSuccess(definition.id).catch(() => {});
    summary.items += items.length;

    const now = this.deps.clock.now();
    const mapper = await this.deps.mapper();
    const host = clientHost(definition);
    const exists = this.deps.pathExists ?? existsSync;
    const handling = this.deps.handling ? await this.deps.handling() : undefined;
    const ctx: AssessContext = {
      now,
      stalledMinutes: handling?.stalledMinutes ?? this.deps.stalledMinutes ?? DEFAULT_STALLED_MINUTES,
      stalledNoProgress: handling?.stalledNoProgress ?? true,
      stalledNoAvailability: handling?.stalledNoAvailability ?? true,
      clientName: definition.name,
      clientHost: host,
      checkPath: (reported): PathCheck => {
        const mapped = !!mapper.find(host, reported);
        const localPath = mapper.toLocal(host, reported);
        const safe = posix.isAbsolute(localPath) && !localPath.split('/').includes('..');
        return { localPath, mapped, reachable: safe && exists(localPath) };
      },
    };

    const byId = new Map<string, DownloadItem>();
    for (const item of items) byId.set(item.downloadId.toUpperCase(), item);
    const tracked = await this.deps.tracked.activeForClient(definition.id);
    const trackedIds = new Set(tracked.map((t) => t.downloadId.toUpperCase()));

    const changes: Array<{ id: number; patch: TrackedDownloadUpdate }> = [];
    const changed: TrackedDownload[] = [];
    const removedIds: number[] = [];
    const completed: TrackedDownload[] = [];
    const failures: Array<{ t: TrackedDownload; reason: string }> = [];
    const previousSince = this.unavailableSince.get(definition.id);
    const since = new Map<number, number>();
    for (const t of tracked) {
      if (t.status === 'failed') continue;
      const item = byId.get(t.downloadId.toUpperCase());
      if (!item) {
        const missing = assessMissing(t, now);
        if (Object.keys(missing.patch).length === 0) continue;
        changes.push({ id: t.id, patch: missing.patch });
        if (missing.removed) removedIds.push(t.id);
        else changed.push(applyPatch(t, missing.patch));
        continue;
      }
      const a = assess(t, item, ctx, previousSince?.get(t.id) ?? null);
      // Rebuilt every poll, so entries that left the queue are dropped with it.
      if (a.unavailableSince !== null && a.transition === null) since.set(t.id, a.unavailableSince);
      if (a.transition === 'failed') {
        if (Object.keys(a.patch).length) changes.push({ id: t.id, patch: a.patch });
        failures.push({ t: applyPatch(t, a.patch), reason: a.reason ?? 'failed' });
        continue;
      }
      if (Object.keys(a.patch).length === 0) continue;
      changes.push({ id: t.id, patch: a.patch });
      const next = applyPatch(t, a.patch);
      // lastSeen-only refreshes are bookkeeping, not news.
      if (Object.keys(a.patch).some((k) => k !== 'lastSeen')) changed.push(next);
      if (a.transition === 'completed') completed.push(next);
    }
    this.unavailableSince.set(definition.id, since);
    await this.deps.tracked.updateMany(changes);
    summary.changed += changed.length + removedIds.length;

    const adopted = await this.adopt(definition, items, trackedIds);
    summary.adopted += adopted.length;
    changed.push(...adopted);
    if (changed.length || removedIds.length) this.deps.events.emit('queue.updated', { changed, removedIds });

    const downloadClient = { id: definition.id, name: definition.name };
    for (const t of completed) {
      summary.completed++;
      this.deps.events.emit('download.completed', { trackedDownload: t, downloadClient });
    }
    for (const f of failures) {
      summary.failed++;
      try {
        await this.deps.failed.fail(f.t, f.reason);
      } catch (err) {
        this.deps.log.error({ err, trackedId: f.t.id }, 'handling a failed download failed');
      }
    }
  }

  /** Items in the client idkarr does not track: adopted only when history shows idkarr grabbed them. */
  private async adopt(
    definition: ProviderDefinition,
    items: readonly DownloadItem[],
    trackedIds: ReadonlySet<string>,
  ): Promise<TrackedDownload[]> {
    let ignored = this.ignored.get(definition.id);
    if (!ignored) {
      ignored = new Set();
      this.ignored.set(definition.id, ignored);
    }
    const fresh = items.filter((i) => !trackedIds.has(i.downloadId.toUpperCase()) && !ignored.has(i.downloadId));
    if (!fresh.length) return [];
    const history = await this.deps.history.grabbedFor(fresh.map((i) => i.downloadId));
    const out: TrackedDownload[] = [];
    for (const item of fresh) {
      const records = history.filter(
        (h) => h.downloadId === item.downloadId && (h.data.downloadClientId ?? definition.id) === definition.id,
      );
      const first = records[0];
      if (!first) {
        ignored.add(item.downloadId);
        continue;
      }
      const existing = await this.deps.tracked.findByDownloadId(definition.id, item.downloadId);
      if (existing) {
        ignored.add(item.downloadId);
        continue;
      }
      const now = new Date(this.deps.clock.now()).toISOString();
      const entry: NewTrackedDownload = {
        downloadClientId: definition.id,
        downloadId: item.downloadId,
        protocol: first.data.protocol ?? this.deps.instance(definition).protocol,
        title: first.sourceTitle,
        indexer: first.data.indexer ?? null,
        indexerId: first.data.indexerId ?? null,
        guid: first.data.guid ?? null,
        infoHash: first.data.infoHash ?? null,
        size: item.totalSize,
        remainingSize: item.remainingSize,
        progress: item.progress,
        etaSeconds: item.eta,
        clientStatus: item.status,
        quality: first.quality as QualityModel,
        languages: first.languages,
        release: {
          guid: first.data.guid ?? null,
          infoHash: first.data.infoHash ?? null,
          releaseGroup: first.data.releaseGroup ?? null,
          customFormatScore: first.customFormatScore,
          customFormats: [],
          publishDate: null,
          downloadUrl: null,
        },
        mediaType: first.movieId !== null ? 'movie' : 'tv',
        movieId: first.movieId,
        seriesId: first.seriesId,
        episodeIds: records.map((r) => r.episodeId).filter((e): e is number => e !== null),
        status: 'grabbed',
        statusMessages: [],
        outputPath: null,
        added: first.date,
        lastSeen: now,
        lastProgressAt: now,
        lastProgress: item.remainingSize,
        seedRatio: null,
        seedTimeMinutes: null,
        importAttempts: 0,
      };
      out.push(await this.deps.tracked.insert(entry));
      this.deps.log.info({ client: definition.name, downloadId: item.downloadId }, 'adopted a download from history');
    }
    return out;
  }
}
