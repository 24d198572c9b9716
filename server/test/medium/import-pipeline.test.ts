// Completed-download handling on both dialects with real folders: hardlink import + rename + subtitle, samples
// skipped, upgrades into the recycle bin, "not an upgrade", season packs (all matched → imported and moved;
// partly matched → blocked whole with per-file reasons, nothing touched), and bad input: paths outside the
// download folders, symlink escapes, missing folders (remote path mapping advice), EACCES, ENOSPC and EXDEV
// injected through the fs port, folders that contain nothing importable.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { HistoryRepository } from '../../src/db/repositories/history.repository.js';
import { ImportJournalRepository } from '../../src/db/repositories/import-journal.repository.js';
import { ImportSettingsRepository } from '../../src/db/repositories/import-settings.repository.js';
import { MediaFileRepository } from '../../src/db/repositories/media-file.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { NamingConfigRepository } from '../../src/db/repositories/naming-config.repository.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { TrackedDownloadRepository } from '../../src/db/repositories/tracked-download.repository.js';
import { EventBus } from '../../src/events/event-bus.js';
import { systemClock } from '../../src/lib/clock.js';
import { createLogger } from '../../src/lib/logger.js';
import type { NewTrackedDownload } from '../../src/services/downloads/download.types.js';
import { CompletedDownloadService } from '../../src/services/import/completed-download.service.js';
import { FileTransactionRunner } from '../../src/services/import/file-transaction.js';
import { type FsPort, nodeFs } from '../../src/services/import/fs-port.js';
import { checkHardlink, HardlinkHealth } from '../../src/services/import/hardlink-health.js';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from '../../src/services/import/import.types.js';
import { ImportDecider } from '../../src/services/import/import-decider.js';
import { MediaImporter } from '../../src/services/import/media-importer.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { episodeMeta, newMovie, newSeries } from '../support/library-factories.js';

const MB = 1024 * 1024;
const { logger } = await createLogger({ level: 'silent' });

function sparse(path: string, bytes: number): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

function fsWith(over: Partial<FsPort>): FsPort {
  return { ...nodeFs, ...over };
}
const fail = (code: string) => async () => {
  throw Object.assign(new Error(code), { code });
};

function tempNames(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.startsWith('.idkarr-')) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

