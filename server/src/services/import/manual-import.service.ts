// Manual import (issue 7 item 6): list the candidate files of a folder or a tracked download with what they
// would import as and why not, then import the files the user picked, with their overrides of item, episodes and
// quality. Folders are guarded like downloads (inside the configured folders, no symlink escapes).
import { basename, dirname } from 'node:path';
import type { Movie } from '../../domain/library/movie.types.js';
import type { Episode, Series } from '../../domain/library/series.types.js';
import type { NamingConfig } from '../../domain/naming/naming.types.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import type { QualityModel, TrackedDownload } from '../downloads/download.types.js';
import { transferModeFor } from './completed-download.service.js';
import { extrasFor, isVideo, walkFolder } from './file-discovery.js';
import type { FsPort } from './fs-port.js';
import type { HardlinkHealth } from './hardlink-health.js';
import type { ImportCandidate, ImportOutcome, ImportSettings, ImportTarget, TransferMode } from './import.types.js';
import type { ImportDecider } from './import-decider.js';
import { failedOutcome, type MediaImporter } from './media-importer.js';
import { guardPath } from './path-guard.js';

export interface ManualImportDeps {
  decider: ImportDecider;
  importer: MediaImporter;
  settings(): Promise<ImportSettings>;
  naming(): Promise<NamingConfig>;
  /** Folders manual import may read: download folders, mapping local paths, root folders. */
  allowedFolders(): Promise<string[]>;
  findDownload(downloadId: string): Promise<TrackedDownload | undefined>;
  clientName(id: number): Promise<string | null>;
  markImported(trackedId: number): Promise<unknown>;
  movies: { getMany(ids: readonly number[]): Promise<Movie[]> };
  series: { getMany(ids: readonly number[]): Promise<Series[]> };
  episodes: { getMany(ids: readonly number[]): Promise<Episode[]> };
  hardlinks: HardlinkHealth;
  fs: FsPort;
}

export interface ManualImportItem extends ImportCandidate {
  folderName: string;
  downloadId: string | null;
  movie: { id: number; title: string; year: number } | null;
  series: { id: number; title: string } | null;
  episodes: Array<{ id: number; seasonNumber: number; episodeNumber: number; title: string | null }>;
}

export interface ManualImportRequest {
  path: string;
  movieId?: number;
  seriesId?: number;
  episodeIds?: number[];
  quality?: QualityModel;
  languages?: string[];
  releaseGroup?: string;
  downloadId?: string;
}

export type ImportModeChoice = 'auto' | TransferMode;

export class ManualImportService {
  constructor(private readonly deps: ManualImportDeps) {}

  async list(q: {
    folder?: string;
    downloadId?: string;
    movieId?: number;
    seriesId?: number;
  }): Promise<ManualImportItem[]> {
    const settings = await this.deps.settings();
    let tracked: TrackedDownload | undefined;
    let folder = q.folder;
    if (q.downloadId) {
      tracked = await this.deps.findDownload(q.downloadId);
      if (!tracked) throw new NotFoundError(`no tracked download with id ${q.downloadId}`);
      folder ??= tracked.outputPath ?? undefined;
      if (!folder)
        throw new ValidationError('the download client did not report where this download is', [
          { field: 'downloadId', message: 'no output path known for this download', severity: 'error' },
        ]);
    }
    if (!folder)
      throw new ValidationError('folder or downloadId is required', [
        { field: 'folder', message: 'give a folder or a downloadId', severity: 'error' },
      ]);
    await this.guard(folder);
    const decision = await this.deps.decider.decide({
      folder,
      settings,
      tracked: tracked ?? null,
      ...(q.movieId !== undefined ? { movieId: q.movieId } : {}),
      ...(q.seriesId !== undefined ? { seriesId: q.seriesId } : {}),
      mode: tracked ? transferModeFor(tracked.protocol, settings) : 'move',
    });
    if (decision.problem && !decision.candidates.length && !decision.skipped.length)
      throw new ValidationError(decision.problem, [{ field: 'folder', message: decision.problem, severity: 'error' }]);
    const all = [...decision.candidates, ...decision.skipped];
    return this.view(all, folder, tracked?.downloadId ?? null);
  }

  private async view(all: ImportCandidate[], folder: string, downloadId: string | null): Promise<ManualImportItem[]> {
    const movieIds = all.flatMap((c) => (c.target?.kind === 'movie' ? [c.target.movieId] : []));
    const seriesIds = all.flatMap((c) => (c.target?.kind === 'episode' ? [c.target.seriesId] : []));
    const episodeIds = all.flatMap((c) => (c.target?.kind === 'episode' ? c.target.episodeIds : []));
    const [movies, series, episodes] = await Promise.all([
      this.deps.movies.getMany(movieIds),
      this.deps.series.getMany(seriesIds),
      this.deps.episodes.getMany(episodeIds),
    ]);
    const m = new Map(movies.map((x) => [x.id, x]));
    const s = new Map(series.map((x) => [x.id, x]));
    const e = new Map(episodes.map((x) => [x.id, x]));
    return all.map((c) => {
      const movie = c.target?.kind === 'movie' ? m.get(c.target.movieId) : undefined;
      const ser = c.target?.kind === 'episode' ? s.get(c.target.seriesId) : undefined;
      const eps =
        c.target?.kind === 'episode' ? c.target.episodeIds.map((id) => e.get(id)).filter((x) => x !== undefined) : [];
      return {
        ...c,
        folderName: basename(folder),
        downloadId,
        movie: movie ? { id: movie.id, title: movie.title, year: movie.year } : null,
        series: ser ? { id: ser.id, title: ser.title } : null,
        episodes: eps.map((x) => ({
          id: x.id,
          seasonNumber: x.seasonNumber,
          episodeNumber: x.episodeNumber,
          title: x.title,
        })),
      };
    });
  }

