// The raw quality hints one scan of a release name collects (see quality-features.scanner.ts).

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

export function emptyFeatures(): QualityFeatures {
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
