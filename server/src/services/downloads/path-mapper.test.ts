import { describe, expect, it } from 'vitest';
import { isWithinRoots, normalisePath, PathMapper } from './path-mapper.js';

const mapper = new PathMapper([
  { host: 'nas', remotePath: '/downloads', localPath: '/mnt/nas/downloads' },
  { host: 'nas', remotePath: '/downloads/tv/', localPath: '/srv/tv-dl' },
  { host: 'SeedBox', remotePath: '/home/user/files/', localPath: '/data/seedbox/' },
  { host: 'win', remotePath: 'D:\\Downloads', localPath: '/mnt/win-dl' },
]);

describe('normalisePath', () => {
  it.each([
    ['/downloads', '/downloads/'],
    ['/downloads/', '/downloads/'],
    ['/a//b/../c', '/a/c/'],
    [' /x ', '/x/'],
    ['D:\\Downloads', 'D:\\Downloads\\'],
    ['D:/Downloads/', 'D:\\Downloads\\'],
  ])('%s → %s', (input, out) => expect(normalisePath(input)).toBe(out));
});

describe('PathMapper.toLocal', () => {
  it.each([
    ['nas', '/downloads/Movie.2020/', '/mnt/nas/downloads/Movie.2020/'],
    ['nas', '/downloads/Movie.2020', '/mnt/nas/downloads/Movie.2020'],
    ['nas', '/downloads', '/mnt/nas/downloads'],
    ['NAS', '/downloads/a/b.mkv', '/mnt/nas/downloads/a/b.mkv'],
    // the longest mapping wins
    ['nas', '/downloads/tv/Show.S01E01', '/srv/tv-dl/Show.S01E01'],
    // a prefix that is not a path component does not match
    ['nas', '/downloads-old/x', '/downloads-old/x'],
    // another host's mapping does not apply
    ['other', '/downloads/x', '/downloads/x'],
    ['seedbox', '/home/user/files/Some.Movie', '/data/seedbox/Some.Movie'],
    ['win', 'D:\\Downloads\\Movie\\file.mkv', '/mnt/win-dl/Movie/file.mkv'],
    ['win', 'd:\\downloads\\Movie', '/mnt/win-dl/Movie'],
    // unmapped paths are normalised but not moved
    ['nas', '/x/../downloads2/y', '/downloads2/y'],
  ])('%s %s → %s', (host, remote, local) => expect(mapper.toLocal(host, remote)).toBe(local));

  it('maps back to the remote path', () => {
    expect(mapper.toRemote('nas', '/mnt/nas/downloads/Movie')).toBe('/downloads/Movie');
    expect(mapper.toRemote('win', '/mnt/win-dl/Movie')).toBe('D:\\Downloads\\Movie');
    expect(mapper.toRemote('other', '/mnt/nas/downloads/Movie')).toBe('/mnt/nas/downloads/Movie');
  });
});

describe('isWithinRoots', () => {
  it.each([
    ['/mnt/nas/downloads/Movie', true],
    ['/mnt/nas/downloads', true],
    ['/mnt/nas/downloads-other/x', false],
    ['/mnt/nas/downloads/../../etc/passwd', false],
    ['relative/path', false],
    ['/etc/passwd', false],
  ])('%s → %s', (p, ok) => expect(isWithinRoots(p, ['/mnt/nas/downloads/', '/srv/tv-dl'])).toBe(ok));
});
