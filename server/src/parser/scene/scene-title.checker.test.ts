import { describe, expect, it } from 'vitest';
import { getSceneTitle, isSceneTitle } from './scene-title.checker.js';

describe('scene titles', () => {
  it('accepts a dotted name with numbering, quality and group', () => {
    expect(isSceneTitle('Show.Name.S02E03.720p.HDTV.x264-GRP', 'tv')).toBe(true);
  });

  it('rejects names with spaces, without a group or without numbering', () => {
    expect(isSceneTitle('Show Name S02E03 720p HDTV x264-GRP', 'tv')).toBe(false);
    expect(isSceneTitle('Show.Name.S02E03.720p.HDTV.x264', 'tv')).toBe(false);
    expect(isSceneTitle('Show.Name.720p.HDTV.x264-GRP', 'tv')).toBe(false);
  });

  it('recovers the scene name from a file or NZB name', () => {
    expect(getSceneTitle('Show.Name.S02E03.720p.HDTV.x264-GRP.nzb', 'tv')).toBe('Show.Name.S02E03.720p.HDTV.x264-GRP');
    expect(getSceneTitle('Show Name - S02E03.mkv', 'tv')).toBeNull();
  });
});
