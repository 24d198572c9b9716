// Words that describe the media (source, resolution, codecs, audio, container) rather than a title or a
// group. Both the language and the release-group parsers use them to tell "technical part" from names.
// One anchored alternation tested per token: no nested quantifiers, so each test is linear in token length.

import { findWordFromEnd } from './word-scan.util.js';

const MEDIA_TOKEN =
  /^(?:\d{1,5}|\d{3,4}[pi]|\d{3,4}x\d{3,4}|[248]k|m?uhd|[xh]26[45]|hevc|avc|xvid|divx|av1|vc1|mpeg2|(?:dd|ddp|dd\+|aac|ac3|eac3|dts|flac|opus|truehd|atmos|lpcm|pcm|mp3)\d{0,2}|ma|hd|dl|web|webrip|webdl|webmux|hdrip|dlrip|bluray|bdrip|brrip|dvdrip|dvd|dvdr|bd|bdmux|bdremux|bdfull|remux|hdtv|sdtv|pdtv|dsr|tvrip|\d{1,2}bits?|hdr\d{0,2}\+?|dv|dovi|sdr|hybrid|amzn|nf|dsnp|atvp|hmax|crav|pmtp|ip|ds4k|mkv|mp4|avi|m2ts|\d+ch)$/i;

/**
 * The alternatives of MEDIA_TOKEN that are plain words (or match a plain word when their optional parts are
 * empty). Every other match holds a digit or a `+`, so a word without either needs only this Set lookup.
 */
export const MEDIA_WORDS: ReadonlySet<string> = new Set(
  (
    'uhd muhd hevc avc xvid divx dd ddp aac dts flac opus truehd atmos lpcm pcm ma hd dl web webrip webdl ' +
    'webmux hdrip dlrip bluray bdrip brrip dvdrip dvd dvdr bd bdmux bdremux bdfull remux hdtv sdtv pdtv dsr ' +
    'tvrip hdr dv dovi sdr hybrid amzn nf dsnp atvp hmax crav pmtp ip mkv avi'
  ).split(' '),
);

function hasDigitOrPlus(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 43) return true;
  }
  return false;
}

/** True when `token` (no separators inside) is a technical media word such as `1080p`, `x264`, `DTS`, `WEBRip`. */
export function isMediaToken(token: string): boolean {
  if (token.length === 0 || token.length > 12) return false;
  if (!hasDigitOrPlus(token)) return MEDIA_WORDS.has(token.toLowerCase());
  return MEDIA_TOKEN.test(token);
}

/** The part of isMediaToken that MEDIA_WORDS does not cover: tokens with a digit or `+` that match the pattern. */
export function isMediaPatternToken(token: string): boolean {
  return token.length <= 12 && hasDigitOrPlus(token) && MEDIA_TOKEN.test(token);
}

/** End offset of the last media token among the words of `text`, or -1. */
export function lastMediaTokenEnd(text: string): number {
  let end = -1;
  findWordFromEnd(text, (start, stop) => {
    if (!isMediaToken(text.slice(start, stop))) return false;
    end = stop;
    return true;
  });
  return end;
}

/** Video/subtitle container extensions stripped from file names before parsing. */
export const FILE_EXTENSION =
  /\.(?:mkv|mp4|avi|m4v|wmv|mov|ts|m2ts|mpg|mpeg|divx|xvid|flv|webm|iso|img|srt|sub|ass|ssa|idx|vtt|nzb|torrent)$/i;
/** FILE_EXTENSION tried at one offset only (sticky). */
const FILE_EXTENSION_AT = new RegExp(FILE_EXTENSION.source, 'iy');

/**
 * `s` without a trailing FILE_EXTENSION. No extension holds a dot, so only the last dot can start a match:
 * one sticky test there replaces the end-anchored regex's scan of every dot in the name.
 */
export function stripFileExtension(s: string): string {
  const dot = s.lastIndexOf('.');
  if (dot < 0) return s;
  FILE_EXTENSION_AT.lastIndex = dot;
  return FILE_EXTENSION_AT.test(s) ? s.slice(0, dot) : s;
}
