import { describe, expect, it } from 'vitest';
import { QUALITY_CATALOG } from '../quality/quality-catalog.js';
import { defaultQualityDefinitions, defaultQualityProfiles, profileTemplate } from './default-quality-profiles.js';
import { isQualityAllowed } from './quality-profile.rules.js';
import type { QualityProfileInput } from './quality-profile.types.js';
import { validateQualityProfile } from './quality-profile.validation.js';

const base = (): QualityProfileInput => ({
  name: 'Test',
  upgradeAllowed: true,
  cutoff: 'WEB 720p',
  items: [
    { quality: 'sdtv', allowed: false },
    { quality: 'hdtv-720p', allowed: true },
    {
      name: 'WEB 720p',
      allowed: true,
      items: [
        { quality: 'webrip-720p', allowed: true },
        { quality: 'webdl-720p', allowed: true },
      ],
    },
  ],
  minFormatScore: 0,
  cutoffFormatScore: 0,
  formatItems: [],
});

describe('validateQualityProfile', () => {
  it('accepts a valid profile', () => {
    expect(validateQualityProfile(base())).toEqual([]);
  });

  it.each<[string, (p: QualityProfileInput) => void, string, RegExp]>([
    ['a cutoff outside the profile', (p) => (p.cutoff = 'bluray-2160p'), 'cutoff', /not a quality or group/],
    ['a cutoff that is not allowed', (p) => (p.cutoff = 'sdtv'), 'cutoff', /must be an allowed/],
    [
      'nothing allowed',
      (p) => {
        for (const i of p.items) i.allowed = false;
      },
      'items',
      /at least one/,
    ],
    ['an unknown quality', (p) => p.items.push({ quality: 'vhs', allowed: false }), 'items.3.quality', /unknown/],
    ['a duplicate quality', (p) => p.items.push({ quality: 'sdtv', allowed: false }), 'items.3.quality', /twice/],
    [
      'a duplicate inside a group',
      (p) => p.items.push({ name: 'X', allowed: false, items: [{ quality: 'webdl-720p', allowed: false }] }),
      'items.3.items.0.quality',
      /twice/,
    ],
    [
      'a group named like a quality',
      (p) => p.items.push({ name: 'dvd', allowed: false, items: [] }),
      'items.3.name',
      /quality id/,
    ],
    [
      'an empty group',
      (p) => p.items.push({ name: 'Empty', allowed: false, items: [] }),
      'items.3.items',
      /no qualities/,
    ],
  ])('rejects %s', (_label, mutate, field, message) => {
    const p = base();
    mutate(p);
    const findings = validateQualityProfile(p);
    expect(findings).toContainEqual({ field, message: expect.stringMatching(message), severity: 'error' });
  });
});

describe('default profiles and definitions', () => {
  it('seeds six valid profiles, each listing every catalog quality once', () => {
    const profiles = defaultQualityProfiles();
    expect(profiles.map((p) => p.name)).toEqual(['Any', 'SD', 'HD-720p', 'HD-1080p', 'Ultra-HD', 'HD - 720p/1080p']);
    for (const p of profiles) {
      expect(validateQualityProfile(p)).toEqual([]);
      const listed = p.items.flatMap((i) => ('items' in i ? i.items.map((x) => x.quality) : [i.quality]));
      expect(listed.sort()).toEqual(QUALITY_CATALOG.map((q) => q.id).sort());
    }
  });

  it.each([
    ['Any', 'cam', false],
    ['Any', 'remux-2160p', true],
    ['SD', 'hdtv-720p', false],
    ['HD - 720p/1080p', 'webdl-1080p', true],
    ['HD - 720p/1080p', 'bluray-2160p', false],
    ['Ultra-HD', 'webrip-2160p', true],
  ])('%s allows %s: %s', (name, quality, allowed) => {
    expect(isQualityAllowed(defaultQualityProfiles().find((p) => p.name === name)!, quality)).toBe(allowed);
  });

  it('offers a template with nothing allowed and one definition per catalog quality', () => {
    expect(profileTemplate().items.some((i) => i.allowed)).toBe(false);
    const defs = defaultQualityDefinitions();
    expect(defs).toHaveLength(QUALITY_CATALOG.length);
    expect(defs.find((d) => d.qualityId === 'remux-1080p')).toMatchObject({
      title: 'Remux-1080p',
      minSize: 17,
      maxSize: null,
    });
  });
});
