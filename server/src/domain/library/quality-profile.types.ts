// Quality profiles: an ordered ladder (worst first, as Sonarr/Radarr store it) of qualities and groups.
// A group's qualities rank equally with each other; the group's `allowed` flag governs all of them.

export interface ProfileQualityItem {
  /** A quality id from the catalog (server/src/domain/quality/quality-catalog.ts). */
  quality: string;
  allowed: boolean;
}

export interface ProfileGroupItem {
  /** Unique in the profile and never equal to a catalog id, so `cutoff` can name either. */
  name: string;
  allowed: boolean;
  items: ProfileQualityItem[];
}

export type ProfileItem = ProfileQualityItem | ProfileGroupItem;

/** Custom-format scores, filled in by the custom formats issue. */
export interface ProfileFormatItem {
  format: number;
  score: number;
}

export interface QualityProfile {
  id: number;
  name: string;
  upgradeAllowed: boolean;
  /** A quality id or a group name of an allowed item in `items`. */
  cutoff: string;
  items: ProfileItem[];
  minFormatScore: number;
  cutoffFormatScore: number;
  formatItems: ProfileFormatItem[];
}

export type QualityProfileInput = Omit<QualityProfile, 'id'>;

export function isGroup(item: ProfileItem): item is ProfileGroupItem {
  return 'items' in item;
}

/** The id a cutoff uses for an item: the quality id, or the group's name. */
export function itemKey(item: ProfileItem): string {
  return isGroup(item) ? item.name : item.quality;
}

export interface QualityDefinitionRecord {
  id: number;
  /** Catalog id. */
  qualityId: string;
  title: string;
  weight: number;
  /** MB per minute of runtime; 0 / null = no limit. */
  minSize: number;
  preferredSize: number;
  maxSize: number | null;
}
