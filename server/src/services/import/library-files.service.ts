// Library-side file work: disk scan (RescanMovie/RescanSeries, and on movie.added/series.added) links files that
// are already in an item's folder WITHOUT moving them and drops rows whose file vanished; RenameFiles applies the
// naming formats to existing files (journalled like imports, `fileRenamed` history); manual deletion of a file.
import { basename, dirname, extname, join, relative } from 'node:path';
import type { EpisodeRepository } from '../../db/repositories/episode.repository.js';
import { HistoryRepository } from '../../db/repositories/history.repository.js';
import { MediaFileRepository } from '../../db/repositories/media-file.repository.js';
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import type { Movie } from '../../domain/library/movie.types.js';
import type { Series } from '../../domain/library/series.types.js';
import type { NamingConfig } from '../../domain/naming/naming.types.js';
import type { EventBus, RenamedFileRef } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { parseMoviePath, parsePath } from '../../parser/index.js';
import type { NewHistoryRecord } from '../downloads/download.types.js';
import { extrasFor, sampleReason, walkFolder } from './file-discovery.js';
import type { FileTransactionRunner, TransferSpec } from './file-transaction.js';
import { type FsPort, ImportFsError, statOrNull } from './fs-port.js';
import type { EpisodeFile, ImportSettings, MovieFile } from './import.types.js';
import { fileInfoOf, fileRef, type ResolvedTarget, recyclePath, relativePathFor } from './media-importer.js';
import { RenamedFiles, type RenamedItem } from './renamed-files.js';

export interface LibraryFilesDeps {
  db: import('kysely').Kysely<import('../../db/schema.js').DB>;
  files: MediaFileRepository;
  movies: MovieRepository;
  series: SeriesRepository;
  episodes: EpisodeRepository;
  runner: FileTransactionRunner;
  settings(): Promise<ImportSettings>;
  naming(): Promise<NamingConfig>;
  fs: FsPort;
  clock: Clock;
  log: Logger;
  /** `file.deleted` after a file row was removed, `file.renamed` after a rename (notifications, media servers). */
  events?: Pick<EventBus, 'emit'>;
}

export interface ScanResult {
  added: Array<{ path: string; fileId: number }>;
  removedMissing: string[];
  skipped: Array<{ path: string; reason: string }>;
}

export interface PendingRename {
  movieId: number | null;
  seriesId: number | null;
  seasonNumber: number | null;
  episodeIds: number[];
  fileId: number;
  existingPath: string;
  newPath: string;
}

const qualityFromName = (path: string, kind: 'movie' | 'episode') => {
  const p = kind === 'movie' ? parseMoviePath(path) : parsePath(path);
  return {
    quality: {
      quality: p?.quality.qualityId ?? 'unknown',
      revision: { version: p?.quality.revision.version ?? 1, real: p?.quality.revision.real ?? 0 },
    },
    releaseGroup: p?.releaseGroup ?? null,
    languages: p?.languages?.length ? p.languages : ['Unknown'],
    edition: kind === 'movie' ? (parseMoviePath(path)?.edition ?? null) || null : null,
  };
};

export class LibraryFilesService {
  constructor(private readonly deps: LibraryFilesDeps) {}

