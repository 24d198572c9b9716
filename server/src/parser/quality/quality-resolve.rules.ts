// Turns the scanned hints into one source / resolution / modifier, then into a catalog id.
// The precedence below is what the fixture titles show releases mean in practice.
import type { QualityModifier, QualitySource } from '../../domain/quality/quality.types.js';
import type { DetectionSource } from './quality.types.js';
import type { QualityFeatures } from './quality-features.scanner.js';

export interface ResolvedQuality {
  source: QualitySource;
  resolution: number;
  modifier: QualityModifier;
  sourceDetection: DetectionSource;
  resolutionDetection: DetectionSource;
}

/** Container extensions and what they imply when the name says nothing (source, default height). */
const EXTENSIONS = new Map<string, [QualitySource, number]>([
  ['avi', ['television', 480]],
  ['divx', ['television', 480]],
  ['wmv', ['television', 480]],
  ['mpg', ['television', 480]],
  ['mpeg', ['television', 480]],
  ['vob', ['television', 480]],
  ['flv', ['television', 480]],
  ['3gp', ['television', 480]],
  ['ogm', ['television', 480]],
  ['rm', ['television', 480]],
  ['rmvb', ['television', 480]],
  ['asf', ['television', 480]],
  ['m4v', ['television', 480]],
  ['mkv', ['television', 720]],
  ['mp4', ['television', 720]],
  ['mov', ['television', 720]],
  ['ts', ['television', 720]],
  ['wtv', ['television', 720]],
  ['m2ts', ['bluray', 720]],
]);

/** Extensions recognised as media containers (stripped before parsing even if they imply nothing). */
export const MEDIA_EXTENSIONS = new Set([...EXTENSIONS.keys(), 'webm', 'iso', 'img', 'strm']);

/** The name's own source, strongest evidence first; group-like weak tags (`BD`, `TS`) only as a last resort. */
function nameSource(f: QualityFeatures, res: number): QualitySource {
  if (f.cam) return 'cam';
  if (f.telesync) return 'telesync';
  if (f.telecine) return 'telecine';
  if (f.workprint) return 'workprint';
  if (f.bluray) return 'bluray';
  if (f.webrip) return 'webrip';
  if (f.webdl) return 'web';
  if (f.tv || f.rawhd) return 'television';
  if (f.dvd || f.dvdr || f.screener) return 'dvd';
  // A bare WEB is a word in many titles; trust it only next to a resolution or as a `[Web]` tag.
  if (f.webBare && (res > 0 || f.webBareBracketed)) return 'web';
  if (f.weakBluray) return 'bluray';
  if (f.weakTelesync) return 'telesync';
  if (f.weakTelecine) return 'telecine';
  if (f.palNtsc || f.regional) return 'dvd';
  return 'unknown';
}

/** Height a source implies when the name gives none. */
function defaultHeight(source: QualitySource, f: QualityFeatures): number {
  switch (source) {
    case 'bluray':
      // XviD encodes and BDRip/BRRip-only names are SD re-encodes; a plain "BluRay" tag is HD.
      return f.sdCodec || f.blurayRipOnly ? 480 : 720;
    case 'web':
      // Anime `[Web]` tags are 720p releases; German streaming tags (AmazonSD, NetflixUHD) without a height are SD.
      return f.webBare && !f.webdl ? 720 : 480;
    case 'television':
      return f.tvHd || f.weakRes === 720 ? 720 : 480;
    case 'webrip':
    case 'dvd':
      return 480;
    default:
      return 0;
  }
}

export function resolveQuality(f: QualityFeatures, extension: string): ResolvedQuality {
  const explicitRes = f.res;
  let resolution = explicitRes || (f.weakRes >= 1080 ? f.weakRes : 0);
  let resolutionDetection: DetectionSource = resolution ? 'name' : 'unknown';
  let source = nameSource(f, resolution);
  let sourceDetection: DetectionSource = source === 'unknown' ? 'unknown' : 'name';
  let modifier: QualityModifier = 'none';

  // REMUX without another source is a Blu-ray remux; with a WEB/TV source it is just a container note.
  if (f.remux && (source === 'unknown' || source === 'bluray')) {
    source = 'bluray';
    sourceDetection = 'name';
  }
  const ext = EXTENSIONS.get(extension);
  if (source === 'unknown') {
    if (f.encoder && !resolution) {
      // A codec tag with nothing else is how SD TV captures used to be named.
      source = 'television';
    } else if (ext) {
      source = ext[0];
      sourceDetection = 'extension';
      if (!resolution) {
        resolution = ext[1];
        resolutionDetection = 'extension';
      }
    } else if (resolution) source = 'television';
  }
  if (source === 'bluray') {
    const discCodecOnly = f.discCodec && !f.encoder && !f.remux;
    if (f.brdisk || extension === 'iso' || (discCodecOnly && (f.bluraySpaced || !explicitRes))) modifier = 'brdisk';
    else if (f.remux || (discCodecOnly && f.blurayWord)) modifier = 'remux';
  } else if (source === 'television' && (f.rawhd || f.mpeg2)) modifier = 'rawhd';
  else if (source === 'dvd') {
    if (f.dvdr || f.remux) modifier = 'remux';
    else if (f.screener) modifier = 'screener';
    else if (f.regional) modifier = 'regional';
  }
  if (!resolution) {
    resolution = f.weakRes || defaultHeight(source, f);
    if (modifier === 'remux' && source === 'bluray' && !f.weakRes) resolution = 1080;
  }
  return { source, resolution, modifier, sourceDetection, resolutionDetection };
}

/** Catalog id of a resolved quality (the catalog is the single list of valid combinations). */
export function catalogIdFor(q: ResolvedQuality): string {
  const r = q.resolution;
  switch (q.source) {
    case 'cam':
    case 'telesync':
    case 'telecine':
    case 'workprint':
      return q.source;
    case 'dvd':
      if (q.modifier === 'remux') return 'dvd-r';
      if (q.modifier === 'screener') return 'dvdscr';
      if (q.modifier === 'regional') return 'regional';
      return 'dvd';
    case 'television':
      if (q.modifier === 'rawhd') return 'raw-hd';
      return r >= 720 ? `hdtv-${r === 576 ? 720 : r}p` : 'sdtv';
    case 'web':
      return `webdl-${r <= 576 ? 480 : r}p`;
    case 'webrip':
      return `webrip-${r <= 576 ? 480 : r}p`;
    case 'bluray':
      if (q.modifier === 'brdisk') return 'br-disk';
      if (q.modifier === 'remux' && r >= 1080) return `remux-${r}p`;
      return `bluray-${r || 720}p`;
    default:
      return 'unknown';
  }
}
