// Shared vocabulary of the unified quality catalog (one list serving both the TV and the movie side).

/** Where the picture came from. One spelling for both projects; adapters map to Sonarr/Radarr enums. */
export type QualitySource =
  | 'unknown'
  | 'workprint'
  | 'cam'
  | 'telesync'
  | 'telecine'
  | 'dvd'
  | 'television'
  | 'web'
  | 'webrip'
  | 'bluray';

/** What was done to the source beyond its resolution (Radarr's modifier; Sonarr folds these into source names). */
export type QualityModifier = 'none' | 'remux' | 'brdisk' | 'rawhd' | 'screener' | 'regional';

/** Default file-size window in MB per minute of runtime (0 min / null max = no limit). */
export interface SizeLimits {
  min: number;
  preferred: number;
  max: number | null;
}

export interface QualityDefinition {
  /** Stable id, persisted in profiles and history: never renumber or rename. */
  id: string;
  source: QualitySource;
  /** Vertical resolution; 0 when the quality does not fix one (Unknown, CAM, DVD...). */
  resolution: number;
  modifier: QualityModifier;
  /** Sonarr's name, or null when Sonarr has no such quality. */
  sonarrName: string | null;
  /** The Sonarr quality a Radarr-only quality is shown as on the TV side. */
  sonarrFallbackId: string | null;
  radarrName: string;
  /** Upgrade order: higher is better; a total order (unique per entry). */
  weight: number;
  size: SizeLimits;
}
