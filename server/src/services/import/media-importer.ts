// Imports one matched file into the library: destination from the naming formats, the replaced file(s) and
// their extras recycled or deleted after the new file is verified, extras (subtitles, .nfo) following the video,
// and the DB writes (file row, item link, history) in the journal's commit transaction.
import { basename, extname, join, relative } from 'node:path';
import type { Kysely } from 'kysely';
import { HistoryRepository } from '../../db/repositories/history.repository.js';
import { MediaFileRepository } from '../../db/repositories/media-file.repository.js';
import type { DB } from '../../db/schema.js';
import type { Movie } from '../../domain/library/movie.types.js';
import type { Episode, Series } from '../../domain/library/series.types.js';
import { buildEpisodeRelativePath, buildMovieRelativePath } from '../../domain/naming/file-name-builder.js';
import type { NamingConfig, NamingFileInfo, NamingMovie, NamingSeries } from '../../domain/naming/naming.types.js';
import type { EventBus, ImportedFileRef } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { HistoryData, NewHistoryRecord, TrackedDownload } from '../downloads/download.types.js';
import type { FileTransactionRunner, ReplacedSpec, TransferSpec } from './file-transaction.js';
import { ImportFsError } from './fs-port.js';
import type {
  EpisodeFile,
  ImportCandidate,
  ImportOutcome,
  ImportSettings,
  MovieFile,
  NewExtraFile,
  TransferMode,
} from './import.types.js';

export interface ImportContext {
  mode: TransferMode;
  naming: NamingConfig;
  settings: ImportSettings;
  /** The tracked download the file came from (history: client, indexer, download id). */
  download?: { tracked: TrackedDownload; clientName: string | null } | null;
}

export type ResolvedTarget =
  | { kind: 'movie'; movie: Movie; existing: MovieFile[] }
  | { kind: 'episode'; series: Series; episodes: Episode[]; existing: EpisodeFile[] };

export const namingMovie = (m: Movie): NamingMovie => ({
  title: m.title,
  originalTitle: m.originalTitle,
  year: m.year,
  tmdbId: m.tmdbId,
  imdbId: m.imdbId,
  certification: m.certification,
  collection: m.collection ? { title: m.collection.title } : null,
});

export const namingSeries = (s: Series): NamingSeries => ({
  title: s.title,
  year: s.year,
  tvdbId: s.tvdbId,
  tmdbId: s.tmdbId,
  imdbId: s.imdbId,
  seriesType: s.seriesType,
  seasonFolder: s.seasonFolder,
});

export function fileInfoOf(c: {
  path: string;
  quality: ImportCandidate['quality'];
  releaseGroup: string | null;
  sceneName: string | null;
  edition?: string | null;
}): NamingFileInfo {
  const ext = extname(c.path);
  return {
    quality: c.quality.quality,
    revision: { version: c.quality.revision.version, real: c.quality.revision.real },
    releaseGroup: c.releaseGroup,
    originalTitle: c.sceneName,
    originalFileName: basename(c.path, ext),
    edition: c.edition ?? null,
    extension: ext,
  };
}

/** Relative path (to the item folder) the naming formats give this file. */
export function relativePathFor(naming: NamingConfig, target: ResolvedTarget, file: NamingFileInfo): string {
  return target.kind === 'movie'
    ? buildMovieRelativePath(naming.movie, namingMovie(target.movie), file)
    : buildEpisodeRelativePath(naming.series, namingSeries(target.series), target.episodes, file);
}

/** Where a replaced library file goes in the recycle bin (null = deleted). */
export function recyclePath(settings: ImportSettings, itemFolder: string, filePath: string): string | null {
  if (!settings.recycleBin) return null;
  return join(settings.recycleBin, basename(itemFolder), relative(itemFolder, filePath));
}

export interface MediaImporterDeps {
  db: Kysely<DB>;
  runner: FileTransactionRunner;
  files: MediaFileRepository;
  clock: Clock;
  /** `file.imported` after each committed import (notifications, media servers). */
  events?: EventBus;
}

/** A file row as the file events carry it. */
export const fileRef = (f: {
  id: number;
  path: string;
  relativePath: string;
  size: number;
  quality: ImportCandidate['quality'];
  releaseGroup: string | null;
  sceneName: string | null;
  dateAdded: string;
}): ImportedFileRef => ({
  id: f.id,
  path: f.path,
  relativePath: f.relativePath,
  size: f.size,
  quality: f.quality,
  releaseGroup: f.releaseGroup,
  sceneName: f.sceneName,
  dateAdded: f.dateAdded,
});

export class MediaImporter {
  constructor(private readonly deps: MediaImporterDeps) {}

