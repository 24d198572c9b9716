// Public entry points of the quality parser: title → QualityParse, and QualityParse → each project's name.

import type { QualityDefinition } from '../../domain/quality/quality.types.js';
import { qualityById, qualityDisplayName, UNKNOWN_QUALITY } from '../../domain/quality/quality-catalog.js';
import { inputTail } from '../input-limit.js';
import type { QualityParse } from './quality.types.js';
import { scanQualityFeatures } from './quality-features.scanner.js';
import { catalogIdFor, MEDIA_EXTENSIONS, resolveQuality } from './quality-resolve.rules.js';

/** Tried at the last dot only (sticky): an extension holds no dot, so no other dot can start a match. */
const EXTENSION_AT = /\.([a-z0-9]{2,4})$/iy;

/** Splits a trailing media-container extension off (`.mkv`); other dotted suffixes stay part of the name. */
export function splitExtension(name: string): [base: string, ext: string] {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return [name, ''];
  EXTENSION_AT.lastIndex = dot;
  const m = EXTENSION_AT.exec(name);
  if (!m) return [name, ''];
  const ext = m[1]!.toLowerCase();
  return MEDIA_EXTENSIONS.has(ext) ? [name.slice(0, m.index), ext] : [name, ''];
}

export function parseQuality(name: string): QualityParse {
  const [base, ext] = splitExtension(inputTail(name.trim()));
  const f = scanQualityFeatures(base);
  const q = resolveQuality(f, ext);
  return {
    qualityId: catalogIdFor(q),
    sourceDetection: q.sourceDetection,
    resolutionDetection: q.resolutionDetection,
    revision: { version: f.version, real: f.real, isRepack: f.isRepack },
    source: q.source,
    resolution: q.resolution,
    modifier: q.modifier,
  };
}

/**
 * The catalog entry a project would file this parse under. The projects agree except on one point:
 * an SD height read from the name with no source word is a TV capture to Sonarr but a WEB-DL to Radarr.
 */
export function qualityFor(q: QualityParse, flavour: 'Sonarr' | 'Radarr'): QualityDefinition {
  if (
    flavour === 'Radarr' &&
    q.qualityId === 'sdtv' &&
    q.sourceDetection !== 'name' &&
    q.resolutionDetection === 'name'
  ) {
    return qualityById('webdl-480p')!;
  }
  return qualityById(q.qualityId) ?? UNKNOWN_QUALITY;
}

/** The quality's display name in Sonarr's or Radarr's naming (e.g. `Bluray-1080p Remux` vs `Remux-1080p`). */
export function qualityNameFor(q: QualityParse, flavour: 'Sonarr' | 'Radarr'): string {
  return qualityDisplayName(qualityFor(q, flavour), flavour);
}
