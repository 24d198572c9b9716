// Profile arithmetic the decision engine uses: where a quality sits on a profile's ladder, whether it is wanted,
// whether the cutoff is met, and whether a candidate would upgrade a current file.
import type { Revision } from '../../parser/index.js';
import { isGroup, type QualityProfile } from './quality-profile.types.js';

export interface QualityIndex {
  /** Position of the top-level item (quality or group), worst first. */
  index: number;
  /** Position inside a group; 0 for a plain quality. */
  groupIndex: number;
  allowed: boolean;
}

/** Where `qualityId` sits in the profile, or undefined when the profile does not list it at all. */
export function qualityIndex(profile: Pick<QualityProfile, 'items'>, qualityId: string): QualityIndex | undefined {
  for (let index = 0; index < profile.items.length; index++) {
    const item = profile.items[index]!;
    if (!isGroup(item)) {
      if (item.quality === qualityId) return { index, groupIndex: 0, allowed: item.allowed };
      continue;
    }
    const groupIndex = item.items.findIndex((q) => q.quality === qualityId);
    if (groupIndex >= 0) return { index, groupIndex, allowed: item.allowed };
  }
  return undefined;
}

/** Index of the item a cutoff names (quality id or group name); -1 when it names nothing in the profile. */
export function cutoffIndex(profile: Pick<QualityProfile, 'items' | 'cutoff'>): number {
  const top = profile.items.findIndex((item) => (isGroup(item) ? item.name : item.quality) === profile.cutoff);
  if (top >= 0) return top;
  // A cutoff naming a quality inside a group means the whole group (Sonarr stores the group id instead).
  return qualityIndex(profile, profile.cutoff)?.index ?? -1;
}

export function isQualityAllowed(profile: Pick<QualityProfile, 'items'>, qualityId: string): boolean {
  return qualityIndex(profile, qualityId)?.allowed ?? false;
}

/**
 * Whether a file of this quality needs nothing better. With upgrades off any file is final, which is what the
 * wanted/cutoff list and the search-for-upgrade decision need.
 */
export function isCutoffMet(profile: QualityProfile, qualityId: string): boolean {
  if (!profile.upgradeAllowed) return true;
  const at = qualityIndex(profile, qualityId);
  if (!at) return false;
  return at.index >= cutoffIndex(profile);
}

export interface VersionedQuality {
  quality: string;
  revision: Pick<Revision, 'version' | 'real'>;
}

/** Positive when `a` is a newer revision (proper/repack: version, then REAL). */
export function compareRevision(a: VersionedQuality['revision'], b: VersionedQuality['revision']): number {
  return a.version !== b.version ? a.version - b.version : a.real - b.real;
}

/**
 * Whether `candidate` should replace `current`. A better rung needs `upgradeAllowed`; the same rung (qualities in
 * one group are the same rung) upgrades only on a newer revision, which is allowed even with upgrades off because a
 * proper fixes a broken release rather than chasing quality (Sonarr's default "prefer and upgrade" propers).
 * The cutoff is a separate check (isCutoffMet), as in Sonarr's decision specifications.
 */
export function isUpgrade(profile: QualityProfile, current: VersionedQuality, candidate: VersionedQuality): boolean {
  const next = qualityIndex(profile, candidate.quality);
  if (!next?.allowed) return false;
  const now = qualityIndex(profile, current.quality);
  // A current file the profile does not list (profile changed since) is replaced by anything allowed.
  if (!now) return profile.upgradeAllowed;
  if (next.index > now.index) return profile.upgradeAllowed;
  if (next.index < now.index) return false;
  return compareRevision(candidate.revision, current.revision) > 0;
}
