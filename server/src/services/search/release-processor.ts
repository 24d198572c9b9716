// What happens to decisions after a search or RSS sync: for each wanted item the best accepted release is grabbed
// (never two releases for one item in one pass; a season pack claims all its episodes), releases held back only by
// a delay profile wait in pending_releases, and pending releases are decided again once their delay may be over.
// Grabbing goes through the download work's GrabService when it is plugged in; until then, or when no download
// client can take the release, the chosen release is stored as pending with reason `awaiting-grab` /
// `no-download-client`, so nothing is lost and a later pass (ProcessPendingReleases) grabs it.
import type { Rejection } from '../../domain/decisions/decision.types.js';
import type { NewPendingRelease, PendingRelease } from '../../domain/decisions/storage.types.js';
import type { Clock } from '../../lib/clock.js';
import { ConflictError, ServiceUnavailableError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { ReleaseInfo } from '../../providers/ports/indexer.port.js';
import type { DecisionEngine, ReleaseDecision } from '../decisions/decision-engine.service.js';
import { failureText } from './indexer-fanout.js';

/** What the download work's GrabService.grab takes (structurally), so search does not import its internals. */
export interface GrabCommand {
  release: ReleaseInfo;
  movieId?: number;
  seriesId?: number;
  episodeIds?: number[];
  quality: { quality: string; revision: { version: number; real: number } };
  languages?: string[];
  customFormatScore?: number;
  customFormats?: string[];
  releaseGroup?: string | null;
  downloadClientId?: number;
}

export interface ReleaseGrabber {
  grab(req: GrabCommand): Promise<{ trackedDownload: { id: number }; downloadClient: { id: number; name: string } }>;
}

export interface PendingStore {
  save(p: NewPendingRelease): Promise<PendingRelease>;
  list(): Promise<PendingRelease[]>;
  forItems(items: { movieIds: readonly number[]; seriesIds: readonly number[] }): Promise<PendingRelease[]>;
  delete(id: number): Promise<boolean>;
}

/** Pending reasons. */
export const PENDING_DELAY = 'delay';
export const PENDING_AWAITING_GRAB = 'awaiting-grab';
export const PENDING_NO_CLIENT = 'no-download-client';

/** How the decision specifications word the rejections the processor needs to tell apart. */
export const DELAY_REASON_PREFIX = 'Delayed:';
export const PENDING_REASON_PREFIX = 'A release of equal or better quality is already pending';

export interface GrabbedRelease {
  title: string;
  guid: string;
  indexer: string;
  movieId: number | null;
  episodeIds: number[];
  trackedDownloadId: number | null;
  downloadClient: string | null;
  /** `grabbed`, or the pending reason when it was stored instead. */
  status: 'grabbed' | typeof PENDING_AWAITING_GRAB | typeof PENDING_NO_CLIENT;
}

export interface ProcessResult {
  grabbed: GrabbedRelease[];
  /** Releases stored as delayed. */
  delayed: number;
  failures: { title: string; reason: string }[];
  /** Items (`m:<movieId>`, `e:<episodeId>`) now downloading: grabbed here, or found grabbed already. */
  covered: string[];
}

export interface ReleaseProcessorDeps {
  /** The GrabService once the download work is wired; undefined = record as pending. */
  grabber: () => ReleaseGrabber | undefined;
  pending: PendingStore;
  engine: Pick<DecisionEngine, 'evaluate'>;
  clock: Clock;
  log: Logger;
}

function itemKeys(d: ReleaseDecision): string[] {
  if (d.movie) return [`m:${d.movie.id}`];
  return d.episodes.map((e) => `e:${e.id}`);
}

const isDelay = (r: Rejection) => r.type === 'temporary' && r.reason.startsWith(DELAY_REASON_PREFIX);
const isPendingRival = (r: Rejection) => r.reason.startsWith(PENDING_REASON_PREFIX);

/** Rejected only by temporary reasons, one of them the delay profile, and no better release already waiting. */
export function isDelayedOnly(d: ReleaseDecision): boolean {
  if (d.accepted || !d.parsed || !d.quality || (!d.movie && d.episodes.length === 0)) return false;
  return (
    d.rejections.length > 0 &&
    d.rejections.every((r) => r.type === 'temporary') &&
    d.rejections.some(isDelay) &&
    !d.rejections.some(isPendingRival)
  );
}

export function grabCommand(d: ReleaseDecision): GrabCommand {
  const q = d.quality!;
  const info = d.parsed?.info;
  return {
    release: d.release,
    ...(d.movie ? { movieId: d.movie.id } : {}),
    ...(d.series ? { seriesId: d.series.id, episodeIds: d.episodes.map((e) => e.id) } : {}),
    quality: { quality: q.quality.id, revision: { version: q.revision.version, real: q.revision.real } },
    languages: info?.languages ?? [],
    customFormatScore: d.customFormatScore,
    customFormats: d.customFormats.map((f) => f.name),
    releaseGroup: info?.releaseGroup ?? null,
  };
}

export class ReleaseProcessor {
  constructor(private readonly deps: ReleaseProcessorDeps) {}

  private nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  /** Grabs the best accepted release per item (rank order) and stores delay-held releases as pending. */
  async process(
    decisions: readonly ReleaseDecision[],
    opts: { storeDelayed?: boolean; claimed?: Set<string> } = {},
  ): Promise<ProcessResult> {
    const result: ProcessResult = { grabbed: [], delayed: 0, failures: [], covered: [] };
    /** Items served in this pass (shared across the searches of one command). */
    const claimed = opts.claimed ?? new Set<string>();
    const accepted = decisions
      .filter((d) => d.accepted && d.rank !== null && d.quality)
      .sort((a, b) => a.rank! - b.rank!);
    for (const d of accepted) {
      const keys = itemKeys(d);
      if (keys.length === 0 || keys.some((k) => claimed.has(k))) continue;
      const outcome = await this.grabOne(d);
      if (outcome.ok) {
        for (const k of keys) claimed.add(k);
        result.grabbed.push(outcome.grabbed);
        if (outcome.grabbed.status === 'grabbed') result.covered.push(...keys);
      } else {
        result.failures.push({ title: d.release.title, reason: outcome.reason });
        // Already grabbed elsewhere: the item is covered, do not send a second release for it.
        if (outcome.covered) {
          for (const k of keys) claimed.add(k);
          result.covered.push(...keys);
        }
      }
    }
    for (const d of opts.storeDelayed === false ? [] : decisions) {
      if (!isDelayedOnly(d)) continue;
      if (itemKeys(d).some((k) => claimed.has(k))) continue;
      await this.deps.pending.save(this.pendingRow(d, PENDING_DELAY));
      result.delayed++;
    }
    return result;
  }

  /**
   * Decides every pending release again (they are not rivals of each other now): the best accepted per item is
   * grabbed and that item's pending rows removed; rows still delayed stay; rows rejected for good are dropped.
   * Without a grabber only the dropping happens.
   */
  async processPending(): Promise<ProcessResult & { dropped: number; waiting: number }> {
    const rows = await this.deps.pending.list();
    const empty = { grabbed: [], delayed: 0, failures: [], covered: [], dropped: 0, waiting: 0 };
    if (rows.length === 0) return empty;
    const releases = rows.map((r) => r.release as ReleaseInfo);
    const decisions = await this.deps.engine.evaluate(releases, { ignorePending: true });
    let dropped = 0;
    const grabber = this.deps.grabber();
    // Still-delayed releases keep their rows as they are (re-saving would reset `added`).
    const result: ProcessResult = grabber
      ? await this.process(decisions, { storeDelayed: false })
      : { grabbed: [], delayed: 0, failures: [], covered: [] };
    // Rows of items now downloading go; a release kept as pending again (no download client) keeps its row.
    const done = new Set(result.covered);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const d = decisions[i]!;
      const keys = row.movieId !== null ? [`m:${row.movieId}`] : row.episodeIds.map((e) => `e:${e}`);
      const covered = keys.some((k) => done.has(k));
      const rejectedForGood = !d.accepted && d.rejections.some((r) => r.type === 'permanent');
      if (covered || rejectedForGood) await this.deps.pending.delete(row.id);
    }
    const before = new Set(rows.map((r) => r.id));
    const waiting = (await this.deps.pending.list()).filter((r) => before.has(r.id)).length;
    dropped = rows.length - waiting;
    return { ...result, dropped, waiting };
  }

  /** Grabs one decided release (interactive grab, push): through the grabber, else stored as awaiting a grab. */
  async grabDecision(d: ReleaseDecision): Promise<GrabbedRelease> {
    const outcome = await this.grabOne(d, true);
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome.grabbed;
  }

  private async grabOne(
    d: ReleaseDecision,
    rethrow = false,
  ): Promise<{ ok: true; grabbed: GrabbedRelease } | { ok: false; reason: string; covered: boolean }> {
    const base = {
      title: d.release.title,
      guid: d.release.guid,
      indexer: d.release.indexer,
      movieId: d.movie?.id ?? null,
      episodeIds: d.episodes.map((e) => e.id),
    };
    const grabber = this.deps.grabber();
    if (!grabber) {
      await this.deps.pending.save(this.pendingRow(d, PENDING_AWAITING_GRAB));
      this.deps.log.info({ release: d.release.title }, 'no grab service yet: release stored as pending');
      await this.dropPendingFor(d, d.release);
      return {
        ok: true,
        grabbed: { ...base, trackedDownloadId: null, downloadClient: null, status: PENDING_AWAITING_GRAB },
      };
    }
    try {
      const r = await grabber.grab(grabCommand(d));
      await this.dropPendingFor(d);
      return {
        ok: true,
        grabbed: {
          ...base,
          trackedDownloadId: r.trackedDownload.id,
          downloadClient: r.downloadClient.name,
          status: 'grabbed',
        },
      };
    } catch (err) {
      if (err instanceof ServiceUnavailableError) {
        // No download client can take it now: keep the choice so a later pass grabs it.
        await this.deps.pending.save(this.pendingRow(d, PENDING_NO_CLIENT));
        this.deps.log.warn({ release: d.release.title, reason: err.message }, 'no download client: release pending');
        return {
          ok: true,
          grabbed: { ...base, trackedDownloadId: null, downloadClient: null, status: PENDING_NO_CLIENT },
        };
      }
      if (rethrow) throw err;
      this.deps.log.warn({ release: d.release.title, reason: failureText(err) }, 'grab failed');
      return { ok: false, reason: failureText(err), covered: err instanceof ConflictError };
    }
  }

  /** A grab supersedes what waited for the same items (except `keep`, the row just stored). */
  private async dropPendingFor(d: ReleaseDecision, keep?: ReleaseInfo): Promise<void> {
    const rows = await this.deps.pending.forItems({
      movieIds: d.movie ? [d.movie.id] : [],
      seriesIds: d.series ? [d.series.id] : [],
    });
    const episodes = new Set(d.episodes.map((e) => e.id));
    for (const row of rows) {
      if (keep && row.guid === keep.guid && row.indexerId === keep.indexerId) continue;
      const overlaps = d.movie ? row.movieId === d.movie.id : row.episodeIds.some((e) => episodes.has(e));
      if (overlaps) await this.deps.pending.delete(row.id);
    }
  }

  private pendingRow(d: ReleaseDecision, reason: string): NewPendingRelease {
    const q = d.quality!;
    return {
      movieId: d.movie?.id ?? null,
      seriesId: d.series?.id ?? null,
      episodeIds: d.episodes.map((e) => e.id),
      guid: d.release.guid,
      indexerId: d.release.indexerId,
      title: d.release.title,
      quality: q.quality.id,
      revision: { version: q.revision.version, real: q.revision.real },
      customFormatScore: d.customFormatScore,
      release: d.release,
      reason,
      added: this.nowIso(),
    };
  }
}
