// The profiles and size definitions a fresh install starts with. Seeded by migration 0002; one set serves movies and
// TV because the catalog is shared. Movie-only pre-release qualities (CAM, TELESYNC…) are listed but never allowed.
import { QUALITY_CATALOG } from '../quality/quality-catalog.js';
import type {
  ProfileItem,
  ProfileQualityItem,
  QualityDefinitionRecord,
  QualityProfileInput,
} from './quality-profile.types.js';

/** webdl-X and webrip-X rank together as "WEB Xp", as in Sonarr v4 and Radarr v4 defaults. */
const WEB_GROUPS: Record<string, string> = {
  'webdl-480p': 'WEB 480p',
  'webrip-480p': 'WEB 480p',
  'webdl-720p': 'WEB 720p',
  'webrip-720p': 'WEB 720p',
  'webdl-1080p': 'WEB 1080p',
  'webrip-1080p': 'WEB 1080p',
  'webdl-2160p': 'WEB 2160p',
  'webrip-2160p': 'WEB 2160p',
};

/** The full ladder with nothing allowed, groups formed from adjacent catalog entries. */
function ladder(allowed: Set<string>): ProfileItem[] {
  const items: ProfileItem[] = [];
  for (const q of QUALITY_CATALOG) {
    const leaf: ProfileQualityItem = { quality: q.id, allowed: allowed.has(q.id) };
    const groupName = WEB_GROUPS[q.id];
    const last = items[items.length - 1];
    if (groupName && last && 'items' in last && last.name === groupName) {
      last.items.push(leaf);
      last.allowed = last.allowed || leaf.allowed;
    } else if (groupName) {
      items.push({ name: groupName, allowed: leaf.allowed, items: [leaf] });
    } else {
      items.push(leaf);
    }
  }
  // Inside a group the group decides; keep the leaves consistent so clients that read leaves agree.
  for (const item of items) if ('items' in item) for (const leaf of item.items) leaf.allowed = item.allowed;
  return items;
}

const SD = ['sdtv', 'dvd', 'webdl-480p', 'webrip-480p', 'bluray-480p', 'bluray-576p'];
const HD720 = ['hdtv-720p', 'webdl-720p', 'webrip-720p', 'bluray-720p'];
const HD1080 = ['hdtv-1080p', 'webdl-1080p', 'webrip-1080p', 'bluray-1080p', 'remux-1080p'];
const UHD = ['hdtv-2160p', 'webdl-2160p', 'webrip-2160p', 'bluray-2160p', 'remux-2160p'];

function profile(name: string, cutoff: string, allowed: string[]): QualityProfileInput {
  return {
    name,
    upgradeAllowed: false,
    cutoff,
    items: ladder(new Set(allowed)),
    minFormatScore: 0,
    cutoffFormatScore: 0,
    formatItems: [],
  };
}

/** The whole ladder with nothing allowed: the starting point for a new profile. */
export function profileTemplate(): QualityProfileInput {
  return { ...profile('', 'unknown', []), upgradeAllowed: true };
}

export function defaultQualityProfiles(): QualityProfileInput[] {
  return [
    profile('Any', 'sdtv', [...SD, ...HD720, ...HD1080, ...UHD]),
    profile('SD', 'sdtv', SD),
    profile('HD-720p', 'hdtv-720p', HD720),
    profile('HD-1080p', 'hdtv-1080p', HD1080),
    profile('Ultra-HD', 'hdtv-2160p', UHD),
    profile('HD - 720p/1080p', 'hdtv-720p', [...HD720, ...HD1080]),
  ];
}

/** One definition per catalog quality with the catalog's size window and Radarr's display name. */
export function defaultQualityDefinitions(): Omit<QualityDefinitionRecord, 'id'>[] {
  return QUALITY_CATALOG.map((q) => ({
    qualityId: q.id,
    title: q.radarrName,
    weight: q.weight,
    minSize: q.size.min,
    preferredSize: q.size.preferred,
    maxSize: q.size.max,
  }));
}
