// From a folder (a completed download or a manual-import folder) to candidates: every video file found, matched
// to a movie or episodes (the grab's tracked download first, then the parser), with the rejections that keep it
// from importing: sample, unreadable, not matched, already imported, not an upgrade, not enough free space.
import { basename, dirname, extname, join } from 'node:path';
import type { EpisodeRepository } from '../../db/repositories/episode.repository.js';
import type { MediaFileRepository } from '../../db/repositories/media-file.repository.js';
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { QualityProfileRepository } from '../../db/repositories/quality-profile.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import type { Movie } from '../../domain/library/movie.types.js';
import { isUpgrade } from '../../domain/library/quality-profile.rules.js';
import type { Episode, Series } from '../../domain/library/series.types.js';
import { qualityById, qualityDisplayName } from '../../domain/quality/quality-catalog.js';
import {
  cleanMovieTitle,
  cleanSeriesTitle,
  type ParsedEpisodeInfo,
  type ParsedMovieInfo,
  parseMoviePath,
  parsePath,
} from '../../parser/index.js';
import type { QualityModel, TrackedDownload } from '../downloads/download.types.js';
import { extrasFor, type FoundFile, sampleReason, walkFolder } from './file-discovery.js';
import { describeFsError, type FsPort, statOrNull } from './fs-port.js';
import type { ImportCandidate, ImportRejection, ImportSettings, ImportTarget, TransferMode } from './import.types.js';
import type { ResolvedTarget } from './media-importer.js';
import { guardPath } from './path-guard.js';

export interface DeciderDeps {
  fs: FsPort;
  files: MediaFileRepository;
  movies: MovieRepository;
  series: SeriesRepository;
  episodes: EpisodeRepository;
  profiles: QualityProfileRepository;
  /** Duration probe (ffprobe); null result = unknown. Absent = size rules only. */
  probe?: (path: string) => Promise<number | null>;
}

export interface DecideInput {
  folder: string;
  settings: ImportSettings;
  tracked?: TrackedDownload | null;
  /** Manual import: the user's choice of item. */
  movieId?: number;
  seriesId?: number;
  mode: TransferMode;
}

export interface Decision {
  candidates: ImportCandidate[];
  /** Samples and other skipped videos (not blocking). */
  skipped: ImportCandidate[];
  /** Something about the folder as a whole (unreadable, empty). */
  problem: string | null;
  /** Non-video files seen (for the "matches nothing" message). */
  otherFiles: string[];
}

const reject = (reason: string, type: ImportRejection['type'] = 'permanent'): ImportRejection => ({ reason, type });

const UNKNOWN_QUALITY: QualityModel = { quality: 'unknown', revision: { version: 1, real: 0 } };

const qualityOf = (p: { quality: { qualityId: string; revision: { version: number; real: number } } }) => ({
  quality: p.quality.qualityId,
  revision: { version: p.quality.revision.version, real: p.quality.revision.real },
});

const display = (q: QualityModel) => {
  const def = qualityById(q.quality);
  return def ? qualityDisplayName(def, 'Sonarr') : q.quality;
};

export class ImportDecider {
  /** Targets resolved while checking a candidate, so the import does not read them again. */
  private readonly resolved = new WeakMap<ImportCandidate, ResolvedTarget>();

  constructor(private readonly deps: DeciderDeps) {}

  /** The target resolved for `c` by the last decide(), else a fresh read. */
  async resolveFor(c: ImportCandidate): Promise<ResolvedTarget | null> {
    return this.resolved.get(c) ?? (c.target ? this.resolve(c.target) : null);
  }

