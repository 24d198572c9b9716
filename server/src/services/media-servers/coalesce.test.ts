import { describe, expect, it } from 'vitest';
import { containingFolder, foldersToRescan, minimalFolders } from './coalesce.js';

describe('containingFolder', () => {
  it.each([
    ['/data/tv/Show/Season 01/Show - S01E01.mkv', '/data/tv/Show/Season 01'],
    ['/data/tv/Show/', '/data/tv'],
    ['/data/tv//Show', '/data/tv'],
    ['/file.mkv', '/'],
    ['/', '/'],
    ['D:\\Media\\Movies\\Film (2020)\\film.mkv', 'D:\\Media\\Movies\\Film (2020)'],
    ['D:\\film.mkv', 'D:\\'],
  ])('%s → %s', (path, folder) => {
    expect(containingFolder(path)).toBe(folder);
  });
});

describe('minimalFolders / foldersToRescan', () => {
  it('drops duplicates and folders inside another folder of the set', () => {
    expect(minimalFolders(['/tv/Show/Season 1', '/tv/Show', '/tv/Show/Season 2', '/tv/Show', '/tv/Other'])).toEqual([
      '/tv/Other',
      '/tv/Show',
    ]);
  });

  it('compares whole segments: /tv/Show is not inside /tv/Sho', () => {
    expect(minimalFolders(['/tv/Sho', '/tv/Show'])).toEqual(['/tv/Sho', '/tv/Show']);
  });

  it('turns many files of a season pack into one folder', () => {
    const files = Array.from(
      { length: 10 },
      (_, i) => `/tv/Show/Season 01/Show - S01E${String(i + 1).padStart(2, '0')}.mkv`,
    );
    expect(foldersToRescan([...files, '/movies/Film (2020)/Film.mkv'])).toEqual([
      '/movies/Film (2020)',
      '/tv/Show/Season 01',
    ]);
  });

  it('ignores empty entries', () => {
    expect(foldersToRescan(['', '  '])).toEqual([]);
  });
});
