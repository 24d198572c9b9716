// One pass over the release tokens that records every quality hint the name contains.
// Deciding what the hints mean together is left to quality-resolve.rules.ts.
import { isBracketed, type Token, tokenize } from './release-tokens.lexer.js';

export interface QualityFeatures {
  /** First explicit resolution (`1080p`, `1920x1080`, `Bluray720p`), normalised to a ladder step; 0 = none. */
  res: number;
  /** Weaker resolution hints (4K, UHD, FHD, HR) used only when no explicit one exists. */
  weakRes: number;
  bluray: boolean;
  /** `BluRay` written as one word (German scene naming relies on it, see the resolve rules). */
  blurayWord: boolean;
  /** `Blu-ray` / `HD.DVD` spelled apart: full-disc naming convention. */
  bluraySpaced: boolean;
  /** Only rip spellings (BDRip/BRRip) named Blu-ray: those default to SD. */
  blurayRipOnly: boolean;
  weakBluray: boolean;
  webdl: boolean;
  webrip: boolean;
  /** Bare `WEB` token; trusted only with a resolution or inside brackets. */
  webBare: boolean;
  webBareBracketed: boolean;
  tv: boolean;
  /** HD spelled apart from TV, or a bare `[HDTV]` tag: means 720p, not SD. */
  tvHd: boolean;
  dvd: boolean;
  dvdr: boolean;
  palNtsc: boolean;
  screener: boolean;
  regional: boolean;
  cam: boolean;
  telesync: boolean;
  telecine: boolean;
  workprint: boolean;
  weakTelesync: boolean;
  weakTelecine: boolean;
  remux: boolean;
  brdisk: boolean;
  rawhd: boolean;
  mpeg2: boolean;
  discCodec: boolean;
  encoder: boolean;
  sdCodec: boolean;
  version: number;
  isRepack: boolean;
  real: number;
}

function emptyFeatures(): QualityFeatures {
  return {
    res: 0,
    weakRes: 0,
    bluray: false,
    blurayWord: false,
    bluraySpaced: false,
    blurayRipOnly: true,
    weakBluray: false,
    webdl: false,
    webrip: false,
    webBare: false,
    webBareBracketed: false,
    tv: false,
    tvHd: false,
    dvd: false,
    dvdr: false,
    palNtsc: false,
    screener: false,
    regional: false,
    cam: false,
    telesync: false,
    telecine: false,
    workprint: false,
    weakTelesync: false,
    weakTelecine: false,
    remux: false,
    brdisk: false,
    rawhd: false,
    mpeg2: false,
    discCodec: false,
    encoder: false,
    sdCodec: false,
    version: 1,
    isRepack: false,
    real: 0,
  };
}

/** Maps any height to the ladder step releases are graded on (1440 → 1080, 960 → 720, 540 → 480). */
export function normaliseHeight(h: number): number {
  if (h >= 1800) return 2160;
  if (h >= 1000) return 1080;
  if (h >= 700) return 720;
  if (h >= 576) return 576;
  return 480;
}

const STREAMING_TAG =
  /^(?:netflix|amazon|itunes|maxdome|hbomax|disney|appletv|hulu|sky|magenta|joyn|tvnow|web)u?[hs]d$/;
