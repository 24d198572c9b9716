// STUB (owned by the quality/movie parser work): replace wholesale.
import type { QualityParse } from './quality.types.js';

export function parseQuality(_name: string): QualityParse {
  return {
    qualityId: 'unknown',
    sourceDetection: 'unknown',
    resolutionDetection: 'unknown',
    revision: { version: 1, real: 0, isRepack: false },
  };
}

/** The quality's display name in Sonarr's or Radarr's naming (e.g. `Bluray-1080p Remux` vs `Remux-1080p`). */
export function qualityNameFor(_q: QualityParse, _flavour: 'Sonarr' | 'Radarr'): string {
  return 'Unknown';
}
