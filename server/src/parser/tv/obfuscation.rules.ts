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

const SEPARATOR_RE = /[\s._-]/;

/** True when `t` has more than `max` runs between TOKEN_SPLIT_RE separators; stops counting there. */
function hasMoreTokensThan(t: string, max: number): boolean {
  let count = 0;
  let inToken = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const sep =
      c < 128 ? c === 32 || c === 46 || c === 95 || c === 45 || (c >= 9 && c <= 13) : SEPARATOR_RE.test(t[i]!);
    if (sep) inToken = false;
    else if (!inToken) {
      inToken = true;
      if (++count > max) return true;
    }
  }
  return false;
}

export function isObfuscated(releaseTitle: string): boolean {
  const t = releaseTitle.trim();
  if (HEX_HASH_RE.test(t)) return true;
  if ((t.includes('yEnc') && /\byEnc\b/.test(t)) || /^password\b/i.test(t)) return true;
  if (hasMoreTokensThan(t, 3)) return false;
  const tokens = t.split(TOKEN_SPLIT_RE).filter((x) => x !== '');
  return tokens.length <= 3 && tokens.some(looksRandom) && tokens.every((x) => looksRandom(x) || x.length <= 3);
}
