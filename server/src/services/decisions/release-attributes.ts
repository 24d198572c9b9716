// What an indexer says about a release beyond its title, in the terms custom formats and specifications use: the
// indexer flags (from volume factors and the indexer's own markers) and the languages when the title names none.
import type { IndexerFlag } from '../../domain/custom-formats/custom-format.types.js';
import { languageValue } from '../../domain/custom-formats/custom-format.values.js';
import type { ReleaseInfo } from '../../providers/ports/indexer.port.js';

const PSEUDO_LANGUAGES = new Set(['Any', 'Original', 'Unknown']);

export function releaseIndexerFlags(r: ReleaseInfo): Set<IndexerFlag> {
  const flags = new Set<IndexerFlag>();
  const down = r.downloadVolumeFactor;
  if (r.freeleech || down === 0) flags.add('freeleech');
  else if (down === 0.5) flags.add('halfleech');
  else if (down === 0.25) flags.add('freeleech75');
  else if (down === 0.75) flags.add('freeleech25');
  if (r.uploadVolumeFactor !== undefined && r.uploadVolumeFactor >= 2) flags.add('doubleUpload');
  if (r.internal) flags.add('internal');
  if (r.scene) flags.add('scene');
  if (r.nuked) flags.add('nuked');
  return flags;
}

/**
 * The languages a release is judged by: the title's when it names any; else the indexer's `language` attrs that
 * are known languages; else `fallback` (English, the default Sonarr and Radarr users expect from an untagged title).
 */
export function releaseLanguages(
  parsed: readonly string[],
  r: ReleaseInfo,
  fallback: readonly string[] = ['English'],
): string[] {
  if (parsed.length > 0 && parsed[0] !== 'Unknown') return [...parsed];
  const fromIndexer = new Set<string>();
  for (const name of r.languages ?? []) {
    // Only real language names: numbers and the pseudo-languages (Any, Original, Unknown) say nothing here.
    const known = /^\s*-?\d+\s*$/.test(name) ? undefined : languageValue(name);
    if (known && !PSEUDO_LANGUAGES.has(known)) fromIndexer.add(known);
  }
  return fromIndexer.size > 0 ? [...fromIndexer] : [...fallback];
}