  async importFile(candidate: ImportCandidate, target: ResolvedTarget, ctx: ImportContext): Promise<ImportOutcome> {
    const itemFolder = target.kind === 'movie' ? target.movie.path : target.series.path;
    const relativePath = relativePathFor(ctx.naming, target, fileInfoOf(candidate));
    const destination = join(itemFolder, relativePath);
    const destBase = destination.slice(0, destination.length - extname(destination).length);

    const existingIds = target.existing.map((f) => f.id);
    const oldExtras = !existingIds.length
      ? []
      : target.kind === 'movie'
        ? await this.deps.files.extrasFor({ movieFileIds: existingIds })
        : await this.deps.files.extrasFor({ episodeFileIds: existingIds });
    const replaced: ReplacedSpec[] = [
      ...target.existing.map((f) => ({ path: f.path, recycleTo: recyclePath(ctx.settings, itemFolder, f.path) })),
      ...oldExtras.map((f) => ({ path: f.path, recycleTo: recyclePath(ctx.settings, itemFolder, f.path) })),
    ];
    const transfers: TransferSpec[] = [{ source: candidate.path, destination }];
    const extras: NewExtraFile[] = [];
    const now = new Date(this.deps.clock.now()).toISOString();
    for (const x of candidate.extras) {
      const dest = `${destBase}${x.suffix}`;
      if (transfers.some((t) => t.destination === dest)) continue;
      transfers.push({ source: x.source, destination: dest });
      extras.push({
        mediaType: target.kind,
        movieFileId: null,
        episodeFileId: null,
        path: dest,
        relativePath: relative(itemFolder, dest),
        kind: x.kind,
        language: x.language,
        dateAdded: now,
      });
    }

    const run = await this.deps.runner.run({ kind: 'import', mode: ctx.mode, transfers, replaced }, async (trx) => {
      const files = new MediaFileRepository(trx);
      const history: NewHistoryRecord[] = [];
      const base = {
        date: now,
        quality: candidate.quality,
        languages: candidate.languages,
        customFormatScore: ctx.download?.tracked.release.customFormatScore ?? 0,
      };
      for (const old of target.existing) {
        if (target.kind === 'movie') await files.deleteMovieFile(old.id);
        else await files.deleteEpisodeFile(old.id);
        const episodeIds = 'episodeIds' in old ? old.episodeIds : [null];
        for (const episodeId of episodeIds.length ? episodeIds : [null])
          history.push({
            ...base,
            eventType: 'fileDeleted',
            sourceTitle: basename(old.path),
            quality: old.quality,
            languages: old.languages,
            customFormatScore: 0,
            movieId: target.kind === 'movie' ? target.movie.id : null,
            seriesId: target.kind === 'episode' ? target.series.id : null,
            episodeId,
            downloadId: null,
            data: { reason: 'upgrade', path: old.path, recycledTo: recyclePath(ctx.settings, itemFolder, old.path) },
          });
      }
      const common = {
        path: destination,
        relativePath,
        size: candidate.size,
        quality: candidate.quality,
        languages: candidate.languages,
        releaseGroup: candidate.releaseGroup,
        sceneName: candidate.sceneName,
        originalPath: candidate.path,
        mediaInfo: null,
        indexerFlags: 0,
        dateAdded: now,
      };
      let fileId: number;
      if (target.kind === 'movie') {
        fileId = (await files.insertMovieFile({ ...common, movieId: target.movie.id, edition: candidate.edition })).id;
        await files.insertExtraFiles(extras.map((x) => ({ ...x, movieFileId: fileId })));
      } else {
        fileId = (
          await files.insertEpisodeFile({
            ...common,
            seriesId: target.series.id,
            seasonNumber: target.episodes[0]?.seasonNumber ?? 0,
            episodeIds: target.episodes.map((e) => e.id),
          })
        ).id;
        await files.insertExtraFiles(extras.map((x) => ({ ...x, episodeFileId: fileId })));
      }
      const t = ctx.download?.tracked;
      const data: HistoryData = {
        sourcePath: candidate.path,
        importedPath: destination,
        importMode: ctx.mode,
        downloadClient: ctx.download?.clientName ?? null,
        downloadClientId: t?.downloadClientId ?? null,
        indexer: t?.indexer ?? null,
        indexerId: t?.indexerId ?? null,
        releaseGroup: candidate.releaseGroup,
        size: candidate.size,
        fileId,
        ...(t ? { trackedDownloadId: t.id, protocol: t.protocol } : {}),
      };
      const episodeIds = target.kind === 'episode' ? target.episodes.map((e) => e.id) : [null];
      for (const episodeId of episodeIds)
        history.push({
          ...base,
          eventType: 'downloadFolderImported',
          sourceTitle: candidate.sceneName ?? t?.title ?? basename(candidate.path),
          movieId: target.kind === 'movie' ? target.movie.id : null,
          seriesId: target.kind === 'episode' ? target.series.id : null,
          episodeId,
          downloadId: t?.downloadId ?? null,
          data,
        });
      await new HistoryRepository(trx).insertMany(history);
      return fileId;
    });
    const t = ctx.download?.tracked;
    this.deps.events?.emit('file.imported', {
      mediaType: target.kind,
      movieId: target.kind === 'movie' ? target.movie.id : null,
      seriesId: target.kind === 'episode' ? target.series.id : null,
      episodeIds: target.kind === 'episode' ? target.episodes.map((e) => e.id) : [],
      path: destination,
      file: fileRef({ ...candidate, id: run.result, path: destination, relativePath, dateAdded: now }),
      replacedFiles: target.existing.map(fileRef),
      isUpgrade: target.existing.length > 0,
      trackedDownloadId: t?.id ?? null,
      downloadId: t?.downloadId ?? null,
      downloadClientId: t?.downloadClientId ?? null,
      downloadClient: ctx.download?.clientName ?? null,
    });
    return {
      path: candidate.path,
      imported: true,
      destination,
      fileId: run.result,
      mode: ctx.mode,
      fellBackToCopy: run.fellBackToCopy,
      rejections: run.cleanupErrors.map((reason) => ({ reason, type: 'temporary' as const })),
    };
  }
}

/** An import failure as an outcome (file-system errors carry their clear message). */
export function failedOutcome(path: string, err: unknown): ImportOutcome {
  const reason =
    err instanceof ImportFsError ? err.message : `import of ${path} failed: ${(err as Error)?.message ?? String(err)}`;
  return {
    path,
    imported: false,
    destination: null,
    fileId: null,
    mode: null,
    fellBackToCopy: false,
    rejections: [{ reason, type: 'temporary' }],
  };
}
