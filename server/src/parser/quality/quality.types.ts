// Result of parsing a release title's quality. `qualityId` points into the unified catalog
// (server/src/domain/quality/quality-catalog.ts); the raw fields keep what the name itself said.
import type { QualityModifier, QualitySource } from '../../domain/quality/quality.types.js';

export type DetectionSource = 'name' | 'extension' | 'unknown';

export interface Revision {
  version: number;
  real: number;
  isRepack: boolean;
}

export interface QualityParse {
  /** Id of the entry in server/src/domain/quality/quality-catalog.ts. */
  qualityId: string;
  sourceDetection: DetectionSource;
  resolutionDetection: DetectionSource;
  revision: Revision;
  /** Source as resolved (after defaults), `unknown` when nothing pointed at one. */
  source: QualitySource;
  /** Resolution as resolved (after source defaults); 0 = unknown. */
  resolution: number;
  modifier: QualityModifier;
}
