import { describe, expect, it } from 'vitest';
import { parseEpisodeTitle, parseMovieTitle, parseQuality } from './index.js';
import { MAX_INPUT_CHARS } from './input-limit.js';

describe('input limit', () => {
  const junk = 'S01E01-'.repeat(2000);

  it('refuses names longer than any real release or file name', () => {
    expect(junk.length).toBeGreaterThan(MAX_INPUT_CHARS);
    expect(parseEpisodeTitle(junk)).toBeNull();
    expect(parseMovieTitle(`${'Movie.'.repeat(300)}2010.1080p.BluRay.x264-GRP`)).toBeNull();
  });

  it('still parses a real title up to the limit', () => {
    const title = 'Show.Name.S01E02.1080p.WEB-DL.x264-GRP';
    expect(parseEpisodeTitle(title)?.episodeNumbers).toEqual([2]);
    expect(parseMovieTitle('Fight.Club.1999.1080p.BluRay.x264-GRP')?.year).toBe(1999);
  });

  it('reads the quality from the tail of a long path, where the file name is', () => {
    const path = `/${'deep/'.repeat(400)}Fight.Club.1999.1080p.BluRay.x264-GRP.mkv`;
    expect(path.length).toBeGreaterThan(MAX_INPUT_CHARS);
    expect(parseQuality(path).qualityId).toBe(parseQuality('Fight.Club.1999.1080p.BluRay.x264-GRP.mkv').qualityId);
    expect(parseQuality(path).resolution).toBe(1080);
  });
});
