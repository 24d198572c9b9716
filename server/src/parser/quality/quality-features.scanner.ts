// One pass over the release tokens that records every quality hint the name contains.
// Deciding what the hints mean together is left to quality-resolve.rules.ts.
import type { QualityFeatures } from './quality-features.types.js';
import { emptyFeatures, normaliseHeight } from './quality-features.types.js';
import { DVDR_TAG, SINGLE_WORD, STREAMING_TAG, strongBluray } from './quality-words.table.js';
import { isBracketed, type Token, tokenize } from './release-tokens.lexer.js';

export type { QualityFeatures } from './quality-features.types.js';

/** Two-token spellings (`WEB-DL`, `Blu-ray`, `HD TV`, `MPEG-2`...). Returns true when `next` was consumed. */
function pair(t: string, next: string, f: QualityFeatures): boolean {
  switch (t) {
    case 'web':
      if (next === 'dl' || next === 'dlmux') f.webdl = true;
      else if (next === 'rip' || next === 'dlrip') f.webrip = true;
      else return false;
      return true;
    case 'blu':
      if (next !== 'ray') return false;
      strongBluray(f);
      f.bluraySpaced = true;
      return true;
    case 'hd':
      if (next === 'dvd') {
        strongBluray(f);
        f.bluraySpaced = true;
      } else if (next === 'tv') {
        f.tv = true;
        f.tvHd = true;
      } else if (next === 'cam') f.cam = true;
      else if (next === 'ts') f.telesync = true;
      else if (next === 'tc') f.telecine = true;
      else return false;
      return true;
    case 'sd':
      if (next === 'tv') f.tv = true;
      else if (next === 'dvd') f.dvd = true;
      else return false;
      return true;
    case 'dvd':
      if (next === 'r') f.dvdr = true;
      else if (next !== 'rip') return false;
      f.dvd = true;
      return true;
    case 'raw':
      if (next !== 'hd') return false;
      f.rawhd = true;
      return true;
    case 'mpeg':
      if (next !== '2') return false;
      f.mpeg2 = true;
      f.discCodec = true;
      return true;
    case 'vc':
      if (next !== '1') return false;
      f.discCodec = true;
      return true;
    case 'h':
    case 'x':
      if (next === 'vid' && t === 'x') f.sdCodec = true;
      else if (next !== '264' && next !== '265' && next !== '266') return false;
      f.encoder = true;
      return true;
    case 'complete':
      if (next !== 'bluray') return false;
      strongBluray(f);
      f.brdisk = true;
      return true;
    case 'ultra':
      if (next !== 'hd') return false;
      f.weakRes = 2160;
      return true;
    default:
      return false;
  }
}

const WIDTH_X_HEIGHT = /^\d{3,4}x(\d{3,4})$/;
const TRAILING_RES = /(\d{3,4})[pi]$/;
const VERSION_TAG = /^\d{0,4}v(\d)$/;
const REVISION_N = /^(?:repack|rerip)(\d)$/;

/** Tokens that carry a number glued to letters: resolutions, versions, DVD-R and streaming tags. */
function glued(t: string, f: QualityFeatures, versionContext: boolean): void {
  const last = t.charCodeAt(t.length - 1);
  if (last === 112 || last === 105) {
    // ...p / ...i: 1080p, 480i, Bluray720p, BD1080p, 4Kto1080p
    const m = TRAILING_RES.exec(t);
    if (m && f.res === 0) {
      const h = Number(m[1]);
      if (h >= 240) f.res = normaliseHeight(h);
      const prefix = t.slice(0, m.index);
      if (prefix === 'bluray' || prefix === 'bd') strongBluray(f);
      else if (prefix === 'uhdremux' || prefix === 'remux') {
        strongBluray(f);
        f.remux = true;
      }
    }
    return;
  }
  const c0 = t.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    const wh = WIDTH_X_HEIGHT.exec(t);
    if (wh) {
      if (f.res === 0) f.res = normaliseHeight(Number(wh[1]));
      return;
    }
  }
  // Cheap character checks first: most tokens are title words and should not reach any regex.
  const lastIsDigit = last >= 48 && last <= 57;
  if (lastIsDigit) {
    const v = t.length <= 6 && t.includes('v') ? VERSION_TAG.exec(t) : null;
    if (v) {
      // `01v2` is always a revision; a lone `v3` only right after an episode number or as a `[v2]` tag,
      // otherwise it is part of a title ("Series v3").
      if (t.charCodeAt(0) !== 118 || versionContext) f.version = Math.max(f.version, Number(v[1]));
      return;
    }
    const r = t.charCodeAt(0) === 114 ? REVISION_N.exec(t) : null;
    if (r) {
      f.version = Math.max(f.version, Number(r[1]) + 1);
      f.isRepack = true;
      return;
    }
  }
  if ((lastIsDigit || last === 114) && t.includes('dvd')) {
    if (DVDR_TAG.test(t)) {
      f.dvd = true;
      f.dvdr = true;
    }
  } else if (last === 100 && STREAMING_TAG.test(t)) f.webdl = true;
}

/** Scans `name` (extension already removed) once and returns the raw hints. */
export function scanQualityFeatures(name: string): QualityFeatures {
  const f = emptyFeatures();
  const tokens: Token[] = tokenize(name);
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const tok = tokens[i]!;
    const t = tok.text;
    if (i + 1 < n && pair(t, tokens[i + 1]!.text, f)) {
      i++;
      continue;
    }
    const rule = SINGLE_WORD.get(t);
    if (rule) {
      rule(f);
      if (t === 'hdtv' && isBracketed(name, tok)) f.tvHd = true;
      continue;
    }
    if (t === 'web') {
      f.webBare = true;
      if (isBracketed(name, tok)) f.webBareBracketed = true;
    } else if (t === 'real') {
      // Only the upper-case tag counts: "real" in a title ("The Real Housewives") is a word, not a tag.
      if (name.slice(tok.start, tok.end) === 'REAL') f.real++;
    } else if (t.length > 1) {
      const prev = i > 0 ? tokens[i - 1]!.text : '';
      const prevEndsInDigit = prev !== '' && prev.charCodeAt(prev.length - 1) <= 57;
      glued(t, f, prevEndsInDigit || isBracketed(name, tok));
    }
  }
  return f;
}
