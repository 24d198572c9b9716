// Text that indexers, reposters and sites append after the real release group. Peeled off repeatedly
// because they stack (`-EVL-RP-RP`, `.mkv-xpost`, `x264-2HD [eztv]-[rarbg.com]`).
import { FILE_EXTENSION } from './media-tokens.data.js';

/** Repost / obfuscation / indexer tags: the group is the part before them. */
const REPOST_SUFFIX =
  /-(?:rp|obfuscated|obfuscation|scrambled|nzbgeek|postbot|xpost|rakuv[a-z]*|buymore|asrequested|alternativetorequested|gerov|z0ids3n|chamele0n|4p|4planet|altezachen|whiterev|repackpost|sample|pre|\d{1,2})$/i;
const TRAILING_BRACKET = /\s*-?\s*\[([^[\]]*)\]\s*$/;
const CRC = /\s*[[(][0-9a-f]{8}[\])]\s*$/i;
const KNOWN_SITES = new Set(['eztv', 'ettv', 'rartv', 'rarbg', 'publichd', 'tgx']);
const DOMAIN = /^(?:www\.\S+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|to|io|gov|info|biz|tv|me|cc|ws|xyz|nu|eu|co|uk))$/i;

/** `www.site.com`, `rarbg.to`, `eztv`: a site's name, never a group. */
export function isSiteTag(text: string): boolean {
  const trimmed = text.trim();
  const firstLabel = trimmed.toLowerCase().split('.')[0]!;
  return KNOWN_SITES.has(firstLabel) || DOMAIN.test(trimmed);
}

export function stripTrailingNoise(title: string): string {
  let text = title;
  for (let guard = 0; guard < 8; guard++) {
    const before = text;
    text = text.replace(FILE_EXTENSION, '').replace(REPOST_SUFFIX, '').replace(CRC, '').trimEnd();
    const bracket = TRAILING_BRACKET.exec(text);
    if (bracket && isSiteTag(bracket[1]!)) text = text.slice(0, bracket.index).trimEnd();
    if (text === before) break;
  }
  return text;
}
