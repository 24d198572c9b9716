import { describe, expect, it } from 'vitest';
import {
  compareQuality,
  QUALITY_CATALOG,
  qualityById,
  qualityByName,
  qualityDisplayName,
  UNKNOWN_QUALITY,
} from './quality-catalog.js';

const SONARR_NAMES = [
  'Unknown',
  'SDTV',
  'DVD',
  'WEBDL-1080p',
  'HDTV-720p',
  'WEBDL-720p',
  'Bluray-720p',
  'Bluray-1080p',
  'WEBDL-480p',
  'HDTV-1080p',
  'Raw-HD',
  'WEBRip-480p',
  'Bluray-480p',
  'Bluray-576p',
  'WEBRip-720p',
  'WEBRip-1080p',
  'HDTV-2160p',
  'WEBRip-2160p',
  'WEBDL-2160p',
  'Bluray-2160p',
  'Bluray-1080p Remux',
  'Bluray-2160p Remux',
];
const RADARR_NAMES = [
  'Unknown',
  'WORKPRINT',
  'CAM',
  'TELESYNC',
  'TELECINE',
  'DVDSCR',
  'REGIONAL',
  'SDTV',
  'DVD',
  'DVD-R',
  'HDTV-720p',
  'HDTV-1080p',
  'HDTV-2160p',
  'WEBDL-480p',
  'WEBDL-720p',
  'WEBDL-1080p',
  'WEBDL-2160p',
  'Bluray-480p',
  'Bluray-576p',
  'Bluray-720p',
  'Bluray-1080p',
  'Bluray-2160p',
  'Remux-1080p',
  'Remux-2160p',
  'BR-DISK',
  'Raw-HD',
  'WEBRip-480p',
  'WEBRip-720p',
  'WEBRip-1080p',
  'WEBRip-2160p',
];

describe('quality catalog', () => {
  it('holds every quality of both projects exactly once', () => {
    expect(QUALITY_CATALOG.map((q) => q.radarrName).sort()).toEqual([...RADARR_NAMES].sort());
    const sonarr = QUALITY_CATALOG.flatMap((q) => (q.sonarrName ? [q.sonarrName] : []));
    expect(sonarr.sort()).toEqual([...SONARR_NAMES].sort());
    expect(new Set(QUALITY_CATALOG.map((q) => q.id)).size).toBe(QUALITY_CATALOG.length);
  });

  it('unifies the two remux spellings in one entry', () => {
    const q = qualityByName('Bluray-1080p Remux');
    expect(q).toBe(qualityByName('remux-1080p'));
    expect(q).toMatchObject({ id: 'remux-1080p', source: 'bluray', resolution: 1080, modifier: 'remux' });
    expect(qualityByName('BLURAY-2160P REMUX')?.radarrName).toBe('Remux-2160p');
  });

  it('looks qualities up by id and by either name, case-insensitively', () => {
    expect(qualityById('webdl-1080p')?.sonarrName).toBe('WEBDL-1080p');
    expect(qualityById('nope')).toBeUndefined();
    expect(qualityByName(' dvdscr ')?.id).toBe('dvdscr');
    expect(qualityByName('raw-hd')?.modifier).toBe('rawhd');
    expect(qualityByName('nothing')).toBeUndefined();
    for (const name of [...SONARR_NAMES, ...RADARR_NAMES]) expect(qualityByName(name), name).toBeDefined();
  });

  it('orders qualities totally for upgrades, Unknown lowest and Remux-2160p highest', () => {
    const weights = QUALITY_CATALOG.map((q) => q.weight);
    expect(new Set(weights).size).toBe(weights.length);
    const byWeight = [...QUALITY_CATALOG].sort(compareQuality);
    expect(byWeight[0]).toBe(UNKNOWN_QUALITY);
    expect(byWeight[byWeight.length - 1]!.id).toBe('remux-2160p');
    const order = ['cam', 'telesync', 'telecine', 'dvdscr', 'sdtv', 'dvd', 'hdtv-720p', 'bluray-1080p', 'remux-1080p'];
    for (let i = 1; i < order.length; i++) {
      expect(compareQuality(qualityById(order[i]!)!, qualityById(order[i - 1]!)!)).toBeGreaterThan(0);
    }
  });

  it('has sane default size limits', () => {
    for (const q of QUALITY_CATALOG) {
      expect(q.size.min).toBeGreaterThanOrEqual(0);
      expect(q.size.preferred).toBeGreaterThanOrEqual(q.size.min);
      if (q.size.max !== null) expect(q.size.max).toBeGreaterThanOrEqual(q.size.preferred);
    }
  });

  it('shows Radarr-only qualities under their nearest Sonarr quality', () => {
    expect(qualityDisplayName(qualityById('cam')!, 'Sonarr')).toBe('Unknown');
    expect(qualityDisplayName(qualityById('dvd-r')!, 'Sonarr')).toBe('DVD');
    expect(qualityDisplayName(qualityById('br-disk')!, 'Sonarr')).toBe('Bluray-1080p Remux');
    expect(qualityDisplayName(qualityById('remux-2160p')!, 'Radarr')).toBe('Remux-2160p');
    expect(qualityDisplayName(qualityById('remux-2160p')!, 'Sonarr')).toBe('Bluray-2160p Remux');
  });
});
