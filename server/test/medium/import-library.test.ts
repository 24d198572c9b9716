// The import APIs through the composed app on both dialects: adding a movie whose folder already holds a file
// links it without moving it (movie.added → disk scan), GET /rename lists the pending rename and the RenameFiles
// command applies it (same inode, `fileRenamed` history), manual import lists and imports a download folder
// (copy keeps the source), refuses folders outside the configured ones, hardlink preflight, file deletion.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { NamingConfigRepository } from '../../src/db/repositories/naming-config.repository.js';
import { RootFolderRepository } from '../../src/db/repositories/root-folder.repository.js';
import type { Movie } from '../../src/domain/library/movie.types.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { DIALECTS } from '../support/databases.js';
import { newMovie } from '../support/library-factories.js';

async function until<T>(fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(DIALECTS)('import APIs (%s)', (dialect) => {
  let h: AppHarness;
  let dir: string;
  let root: string;
  let downloads: string;
  let movies: MovieRepository;

  beforeAll(async () => {
    h = await startApp(dialect);
    await h.app.startBackground();
    dir = mkdtempSync(join(tmpdir(), 'idkarr-import-api-'));
    root = join(dir, 'movies');
    downloads = join(dir, 'downloads');
    mkdirSync(root, { recursive: true });
    mkdirSync(downloads, { recursive: true });
    const db = h.app.database.db;
    movies = new MovieRepository(db);
    await new RootFolderRepository(db).insert(root);
    const naming = new NamingConfigRepository(db);
    const config = await naming.get();
    await naming.save({ movie: { ...config.movie, renameMovies: true } }, new Date());
    const put = await h.app.http.inject({
      method: 'PUT',
      url: '/api/v1/config/mediamanagement',
      headers: h.authHeaders(),
      payload: {
        copyUsingHardlinks: true,
        importExtraFiles: true,
        importNfo: false,
        extraFileExtensions: ['srt'],
        recycleBin: '',
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
    return until(async () => {
      const c = (await get(`/api/v1/command/${id}`)).json();
      return c.status === 'completed' || c.status === 'failed' ? c : undefined;
    });
  }
  async function addMovie(n: number): Promise<Movie> {
    const base = newMovie(n);
    return movies.insert({ ...base, path: join(root, `${base.title} (${base.year})`), rootFolderPath: root });
  }

  it('links files already in the folder on add (no move), then renames them with RenameFiles', async () => {
    const base = newMovie(801);
    const folder = join(root, `${base.title} (${base.year})`);
    const existing = join(folder, 'movie.0801.2001.720p.WEB-DL-GRP.mkv');
    mkdirSync(folder, { recursive: true });
    writeFileSync(existing, 'already here');
    const ino = statSync(existing).ino;
    const movie = await movies.insert({ ...base, path: folder, rootFolderPath: root });
    h.app.events.emit('movie.added', { movie });
    const files = await until(async () => {
      const r = (await get(`/api/v1/moviefile?movieId=${movie.id}`)).json();
      return r.length ? r : undefined;
    });
    expect(files[0].path).toBe(existing);
    expect(files[0].quality.quality).toBe('webdl-720p');
    expect(statSync(existing).ino).toBe(ino);

    const pending = (await get(`/api/v1/rename?movieId=${movie.id}`)).json();
    expect(pending).toHaveLength(1);
    expect(pending[0].existingPath).toBe('movie.0801.2001.720p.WEB-DL-GRP.mkv');
    expect(pending[0].newPath).toMatch(/^Movie 0801 \(2001\).*\.mkv$/);
    expect((await get('/api/v1/rename')).statusCode).toBe(400);

    const done = await command('RenameFiles', { movieId: movie.id });
    expect(done.status).toBe('completed');
    const renamed = join(folder, pending[0].newPath);
    expect(existsSync(existing)).toBe(false);
    expect(statSync(renamed).ino).toBe(ino);
    expect((await get(`/api/v1/moviefile?movieId=${movie.id}`)).json()[0].path).toBe(renamed);
    expect((await get(`/api/v1/rename?movieId=${movie.id}`)).json()).toEqual([]);
    const history = (await get(`/api/v1/history?movieId=${movie.id}&eventType=fileRenamed`)).json();
    expect(history.records[0].data.sourcePath).toBe(existing);

    // Missing file on rescan: the row goes, with `fileDeleted` (missing).
    rmSync(renamed);
    expect((await command('RescanMovie', { movieId: movie.id })).status).toBe('completed');
    expect((await get(`/api/v1/moviefile?movieId=${movie.id}`)).json()).toEqual([]);
    const deleted = (await get(`/api/v1/history?movieId=${movie.id}&eventType=fileDeleted`)).json();
    expect(deleted.records[0].data.reason).toBe('missing');
  });

  it('manual import lists a folder with the parsed movie and imports it (copy keeps the source)', async () => {
    const movie = await addMovie(802);
    const folder = join(downloads, 'Movie.0802.2002.1080p.BluRay.x264-GRP');
    const src = join(folder, 'Movie.0802.2002.1080p.BluRay.x264-GRP.mkv');
    mkdirSync(folder, { recursive: true });
    writeFileSync(src, 'manual');
    writeFileSync(join(folder, 'Movie.0802.2002.1080p.BluRay.x264-GRP.eng.srt'), 'sub');
    const list = await get(`/api/v1/manualimport?folder=${encodeURIComponent(folder)}`);
    expect(list.statusCode).toBe(200);
    const [item] = list.json();
    expect(item.movie).toMatchObject({ id: movie.id, title: movie.title });
    expect(item.quality.quality).toBe('bluray-1080p');
    expect(item.rejections).toEqual([]);
    expect(item.extras[0].suffix).toBe('.en.srt');

    const refused = await get(`/api/v1/manualimport?folder=${encodeURIComponent('/etc')}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/outside the configured folders/);

    const r = await h.app.http.inject({
      method: 'POST',
      url: '/api/v1/manualimport',
      headers: h.authHeaders(),
      payload: { importMode: 'copy', files: [{ path: src, movieId: movie.id }] },
    });
    expect(r.statusCode).toBe(200);
    const [outcome] = r.json();
    expect(outcome).toMatchObject({ imported: true, mode: 'copy' });
    expect(existsSync(src)).toBe(true);
    expect(existsSync(outcome.destination)).toBe(true);
    expect(existsSync(outcome.destination.replace(/\.mkv$/, '.en.srt'))).toBe(true);

    const del = await h.app.http.inject({
      method: 'DELETE',
      url: `/api/v1/moviefile/${outcome.fileId}`,
      headers: h.authHeaders(),
    });
    expect(del.statusCode).toBe(204);
    expect(existsSync(outcome.destination)).toBe(false);
    expect((await movies.get(movie.id))?.movieFileId).toBeNull();
  });

  it('hardlink preflight and media management settings', async () => {
    const r = await get(`/api/v1/rootfolder/hardlink-check?downloadPath=${encodeURIComponent(downloads)}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual([expect.objectContaining({ rootFolderPath: root, hardlinks: true })]);
    const bad = await h.app.http.inject({
      method: 'PUT',
      url: '/api/v1/config/mediamanagement',
      headers: h.authHeaders(),
      payload: {
        ...(await get('/api/v1/config/mediamanagement')).json<Record<string, unknown>>(),
        recycleBin: 'relative/../x',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect((await get('/api/v1/blocklist')).json()).toMatchObject({ totalRecords: 0 });
  });
});
