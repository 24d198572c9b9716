// Wanted (cutoff unmet) in a form SQL can page: for every quality profile, the catalog qualities a file may have
// and still be below that profile's cutoff, decided by the domain's isCutoffMet. The file query then filters
// `(profile = p AND file.quality IN below[p]) OR …` and pages in the database instead of loading every file.
import { isCutoffMet } from '../../domain/library/quality-profile.rules.js';
import type { QualityProfile } from '../../domain/library/quality-profile.types.js';
import { QUALITY_CATALOG } from '../../domain/quality/quality-catalog.js';

/** Quality ids (catalog order, worst first) whose files do not meet `profile`'s cutoff; empty with upgrades off. */
export function qualitiesBelowCutoff(
  profile: QualityProfile,
  catalog: readonly string[] = QUALITY_CATALOG.map((q) => q.id),
): string[] {
  return catalog.filter((quality) => !isCutoffMet(profile, quality));
}

/** Profile id → qualities below its cutoff; profiles where nothing can be below (upgrades off) are left out. */
export function belowCutoffByProfile(profiles: readonly QualityProfile[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const p of profiles) {
    const below = qualitiesBelowCutoff(p);
    if (below.length > 0) out.set(p.id, below);
  }
  return out;
}