  async decide(input: DecideInput): Promise<Decision> {
    const { fs } = this.deps;
    let walked: Awaited<ReturnType<typeof walkFolder>>;
    try {
      walked = await walkFolder(fs, input.folder);
    } catch (err) {
      return { candidates: [], skipped: [], problem: describeFsError(err, 'reading', input.folder), otherFiles: [] };
    }
    const problems = walked.unreadable.map((u) => describeFsError(u.error, 'reading', u.path));
    const perFolder = new Map<string, number>();
    for (const v of walked.videos) perFolder.set(dirname(v.path), (perFolder.get(dirname(v.path)) ?? 0) + 1);

    const candidates: ImportCandidate[] = [];
    const skipped: ImportCandidate[] = [];
    const movieRuntime = new Map<number, number>();
    for (const v of walked.videos) {
      const c = await this.candidate(v, input, walked.videos.length);
      c.extras = extrasFor(v, walked.others, perFolder.get(dirname(v.path)) ?? 1, input.settings);
      // Sample check (never blocks the rest; a missing prober just means size rules).
      if (!input.settings.skipSampleCheck) {
        const runtime = await this.runtimeOf(c.target, movieRuntime);
        const probed = this.deps.probe ? await this.deps.probe(v.path).catch(() => null) : null;
        const resolution = resolutionOf(c.quality.quality);
        const sample = sampleReason({
          relativePath: v.relativePath,
          size: v.size,
          resolution,
          runtimeMinutes: runtime,
          probedSeconds: probed,
        });
        if (sample) {
          c.rejections.unshift(reject(sample));
          skipped.push(c);
          continue;
        }
      }
      candidates.push(c);
    }
    // A movie download with several real video files: the largest is the movie when it clearly dominates.
    if (!input.seriesId && candidates.length > 1 && candidates.every((c) => c.target?.kind === 'movie')) {
      const sorted = [...candidates].sort((a, b) => b.size - a.size);
      const [big, next] = sorted;
      if (big && next && big.size >= next.size * 3) {
        for (const c of sorted.slice(1)) {
          c.rejections.push(
            reject(`${c.relativePath} is an extra of the movie (much smaller than ${big.relativePath})`),
          );
          skipped.push(c);
        }
        candidates.splice(0, candidates.length, big);
      } else {
        for (const c of candidates)
          c.rejections.push(
            reject(
              `${candidates.length} video files of similar size and only one movie: choose the file in manual import`,
            ),
          );
      }
    }
    await this.applySpecs(candidates, input);
    return {
      candidates,
      skipped,
      problem: problems.length ? problems.join('; ') : null,
      otherFiles: walked.others.map((o) => o.relativePath),
    };
  }

  private async runtimeOf(target: ImportTarget | null, cache: Map<number, number>): Promise<number> {
    if (!target) return 0;
    if (target.kind === 'movie') {
      if (!cache.has(target.movieId))
        cache.set(target.movieId, (await this.deps.movies.get(target.movieId))?.runtime ?? 0);
      return cache.get(target.movieId) ?? 0;
    }
    const eps = await this.deps.episodes.getMany(target.episodeIds);
    const ep = eps.find((e) => e.runtime > 0);
    if (ep) return ep.runtime * eps.length;
    return ((await this.deps.series.get(target.seriesId))?.runtime ?? 0) * Math.max(1, eps.length);
  }

