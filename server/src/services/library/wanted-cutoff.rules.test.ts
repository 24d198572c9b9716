import { describe, expect, it } from 'vitest';
import type { QualityProfile } from '../../domain/library/quality-profile.types.js';
import { belowCutoffByProfile, qualitiesBelowCutoff } from './wanted-cutoff.rules.js';

const catalog = ['sdtv', 'hdtv-720p', 'webdl-720p', 'webrip-720p', 'bluray-1080p', 'remux-2160p'];

function profile(id: number, over: Partial<QualityProfile> = {}): QualityProfile {
  return {
    id,
    name: `P${id}`,
    upgradeAllowed: true,
    cutoff: 'WEB 720p',
    items: [
      { quality: 'sdtv', allowed: true },
      { quality: 'hdtv-720p', allowed: true },
      {
        name: 'WEB 720p',
        allowed: true,
        items: [
          { quality: 'webdl-720p', allowed: true },
          { quality: 'webrip-720p', allowed: true },
        ],
      },
      { quality: 'bluray-1080p', allowed: true },
    ],
    minFormatScore: 0,
    cutoffFormatScore: 0,
    formatItems: [],
    ...over,
  };
}

describe('qualitiesBelowCutoff', () => {
  it('lists the rungs below a group cutoff and qualities the profile does not list', () => {
    expect(qualitiesBelowCutoff(profile(1), catalog)).toEqual(['sdtv', 'hdtv-720p', 'remux-2160p']);
  });

  it('a cutoff naming a quality inside a group means the whole group', () => {
    expect(qualitiesBelowCutoff(profile(1, { cutoff: 'webrip-720p' }), catalog)).toEqual([
      'sdtv',
      'hdtv-720p',
      'remux-2160p',
    ]);
  });

  it('is empty when upgrades are off (any file is final)', () => {
    expect(qualitiesBelowCutoff(profile(1, { upgradeAllowed: false }), catalog)).toEqual([]);
  });

  it('uses the full catalog by default', () => {
    expect(qualitiesBelowCutoff(profile(1, { cutoff: 'bluray-1080p' }))).toContain('webdl-720p');
  });
});

describe('belowCutoffByProfile', () => {
  it('leaves out profiles with nothing below', () => {
    const map = belowCutoffByProfile([profile(1), profile(2, { upgradeAllowed: false })]);
    expect([...map.keys()]).toEqual([1]);
  });
});