describe.each(DIALECTS)('completed download import (%s)', (dialect) => {
  let t: TestDatabase;
  let dir: string;
  let root: string;
  let downloads: string;
  let imported: number[];
  const health = new HardlinkHealth();

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    // Profile 1 allows upgrades for these tests; files are renamed with the naming formats.
    await t.database.db.updateTable('quality_profiles').set({ upgrade_allowed: 1 }).where('id', '=', 1).execute();
    const naming = new NamingConfigRepository(t.database.db);
    const config = await naming.get();
    await naming.save(
      { movie: { ...config.movie, renameMovies: true }, series: { ...config.series, renameEpisodes: true } },
      new Date(),
    );
  });
  afterAll(async () => {
    await t.cleanup();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idkarr-import-'));
    root = join(dir, 'movies');
    downloads = join(dir, 'downloads');
    mkdirSync(root, { recursive: true });
    mkdirSync(downloads, { recursive: true });
    imported = [];
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  let n = 0;
  async function setup(opts: { fs?: FsPort; settings?: Partial<ImportSettings> } = {}) {
    const db = t.database.db;
    const fs = opts.fs ?? nodeFs;
    const settingsRepo = new ImportSettingsRepository(db);
    await settingsRepo.set({ ...DEFAULT_IMPORT_SETTINGS, downloadFolders: [downloads], ...opts.settings });
    const files = new MediaFileRepository(db);
    const runner = new FileTransactionRunner({
      db,
      journal: new ImportJournalRepository(db),
      fs,
      clock: systemClock,
      log: logger,
    });
    const repos = {
      movies: new MovieRepository(db),
      series: new SeriesRepository(db),
      episodes: new EpisodeRepository(db),
      profiles: new QualityProfileRepository(db),
    };
    const tracked = new TrackedDownloadRepository(db);
    const decider = new ImportDecider({ fs, files, ...repos });
    const service = new CompletedDownloadService({
      decider,
      importer: new MediaImporter({ db, runner, files, clock: systemClock }),
      settings: () => settingsRepo.get(),
      naming: () => new NamingConfigRepository(db).get(),
      tracked,
      history: new HistoryRepository(db),
      client: async () => ({ name: 'qBittorrent', host: 'qbittorrent' }),
      mappedFolders: async () => [],
      markImported: async (id) => {
        imported.push(id);
        await tracked.update(id, { status: 'imported' });
      },
      hardlinks: health,
      events: new EventBus(),
      fs,
      clock: systemClock,
      log: logger,
    });
    return { service, tracked, files, repos, db };
  }

  async function addMovie(repos: { movies: MovieRepository }) {
    n++;
    const base = newMovie(500 + n + (dialect === 'postgres' ? 1000 : 0));
    return repos.movies.insert({ ...base, path: join(root, `${base.title} (${base.year})`), rootFolderPath: root });
  }

  function download(over: Partial<NewTrackedDownload>): NewTrackedDownload {
    n++;
    return {
      downloadClientId: 1,
      downloadId: `hash-${dialect}-${n}`,
      protocol: 'torrent',
      title: 'Release',
      indexer: 'Fake Indexer',
      indexerId: 7,
      guid: `guid-${n}`,
      infoHash: null,
      size: 0,
      remainingSize: 0,
      progress: 1,
      etaSeconds: null,
      clientStatus: 'seeding',
      quality: { quality: 'bluray-1080p', revision: { version: 1, real: 0 } },
      languages: ['English'],
      release: {
        guid: null,
        infoHash: null,
        releaseGroup: 'GRP',
        customFormatScore: 0,
        customFormats: [],
        publishDate: null,
        downloadUrl: null,
      },
      mediaType: 'movie',
      movieId: null,
      seriesId: null,
      episodeIds: [],
      status: 'completed',
      statusMessages: [],
      outputPath: null,
      added: new Date().toISOString(),
      lastSeen: null,
      lastProgressAt: null,
      lastProgress: null,
      seedRatio: null,
      seedTimeMinutes: null,
      importAttempts: 0,
      ...over,
    };
  }

  it('hardlinks a torrent into the library with the naming format, skips the sample, brings the subtitle', async () => {
    const { service, tracked, files, repos, db } = await setup();
    const movie = await addMovie(repos);
    const folder = join(downloads, `${movie.title.replace(/ /g, '.')}.${movie.year}.1080p.BluRay.x264-GRP`);
    const video = sparse(
      join(folder, `${movie.title.replace(/ /g, '.')}.${movie.year}.1080p.BluRay.x264-GRP.mkv`),
      400 * MB,
    );
    sparse(join(folder, 'sample.mkv'), 30 * MB);
    writeFileSync(join(folder, `${movie.title.replace(/ /g, '.')}.${movie.year}.1080p.BluRay.x264-GRP.en.srt`), 'sub');
    const td = await tracked.insert(
      download({ movieId: movie.id, outputPath: folder, title: `${movie.title}.${movie.year}.1080p.BluRay.x264-GRP` }),
    );
    const r = await service.process(td.id);
    expect(r.messages).toEqual([]);
    expect(r.status).toBe('imported');
    expect(imported).toEqual([td.id]);
    const [file] = await files.movieFilesFor([movie.id]);
    expect(file?.path.startsWith(movie.path)).toBe(true);
    expect(file?.relativePath).toContain(movie.title);
    expect(file?.quality.quality).toBe('bluray-1080p');
    // A hardlink: same inode, the source still there for seeding.
    expect(statSync(file?.path as string).ino).toBe(statSync(video).ino);
    expect(existsSync(video)).toBe(true);
    const extras = await files.extrasFor({ movieFileIds: [file?.id as number] });
    expect(extras.map((x) => x.path.endsWith('.en.srt'))).toEqual([true]);
    expect((await repos.movies.get(movie.id))?.movieFileId).toBe(file?.id);
    const history = await new HistoryRepository(db).page(
      { page: 1, pageSize: 10, sortDirection: 'descending' },
      { movieId: movie.id, eventType: 'downloadFolderImported' },
    );
    expect(history.records[0]?.data).toMatchObject({
      sourcePath: video,
      importedPath: file?.path,
      downloadClient: 'qBittorrent',
      indexer: 'Fake Indexer',
      releaseGroup: 'GRP',
    });
    expect(tempNames(dir)).toEqual([]);
  });

  it('upgrades: the old file goes to the recycle bin after the new one is in place; a worse file is refused', async () => {
    const recycle = join(dir, 'recycle');
    const { service, tracked, files, repos, db } = await setup({
      settings: { recycleBin: recycle, skipSampleCheck: true },
    });
    const movie = await addMovie(repos);
    mkdirSync(movie.path, { recursive: true });
    const oldPath = join(movie.path, 'old.mkv');
    writeFileSync(oldPath, 'old');
    await files.insertMovieFile({
      movieId: movie.id,
      path: oldPath,
      relativePath: 'old.mkv',
      size: 3,
      quality: { quality: 'webdl-720p', revision: { version: 1, real: 0 } },
      languages: ['English'],
      releaseGroup: null,
      sceneName: null,
      originalPath: null,
      edition: null,
      mediaInfo: null,
      indexerFlags: 0,
      dateAdded: new Date().toISOString(),
    });
    const worse = join(downloads, 'worse');
    writeFileSync(sparse(join(worse, 'Movie.480p.mkv'), 1), 'w');
    const bad = await tracked.insert(
      download({
        movieId: movie.id,
        outputPath: worse,
        quality: { quality: 'sdtv', revision: { version: 1, real: 0 } },
      }),
    );
    const refused = await service.process(bad.id);
    expect(refused.status).toBe('importBlocked');
    expect(JSON.stringify(refused.messages)).toMatch(/not an upgrade/);
    expect(existsSync(oldPath)).toBe(true);

    const better = join(downloads, 'better');
    writeFileSync(sparse(join(better, 'Movie.1080p.BluRay.mkv'), 1), 'new content');
    const td = await tracked.insert(download({ movieId: movie.id, outputPath: better }));
    const r = await service.process(td.id);
    expect(r.status).toBe('imported');
    expect(existsSync(oldPath)).toBe(false);
    expect(readdirSync(join(recycle, `${movie.title} (${movie.year})`))).toEqual(['old.mkv']);
    const deleted = await new HistoryRepository(db).page(
      { page: 1, pageSize: 10, sortDirection: 'descending' },
      { movieId: movie.id, eventType: 'fileDeleted' },
    );
    expect(deleted.records[0]?.data.reason).toBe('upgrade');
    expect((await files.movieFilesFor([movie.id])).length).toBe(1);
  });

  it('season packs: fully matched → imported (usenet moves); one unmatched file → the whole pack is blocked, nothing touched', async () => {
    const { service, tracked, files, repos } = await setup({ settings: { skipSampleCheck: true } });
    n++;
    const s = newSeries(700 + n + (dialect === 'postgres' ? 1000 : 0));
    const series = await repos.series.insert({ ...s, path: join(root, s.title), rootFolderPath: root });
    await repos.episodes.upsertMany(
      series.id,
      [1, 2, 3].map((e) => ({ ...episodeMeta(1, e), monitored: true })),
    );
    const eps = await repos.episodes.listBySeries(series.id);
    const name = series.title.replace(/ /g, '.');

    const partial = join(downloads, `${name}.S01.1080p.WEB-DL-GRP`);
    writeFileSync(sparse(join(partial, `${name}.S01E01.1080p.WEB-DL-GRP.mkv`), 1), 'e1');
    writeFileSync(sparse(join(partial, `${name}.S01E02.1080p.WEB-DL-GRP.mkv`), 1), 'e2');
    writeFileSync(sparse(join(partial, 'bonus-interview.mkv'), 1), 'x');
    const p = await tracked.insert(
      download({ mediaType: 'tv', seriesId: series.id, episodeIds: eps.map((e) => e.id), outputPath: partial }),
    );
    const blocked = await service.process(p.id);
    expect(blocked.status).toBe('importBlocked');
    expect(blocked.messages[0]?.messages[0]).toMatch(/1 of 3 files could not be matched; nothing was imported/);
    expect(JSON.stringify(blocked.messages)).toMatch(/bonus-interview\.mkv/);
    expect(readdirSync(partial).length).toBe(3);
    expect(await files.episodeFilesForSeries(series.id)).toEqual([]);
    expect((await tracked.get(p.id))?.status).toBe('importBlocked');

    const full = join(downloads, `${name}.S01.Complete.1080p.WEB-DL-GRP`);
    for (const e of [1, 2, 3]) writeFileSync(sparse(join(full, `${name}.S01E0${e}.1080p.WEB-DL-GRP.mkv`), 1), `e${e}`);
    const u = await tracked.insert(
      download({
        protocol: 'usenet',
        mediaType: 'tv',
        seriesId: series.id,
        episodeIds: eps.map((e) => e.id),
        outputPath: full,
        quality: { quality: 'webdl-1080p', revision: { version: 1, real: 0 } },
      }),
    );
    const ok = await service.process(u.id);
    expect(ok.status).toBe('imported');
    const epFiles = await files.episodeFilesForSeries(series.id);
    expect(epFiles.map((f) => f.episodeIds.length)).toEqual([1, 1, 1]);
    for (const f of epFiles) expect(existsSync(f.path)).toBe(true);
    expect(readdirSync(full)).toEqual([]); // moved
  });

  it('bad input: outside the download folders, symlink escapes, missing folder, nothing importable', async () => {
    const { service, tracked, repos } = await setup({ settings: { skipSampleCheck: true } });
    const movie = await addMovie(repos);
    const outside = join(dir, 'elsewhere');
    writeFileSync(sparse(join(outside, 'Movie.mkv'), 1), 'x');
    const a = await tracked.insert(download({ movieId: movie.id, outputPath: outside }));
    const ra = await service.process(a.id);
    expect(ra.messages[0]?.title).toBe('Refused path');
    expect(ra.messages[0]?.messages[0]).toMatch(/outside the configured folders/);
    const b = await tracked.insert(download({ movieId: movie.id, outputPath: `${downloads}/x/../../etc` }));
    expect((await service.process(b.id)).messages[0]?.messages[0]).toMatch(/without "\.\."/);

    const escapeDir = join(downloads, 'escape');
    mkdirSync(escapeDir, { recursive: true });
    symlinkSync(join(outside, 'Movie.mkv'), join(escapeDir, 'Movie.2001.1080p.mkv'));
    const c = await tracked.insert(download({ movieId: movie.id, outputPath: escapeDir }));
    const rc = await service.process(c.id);
    expect(rc.status).toBe('importBlocked');
    expect(JSON.stringify(rc.messages)).toMatch(/symlink to .*outside/);

    const d = await tracked.insert(download({ movieId: movie.id, outputPath: join(downloads, 'not-there') }));
    const rd = await service.process(d.id);
    expect(rd.messages[0]?.title).toBe('Output path not found');
    expect(rd.messages[0]?.messages[0]).toMatch(
      /idkarr cannot see .*not-there: add a remote path mapping for host qbittorrent/,
    );

    const junk = join(downloads, 'junk');
    mkdirSync(junk, { recursive: true });
    writeFileSync(join(junk, 'readme.txt'), 'hello');
    const e = await tracked.insert(download({ movieId: movie.id, outputPath: junk }));
    const re = await service.process(e.id);
    expect(re.messages[0]?.title).toBe('No video files');
    expect(re.messages[0]?.messages[0]).toMatch(/readme\.txt.*left untouched/);
    expect(readdirSync(junk)).toEqual(['readme.txt']);
    // The user gives up on it: ignored, `downloadIgnored` history, files untouched.
    expect((await service.ignore(e.id)).status).toBe('ignored');
    const ignored = await new HistoryRepository(t.database.db).page(
      { page: 1, pageSize: 5, sortDirection: 'descending' },
      { downloadId: e.downloadId, eventType: 'downloadIgnored' },
    );
    expect(ignored.records).toHaveLength(1);
    expect(readdirSync(junk)).toEqual(['readme.txt']);
  });

  it('EACCES, ENOSPC and EXDEV (injected through the fs port) are clear reasons or a warned copy', async () => {
    // Unreadable file.
    {
      const { service, tracked, repos } = await setup({
        fs: fsWith({ canRead: async () => false }),
        settings: { skipSampleCheck: true },
      });
      const movie = await addMovie(repos);
      const f = join(downloads, 'locked');
      writeFileSync(sparse(join(f, 'Movie.mkv'), 1), 'x');
      const td = await tracked.insert(download({ movieId: movie.id, outputPath: f }));
      const r = await service.process(td.id);
      expect(r.status).toBe('importBlocked');
      expect(JSON.stringify(r.messages)).toMatch(
        /permission denied reading .*Movie\.mkv: give the user idkarr runs as/,
      );
    }
    // Disk full while copying: blocked, source intact, no temp files.
    {
      const { service, tracked, repos, files } = await setup({
        fs: fsWith({ copyFile: fail('ENOSPC') }),
        settings: { skipSampleCheck: true, copyUsingHardlinks: false },
      });
      const movie = await addMovie(repos);
      const f = join(downloads, 'full');
      const src = join(f, 'Movie.mkv');
      writeFileSync(sparse(src, 1), 'data');
      const td = await tracked.insert(download({ movieId: movie.id, outputPath: f }));
      const r = await service.process(td.id);
      expect(r.status).toBe('importBlocked');
      expect(JSON.stringify(r.messages)).toMatch(/disk full copying .*Movie\.mkv/);
      expect(existsSync(src)).toBe(true);
      expect(await files.movieFilesFor([movie.id])).toEqual([]);
      expect(tempNames(dir)).toEqual([]);
    }
    // Permission denied writing into the library.
    {
      const { service, tracked, repos } = await setup({
        fs: fsWith({ link: fail('EACCES') }),
        settings: { skipSampleCheck: true },
      });
      const movie = await addMovie(repos);
      const f = join(downloads, 'denied');
      writeFileSync(sparse(join(f, 'Movie.mkv'), 1), 'x');
      const td = await tracked.insert(download({ movieId: movie.id, outputPath: f }));
      const r = await service.process(td.id);
      expect(JSON.stringify(r.messages)).toMatch(/permission denied hardlinking/);
    }
    // Hardlink across file systems: copied, and a health warning says so.
    {
      const { service, tracked, repos, files } = await setup({
        fs: fsWith({ link: fail('EXDEV') }),
        settings: { skipSampleCheck: true },
      });
      const movie = await addMovie(repos);
      const f = join(downloads, 'xdev');
      const src = join(f, 'Movie.mkv');
      writeFileSync(sparse(src, 1), 'copied');
      const td = await tracked.insert(download({ movieId: movie.id, outputPath: f }));
      const r = await service.process(td.id);
      expect(r.status).toBe('imported');
      expect(r.imported[0]?.fellBackToCopy).toBe(true);
      const [file] = await files.movieFilesFor([movie.id]);
      expect(statSync(file?.path as string).ino).not.toBe(statSync(src).ino);
      expect(
        health
          .issues()
          .map((i) => i.message)
          .join('\n'),
      ).toMatch(/Hardlinking from .* failed .*copied 1 file/);
    }
  });

  it('hardlink preflight: works inside one file system, reports the reason when linking fails', async () => {
    const ok = await checkHardlink(nodeFs, downloads, root);
    expect(ok.hardlinks).toBe(true);
    expect(readdirSync(downloads)).toEqual([]);
    const no = await checkHardlink(fsWith({ link: fail('EXDEV') }), downloads, root);
    expect(no.hardlinks).toBe(false);
    expect(no.message).toMatch(/different file systems/);
  });
});
