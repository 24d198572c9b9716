// STUB (owned by the quality/movie parser work): extend freely, keep these fields.
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
}
