import { describe, expect, it } from 'vitest';
import { defaultQualityProfiles } from './default-quality-profiles.js';
import { cutoffIndex, isCutoffMet, isQualityAllowed, isUpgrade, qualityIndex } from './quality-profile.rules.js';
import type { QualityProfile } from './quality-profile.types.js';

// HD-1080p: hdtv-1080p < [WEB 1080p: webrip-1080p, webdl-1080p] < bluray-1080p < remux-1080p; cutoff hdtv-1080p.
const hd1080 = (over: Partial<QualityProfile> = {}): QualityProfile => ({
  id: 1,
  ...defaultQualityProfiles().find((p) => p.name === 'HD-1080p')!,
  ...over,
});

describe('qualityIndex', () => {
  it.each([
    ['webrip-1080p', 0],
    ['webdl-1080p', 1],
  ])('puts %s inside the WEB 1080p group at position %i', (quality, groupIndex) => {
    const p = hd1080();
    const group = p.items.findIndex((i) => 'name' in i && i.name === 'WEB 1080p');
    expect(qualityIndex(p, quality)).toEqual({ index: group, groupIndex, allowed: true });
  });

  it('orders the ladder worst first and reports not-allowed qualities', () => {
    const p = hd1080();
    expect(qualityIndex(p, 'bluray-1080p')!.index).toBeGreaterThan(qualityIndex(p, 'webdl-1080p')!.index);
    expect(qualityIndex(p, 'sdtv')).toMatchObject({ allowed: false });
    expect(qualityIndex({ items: [] }, 'sdtv')).toBeUndefined();
  });

  it('resolves a cutoff naming a group or a quality inside one', () => {
    const p = hd1080();
    const group = qualityIndex(p, 'webdl-1080p')!.index;
    expect(cutoffIndex({ ...p, cutoff: 'WEB 1080p' })).toBe(group);
    expect(cutoffIndex({ ...p, cutoff: 'webrip-1080p' })).toBe(group);
    expect(cutoffIndex({ ...p, cutoff: 'nope' })).toBe(-1);
  });
});

describe('isQualityAllowed', () => {
  it.each([
    ['hdtv-1080p', true],
    ['webdl-1080p', true],
    ['remux-1080p', true],
    ['hdtv-720p', false],
    ['cam', false],
    ['not-a-quality', false],
  ])('%s → %s', (quality, allowed) => {
    expect(isQualityAllowed(hd1080(), quality)).toBe(allowed);
  });
});

describe('isCutoffMet', () => {
  it.each([
    // [cutoff, upgradeAllowed, file quality, met]
    ['hdtv-1080p', true, 'hdtv-1080p', true],
    ['WEB 1080p', true, 'hdtv-1080p', false],
    ['WEB 1080p', true, 'webrip-1080p', true],
    ['WEB 1080p', true, 'bluray-1080p', true],
    ['bluray-1080p', true, 'webdl-1080p', false],
    ['bluray-1080p', true, 'sdtv', false],
    ['bluray-1080p', true, 'unknown-quality', false],
    // Upgrades off: whatever is on disk is final.
    ['bluray-1080p', false, 'webdl-1080p', true],
  ])('cutoff %s, upgrades %s, file %s → %s', (cutoff, upgradeAllowed, quality, met) => {
    expect(isCutoffMet(hd1080({ cutoff, upgradeAllowed }), quality)).toBe(met);
  });
});

describe('isUpgrade', () => {
  const q = (quality: string, version = 1, real = 0) => ({ quality, revision: { version, real } });
  it.each([
    // [upgradeAllowed, current, candidate, upgrade]
    [true, q('hdtv-1080p'), q('webdl-1080p'), true],
    [false, q('hdtv-1080p'), q('webdl-1080p'), false],
    [true, q('webdl-1080p'), q('hdtv-1080p'), false],
    [true, q('webdl-1080p'), q('webrip-1080p'), false], // same group = same rung
    [true, q('webdl-1080p'), q('webrip-1080p', 2), true], // …a repack wins the tie
    [false, q('bluray-1080p'), q('bluray-1080p', 2), true], // propers even with upgrades off
    [true, q('bluray-1080p', 1, 1), q('bluray-1080p', 1, 0), false],
    [true, q('bluray-1080p', 1, 0), q('bluray-1080p', 1, 1), true], // REAL
    [true, q('bluray-1080p', 2, 0), q('bluray-1080p', 1, 3), false], // version before REAL
    [true, q('hdtv-720p'), q('hdtv-1080p'), true], // current not allowed any more
    [true, q('hdtv-1080p'), q('bluray-2160p'), false], // candidate not allowed
    [true, q('sdtv'), q('cam'), false],
  ])('upgrades %s: %o → %o = %s', (upgradeAllowed, current, candidate, expected) => {
    expect(isUpgrade(hd1080({ upgradeAllowed }), current, candidate)).toBe(expected);
  });

  it('treats a current quality the profile does not list as replaceable only with upgrades on', () => {
    const p = hd1080({
      upgradeAllowed: true,
      items: hd1080().items.filter((i) => !('quality' in i) || i.quality !== 'sdtv'),
    });
    expect(isUpgrade(p, q('sdtv'), q('hdtv-1080p'))).toBe(true);
    expect(isUpgrade({ ...p, upgradeAllowed: false }, q('sdtv'), q('hdtv-1080p'))).toBe(false);
  });
});
