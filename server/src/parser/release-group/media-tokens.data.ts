// Words that describe the media (source, resolution, codecs, audio, container) rather than a title or a
// group. Both the language and the release-group parsers use them to tell "technical part" from names.
// One anchored alternation tested per token: no nested quantifiers, so each test is linear in token length.

const MEDIA_TOKEN =
  /^(?:\d{1,5}|\d{3,4}[pi]|\d{3,4}x\d{3,4}|[248]k|m?uhd|[xh]26[45]|hevc|avc|xvid|divx|av1|vc1|mpeg2|(?:dd|ddp|dd\+|aac|ac3|eac3|dts|flac|opus|truehd|atmos|lpcm|pcm|mp3)\d{0,2}|ma|hd|dl|web|webrip|webdl|webmux|hdrip|dlrip|bluray|bdrip|brrip|dvdrip|dvd|dvdr|bd|bdmux|bdremux|bdfull|remux|hdtv|sdtv|pdtv|dsr|tvrip|\d{1,2}bits?|hdr\d{0,2}\+?|dv|dovi|sdr|hybrid|amzn|nf|dsnp|atvp|hmax|crav|pmtp|ip|ds4k|mkv|mp4|avi|m2ts|\d+ch)$/i;

/** True when `token` (no separators inside) is a technical media word such as `1080p`, `x264`, `DTS`, `WEBRip`. */
export function isMediaToken(token: string): boolean {
  return token.length > 0 && token.length <= 12 && MEDIA_TOKEN.test(token);
}

/** Video/subtitle container extensions stripped from file names before parsing. */
export const FILE_EXTENSION =
  /\.(?:mkv|mp4|avi|m4v|wmv|mov|ts|m2ts|mpg|mpeg|divx|xvid|flv|webm|iso|img|srt|sub|ass|ssa|idx|vtt|nzb|torrent)$/i;
