// Sample detection and extra-file matching as tables.
import { describe, expect, it } from 'vitest';
import { extrasFor, languageCode, sampleReason, sampleSizeLimit } from './file-discovery.js';
import { DEFAULT_IMPORT_SETTINGS } from './import.types.js';
import { isInside } from './path-guard.js';

const MB = 1024 * 1024;

describe('sampleReason', () => {
  it.each([
    ['by name', { relativePath: 'Movie.2010.1080p-GRP/sample.mkv', size: 900 * MB }, /by its name/],
    ['by name suffix', { relativePath: 'x/movie-sample.mkv', size: 900 * MB }, /by its name/],
    ['in a Sample folder', { relativePath: 'x/Sample/movie.mkv', size: 900 * MB }, /Sample folder/],
    ['small for 1080p', { relativePath: 'x/movie.mkv', size: 50 * MB, resolution: 1080 }, /below/],
    ['probed short', { relativePath: 'x/movie.mkv', size: 900 * MB, probedSeconds: 60 }, /runs 60 s/],
  ])('%s', (_name, over, reason) => {
    expect(sampleReason({ resolution: 720, runtimeMinutes: 100, probedSeconds: null, ...over })).toMatch(reason);
  });

  it.each([
    ['a real 1080p movie', { relativePath: 'x/Movie.2010.1080p.mkv', size: 4000 * MB, resolution: 1080 }],
    ['a 22-minute SD episode of 150 MB', { relativePath: 'x/Show.S01E01.mkv', size: 150 * MB, runtimeMinutes: 22 }],
    ['probed full length beats a small size', { relativePath: 'x/m.mkv', size: 10 * MB, probedSeconds: 5400 }],
    ['"Sampler" in a title is not a sample', { relativePath: 'x/The.Sampler.2010.mkv', size: 4000 * MB }],
  ])('%s is not a sample', (_name, over) => {
    expect(sampleReason({ resolution: 480, runtimeMinutes: 100, probedSeconds: null, ...over })).toBeNull();
  });

  it('scales the size limit by runtime, within bounds', () => {
    expect(sampleSizeLimit(480, 60)).toBe(40 * MB);
    expect(sampleSizeLimit(480, 22)).toBe(Math.round(40 * MB * (22 / 60)));
    expect(sampleSizeLimit(480, 5)).toBe(10 * MB);
    expect(sampleSizeLimit(2160, 0)).toBe(250 * MB);
  });
});

describe('extrasFor', () => {
  const video = {
    path: '/d/Movie.2010.1080p-GRP/Movie.2010.1080p-GRP.mkv',
    relativePath: 'm.mkv',
    size: 1,
    isSymbolicLink: false,
  };
  const f = (path: string) => ({ path, relativePath: path, size: 1, isSymbolicLink: false });
  it('takes subtitles with their language and tags, the .nfo only when enabled, nothing from other folders', () => {
    const others = [
      f('/d/Movie.2010.1080p-GRP/Movie.2010.1080p-GRP.en.forced.srt'),
      f('/d/Movie.2010.1080p-GRP/Subs/2_English.srt'),
      f('/d/Movie.2010.1080p-GRP/Movie.2010.1080p-GRP.nfo'),
      f('/d/Other/other.srt'),
      f('/d/Movie.2010.1080p-GRP/readme.txt'),
    ];
    const got = extrasFor(video, others, 1, DEFAULT_IMPORT_SETTINGS);
    expect(got.map((x) => x.suffix)).toEqual(['.en.forced.srt', '.srt']);
    const withNfo = extrasFor(video, others, 1, { ...DEFAULT_IMPORT_SETTINGS, importNfo: true });
    expect(withNfo.map((x) => x.suffix)).toContain('.nfo');
    expect(extrasFor(video, others, 1, { ...DEFAULT_IMPORT_SETTINGS, importExtraFiles: false })).toEqual([]);
  });
  it('maps parser language names to codes', () => {
    expect(languageCode('English')).toBe('en');
    expect(languageCode('Portuguese (Brazil)')).toBe('pt-BR');
    expect(languageCode('Unknown')).toBeNull();
  });
});

describe('isInside', () => {
  it.each([
    ['/data/tv/show', '/data/tv', true],
    ['/data/tv', '/data/tv', true],
    ['/data/tvshows/x', '/data/tv', false],
    ['/etc/passwd', '/data', false],
  ])('%s in %s = %s', (path, root, expected) => {
    expect(isInside(path, root)).toBe(expected);
  });
});
