// Word lists that mark where a movie title ends. They are release vocabulary (sources, codecs, audio,
// language tags), not titles: a title word only stops the title when it also looks like such a tag.
import type { MovieWord } from './movie-words.lexer.js';

const RELEASE_WORDS = new Set([
  // sources and containers
  'bluray',
  'blueray',
  'mbluray',
  'bdrip',
  'brrip',
  'bdremux',
  'remux',
  'bdmux',
  'uhdbd',
  'uhdbdrip',
  'hddvd',
  'webdl',
  'webrip',
  'webmux',
  'webdlrip',
  'hdtv',
  'pdtv',
  'sdtv',
  'hdrip',
  'dvdrip',
  'dvd',
  'dvdr',
  'dvd5',
  'dvd9',
  'dvdscr',
  'bdiso',
  'telesync',
  'tsrip',
  'hdcam',
  'camrip',
  'hdts',
  'telecine',
  'workprint',
  'tvrip',
  'dsr',
  // codecs, audio, video flags
  'x264',
  'x265',
  'x266',
  'h264',
  'h265',
  'h266',
  'xvid',
  'divx',
  'hevc',
  'avc',
  'av1',
  'hi10p',
  'hi10',
  '10bit',
  'dts',
  'dtshd',
  'ac3',
  'ac3d',
  'eac3',
  'aac',
  'aac2',
  'flac',
  'truehd',
  'atmos',
  'dd51',
  'ddp51',
  'hdr',
  'hdr10',
  'sdr',
  'dv',
  // release tags
  'dl',
  'dubbed',
  'ld',
  'md',
  'multi',
  'multisubs',
  'subbed',
  'internal',
  'proper',
  'repack',
  'rerip',
  'limited',
  'ws',
  'pal',
  'ntsc',
  'uhd',
  '4k',
  'complete',
  'nlsubs',
  'korsub',
  'hc',
  'readnfo',
  'nfofix',
]);

const LANGUAGE_WORDS = new Set([
  'english',
  'french',
  'truefrench',
  'german',
  'swissgerman',
  'italian',
  'spanish',
  'castellano',
  'latino',
  'dutch',
  'flemish',
  'danish',
  'swedish',
  'norwegian',
  'finnish',
  'nordic',
  'icelandic',
  'russian',
  'ukrainian',
  'polish',
  'hungarian',
  'czech',
  'slovak',
  'japanese',
  'korean',
  'chinese',
  'mandarin',
  'cantonese',
  'hindi',
  'tamil',
  'telugu',
  'malayalam',
  'portuguese',
  'brazilian',
  'dublado',
  'arabic',
  'persian',
  'turkish',
  'greek',
  'hebrew',
  'thai',
  'vietnamese',
  'romanian',
  'bulgarian',
  'latvian',
  'lithuanian',
  'estonian',
  'catalan',
  'vostfr',
  'vff',
  'vfq',
  'vf',
  'vf2',
  'ita',
  'eng',
  'ger',
  'fre',
  'fra',
  'spa',
  'rus',
  'ukr',
  'kor',
  'jap',
  'chi',
  'pldub',
]);

const RESOLUTION = /^\d{3,4}[pi]$|^\d{3,4}x\d{3,4}$/;
const VERSION = /^v\d$/;
const DISC = /^cd\d$/;
const IMDB = /^tt\d{7,8}$/;
const TMDB = /^tmdb(?:id)?\d+$/;

/** A release tag that ends the title wherever it appears (after the first word). */
export function isReleaseWord(w: MovieWord): boolean {
  const { head, flat } = w;
  // Each pattern only runs when the word has its fixed first character or length: most words fail those.
  const c = head.charCodeAt(0);
  return (
    RELEASE_WORDS.has(flat) ||
    RELEASE_WORDS.has(head) ||
    (c >= 48 && c <= 57 && RESOLUTION.test(head)) ||
    (flat.length === 2 && VERSION.test(flat)) ||
    (flat.length === 3 && DISC.test(flat)) ||
    (c === 116 && IMDB.test(head)) ||
    (flat.startsWith('tmdb') && TMDB.test(flat))
  );
}

export function isLanguageWord(w: MovieWord): boolean {
  return LANGUAGE_WORDS.has(w.flat);
}

/** Upper-case spelling marks a tag (`GERMAN`), mixed case a possible title word (`The Good German`). */
export function isShouted(w: MovieWord): boolean {
  return w.raw.length > 2 && w.raw === w.raw.toUpperCase() && w.raw !== w.raw.toLowerCase();
}
