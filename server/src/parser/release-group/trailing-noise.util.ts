// Text that indexers, reposters and sites append after the real release group. Peeled off repeatedly
// because they stack (`-EVL-RP-RP`, `.mkv-xpost`, `x264-2HD [eztv]-[rarbg.com]`).
import { stripFileExtension } from './media-tokens.data.js';
import { trailingBracket } from './tail-scan.util.js';

/** Repost / obfuscation / indexer tags: the group is the part before them. */
const REPOST_SUFFIX =
  /-(?:rp|obfuscated|obfuscation|scrambled|nzbgeek|postbot|xpost|rakuv[a-z]*|buymore|asrequested|alternativetorequested|gerov|z0ids3n|chamele0n|4p|4planet|altezachen|whiterev|repackpost|sample|pre|\d{1,2})$/i;
const REPOST_SUFFIX_AT = new RegExp(REPOST_SUFFIX.source, 'iy');
const CRC = /\s*[[(][0-9a-f]{8}[\])]\s*$/i;
const KNOWN_SITES = new Set(['eztv', 'ettv', 'rartv', 'rarbg', 'publichd', 'tgx']);
const DOMAIN = /^(?:www\.\S+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|to|io|gov|info|biz|tv|me|cc|ws|xyz|nu|eu|co|uk))$/i;

/** `www.site.com`, `rarbg.to`, `eztv`: a site's name, never a group. */
export function isSiteTag(text: string): boolean {
  const trimmed = text.trim();
  const firstLabel = trimmed.toLowerCase().split('.')[0]!;
  return KNOWN_SITES.has(firstLabel) || DOMAIN.test(trimmed);
}

/**
 * Cheap exact pre-checks skip the end-anchored regexes (each one a scan of the whole text) when they
 * cannot match: an extension needs a dot near the end, a repost tag a dash, a CRC or a site tag a
 * closing bracket at the end.
 */
function stripOnce(text: string): string {
  let s = text;
  s = stripFileExtension(s);
  // No tag holds a dash, so only the last dash can start a match: one sticky test there.
  const dash = s.lastIndexOf('-');
  if (dash >= 0) {
    REPOST_SUFFIX_AT.lastIndex = dash;
    if (REPOST_SUFFIX_AT.test(s)) s = s.slice(0, dash);
  }
  const closer = s.trimEnd().slice(-1);
  if (closer === ']' || closer === ')') s = s.replace(CRC, '');
  s = s.trimEnd();
  const bracket = trailingBracket(s);
  if (bracket && isSiteTag(bracket.group)) s = s.slice(0, bracket.index).trimEnd();
  return s;
}

export function stripTrailingNoise(title: string): string {
  let text = title;
  for (let guard = 0; guard < 8; guard++) {
    const before = text;
    text = stripOnce(text);
    if (text === before) break;
  }
  return text;
}
