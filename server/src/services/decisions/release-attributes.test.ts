import { describe, expect, it } from 'vitest';
import type { ReleaseInfo } from '../../providers/ports/indexer.port.js';
import { releaseIndexerFlags, releaseLanguages } from './release-attributes.js';

const base: ReleaseInfo = {
  guid: 'g',
  title: 't',
  downloadUrl: 'http://x/1',
  indexer: 'i',
  indexerId: 1,
  protocol: 'torrent',
  size: 0,
  publishDate: '2025-01-01T00:00:00Z',
  categories: [],
  freeleech: false,
};

describe('releaseIndexerFlags', () => {
  it.each<[Partial<ReleaseInfo>, string[]]>([
    [{}, []],
    [{ freeleech: true }, ['freeleech']],
    [{ downloadVolumeFactor: 0 }, ['freeleech']],
    [{ downloadVolumeFactor: 0.5 }, ['halfleech']],
    [{ downloadVolumeFactor: 0.25 }, ['freeleech75']],
    [{ downloadVolumeFactor: 0.75 }, ['freeleech25']],
    [{ uploadVolumeFactor: 2 }, ['doubleUpload']],
    [{ internal: true, scene: true, nuked: true }, ['internal', 'scene', 'nuked']],
  ])('%j → %j', (over, flags) => {
    expect([...releaseIndexerFlags({ ...base, ...over })]).toEqual(flags);
  });
});

describe('releaseLanguages', () => {
  it.each<[string[], string[] | undefined, string[]]>([
    [['German'], ['French'], ['German']],
    [['Unknown'], ['French', 'english'], ['French', 'English']],
    [[], ['Japanese'], ['Japanese']],
    [['Unknown'], ['Klingon', 'Any', '2'], ['English']],
    [['Unknown'], undefined, ['English']],
  ])('title %j + indexer %j → %j', (parsed, indexer, expected) => {
    expect(releaseLanguages(parsed, { ...base, ...(indexer ? { languages: indexer } : {}) })).toEqual(expected);
  });

  it('keeps the fallback the caller gives when nothing is known', () => {
    expect(releaseLanguages(['Unknown'], base, ['Unknown'])).toEqual(['Unknown']);
  });
});