  private now(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  // ---- disk scan

  async rescanMovie(movieId: number): Promise<ScanResult> {
    const movie = await this.deps.movies.get(movieId);
    if (!movie) throw new NotFoundError(`movie ${movieId} not found`);
    const result: ScanResult = { added: [], removedMissing: [], skipped: [] };
    const existing = await this.deps.files.movieFilesFor([movie.id]);
    for (const f of existing) {
      if (!(await statOrNull(this.deps.fs, f.path))) {
        await this.dropMissing({ kind: 'movie', movie, existing: [f] }, f);
        result.removedMissing.push(f.path);
      }
    }
    if (!(await statOrNull(this.deps.fs, movie.path))) return result;
    const settings = await this.deps.settings();
    const walked = await walkFolder(this.deps.fs, movie.path);
    const known = await this.deps.files.knownPaths(walked.videos.map((v) => v.path));
    const hasFile = existing.some((f) => !result.removedMissing.includes(f.path));
    const fresh = walked.videos.filter((v) => !known.has(v.path));
    const real = fresh.filter((v) => {
      const q = qualityFromName(v.path, 'movie');
      const reason = settings.skipSampleCheck
        ? null
        : sampleReason({
            relativePath: v.relativePath,
            size: v.size,
            resolution: /(\d{3,4})p/.test(q.quality.quality) ? Number(/(\d{3,4})p/.exec(q.quality.quality)?.[1]) : 480,
            runtimeMinutes: movie.runtime,
            probedSeconds: null,
          });
      if (reason) result.skipped.push({ path: v.path, reason });
      return !reason;
    });
    if (hasFile || !real.length) {
      for (const v of real) result.skipped.push({ path: v.path, reason: 'the movie already has a file' });
      return result;
    }
    const pick = [...real].sort((a, b) => b.size - a.size)[0]!;
    for (const v of real)
      if (v !== pick)
        result.skipped.push({ path: v.path, reason: `${basename(pick.path)} is linked as the movie file` });
    const q = qualityFromName(pick.path, 'movie');
    const extras = extrasFor(pick, walked.others, 1, settings);
    const fileId = await this.deps.db.transaction().execute(async (trx) => {
      const files = new MediaFileRepository(trx);
      const f = await files.insertMovieFile({
        movieId: movie.id,
        path: pick.path,
        relativePath: relative(movie.path, pick.path),
        size: pick.size,
        quality: q.quality,
        languages: q.languages,
        releaseGroup: q.releaseGroup,
        sceneName: null,
        originalPath: null,
        edition: q.edition,
        mediaInfo: null,
        indexerFlags: 0,
        dateAdded: this.now(),
      });
      await files.insertExtraFiles(
        (await this.unknownExtras(extras.map((x) => x.source))).map((x) => ({
          mediaType: 'movie' as const,
          movieFileId: f.id,
          episodeFileId: null,
          path: x,
          relativePath: relative(movie.path, x),
          kind: extras.find((e) => e.source === x)?.kind ?? 'subtitle',
          language: extras.find((e) => e.source === x)?.language ?? null,
          dateAdded: this.now(),
        })),
      );
      return f.id;
    });
    result.added.push({ path: pick.path, fileId });
    return result;
  }

  private async unknownExtras(paths: string[]): Promise<string[]> {
    const known = await this.deps.files.knownPaths(paths);
    return paths.filter((p) => !known.has(p));
  }

  async rescanSeries(seriesId: number): Promise<ScanResult> {
    const series = await this.deps.series.get(seriesId);
    if (!series) throw new NotFoundError(`series ${seriesId} not found`);
    const result: ScanResult = { added: [], removedMissing: [], skipped: [] };
    for (const f of await this.deps.files.episodeFilesForSeries(series.id)) {
      if (!(await statOrNull(this.deps.fs, f.path))) {
        const episodes = await this.deps.episodes.getMany(f.episodeIds);
        await this.dropMissing({ kind: 'episode', series, episodes, existing: [f] }, f);
        result.removedMissing.push(f.path);
      }
    }
    if (!(await statOrNull(this.deps.fs, series.path))) return result;
    const settings = await this.deps.settings();
    const walked = await walkFolder(this.deps.fs, series.path);
    const known = await this.deps.files.knownPaths(walked.videos.map((v) => v.path));
    for (const v of walked.videos) {
      if (known.has(v.path)) continue;
      const info = parsePath(join(basename(series.path), v.relativePath));
      const eps = !info
        ? []
        : info.airDate
          ? await this.deps.episodes.findByAirDate(series.id, info.airDate)
          : info.episodeNumbers.length
            ? await this.deps.episodes.findByNumbers(series.id, info.seasonNumber, info.episodeNumbers)
            : await this.deps.episodes.findByAbsoluteNumbers(series.id, info.absoluteEpisodeNumbers);
      if (!eps.length) {
        result.skipped.push({ path: v.path, reason: 'the name does not match an episode of the series' });
        continue;
      }
      if (eps.some((e) => e.episodeFileId !== null)) {
        result.skipped.push({ path: v.path, reason: 'the episode already has a file' });
        continue;
      }
      const q = qualityFromName(v.path, 'episode');
      const extras = extrasFor(v, walked.others, 2, settings);
      const fileId = await this.deps.db.transaction().execute(async (trx) => {
        const files = new MediaFileRepository(trx);
        const f = await files.insertEpisodeFile({
          seriesId: series.id,
          seasonNumber: eps[0]!.seasonNumber,
          episodeIds: eps.map((e) => e.id),
          path: v.path,
          relativePath: relative(series.path, v.path),
          size: v.size,
          quality: q.quality,
          languages: q.languages,
          releaseGroup: q.releaseGroup,
          sceneName: null,
          originalPath: null,
          mediaInfo: null,
          indexerFlags: 0,
          dateAdded: this.now(),
        });
        await files.insertExtraFiles(
          (await this.unknownExtras(extras.map((x) => x.source))).map((x) => ({
            mediaType: 'episode' as const,
            movieFileId: null,
            episodeFileId: f.id,
            path: x,
            relativePath: relative(series.path, x),
            kind: extras.find((e) => e.source === x)?.kind ?? 'subtitle',
            language: extras.find((e) => e.source === x)?.language ?? null,
            dateAdded: this.now(),
          })),
        );
        return f.id;
      });
      for (const e of eps) e.episodeFileId = fileId;
      result.added.push({ path: v.path, fileId });
    }
    return result;
  }

  private async dropMissing(target: ResolvedTarget, f: MovieFile | EpisodeFile): Promise<void> {
    await this.deleteRow(target, f, 'missing');
  }

  private async deleteRow(
    target: ResolvedTarget,
    f: MovieFile | EpisodeFile,
    reason: 'manual' | 'missing',
  ): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const files = new MediaFileRepository(trx);
      if (target.kind === 'movie') await files.deleteMovieFile(f.id);
      else await files.deleteEpisodeFile(f.id);
      const episodeIds = 'episodeIds' in f && f.episodeIds.length ? f.episodeIds : [null];
      const rows: NewHistoryRecord[] = episodeIds.map((episodeId) => ({
        eventType: 'fileDeleted',
        date: this.now(),
        sourceTitle: basename(f.path),
        quality: f.quality,
        languages: f.languages,
        customFormatScore: 0,
        movieId: target.kind === 'movie' ? target.movie.id : null,
        seriesId: target.kind === 'episode' ? target.series.id : null,
        episodeId,
        downloadId: null,
        data: { reason, path: f.path },
      }));
      await new HistoryRepository(trx).insertMany(rows);
    });
    this.deps.events?.emit('file.deleted', {
      mediaType: target.kind,
      movieId: target.kind === 'movie' ? target.movie.id : null,
      seriesId: target.kind === 'episode' ? target.series.id : null,
      episodeIds: 'episodeIds' in f ? [...f.episodeIds] : [],
      path: f.path,
      file: fileRef(f),
      reason: reason === 'manual' ? 'Manual' : 'MissingFromDisk',
    });
  }

  /** Manual deletion (API): the file goes to the recycle bin (or is deleted), then the row. */
  async deleteFile(kind: 'movie' | 'episode', fileId: number): Promise<void> {
    const f =
      kind === 'movie' ? await this.deps.files.getMovieFile(fileId) : await this.deps.files.getEpisodeFile(fileId);
    if (!f) throw new NotFoundError(`${kind} file ${fileId} not found`);
    const settings = await this.deps.settings();
    const target = await this.targetOf(f);
    if (!target) throw new NotFoundError(`the item of ${kind} file ${fileId} is gone`);
    const folder = target.kind === 'movie' ? target.movie.path : target.series.path;
    const extras = await this.deps.files.extrasFor(
      kind === 'movie' ? { movieFileIds: [f.id] } : { episodeFileIds: [f.id] },
    );
    for (const p of [f.path, ...extras.map((x) => x.path)]) {
      if (!(await statOrNull(this.deps.fs, p))) continue;
      const to = recyclePath(settings, folder, p);
      try {
        if (to) {
          await this.deps.fs.mkdir(dirname(to));
          await this.deps.fs.rename(p, to);
          await this.deps.fs.touch(to, new Date(this.deps.clock.now())).catch(() => undefined);
        } else await this.deps.fs.unlink(p);
      } catch (err) {
        throw new ImportFsError(err, to ? 'recycling' : 'deleting', p);
      }
    }
    await this.deleteRow(target, f, 'manual');
  }

  private async targetOf(f: MovieFile | EpisodeFile): Promise<ResolvedTarget | null> {
    if ('movieId' in f) {
      const movie = await this.deps.movies.get(f.movieId);
      return movie ? { kind: 'movie', movie, existing: [f] } : null;
    }
    const series = await this.deps.series.get(f.seriesId);
    if (!series) return null;
    return { kind: 'episode', series, episodes: await this.deps.episodes.getMany(f.episodeIds), existing: [f] };
  }

  // ---- renames

  async pendingRenames(q: { movieId?: number; seriesId?: number }): Promise<PendingRename[]> {
    const naming = await this.deps.naming();
    const out: PendingRename[] = [];
    if (q.movieId !== undefined) {
      const movie = await this.deps.movies.get(q.movieId);
      if (!movie) throw new NotFoundError(`movie ${q.movieId} not found`);
      for (const f of await this.deps.files.movieFilesFor([movie.id])) {
        const next = this.newPath(naming, { kind: 'movie', movie, existing: [f] }, f);
        if (next !== f.relativePath)
          out.push({
            movieId: movie.id,
            seriesId: null,
            seasonNumber: null,
            episodeIds: [],
            fileId: f.id,
            existingPath: f.relativePath,
            newPath: next,
          });
      }
    }
    if (q.seriesId !== undefined) {
      const series = await this.deps.series.get(q.seriesId);
      if (!series) throw new NotFoundError(`series ${q.seriesId} not found`);
      const files = await this.deps.files.episodeFilesForSeries(series.id);
      const episodes = new Map((await this.deps.episodes.listBySeries(series.id)).map((e) => [e.id, e]));
      for (const f of files) {
        const eps = f.episodeIds.map((id) => episodes.get(id)).filter((e) => e !== undefined);
        if (!eps.length) continue;
        const next = this.newPath(naming, { kind: 'episode', series, episodes: eps, existing: [f] }, f);
        if (next !== f.relativePath)
          out.push({
            movieId: null,
            seriesId: series.id,
            seasonNumber: f.seasonNumber,
            episodeIds: f.episodeIds,
            fileId: f.id,
            existingPath: f.relativePath,
            newPath: next,
          });
      }
    }
    return out;
  }

  private newPath(naming: NamingConfig, target: ResolvedTarget, f: MovieFile | EpisodeFile): string {
    const info = fileInfoOf({
      path: f.path,
      quality: f.quality,
      releaseGroup: f.releaseGroup,
      sceneName: f.sceneName,
      edition: 'edition' in f ? f.edition : null,
    });
    if (f.originalPath) info.originalFileName = basename(f.originalPath, extname(f.originalPath));
    return relativePathFor(naming, target, info);
  }

  /** RenameFiles: applies pending renames (all of the item's, or the given file ids). */
  async rename(q: {
    movieId?: number;
    seriesId?: number;
    files?: number[];
  }): Promise<{ renamed: PendingRename[]; failed: Array<{ fileId: number; reason: string }> }> {
    const pending = (await this.pendingRenames(q)).filter((p) => !q.files || q.files.includes(p.fileId));
    const renamed: PendingRename[] = [];
    const failed: Array<{ fileId: number; reason: string }> = [];
    const done = new RenamedFiles();
    for (const p of pending) {
      try {
        const r = await this.renameOne(p);
        done.add(r.item, r.file);
        renamed.push(p);
      } catch (err) {
        failed.push({ fileId: p.fileId, reason: (err as Error).message });
      }
    }
    // Each file committed on its own; what did get renamed is announced even when others failed.
    for (const e of done.events()) this.deps.events?.emit('file.renamed', e);
    return { renamed, failed };
  }

  private async renameOne(p: PendingRename): Promise<{ item: RenamedItem; file: RenamedFileRef }> {
    const isMovie = p.movieId !== null;
    const f = isMovie ? await this.deps.files.getMovieFile(p.fileId) : await this.deps.files.getEpisodeFile(p.fileId);
    if (!f) throw new NotFoundError(`file ${p.fileId} not found`);
    const item = isMovie
      ? await this.deps.movies.get(p.movieId as number)
      : await this.deps.series.get(p.seriesId as number);
    if (!item) throw new NotFoundError('item not found');
    const folder = (item as Movie | Series).path;
    const destination = join(folder, p.newPath);
    const extras = await this.deps.files.extrasFor(isMovie ? { movieFileIds: [f.id] } : { episodeFileIds: [f.id] });
    const oldBase = f.path.slice(0, f.path.length - extname(f.path).length);
    const newBase = destination.slice(0, destination.length - extname(destination).length);
    const transfers: TransferSpec[] = [{ source: f.path, destination }];
    const moves: Array<{ id: number; path: string }> = [];
    for (const x of extras) {
      const suffix = x.path.startsWith(oldBase) ? x.path.slice(oldBase.length) : `.${basename(x.path)}`;
      const dest = `${newBase}${suffix}`;
      if (dest === x.path || !(await statOrNull(this.deps.fs, x.path))) continue;
      transfers.push({ source: x.path, destination: dest });
      moves.push({ id: x.id, path: dest });
    }
    const now = this.now();
    await this.deps.runner.run({ kind: 'rename', mode: 'move', transfers, replaced: [] }, async (trx) => {
      const files = new MediaFileRepository(trx);
      if (isMovie) await files.moveMovieFile(f.id, destination, p.newPath);
      else await files.moveEpisodeFile(f.id, destination, p.newPath);
      for (const m of moves) await files.moveExtraFile(m.id, m.path, relative(folder, m.path));
      const episodeIds = p.episodeIds.length ? p.episodeIds : [null];
      await new HistoryRepository(trx).insertMany(
        episodeIds.map((episodeId) => ({
          eventType: 'fileRenamed' as const,
          date: now,
          sourceTitle: basename(destination),
          quality: f.quality,
          languages: f.languages,
          customFormatScore: 0,
          movieId: p.movieId,
          seriesId: p.seriesId,
          episodeId,
          downloadId: null,
          data: {
            sourcePath: f.path,
            importedPath: destination,
            previousRelativePath: p.existingPath,
            relativePath: p.newPath,
          },
        })),
      );
    });
    await this.removeEmptyDirs(dirname(f.path), folder);
    return {
      item: isMovie ? { kind: 'movie', movie: item as Movie } : { kind: 'episode', series: item as Series },
      file: {
        ...fileRef({ ...f, path: destination, relativePath: p.newPath }),
        previousPath: f.path,
        previousRelativePath: f.relativePath,
        episodeIds: [...p.episodeIds],
      },
    };
  }

  /** Removes now-empty folders from `dir` up to (not including) `stop`. */
  private async removeEmptyDirs(dir: string, stop: string): Promise<void> {
    let d = dir;
    while (d.startsWith(`${stop}/`) && d !== stop) {
      try {
        if ((await this.deps.fs.readdir(d)).length) return;
        await this.deps.fs.rmdir(d);
      } catch {
        return;
      }
      d = dirname(d);
    }
  }

  // ---- recycle bin

  /** Deletes recycle bin entries older than the configured days; removes emptied folders. */
  async cleanRecycleBin(): Promise<{ deleted: number }> {
    const settings = await this.deps.settings();
    if (!settings.recycleBin || settings.recycleBinCleanupDays <= 0) return { deleted: 0 };
    const cutoff = this.deps.clock.now() - settings.recycleBinCleanupDays * 86_400_000;
    let deleted = 0;
    const visit = async (dir: string): Promise<boolean> => {
      let entries: Awaited<ReturnType<FsPort['readdir']>>;
      try {
        entries = await this.deps.fs.readdir(dir);
      } catch {
        return false;
      }
      let remaining = entries.length;
      for (const e of entries) {
        const p = join(dir, e.name);
        if (e.isDirectory) {
          if (await visit(p)) {
            await this.deps.fs.rmdir(p).catch(() => undefined);
            remaining--;
          }
          continue;
        }
        const s = await this.deps.fs.lstat(p).catch(() => null);
        if (s && s.mtimeMs < cutoff) {
          await this.deps.fs.unlink(p).catch(() => undefined);
          deleted++;
          remaining--;
        }
      }
      return remaining === 0;
    };
    await visit(settings.recycleBin);
    return { deleted };
  }
}