  private async guard(path: string): Promise<string> {
    const g = await guardPath(this.deps.fs, path, await this.deps.allowedFolders(), { what: 'path' });
    if (!g.ok) throw new ValidationError(g.reason, [{ field: 'path', message: g.reason, severity: 'error' }]);
    return g.real;
  }

  /** Imports the chosen files; one outcome per file, in order. */
  async import(files: readonly ManualImportRequest[], importMode: ImportModeChoice = 'auto'): Promise<ImportOutcome[]> {
    const settings = await this.deps.settings();
    const naming = await this.deps.naming();
    const outcomes: ImportOutcome[] = [];
    const byDownload = new Map<string, { tracked: TrackedDownload; ok: boolean }>();
    for (const req of files) {
      let tracked: TrackedDownload | undefined;
      if (req.downloadId) tracked = await this.deps.findDownload(req.downloadId);
      try {
        const outcome = await this.importOne(req, tracked, importMode, settings, naming);
        outcomes.push(outcome);
        if (tracked) {
          const prev = byDownload.get(tracked.downloadId) ?? { tracked, ok: true };
          byDownload.set(tracked.downloadId, { tracked, ok: prev.ok && outcome.imported });
        }
      } catch (err) {
        outcomes.push(failedOutcome(req.path, err));
        if (tracked) byDownload.set(tracked.downloadId, { tracked, ok: false });
      }
    }
    for (const { tracked, ok } of byDownload.values()) {
      if (
        ok &&
        (tracked.status === 'importBlocked' || tracked.status === 'completed' || tracked.status === 'importPending')
      )
        await this.deps.markImported(tracked.id);
    }
    return outcomes;
  }

  private async importOne(
    req: ManualImportRequest,
    tracked: TrackedDownload | undefined,
    importMode: ImportModeChoice,
    settings: ImportSettings,
    naming: NamingConfig,
  ): Promise<ImportOutcome> {
    await this.guard(req.path);
    const stat = await this.deps.fs.stat(req.path);
    if (!stat.isFile || !isVideo(req.path))
      return {
        ...failedOutcome(req.path, new Error('not a video file')),
        rejections: [{ reason: `${req.path} is not a video file`, type: 'permanent' }],
      };
    // Parse it like an automatic import of its folder, then apply the user's overrides.
    const listed = await this.deps.decider.decide({
      folder: req.path,
      settings: { ...settings, skipSampleCheck: true },
      tracked: tracked ?? null,
      ...(req.movieId !== undefined ? { movieId: req.movieId } : {}),
      ...(req.seriesId !== undefined ? { seriesId: req.seriesId } : {}),
      mode: 'copy',
    });
    const c = listed.candidates[0];
    if (!c) return failedOutcome(req.path, new Error('the file could not be read'));
    const library = c.rejections.find((r) => r.reason.includes('already a library file'));
    if (library) return { ...failedOutcome(req.path, new Error(library.reason)), rejections: [library] };
    let target: ImportTarget | null = c.target;
    if (req.movieId !== undefined) target = { kind: 'movie', movieId: req.movieId };
    if (req.seriesId !== undefined && req.episodeIds?.length)
      target = { kind: 'episode', seriesId: req.seriesId, seasonNumber: 0, episodeIds: req.episodeIds };
    if (!target)
      return {
        ...failedOutcome(req.path, new Error('no item')),
        rejections: c.rejections.length
          ? c.rejections
          : [{ reason: 'choose the movie or the episodes', type: 'permanent' }],
      };
    if (req.quality) c.quality = req.quality;
    if (req.languages) c.languages = req.languages;
    if (req.releaseGroup !== undefined) c.releaseGroup = req.releaseGroup;
    // Extras next to this video (a single-file walk does not see its siblings).
    const siblings = await walkFolder(this.deps.fs, dirname(req.path), 1).catch(() => null);
    const self = siblings?.videos.find((v) => v.path === req.path);
    if (siblings && self)
      c.extras = extrasFor(
        self,
        siblings.others,
        siblings.videos.filter((v) => dirname(v.path) === dirname(req.path)).length,
        settings,
      );
    const resolved = await this.deps.decider.resolve(target);
    if (!resolved)
      return {
        ...failedOutcome(req.path, new Error('gone')),
        rejections: [{ reason: 'the item or episodes are not in the library', type: 'permanent' }],
      };
    const mode: TransferMode =
      importMode !== 'auto' ? importMode : tracked ? transferModeFor(tracked.protocol, settings) : 'move';
    const clientName = tracked ? await this.deps.clientName(tracked.downloadClientId) : null;
    const outcome = await this.deps.importer.importFile(c, resolved, {
      mode,
      naming,
      settings,
      download: tracked ? { tracked, clientName } : null,
    });
    if (outcome.fellBackToCopy) this.deps.hardlinks.recordFallback(dirname(req.path), outcome.destination ?? '');
    return outcome;
  }
}
