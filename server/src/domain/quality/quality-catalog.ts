// The single list of qualities idkarr knows: the union of Sonarr's and Radarr's, one entry per distinct quality.
// Entries are ordered by `weight` (upgrade order) so the array itself reads as the ladder from worst to best.
import type { QualityDefinition, QualityModifier, QualitySource, SizeLimits } from './quality.types.js';

type Row = [
  id: string,
  source: QualitySource,
  resolution: number,
  modifier: QualityModifier,
  sonarrName: string | null,
  radarrName: string,
  size: [min: number, preferred: number, max: number | null],
  sonarrFallbackId?: string,
];

// Size windows are MB per minute; they grow with bitrate the way a typical release of that quality does.
const ROWS: Row[] = [
  ['unknown', 'unknown', 0, 'none', 'Unknown', 'Unknown', [0, 95, 100]],
  ['workprint', 'workprint', 0, 'none', null, 'WORKPRINT', [0, 95, 100], 'unknown'],
  ['cam', 'cam', 0, 'none', null, 'CAM', [0, 95, 100], 'unknown'],
  ['telesync', 'telesync', 0, 'none', null, 'TELESYNC', [0, 95, 100], 'unknown'],
  ['telecine', 'telecine', 0, 'none', null, 'TELECINE', [0, 95, 100], 'unknown'],
  ['regional', 'dvd', 480, 'regional', null, 'REGIONAL', [0, 95, 100], 'dvd'],
  ['dvdscr', 'dvd', 480, 'screener', null, 'DVDSCR', [0, 95, 100], 'dvd'],
  ['sdtv', 'television', 480, 'none', 'SDTV', 'SDTV', [2, 95, 100]],
  ['dvd', 'dvd', 480, 'none', 'DVD', 'DVD', [2, 95, 100]],
  ['dvd-r', 'dvd', 480, 'remux', null, 'DVD-R', [2, 95, 100], 'dvd'],
  ['webdl-480p', 'web', 480, 'none', 'WEBDL-480p', 'WEBDL-480p', [2, 95, 100]],
  ['webrip-480p', 'webrip', 480, 'none', 'WEBRip-480p', 'WEBRip-480p', [2, 95, 100]],
  ['bluray-480p', 'bluray', 480, 'none', 'Bluray-480p', 'Bluray-480p', [2, 95, 100]],
  ['bluray-576p', 'bluray', 576, 'none', 'Bluray-576p', 'Bluray-576p', [2, 95, 100]],
  ['hdtv-720p', 'television', 720, 'none', 'HDTV-720p', 'HDTV-720p', [3, 95, 100]],
  ['webrip-720p', 'webrip', 720, 'none', 'WEBRip-720p', 'WEBRip-720p', [3, 95, 100]],
  ['webdl-720p', 'web', 720, 'none', 'WEBDL-720p', 'WEBDL-720p', [3, 95, 100]],
  ['bluray-720p', 'bluray', 720, 'none', 'Bluray-720p', 'Bluray-720p', [4, 95, 100]],
  ['hdtv-1080p', 'television', 1080, 'none', 'HDTV-1080p', 'HDTV-1080p', [4, 95, 100]],
  ['raw-hd', 'television', 1080, 'rawhd', 'Raw-HD', 'Raw-HD', [4, 95, null]],
  ['webrip-1080p', 'webrip', 1080, 'none', 'WEBRip-1080p', 'WEBRip-1080p', [4, 95, 100]],
  ['webdl-1080p', 'web', 1080, 'none', 'WEBDL-1080p', 'WEBDL-1080p', [4, 95, 100]],
  ['bluray-1080p', 'bluray', 1080, 'none', 'Bluray-1080p', 'Bluray-1080p', [4, 95, 100]],
  ['remux-1080p', 'bluray', 1080, 'remux', 'Bluray-1080p Remux', 'Remux-1080p', [17, 95, null]],
  ['br-disk', 'bluray', 1080, 'brdisk', null, 'BR-DISK', [20, 95, null], 'remux-1080p'],
  ['hdtv-2160p', 'television', 2160, 'none', 'HDTV-2160p', 'HDTV-2160p', [25, 95, 350]],
  ['webrip-2160p', 'webrip', 2160, 'none', 'WEBRip-2160p', 'WEBRip-2160p', [25, 95, 350]],
  ['webdl-2160p', 'web', 2160, 'none', 'WEBDL-2160p', 'WEBDL-2160p', [25, 95, 350]],
  ['bluray-2160p', 'bluray', 2160, 'none', 'Bluray-2160p', 'Bluray-2160p', [35, 95, 400]],
  ['remux-2160p', 'bluray', 2160, 'remux', 'Bluray-2160p Remux', 'Remux-2160p', [35, 95, null]],
];

function toSize([min, preferred, max]: Row[6]): SizeLimits {
  return { min, preferred, max };
}

export const QUALITY_CATALOG: readonly QualityDefinition[] = Object.freeze(
  ROWS.map(
    ([id, source, resolution, modifier, sonarrName, radarrName, size, fallback], weight): QualityDefinition =>
      Object.freeze({
        id,
        source,
        resolution,
        modifier,
        sonarrName,
        sonarrFallbackId: fallback ?? null,
        radarrName,
        weight,
        size: Object.freeze(toSize(size)),
      }),
  ),
);

const byId = new Map<string, QualityDefinition>();
const byName = new Map<string, QualityDefinition>();
for (const q of QUALITY_CATALOG) {
  byId.set(q.id, q);
  byName.set(q.radarrName.toLowerCase(), q);
  // Sonarr's names win only where Radarr has no entry of the same name (names are identical where shared).
  if (q.sonarrName && !byName.has(q.sonarrName.toLowerCase())) byName.set(q.sonarrName.toLowerCase(), q);
}

export const UNKNOWN_QUALITY: QualityDefinition = byId.get('unknown')!;

export function qualityById(id: string): QualityDefinition | undefined {
  return byId.get(id);
}

/** Lookup by either project's display name, case-insensitively (`Bluray-1080p Remux` and `Remux-1080p` agree). */
export function qualityByName(name: string): QualityDefinition | undefined {
  return byName.get(name.trim().toLowerCase());
}

/** The name a project shows for this quality; Radarr-only qualities fall back to their nearest Sonarr quality. */
export function qualityDisplayName(q: QualityDefinition, flavour: 'Sonarr' | 'Radarr'): string {
  if (flavour === 'Radarr') return q.radarrName;
  if (q.sonarrName) return q.sonarrName;
  const fallback = q.sonarrFallbackId ? byId.get(q.sonarrFallbackId) : undefined;
  return fallback?.sonarrName ?? 'Unknown';
}

/** Positive when `a` is better than `b` (upgrade comparison). */
export function compareQuality(a: QualityDefinition, b: QualityDefinition): number {
  return a.weight - b.weight;
}
