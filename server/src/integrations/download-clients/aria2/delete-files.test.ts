import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { candidatePaths, deleteDownloadFiles } from './delete-files.js';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'idkarr-aria2-del-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const touch = (path: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
};

describe('deleteDownloadFiles', () => {
  it('deletes listed files, the control file and emptied folders inside dir, never dir itself', async () => {
    const dir = join(base, 'downloads', 'tv');
    const files = [join(dir, 'Show', 'Season 1', 'e1.mkv'), join(dir, 'Show', 'e.nfo')];
    for (const f of files) touch(f);
    touch(join(dir, 'Show.aria2'));
    touch(join(dir, 'other.mkv'));
    const r = await deleteDownloadFiles({
      gid: '1',
      status: 'complete',
      dir,
      bittorrent: { info: { name: 'Show' } },
      files: files.map((path) => ({ path })),
    });
    expect(r.deleted).toHaveLength(3);
    expect(existsSync(join(dir, 'Show'))).toBe(false);
    expect(existsSync(join(dir, 'other.mkv'))).toBe(true);
    expect(existsSync(dir)).toBe(true);
  });

  it('refuses paths outside dir: "..", absolute elsewhere, and a symlinked folder leading out', async () => {
    const dir = join(base, 'downloads');
    const outside = join(base, 'library');
    touch(join(outside, 'movie.mkv'));
    mkdirSync(dir, { recursive: true });
    symlinkSync(outside, join(dir, 'link'));
    const r = await deleteDownloadFiles({
      gid: '1',
      status: 'complete',
      dir,
      files: [
        join(dir, '..', 'library', 'movie.mkv'),
        join(outside, 'movie.mkv'),
        join(dir, 'link', 'movie.mkv'),
        dir,
      ].map((path) => ({ path })),
    });
    expect(r.deleted).toEqual([]);
    expect(existsSync(join(outside, 'movie.mkv'))).toBe(true);
    expect(existsSync(dir)).toBe(true);
  });

  it('does nothing without a usable dir, and skips empty metadata paths', async () => {
    expect(await deleteDownloadFiles({ gid: '1', status: 'complete' })).toEqual({ deleted: [], skipped: [] });
    expect(
      candidatePaths({
        gid: '1',
        status: 'active',
        dir: '/d',
        files: [{ path: '' }],
      }),
    ).toEqual([]);
  });
});
