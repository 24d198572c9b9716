import { describe, expect, it } from 'vitest';
import { parseReleaseGroup, parseReleaseHash } from './release-group-parser.js';

describe('parseReleaseGroup', () => {
  it.each([
    ['Show.S01E01.720p.HDTV.x264-GRP', 'GRP'],
    ['Show.S01E01.720p.HDTV.x264-GRP.mkv', 'GRP'],
    ['Show.S01E01.720p.WEB-DL.H.264-Two-Part', 'Two-Part'],
    ['Film.2019.1080p.BluRay.DTS.x264.-AB-CD.mkv', 'AB-CD'],
    ['Show.S01E01.1080p.WEB.H264.Name-XY', 'Name-XY'],
    ['Film.2019.1080p.BluRay.x264-GRP-Obfuscated', 'GRP'],
    ['Film.2019.1080p.BluRay.x264-GRP-RP-RP', 'GRP'],
    ['Film.2019.1080p.BluRay.x264-GRP-postbot', 'GRP'],
    ['Show S01E01 HDTV x264-GRP [eztv]-[rarbg.com]', 'GRP'],
    ['Show.S01E01.HDTV.XviD-GRP[www.example.com]', 'GRP'],
    ['Show.S01E01.1080p.WEB.h264-GRP[eztv.re]', 'GRP'],
    ['Show.S01E01.1080p.WEB.h264-GRP[TGx]', 'GRP'],
    ['[Sub Group] Show - 01 [1080p][ABCDEF12].mkv', 'Sub Group'],
    ['[ www.site.com ] - Show.S01E01.720p.HDTV.x264-GRP', 'GRP'],
    ['Film (2001) (1080p BluRay x265 HEVC 10bit AAC 5.1 Encoder)', 'Encoder'],
    ['Film (2001) (1080p BluRay x265 HEVC 10bit AAC 5.1 Encoder) [Team]', 'Team'],
    ['Film (2001) [BluRay] [1080p] [Team.XY]', 'Team.XY'],
    ['Film 2001 [Team] [Blu-ray][h264][1080p][Softsubs (Team)]', 'Team'],
    ['Show.S01E01.1080p.WEB.H264-GRP (Show Alt Title, Multi-Subs)', 'GRP'],
    ['Film.2010.1080p.BluRay.x264 - Crew', 'Crew'],
    ['Film Title (2020) 1080p BluRay AVC Crew', 'Crew'],
    ['Show.S01E01.720p.WEBRip.x264-GRP English', 'GRP'],
    ['Show.S01E01.1080p.WEB.H264.ENC.Crew', 'Crew'],
  ])('%s -> %s', (title, group) => {
    expect(parseReleaseGroup(title)).toBe(group);
  });

  it.each([
    'Show S01E01 Episode Title',
    'Show.S01E01.720p.WEB-DL.DD5.1.H.264.mkv',
    'Show - S01E01 - Pilot [HDTV-720p]',
    'Show 2009 S01E14 HDTV XviD GRP',
    'Show - 01 [1080p] [Dual-Audio]',
    'Film Title (2020) 1080p BluRay x264 REMASTERED',
    'Film.2013.1080p.BluRay.REMUX.AVC.DTS-HD.MA.5.1',
    'Film (2015) [BDRemux 1080p AVC EN-ES DTS-HD MA 5.1 Subs]',
    'Film.Name- 2014-06-02 - Some Other Words.mkv',
  ])('%s -> null', (title) => {
    expect(parseReleaseGroup(title)).toBeNull();
  });

  it('stays fast on hostile input', () => {
    for (const title of ['a-'.repeat(5000), '['.repeat(5000), `${' '.repeat(5000)}[x]`, 'x264.'.repeat(3000)]) {
      const start = performance.now();
      parseReleaseGroup(title);
      expect(performance.now() - start).toBeLessThan(100);
    }
  });
});

describe('parseReleaseHash', () => {
  it('returns the last bracketed CRC32', () => {
    expect(parseReleaseHash('[Grp] Show - 01 (1280x720 10bit AAC) [59B3F2EA].mkv')).toBe('59B3F2EA');
    expect(parseReleaseHash('[Grp]_Show_-_06_[848x480](859EEAFA)')).toBe('859EEAFA');
    expect(parseReleaseHash('[Grp] Show - 01 [720p]')).toBe('');
  });
});