  /** Parse + match one video file. */
  private async candidate(v: FoundFile, input: DecideInput, videoCount: number): Promise<ImportCandidate> {
    const t = input.tracked ?? null;
    const seriesId = input.seriesId ?? t?.seriesId ?? null;
    const movieId = input.movieId ?? t?.movieId ?? null;
    const base: ImportCandidate = {
      path: v.path,
      size: v.size,
      relativePath: v.relativePath,
      target: null,
      quality: t?.quality ?? UNKNOWN_QUALITY,
      languages: t?.languages ?? [],
      releaseGroup: t?.release.releaseGroup ?? null,
      sceneName: t?.title ?? null,
      edition: null,
      extras: [],
      rejections: [],
    };
    // The folder name gives the parser context (season packs named only in the folder).
    const pathForParse = join(basename(input.folder), v.relativePath);
    // A movie download needs only the movie parser; everything else may be an episode.
    const episodeInfo = movieId !== null && seriesId === null ? null : parsePath(pathForParse);
    let movieInfo = movieId !== null || (seriesId === null && !episodeInfo) ? parseMoviePath(pathForParse) : null;
    const parsed: ParsedEpisodeInfo | ParsedMovieInfo | null =
      seriesId !== null ? episodeInfo : (movieInfo ?? episodeInfo);
    if (parsed) {
      // The grab's quality wins (it is what the decision engine chose); the file's own name fills gaps.
      if (!t || t.quality.quality === 'unknown') base.quality = qualityOf(parsed);
      if (!t?.release.releaseGroup) base.releaseGroup = parsed.releaseGroup;
      if (!t?.languages.length || t.languages.every((l) => l === 'Unknown')) base.languages = parsed.languages;
      if (!t) base.sceneName = basename(v.path, extname(v.path));
    }
    if (movieInfo?.edition) base.edition = movieInfo.edition;
    if (!base.languages.length) base.languages = ['Unknown'];
    if (v.isSymbolicLink) {
      // A symlink must stay inside the folder being imported (no /etc/shadow through a crafted download).
      const g = await guardPath(this.deps.fs, v.path, [], { within: input.folder, what: 'file' });
      if (!g.ok) {
        base.rejections.push(reject(g.reason));
        return base;
      }
    }
    try {
      if (!(await this.deps.fs.canRead(v.path))) {
        base.rejections.push(
          reject(describeFsError(Object.assign(new Error(), { code: 'EACCES' }), 'reading', v.path), 'temporary'),
        );
      }
    } catch {
      /* canRead never throws in nodeFs; a fake may */
    }

    if (seriesId !== null) {
      const series = await this.deps.series.get(seriesId);
      if (!series) {
        base.rejections.push(reject(`series ${seriesId} is not in the library`));
        return base;
      }
      const matched = await this.matchEpisodes(series, episodeInfo, t, videoCount);
      if ('reason' in matched) base.rejections.push(reject(`${v.relativePath}: ${matched.reason}`));
      else
        base.target = {
          kind: 'episode',
          seriesId: series.id,
          seasonNumber: matched.episodes[0]?.seasonNumber ?? 0,
          episodeIds: matched.episodes.map((e) => e.id),
        };
      return base;
    }
    if (movieId !== null) {
      base.target = { kind: 'movie', movieId };
      return base;
    }
    // No download and no choice: find the item by the parsed title. Names like `Movie.0802.2002` also parse as
    // S08E02, so an episode parse only wins when its series is in the library.
    const episodeSeries = episodeInfo
      ? (await this.deps.series.findByCleanTitle(cleanSeriesTitle(episodeInfo.seriesTitle)))[0]
      : undefined;
    if (episodeInfo && episodeSeries) {
      const matched = await this.matchEpisodes(episodeSeries, episodeInfo, null, videoCount);
      if ('reason' in matched) base.rejections.push(reject(`${v.relativePath}: ${matched.reason}`));
      else
        base.target = {
          kind: 'episode',
          seriesId: episodeSeries.id,
          seasonNumber: matched.episodes[0]?.seasonNumber ?? 0,
          episodeIds: matched.episodes.map((e) => e.id),
        };
      return base;
    }
    movieInfo ??= parseMoviePath(pathForParse);
    if (episodeInfo && !movieInfo) {
      base.rejections.push(reject(`${v.relativePath}: no series called "${episodeInfo.seriesTitle}" in the library`));
      return base;
    }
    if (movieInfo) {
      const found = (await this.deps.movies.findByCleanTitle(cleanMovieTitle(movieInfo.movieTitle))).filter(
        (m: Movie) => !movieInfo.year || !m.year || Math.abs(m.year - movieInfo.year) <= 1,
      );
      if (found.length === 1 && found[0]) base.target = { kind: 'movie', movieId: found[0].id };
      else
        base.rejections.push(
          reject(
            found.length
              ? `${v.relativePath}: "${movieInfo.movieTitle}" matches ${found.length} movies; choose one`
              : `${v.relativePath}: no movie called "${movieInfo.movieTitle}"${movieInfo.year ? ` (${movieInfo.year})` : ''} in the library`,
          ),
        );
      return base;
    }
    base.rejections.push(reject(`${v.relativePath}: the name says nothing the parser recognises; choose the item`));
    return base;
  }

  private async matchEpisodes(
    series: Series,
    info: ParsedEpisodeInfo | null,
    t: TrackedDownload | null,
    videoCount: number,
  ): Promise<{ episodes: Episode[] } | { reason: string }> {
    const { episodes } = this.deps;
    if (info) {
      let found: Episode[] = [];
      if (info.airDate) found = await episodes.findByAirDate(series.id, info.airDate);
      else if (info.episodeNumbers.length)
        found = await episodes.findByNumbers(series.id, info.seasonNumber, info.episodeNumbers);
      else if (info.absoluteEpisodeNumbers.length)
        found = await episodes.findByAbsoluteNumbers(series.id, info.absoluteEpisodeNumbers);
      const wanted = info.airDate ? 1 : info.episodeNumbers.length || info.absoluteEpisodeNumbers.length;
      if (found.length && found.length >= wanted) return { episodes: found };
      const label = info.airDate
        ? info.airDate
        : info.episodeNumbers.length
          ? `S${String(info.seasonNumber).padStart(2, '0')}${info.episodeNumbers.map((n) => `E${String(n).padStart(2, '0')}`).join('')}`
          : info.absoluteEpisodeNumbers.length
            ? `absolute ${info.absoluteEpisodeNumbers.join(', ')}`
            : info.fullSeason
              ? `a whole season ${info.seasonNumber}`
              : 'nothing';
      if (!info.fullSeason && wanted) return { reason: `${label} is not an episode of ${series.title} in the library` };
    }
    // One file and the grab named the episodes: the grab knows best.
    if (t?.episodeIds.length && videoCount === 1) {
      const found = await episodes.getMany(t.episodeIds);
      if (found.length) return { episodes: found };
    }
    return { reason: 'the file name does not say which episode it is (no S01E01, air date or absolute number)' };
  }

