// The import APIs for series and the recycle bin, through the composed app on both dialects: the RescanSeries
// command links episode files already in a series folder without moving them, manual import lists a download
// folder with the parsed series and episodes and imports the chosen file, and RecycleBinCleanup deletes what has
// been in the recycle bin longer than the configured days while keeping newer entries.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { RootFolderRepository } from '../../src/db/repositories/root-folder.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import type { Series } from '../../src/domain/library/series.types.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { DIALECTS } from '../support/databases.js';
import { episodeMeta, newSeries } from '../support/library-factories.js';

const DAY = 86_400_000;

describe.each(DIALECTS)('series import APIs and recycle bin (%s)', (dialect) => {
  let h: AppHarness;
  let dir: string;
  let root: string;
  let downloads: string;
  let recycle: string;
  let seriesRepo: SeriesRepository;
  let episodes: EpisodeRepository;

  beforeAll(async () => {
    h = await startApp(dialect);
    await h.app.startBackground();
    dir = mkdtempSync(join(tmpdir(), 'idkarr-import-series-'));
    root = join(dir, 'tv');
    downloads = join(dir, 'downloads');
    recycle = join(dir, 'recycle');
    for (const d of [root, downloads, recycle]) mkdirSync(d, { recursive: true });
    const db = h.app.database.db;
    seriesRepo = new SeriesRepository(db);
    episodes = new EpisodeRepository(db);
    await new RootFolderRepository(db).insert(root);
    const put = await h.app.http.inject({
      method: 'PUT',
      url: '/api/v1/config/mediamanagement',
      headers: h.authHeaders(),
      payload: {
        copyUsingHardlinks: true,
        importExtraFiles: false,
        importNfo: false,
        extraFileExtensions: ['srt'],
        recycleBin: recycle,
        recycleBinCleanupDays: 7,
        minimumFreeSpaceMb: 0,
        downloadFolders: [downloads],
        skipSampleCheck: true,
      },
    });
    expect(put.statusCode).toBe(200);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string) => h.app.http.inject({ method: 'GET', url, headers: h.authHeaders() });
  async function command(name: string, body: Record<string, unknown>) {
    const r = await h.app.http.inject({
      method: 'POST',
      url: '/api/v1/command',
      headers: h.authHeaders(),
      payload: { name, ...body },
    });
    expect(r.statusCode).toBe(201);
    const id = r.json().id as number;
    let ended: { status: string; result: unknown; error: string | null } | undefined;
    await expect
      .poll(
        async () => {
          const c = (await get(`/api/v1/command/${id}`)).json();
          if (c.status === 'completed' || c.status === 'failed') ended = c;
          return ended !== undefined;
        },
        { timeout: 15_000, interval: 50 },
      )
      .toBe(true);
    return ended!;
  }
  /** A series in the root folder with episodes S01E01–S01E03. */
  async function addSeries(n: number): Promise<Series> {
    const base = newSeries(n);
    const series = await seriesRepo.insert({ ...base, path: join(root, base.title), rootFolderPath: root });
    await episodes.upsertMany(
      series.id,
      [1, 2, 3].map((e) => ({ ...episodeMeta(1, e), monitored: true })),
    );
    return series;
  }

  it('RescanSeries links the episode files already in the folder where they are; a stray name is skipped', async () => {
    const series = await addSeries(901);
    const season = join(series.path, 'Season 01');
    mkdirSync(season, { recursive: true });
    const e1 = join(season, 'Series.0901.S01E01.720p.HDTV.x264-GRP.mkv');
    const e3 = join(season, 'Series.0901.S01E03.1080p.WEB-DL.x264-GRP.mkv');
    const stray = join(season, 'Series.0901.S05E09.720p.HDTV.x264-GRP.mkv');
    for (const f of [e1, e3, stray]) writeFileSync(f, f);
    const inodes = [statSync(e1).ino, statSync(e3).ino];
    expect((await get(`/api/v1/episodefile?seriesId=${series.id}`)).json()).toEqual([]);

    const done = await command('RescanSeries', { seriesId: series.id });
    expect(done.status).toBe('completed');
    expect(done.result).toMatchObject({
      added: expect.arrayContaining([expect.objectContaining({ path: e1 }), expect.objectContaining({ path: e3 })]),
      skipped: [{ path: stray, reason: 'the name does not match an episode of the series' }],
    });
    const files = (await get(`/api/v1/episodefile?seriesId=${series.id}`)).json() as {
      id: number;
      path: string;
      quality: { quality: string };
    }[];
    expect(files.map((f) => [f.path, f.quality.quality]).sort()).toEqual([
      [e1, 'hdtv-720p'],
      [e3, 'webdl-1080p'],
    ]);
    // Linked, not moved or copied.
    expect([statSync(e1).ino, statSync(e3).ino]).toEqual(inodes);
    const eps = (await get(`/api/v1/episode?seriesId=${series.id}`)).json() as {
      episodeNumber: number;
      episodeFileId: number | null;
    }[];
    const fileOf = (n: number) => eps.find((e) => e.episodeNumber === n)?.episodeFileId;
    expect(fileOf(1)).toBe(files.find((f) => f.path === e1)?.id);
    expect(fileOf(2)).toBeNull();
    expect(fileOf(3)).toBe(files.find((f) => f.path === e3)?.id);

    // A second scan finds nothing new.
    const again = await command('RescanSeries', { seriesId: series.id });
    expect(again.result).toMatchObject({ added: [] });
  });

  it('manual import lists a download with the parsed series and episode and imports it (copy keeps the source)', async () => {
    const series = await addSeries(902);
    const folder = join(downloads, 'Series.0902.S01E02.1080p.WEB-DL.x264-GRP');
    const src = join(folder, 'Series.0902.S01E02.1080p.WEB-DL.x264-GRP.mkv');
    mkdirSync(folder, { recursive: true });
    writeFileSync(src, 'manual episode');
    const list = await get(`/api/v1/manualimport?folder=${encodeURIComponent(folder)}`);
    expect(list.statusCode).toBe(200);
    const [item] = list.json();
    expect(item).toMatchObject({
      path: src,
      movie: null,
      series: { id: series.id, title: series.title },
      episodes: [{ seasonNumber: 1, episodeNumber: 2 }],
      quality: { quality: 'webdl-1080p' },
      releaseGroup: 'GRP',
      rejections: [],
    });

    const r = await h.app.http.inject({
      method: 'POST',
      url: '/api/v1/manualimport',
      headers: h.authHeaders(),
      payload: {
        importMode: 'copy',
        files: [{ path: src, seriesId: series.id, episodeIds: [item.episodes[0].id] }],
      },
    });
    expect(r.statusCode).toBe(200);
    const [outcome] = r.json();
    expect(outcome).toMatchObject({ imported: true, mode: 'copy', rejections: [] });
    expect(existsSync(src)).toBe(true);
    expect(outcome.destination.startsWith(`${series.path}/`)).toBe(true);
    expect(existsSync(outcome.destination)).toBe(true);
    const files = (await get(`/api/v1/episodefile?seriesId=${series.id}`)).json();
    expect(files).toEqual([expect.objectContaining({ id: outcome.fileId, path: outcome.destination })]);
    const episode = (await get(`/api/v1/episode/${item.episodes[0].id}`)).json();
    expect(episode.episodeFileId).toBe(outcome.fileId);

    // Importing the same file again is refused: the episode already has it.
    const twice = await get(`/api/v1/manualimport?folder=${encodeURIComponent(folder)}`);
    expect(twice.json()[0].rejections).not.toEqual([]);
  });

  it('RecycleBinCleanup deletes entries older than the configured days and keeps newer ones', async () => {
    const old = join(recycle, 'Old Show', 'Season 01', 'old.mkv');
    const oldSibling = join(recycle, 'Mixed Show', 'old.srt');
    const fresh = join(recycle, 'Mixed Show', 'fresh.mkv');
    const edge = join(recycle, 'Edge Show', 'six-days.mkv');
    for (const f of [old, oldSibling, fresh, edge]) {
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, f);
    }
    const age = (f: string, days: number) => {
      const t = new Date(Date.now() - days * DAY);
      utimesSync(f, t, t);
    };
    age(old, 30);
    age(oldSibling, 8);
    age(edge, 6);

    const done = await command('RecycleBinCleanup', {});
    expect(done.status).toBe('completed');
    expect(done.result).toEqual({ deleted: 2 });
    expect([old, oldSibling, fresh, edge].map(existsSync)).toEqual([false, false, true, true]);
    // Folders the cleanup emptied go too; the recycle bin itself stays.
    expect(existsSync(join(recycle, 'Old Show'))).toBe(false);
    expect(existsSync(join(recycle, 'Mixed Show'))).toBe(true);
    expect(existsSync(recycle)).toBe(true);
  });
});
