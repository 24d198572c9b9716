// Titles that are hashes, random strings or usenet noise are rejected before any numbering rule
// can read digits out of them by accident.
const HEX_HASH_RE = /^[a-f0-9]{24,64}$/i;
const TOKEN_SPLIT_RE = /[\s._-]+/;

function looksRandom(token: string): boolean {
  if (token.length < 14 || !/^[A-Za-z0-9]+$/.test(token)) return false;
  // Real words are not a jumble of digits and mixed case.
  const digits = (token.match(/\d/g) ?? []).length;
  const upper = (token.match(/[A-Z]/g) ?? []).length;
  const lower = (token.match(/[a-z]/g) ?? []).length;
  return digits > 0 && (upper > 1 || lower > 0) && (upper > 0 || digits > 2);
}

export function isObfuscated(releaseTitle: string): boolean {
  const t = releaseTitle.trim();
  if (HEX_HASH_RE.test(t)) return true;
  if (/\byEnc\b/.test(t) || /^password\b/i.test(t)) return true;
  const tokens = t.split(TOKEN_SPLIT_RE).filter((x) => x !== '');
  return tokens.length <= 3 && tokens.some(looksRandom) && tokens.every((x) => looksRandom(x) || x.length <= 3);
}
