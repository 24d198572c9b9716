// Behaviour of the TV parser on titles written for these tests (not taken from the shared fixtures).
import { describe, expect, it } from 'vitest';
import { parseEpisodeTitle } from './episode-title.parser.js';
import { normalizeEpisodeTitle, parseSeriesName } from './series-name.parser.js';

const NOW = new Date(2025, 5, 15);
const parse = (t: string) => parseEpisodeTitle(t, { now: NOW });

describe('parseEpisodeTitle', () => {
  it.each([
    ['The.Office.US.S05E12.720p.WEB-DL.DD5.1.H.264-NTb', 'The Office US', 5, [12]],
    ['Doctor.Who.2005.S13E01.1080p.HDTV.x264-GRP', 'Doctor Who 2005', 13, [1]],
    ['Breaking Bad - 5x14 - Ozymandias.mkv', 'Breaking Bad', 5, [14]],
    ['Show.Name.S01E01E02E03.720p', 'Show Name', 1, [1, 2, 3]],
    ['Show Name 1x01-1x02', 'Show Name', 1, [1, 2]],
    ['Some Show Season 3 Episode 7 720p', 'Some Show', 3, [7]],
    ['Planet.Earth.II.Part.3.1080p', 'Planet Earth II', 1, [3]],
    ['Show.Name.E05.720p.HDTV', 'Show Name', 1, [5]],
    ['Show.Name.212.hdtv-grp', 'Show Name', 2, [12]],
    ['9-1-1.S05E01.720p', '9-1-1', 5, [1]],
  ])('%s', (title, series, season, episodes) => {
    const r = parse(title);
    expect(r).not.toBeNull();
    expect(r!.seriesTitle).toBe(series);
    expect(r!.seasonNumber).toBe(season);
    expect(r!.episodeNumbers).toEqual(episodes);
    expect(r!.fullSeason).toBe(false);
  });

  it('reads air dates of daily shows and rejects future, ancient and ambiguous ones', () => {
    expect(parse('Jeopardy.2023.11.20.720p.HDTV.x264-NTb')).toMatchObject({
      seriesTitle: 'Jeopardy',
      airDate: '2023-11-20',
    });
    expect(parse('Talk Show 25-12-2024 720p')?.airDate).toBe('2024-12-25');
    expect(parse('Talk Show 2025 06 20 720p')).toBeNull();
    expect(parse('Talk Show 1949 06 20 720p')).toBeNull();
    expect(parse('Talk.Show.05.06.2024.720p')).toBeNull();
  });

  it('reads anime absolute numbers, ranges, CRC and group', () => {
    const r = parse('[SubGroup] Some Anime - 12 (1080p) [ABCD1234].mkv');
    expect(r).toMatchObject({
      seriesTitle: 'Some Anime',
      seasonNumber: 0,
      absoluteEpisodeNumbers: [12],
      releaseGroup: 'SubGroup',
      releaseHash: 'ABCD1234',
    });
    expect(parse('[SubGroup] Some Anime - 01~03 [1080p]')?.absoluteEpisodeNumbers).toEqual([1, 2, 3]);
    expect(parse('[SubGroup] Some Anime - 06.5 [1080p]')?.specialAbsoluteEpisodeNumbers).toEqual([6.5]);
  });

  it('reads season packs, multi-season and partial seasons', () => {
    expect(parse('The Show S02 1080p WEB-DL')).toMatchObject({
      seriesTitle: 'The Show',
      seasonNumber: 2,
      fullSeason: true,
    });
    expect(parse('The.Show.S01-S03.1080p.BluRay')).toMatchObject({ multiSeason: true, seasonNumber: 1 });
    expect(parse('The Show S04 Vol 2 1080p')).toMatchObject({ partialSeason: true, seasonPart: 2, fullSeason: false });
    expect(parse('The.Show.S05.Special.HDTV.x264-GRP')?.possibleSpecialEpisode).toBe(true);
    expect(parse('The.Show.S05.HDTV.x264-GRP')?.possibleSpecialEpisode).toBe(false);
  });

  it('splits a title year and alternative titles', () => {
    expect(parse('Show Name (2019) S01E01')?.seriesTitleInfo).toMatchObject({
      titleWithoutYear: 'Show Name',
      year: 2019,
    });
    expect(parse('Имя / Show Name / S01E02 1080p')?.seriesTitleInfo.allTitles).toEqual(['Имя', 'Show Name']);
  });

  it('rejects titles without numbering and obfuscated names', () => {
    for (const t of [
      'The.Movie.2019.1080p.BluRay.x264-GRP',
      'a1B2c3D4e5F6g7H8i9J0kLmN',
      'd41d8cd98f00b204e9800998ecf8427e',
      '',
      'Just A Name',
    ]) {
      expect(parse(t)).toBeNull();
    }
  });

  it('never throws and stays fast on hostile input', () => {
    const hostile = [
      '-'.repeat(5000),
      'S1'.repeat(3000),
      '[('.repeat(2000),
      `${'1x'.repeat(2000)}1`,
      '第'.repeat(3000),
      '\u0000\uFFFF',
    ];
    for (const t of hostile) {
      const start = performance.now();
      expect(() => parseEpisodeTitle(t)).not.toThrow();
      expect(performance.now() - start).toBeLessThan(50);
    }
    expect(parseEpisodeTitle(undefined as unknown as string)).toBeNull();
  });
});

describe('series names and episode titles', () => {
  it('parseSeriesName falls back to the title itself', () => {
    expect(parseSeriesName('Show.Name.S01E01.720p')).toBe('Show Name');
    expect(parseSeriesName('Just A Name')).toBe('Just A Name');
  });

  it('normalizeEpisodeTitle keeps only the episode-title words', () => {
    expect(normalizeEpisodeTitle('The Big  Day (2)')).toBe('the big day');
    expect(normalizeEpisodeTitle('Show.S02E03.The.Big.Day.1080p.WEB-DL-GRP')).toBe('the big day');
  });
});
