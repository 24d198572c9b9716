import { describe, expect, it } from 'vitest';
import { parseQuality, qualityFor, qualityNameFor, splitExtension } from './quality-parser.js';

const sonarr = (t: string) => qualityNameFor(parseQuality(t), 'Sonarr');
const radarr = (t: string) => qualityNameFor(parseQuality(t), 'Radarr');

describe('parseQuality', () => {
  it.each([
    ['The.Series.S01E01.720p.HDTV.x264-GRP', 'HDTV-720p'],
    ['The.Series.S01E01.HDTV.XviD-GRP', 'SDTV'],
    ['Series - S01E01 - Title [HDTV]', 'HDTV-720p'],
    ['The.Series.S01E01.1080p.WEB-DL.DD5.1.H.264-GRP', 'WEBDL-1080p'],
    ['The.Series.S01E01.2160p.AMZN.WEBRip.DDP5.1.x265-GRP', 'WEBRip-2160p'],
    ['Movie.2019.1080p.BluRay.REMUX.AVC.DTS-HD.MA.5.1-GRP', 'Bluray-1080p Remux'],
    ['Movie.2019.720p.BluRay.REMUX.AVC-GRP', 'Bluray-720p'],
    ['Series.S01E01.1080i.HDTV.DD5.1.MPEG2-GRP', 'Raw-HD'],
    ['Series.S01E01.DVDRip.XviD-GRP', 'DVD'],
    ['Series.S01E01.Bluray720p.mkv', 'Bluray-720p'],
    ['Series.S01E01.4K.UHD.Bluray', 'Bluray-2160p'],
    ['Series.S01E01.The.Web.MT-dd', 'Unknown'],
    ['[Group] Series - 01 [1080p]', 'HDTV-1080p'],
  ])('%s → %s (Sonarr)', (title, name) => {
    expect(sonarr(title)).toBe(name);
  });

  it.each([
    ['Movie.2018.NEW.PROPER.720p.HD-CAM.X264-GRP', 'CAM'],
    ['Movie.2017.720p.TSRip.x264-GRP', 'TELESYNC'],
    ['Movie.2007.DVD9.NTSC', 'DVD-R'],
    ['Movie.2013.BDISO', 'BR-DISK'],
    ['Movie 2005 1080p Blu-ray AVC DTS-HD MA 5.1-GRP', 'BR-DISK'],
    ['Movie.1991.German.1080p.BluRay.AVC-GRP', 'Remux-1080p'],
    ['Movie.2019.DVDSCR.x264-GRP', 'DVDSCR'],
    ['[SubsPlease] Movie Title (540p) [AB649D32].mkv', 'WEBDL-480p'],
  ])('%s → %s (Radarr)', (title, name) => {
    expect(radarr(title)).toBe(name);
  });

  it('projects disagree only where their naming does', () => {
    const q = parseQuality('[SubsPlease] Title (540p) [AB649D32].mkv');
    expect(qualityFor(q, 'Sonarr').id).toBe('sdtv');
    expect(qualityFor(q, 'Radarr').id).toBe('webdl-480p');
  });

  it('says where source and resolution came from', () => {
    expect(parseQuality('Series.S01E02.Title.1080p.mkv')).toMatchObject({
      sourceDetection: 'extension',
      resolutionDetection: 'name',
    });
    expect(parseQuality('Series.S01E01.Bluray')).toMatchObject({
      sourceDetection: 'name',
      resolutionDetection: 'unknown',
    });
    expect(parseQuality('Series.S01E01.avi')).toMatchObject({
      sourceDetection: 'extension',
      resolutionDetection: 'extension',
    });
    expect(parseQuality('Series.S01E01.1920x1080')).toMatchObject({
      sourceDetection: 'unknown',
      resolutionDetection: 'name',
    });
  });

  it.each([
    ['Series.S01E01.720p.HDTV.x264-GRP', 1, 0, false],
    ['Series.S01E01.PROPER.720p.HDTV.x264-GRP', 2, 0, false],
    ['Series.S01E01.REPACK.720p.HDTV.x264-GRP', 2, 0, true],
    ['Series.S01E01.REPACK2.720p.HDTV.x264-GRP', 3, 0, true],
    ['Series.S01E01.REAL.REAL.PROPER.HDTV.x264-GRP', 2, 2, false],
    ['Series.S01E01.real.proper.HDTV.x264-GRP', 2, 0, false],
    ['[Group] Series - 01v3 [720p]', 3, 0, false],
    ['[Group] Series v3 [BD720p]', 1, 0, false],
  ])('revision of %s', (title, version, real, isRepack) => {
    expect(parseQuality(title).revision).toEqual({ version, real, isRepack });
  });

  it('splits only media extensions off', () => {
    expect(splitExtension('Movie.2019.mkv')).toEqual(['Movie.2019', 'mkv']);
    expect(splitExtension('Movie.2019.Title')).toEqual(['Movie.2019.Title', '']);
    expect(splitExtension('Movie')).toEqual(['Movie', '']);
  });

  it('never throws on junk', () => {
    for (const t of ['', '....', 'constructor', '__proto__', '\u0000', 'x'.repeat(5000)]) {
      expect(() => parseQuality(t)).not.toThrow();
    }
  });
});
