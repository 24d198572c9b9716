// Single-token release vocabulary and the hint each word sets. Kept as data so adding a spelling is one line.
import type { QualityFeatures } from './quality-features.types.js';

export const STREAMING_TAG =
  /^(?:netflix|amazon|itunes|maxdome|hbomax|disney|appletv|hulu|sky|magenta|joyn|tvnow|web)u?[hs]d$/;
export const DVDR_TAG = /^(?:\d?x?dvd(?:5|9|r)|mdvdr)$/;
// A Map, not an object literal: tokens such as `constructor` must never hit a prototype member.
export const SINGLE_WORD = new Map<string, (f: QualityFeatures) => void>();
const def = (words: string[], fn: (f: QualityFeatures) => void) => {
  for (const w of words) SINGLE_WORD.set(w, fn);
};
export const strongBluray = (f: QualityFeatures) => {
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
