// Comparing a candidate with something already there (a file, a queued or a pending download): quality rung in the
// profile, then revision (proper/repack), then custom-format score — the order Sonarr/Radarr upgrade by.
import { compareRevision, cutoffIndex, qualityIndex } from '../library/quality-profile.rules.js';
import type { QualityProfile } from '../library/quality-profile.types.js';
import type { QualityStanding, Rejection } from './decision.types.js';

/** Top-level rung of a quality in the profile; -1 when the profile does not list it. */
export function rung(profile: QualityProfile, qualityId: string): number {
  return qualityIndex(profile, qualityId)?.index ?? -1;
}

/** Positive when `a` ranks above `b` in the profile (rung, revision, custom-format score). */
export function compareStanding(profile: QualityProfile, a: QualityStanding, b: QualityStanding): number {
  const r = rung(profile, a.quality) - rung(profile, b.quality);
  if (r !== 0) return r;
  const rev = compareRevision(a.revision, b.revision);
  if (rev !== 0) return rev;
  return a.customFormatScore - b.customFormatScore;
}

/** Whether an existing file needs nothing better: quality at/above the cutoff and format score at its cutoff. */
export function standingMeetsCutoff(profile: QualityProfile, file: QualityStanding): boolean {
  const at = rung(profile, file.quality);
  return at >= 0 && at >= cutoffIndex(profile) && file.customFormatScore >= profile.cutoffFormatScore;
}

const permanent = (reason: string): Rejection => ({ reason, type: 'permanent' });

/**
 * Why `candidate` must not replace `file`, or null when it is an upgrade. A better rung needs upgrades allowed and
 * the cutoff not met; the same rung upgrades on a newer revision (even with upgrades off: a proper fixes a broken
 * release) or, with upgrades allowed, on a higher custom-format score while the cutoff is not met.
 */
export function upgradeRejection(
  profile: QualityProfile,
  file: QualityStanding,
  candidate: QualityStanding,
  describe: (qualityId: string) => string,
): Rejection | null {
  const now = rung(profile, file.quality);
  const next = rung(profile, candidate.quality);
  if (now < 0) return profile.upgradeAllowed ? null : permanent('Quality profile does not allow upgrades');
  if (next < now) return permanent(`Existing file has better quality (${describe(file.quality)})`);
  if (next > now) {
    if (!profile.upgradeAllowed) return permanent('Quality profile does not allow upgrades');
    if (standingMeetsCutoff(profile, file))
      return permanent(`Existing file meets the cutoff (${describe(file.quality)})`);
    return null;
  }
  const rev = compareRevision(candidate.revision, file.revision);
  if (rev > 0) return null;
  if (rev < 0) return permanent(`Existing file has a newer revision (${describe(file.quality)})`);
  if (!profile.upgradeAllowed) return permanent('Quality profile does not allow upgrades');
  if (candidate.customFormatScore <= file.customFormatScore) {
    return permanent(
      `Existing file is not worse: same quality (${describe(file.quality)}) and custom format score ${file.customFormatScore} ≥ ${candidate.customFormatScore}`,
    );
  }
  if (standingMeetsCutoff(profile, file))
    return permanent(`Existing file meets the cutoff (${describe(file.quality)})`);
  return null;
}