const DVDR_TAG = /^(?:\d?x?dvd(?:5|9|r)|mdvdr)$/;
// A Map, not an object literal: tokens such as `constructor` must never hit a prototype member.
const SINGLE_WORD = new Map<string, (f: QualityFeatures) => void>();
const def = (words: string[], fn: (f: QualityFeatures) => void) => {
  for (const w of words) SINGLE_WORD.set(w, fn);
};
const strongBluray = (f: QualityFeatures) => {
  f.bluray = true;
  f.blurayRipOnly = false;
};
def(['bluray', 'blueray', 'mbluray'], (f) => {
  strongBluray(f);
  f.blurayWord = true;
});
def(['uhdbd', 'hddvd', 'bdmux', 'blurayrip'], strongBluray);
def(['bdrip', 'brrip', 'uhdbdrip', 'hddvdrip', 'bdrips'], (f) => {
  f.bluray = true;
});
def(['bd'], (f) => {
  f.weakBluray = true;
});
def(['bdremux', 'uhdremux'], (f) => {
  strongBluray(f);
  f.remux = true;
});
def(['bdiso', 'bd25', 'bd50', 'bd66', 'bd100'], (f) => {
  strongBluray(f);
  f.brdisk = true;
});
def(['iso'], (f) => {
  f.brdisk = true;
});
def(['remux'], (f) => {
  f.remux = true;
});
def(['webdl', 'webhd'], (f) => {
  f.webdl = true;
});
def(['webrip', 'webmux', 'hdrip', 'webdlrip'], (f) => {
  f.webrip = true;
});
def(['hdtv', 'pdtv', 'sdtv', 'dsr', 'dsrip', 'tvrip', 'satrip', 'dvbrip', 'hdtvrip'], (f) => {
  f.tv = true;
});
def(['dvd', 'dvdrip', 'xvidvd', 'ntscdvd', 'paldvd'], (f) => {
  f.dvd = true;
});
def(['dvdscr', 'dvdscreener', 'screener', 'scr', 'bdscr'], (f) => {
  f.dvd = true;
  f.screener = true;
});
def(['r5', 'r6'], (f) => {
  f.regional = true;
});
def(['pal', 'ntsc', 'secam'], (f) => {
  f.palNtsc = true;
});
def(['cam', 'camrip', 'hdcam', 'hqcam'], (f) => {
  f.cam = true;
});
def(['telesync', 'telesynch', 'tsrip', 'hdts'], (f) => {
  f.telesync = true;
});
def(['ts'], (f) => {
  f.weakTelesync = true;
});
def(['telecine', 'hdtc'], (f) => {
  f.telecine = true;
});
def(['tc'], (f) => {
  f.weakTelecine = true;
});
def(['workprint'], (f) => {
  f.workprint = true;
});
def(['rawhd'], (f) => {
  f.rawhd = true;
});
def(['mpeg2'], (f) => {
  f.mpeg2 = true;
  f.discCodec = true;
});
def(['avc', 'hevc', 'vc1'], (f) => {
  f.discCodec = true;
});
def(['x264', 'x265', 'x266', 'h264', 'h265', 'h266', 'av1', 'vp9'], (f) => {
  f.encoder = true;
});
def(['xvid', 'divx'], (f) => {
  f.encoder = true;
  f.sdCodec = true;
});
def(['4k', 'uhd', 'ultrahd'], (f) => {
  f.weakRes = Math.max(f.weakRes, 2160);
});
def(['fhd'], (f) => {
  if (f.weakRes < 1080) f.weakRes = 1080;
});
def(['hr'], (f) => {
  if (f.weakRes < 720) f.weakRes = 720;
});
def(['proper'], (f) => {
  if (f.version < 2) f.version = 2;
});
def(['repack', 'rerip'], (f) => {
  if (f.version < 2) f.version = 2;
  f.isRepack = true;
});

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
  const v = VERSION_TAG.exec(t);
  if (v) {
    // `01v2` is always a revision; a lone `v3` only right after an episode number or as a `[v2]` tag,
    // otherwise it is part of a title ("Series v3").
    if (t.charCodeAt(0) !== 118 || versionContext) f.version = Math.max(f.version, Number(v[1]));
    return;
  }
  const r = REVISION_N.exec(t);
  if (r) {
    f.version = Math.max(f.version, Number(r[1]) + 1);
    f.isRepack = true;
    return;
  }
  if (DVDR_TAG.test(t)) {
    f.dvd = true;
    f.dvdr = true;
  } else if (STREAMING_TAG.test(t)) f.webdl = true;
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