  /** The checks that apply to matched candidates. */
  private async applySpecs(candidates: ImportCandidate[], input: DecideInput): Promise<void> {
    const { files, fs } = this.deps;
    const matched = candidates.filter((c) => c.target);
    if (!matched.length) return;
    const { known, imported } = await files.pathsInLibrary(matched.map((c) => c.path));
    const freeByRoot = new Map<string, number | null>();
    const profiles = new Map<number, Awaited<ReturnType<QualityProfileRepository['get']>>>();
    for (const c of matched) {
      if (known.has(c.path)) {
        c.rejections.push(reject(`${c.relativePath} is already a library file`));
        continue;
      }
      const target = await this.resolve(c.target as ImportTarget);
      if (!target) {
        c.rejections.push(reject(`${c.relativePath}: the item is no longer in the library`));
        continue;
      }
      if (imported.has(c.path) && target.existing.some((f) => f.originalPath === c.path)) {
        c.rejections.push(reject(`${c.relativePath} was already imported`, 'permanent'));
        continue;
      }
      this.resolved.set(c, target);
      const item = target.kind === 'movie' ? target.movie : target.series;
      if (!profiles.has(item.qualityProfileId))
        profiles.set(item.qualityProfileId, await this.deps.profiles.get(item.qualityProfileId));
      const profile = profiles.get(item.qualityProfileId);
      for (const f of target.existing) {
        if (profile && !isUpgrade(profile, f.quality, c.quality))
          c.rejections.push(
            reject(
              `not an upgrade: the existing file ${f.relativePath} is ${display(f.quality)} v${f.quality.revision.version}, this is ${display(c.quality)} v${c.quality.revision.version}`,
            ),
          );
      }
      // Free space where the file will go (a hardlink on the same file system needs none).
      const root = item.rootFolderPath || dirname(item.path);
      const needs = await this.needsSpace(c.path, root, input.mode);
      if (needs) {
        if (!freeByRoot.has(root)) freeByRoot.set(root, await fs.freeSpace(root).catch(() => null));
        const free = freeByRoot.get(root);
        const keep = input.settings.minimumFreeSpaceMb * 1048576;
        if (free !== null && free !== undefined) {
          if (free - c.size < keep)
            c.rejections.push(
              reject(
                `not enough free space in ${root}: ${(free / 1048576).toFixed(0)} MB free, the file needs ${(c.size / 1048576).toFixed(0)} MB and ${input.settings.minimumFreeSpaceMb} MB must stay free`,
                'temporary',
              ),
            );
          else freeByRoot.set(root, free - c.size);
        }
      }
    }
  }

  private async needsSpace(source: string, root: string, mode: TransferMode): Promise<boolean> {
    if (mode === 'copy') return true;
    const [a, b] = await Promise.all([
      statOrNull(this.deps.fs, source).catch(() => null),
      statOrNull(this.deps.fs, root).catch(() => null),
    ]);
    return !a || !b || a.dev !== b.dev;
  }

  /** The library objects a target names, with the files it currently has. */
  async resolve(target: ImportTarget): Promise<ResolvedTarget | null> {
    const { files } = this.deps;
    if (target.kind === 'movie') {
      const movie = await this.deps.movies.get(target.movieId);
      if (!movie) return null;
      const existing = movie.movieFileId ? await files.movieFilesFor([movie.id]) : [];
      return { kind: 'movie', movie, existing };
    }
    const series = await this.deps.series.get(target.seriesId);
    if (!series) return null;
    const episodes = (await this.deps.episodes.getMany(target.episodeIds)).filter((e) => e.seriesId === series.id);
    if (!episodes.length) return null;
    const fileIds = [...new Set(episodes.map((e) => e.episodeFileId).filter((id): id is number => id !== null))];
    const existing = fileIds.length ? await files.episodeFilesByIds(fileIds) : [];
    return { kind: 'episode', series, episodes, existing };
  }
}

function resolutionOf(qualityId: string): number {
  const m = /(\d{3,4})p/.exec(qualityId);
  if (m) return Number(m[1]);
  return /uhd|2160|4k/i.test(qualityId) ? 2160 : 480;
}
