// Library import through the composed app on both dialects: POST /movie and POST /series with `path`, an existing
// folder inside a root folder, instead of a new "Root/Title (Year)". The item is filed at that folder, the files
// already in it are linked by the disk scan that follows the add, and bad folders answer 400 (409 when another item
// owns the folder) naming `path`.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { FIXTURES, type LibraryApp, serveTmdb, serveTvdb, startLibraryApp } from './library-api.support.js';

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterAll(() => fake.close());

/** A sparse video file big enough not to count as a sample. */
function video(path: string): void {
  writeFileSync(path, '');
  truncateSync(path, 4 * 1024 ** 3);
}

describe.each(DIALECTS)('library import API (%s)', (dialect) => {
  let lib: LibraryApp;
  beforeEach(async () => {
    serveTmdb(fake);
    serveTvdb(fake);
    lib = await startLibraryApp(dialect, fake);
  });
  afterEach(async () => {
    await lib.close();
    fake.reset();
  });

  const importMovie = (over: Record<string, unknown>) =>
    lib.api('POST', '/movie', { tmdbId: 550, qualityProfileId: lib.profileId, ...over });
  const unmapped = async () =>
    ((await lib.api('GET', '/rootfolder')).json() as { unmappedFolders: { name: string }[] }[])[0]!.unmappedFolders.map(
      (f) => f.name,
    );

  it('files a movie at its existing folder, links the file already there, and leaves it unmoved', async () => {
    const folder = join(lib.root, 'fight club 1999 [remux]');
    mkdirSync(folder);
    const file = join(folder, 'Fight.Club.1999.1080p.BluRay.x264-GRP.mkv');
    video(file);
    expect(await unmapped()).toEqual(['fight club 1999 [remux]']);

    const res = await importMovie({ path: `${folder}/`, monitored: false });
    expect(res.statusCode).toBe(201);
    const movie = res.json();
    expect(movie).toMatchObject({ title: 'Fight Club', path: folder, rootFolderPath: lib.root, monitored: false });
    // No "Fight Club (1999)" folder was made next to it.
    expect(readdirSync(lib.root)).toEqual(['fight club 1999 [remux]']);
    expect(await unmapped()).toEqual([]);

    // The disk scan that follows movie.added links the file where it is.
    await expect
      .poll(async () => (await lib.api('GET', `/moviefile?movieId=${movie.id}`)).json(), { timeout: 15_000 })
      .toEqual([expect.objectContaining({ path: file })]);
    expect(readdirSync(folder)).toEqual(['Fight.Club.1999.1080p.BluRay.x264-GRP.mkv']);
  });

  it('accepts path together with the root folder it is in, and refuses another root folder', async () => {
    const folder = join(lib.root, 'Fight Club (1999)');
    mkdirSync(folder);
    const other = mkdtempSync(join(tmpdir(), 'idkarr-lib-other-'));
    try {
      expect((await lib.api('POST', '/rootfolder', { path: other })).statusCode).toBe(201);
      const wrong = await importMovie({ path: folder, rootFolderPath: other });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toEqual([
        expect.objectContaining({
          field: 'path',
          message: `"${folder}" is inside root folder "${lib.root}", not "${other}"`,
        }),
      ]);
      const ok = await importMovie({ path: folder, rootFolderPath: lib.root });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ path: folder, rootFolderPath: lib.root });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('answers 400 naming path for relative, outside, missing, non-folder and linked-out paths', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'idkarr-lib-outside-'));
    try {
      writeFileSync(join(lib.root, 'a-file.mkv'), 'x');
      symlinkSync(outside, join(lib.root, 'link-out'));
      const cases: Array<[string, RegExp]> = [
        [relative('/', join(lib.root, 'x')), /must be an absolute path/],
        [outside, /is not inside a root folder/],
        [lib.root, /is not inside a root folder/],
        [join(lib.root, 'nope'), /does not exist/],
        [join(lib.root, 'a-file.mkv'), /is not a folder/],
        [join(lib.root, 'link-out'), /outside its root folder/],
        [`${lib.root}/../elsewhere`, /is not inside a root folder/],
      ];
      for (const [path, message] of cases) {
        const res = await importMovie({ path });
        expect(res.statusCode, path).toBe(400);
        expect(res.json().errors, path).toEqual([expect.objectContaining({ field: 'path' })]);
        expect(res.json().detail, path).toMatch(message);
      }
      const neither = await importMovie({});
      expect(neither.statusCode).toBe(400);
      expect(neither.json().errors[0].field).toBe('rootFolderPath');
      // Nothing reached TMDB and nothing was added.
      expect(fake.requestsTo('/3/movie/550')).toHaveLength(0);
      expect((await lib.api('GET', '/movie')).json()).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('files a series at its existing folder and links its episode files; a folder in use answers 409', async () => {
    const folder = join(lib.root, 'Day Break');
    mkdirSync(join(folder, 'Season 1'), { recursive: true });
    const file = join(folder, 'Season 1', 'Day.Break.S01E01.720p.HDTV.x264-GRP.mkv');
    video(file);
    const res = await lib.api('POST', '/series', {
      tvdbId: 79509,
      qualityProfileId: lib.profileId,
      path: folder,
      addOptions: { monitor: 'all' },
    });
    expect(res.statusCode).toBe(201);
    const series = res.json();
    expect(series).toMatchObject({ title: 'Day Break', path: folder, rootFolderPath: lib.root });
    expect(readdirSync(lib.root)).toEqual(['Day Break']);
    await expect
      .poll(async () => (await lib.api('GET', `/episodefile?seriesId=${series.id}`)).json(), { timeout: 15_000 })
      .toEqual([expect.objectContaining({ path: file })]);

    // The same folder for a movie: 409 naming the series that owns it.
    const taken = await importMovie({ path: folder });
    expect(taken.statusCode).toBe(409);
    const message = `"${folder}" is already the folder of series "Day Break" (${series.id})`;
    expect(taken.json()).toMatchObject({ detail: message, errors: [{ field: 'path', message }] });
  });

  it('answers 409 naming the movie that already owns the folder', async () => {
    const folder = join(lib.root, 'Fight Club (1999)');
    mkdirSync(folder);
    const first = (await importMovie({ path: folder })).json();
    const again = await lib.api('POST', '/series', { tvdbId: 79509, qualityProfileId: lib.profileId, path: folder });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([
      expect.objectContaining({
        field: 'path',
        message: `"${folder}" is already the folder of movie "Fight Club" (${first.id})`,
      }),
    ]);
    expect((await lib.api('GET', '/series')).json()).toEqual([]);

    // Nor a folder inside it, nor one that holds it.
    mkdirSync(join(folder, 'Extras'));
    const inside = await lib.api('POST', '/series', {
      tvdbId: 79509,
      qualityProfileId: lib.profileId,
      path: join(folder, 'Extras'),
    });
    expect(inside.statusCode).toBe(409);
    expect(inside.json().errors[0]).toMatchObject({
      field: 'path',
      message: expect.stringContaining(`inside "${folder}"`),
    });
  });
});
