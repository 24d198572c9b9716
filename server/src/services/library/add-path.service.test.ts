import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../lib/errors.js';
import { cleanFolderName, isStrictlyInside, itemFolderName, LibraryPaths } from './add-path.service.js';

describe('folder names', () => {
  it.each([
    ['Fight Club (1999)', 'Fight Club (1999)'],
    ['Star Wars: Episode IV', 'Star Wars - Episode IV'],
    ['10:30', '10-30'],
    ['AC/DC Live', 'AC+DC Live'],
    ['What? "Why" <How> |*', 'What Why How'],
    ['  ...Dots...  ', 'Dots'],
    ['Tab\tand\nnewline', 'Tab and newline'],
    ['..', 'Unknown'],
    ['', 'Unknown'],
  ])('cleans %j to %j', (raw, clean) => {
    expect(cleanFolderName(raw)).toBe(clean);
  });

  it.each([
    ['Fight Club', 1999, 'Fight Club (1999)'],
    ['Unknown Year', 0, 'Unknown Year'],
    ['Doctor Who (2005)', 2005, 'Doctor Who (2005)'],
    ['Mission: Impossible', 1996, 'Mission - Impossible (1996)'],
    ['../../etc', 2000, '+..+etc (2000)'],
  ])('names %j (%i) %j', (title, year, folder) => {
    expect(itemFolderName(title, year)).toBe(folder);
  });
});

describe('isStrictlyInside', () => {
  it.each([
    ['/media/movies', '/media/movies/Fight Club (1999)', true],
    ['/media/movies', '/media/movies/a/b', true],
    ['/media/movies', '/media/movies', false],
    ['/media/movies', '/media/movies/', false],
    ['/media/movies', '/media/movies2/x', false],
    ['/media/movies', '/media/movies/../tv/x', false],
    ['/media/movies', '/media', false],
    ['/media/movies', '/media/movies/..x', true],
  ])('%s contains %s: %s', (parent, child, inside) => {
    expect(isStrictlyInside(parent, child)).toBe(inside);
  });
});

describe('LibraryPaths', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function setup(opts: { writable?: boolean } = {}) {
    const base = mkdtempSync(join(tmpdir(), 'idkarr-paths-'));
    dirs.push(base);
    const root = join(base, 'root');
    mkdirSync(root);
    const paths = new LibraryPaths({
      rootFolders: {
        list: async () => [{ id: 1, path: root }],
        findByPath: async (p) => (p === root ? { id: 1, path: root } : undefined),
      },
      probe: {
        inspect: async () => ({ exists: true, isDirectory: true, writable: opts.writable ?? true }),
        space: async () => null,
        subfolders: async () => [],
      },
    });
    return { base, root, paths };
  }

  it('accepts a known writable root folder (normalised) and names the path otherwise', async () => {
    const { root, paths } = setup();
    expect(await paths.requireRootFolder(`${root}/`)).toBe(root);
    await expect(paths.requireRootFolder('relative/path')).rejects.toThrow('must be an absolute path');
    await expect(paths.requireRootFolder('/not/known')).rejects.toThrow('"/not/known" is not a root folder');
    const ro = setup({ writable: false });
    await expect(ro.paths.requireRootFolder(ro.root)).rejects.toThrow(`root folder "${ro.root}" is not writable`);
    await expect(ro.paths.requireRootFolder(ro.root)).rejects.toBeInstanceOf(ValidationError);
  });

  it('deletes an item folder inside the root, refuses traversal and symlinks out of it', async () => {
    const { base, root, paths } = setup();
    const item = join(root, 'Movie (2000)');
    mkdirSync(item);
    writeFileSync(join(item, 'a.mkv'), 'x');
    expect(await paths.deleteItemFolder(item)).toBe(true);
    expect(existsSync(item)).toBe(false);
    expect(existsSync(root)).toBe(true);
    expect(await paths.deleteItemFolder(item)).toBe(false);

    const outside = join(base, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'keep'), 'x');
    await expect(paths.deleteItemFolder(`${root}/../outside`)).rejects.toThrow('not inside a root folder');
    await expect(paths.deleteItemFolder(root)).rejects.toThrow('not inside a root folder');
    symlinkSync(outside, join(root, 'link'));
    await expect(paths.deleteItemFolder(join(root, 'link'))).rejects.toThrow('outside its root folder');
    expect(existsSync(join(outside, 'keep'))).toBe(true);
  });

  it('keeps the folder name under another root', () => {
    const { paths } = setup();
    expect(paths.underRoot('/new', '/old/Movie (2000)')).toBe('/new/Movie (2000)');
    expect(paths.itemPath('/r', 'A: B', 2001)).toBe('/r/A - B (2001)');
  });
});
