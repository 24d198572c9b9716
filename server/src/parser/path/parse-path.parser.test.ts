import { describe, expect, it } from 'vitest';
import { parsePath } from './parse-path.parser.js';

describe('parsePath', () => {
  it('parses the file name when it carries the numbering', () => {
    expect(parsePath('/tv/Show/Season 1/Show.S01E02.720p.mkv')).toMatchObject({
      seriesTitle: 'Show',
      seasonNumber: 1,
      episodeNumbers: [2],
    });
  });

  it('takes the season from a season folder for numbered files', () => {
    expect(parsePath('/tv/Show/Season 3/04 - The Title.mkv')).toMatchObject({ seasonNumber: 3, episodeNumbers: [4] });
  });

  it('falls back to the release folder for hashed file names', () => {
    const r = parsePath('/dl/Show.Name.S02E05.1080p.WEB-DL-GRP/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b.mkv');
    expect(r).toMatchObject({ seriesTitle: 'Show Name', seasonNumber: 2, episodeNumbers: [5] });
  });

  it('reads reversed file names', () => {
    expect(parsePath('/dl/x/20E10S.emaN.wohS.mkv')).toMatchObject({
      seriesTitle: 'Show Name',
      seasonNumber: 1,
      episodeNumbers: [2],
    });
  });

  it('returns null when nothing in the path is an episode', () => {
    expect(parsePath('/dl/random/file.mkv')).toBeNull();
    expect(parsePath('')).toBeNull();
  });
});
