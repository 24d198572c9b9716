// First pass over a release title: strip what is never part of the numbering or the series name
// (file extension, tracker/website prefixes, anime sub-group tags, CRC hashes) and remember the bits
// other fields need. Every regex here is anchored or bounded so the pass stays linear.
import { asciiDigits } from './text.util.js';

export interface PreparedTitle {
  /** Input minus a known file extension (Sonarr's releaseTitle). */
  releaseTitle: string;
  /** Text the numbering recognisers run on. */
  work: string;
  /** Same text with the leading anime group still in place (for bracket-style releases). */
  afterSite: string;
  /** Leading `[Group]` / `【Group】` tag, if any. */
  animeGroup: string | null;
  /** Anime CRC32 such as `6B7FD717`, or ''. */
  hash: string;
  /** Title started with a YYMMDD broadcast date (Japanese TV rips): `ep12` then means season 1. */
  datedPrefix: boolean;
}

const EXTENSION_RE =
  /\.(?:mkv|mp4|avi|m4v|ts|wmv|mpg|mpeg|divx|xvid|flv|mov|webm|m2ts|iso|img|vob|ogm|rmvb|3gp|nzb|torrent|srt|ass|ssa|sub|idx|strm|par2)$/i;
const TLD =
  '(?:com|org|net|info|biz|tv|me|co|uk|au|za|de|ca|nl|ru|to|cc|io|in|fr|es|it|pl|se|dk|no|fi|xyz|club|site|online|ws|nz|eu|us|be|ch|at|cz|hu|pt|br|mx|ar|lt|lv|ee|gr|ro|tk|la|ag|ms|li|sx|is|su)';
const DOMAIN = `(?:www\\.)?[a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,3}\\.${TLD}`;
const BRACKETED_SITE_RE = new RegExp(`^[\\[(【]\\s*${DOMAIN}\\s*[\\])】]\\s*(?:-\\s*)?`, 'i');
const BARE_SITE_RE = new RegExp(`^${DOMAIN}\\s+-\\s+`, 'i');
/** `【高清剧集网发布 www.DDHDTV.com】`: a site banner in CJK brackets. */
const SITE_BANNER_RE = new RegExp(`^【[^】]{0,80}${DOMAIN}[^】]{0,20}】\\s*`, 'i');
const LEADING_GROUP_RE = /^(?:\[([^[\]]{1,60})\]|【([^【】]{1,60})】)/;
const HASH_RE = /[[(]([0-9A-Fa-f]{8})[\])]/g;
const DATED_PREFIX_RE = /^(\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]) (?=\S)/;
/** Bracket contents that are never a group name: resolutions, pure numbers, codec tags. */
const NOT_A_GROUP_RE = /^(?:\d{1,6}|\d{3,4}[pi]|[\d.]+\s*(?:fps)?|x26[45]|hevc|avc|web|bd|dvd)$/i;

/** EXTENSION_RE tried at one offset only (sticky). */
const EXTENSION_AT_RE = new RegExp(EXTENSION_RE.source, 'iy');

export function stripExtension(title: string): string {
  // No extension holds a dot, so only the last dot can start a match: test there instead of scanning.
  const dot = title.lastIndexOf('.');
  if (dot < 0) return title;
  EXTENSION_AT_RE.lastIndex = dot;
  return EXTENSION_AT_RE.test(title) ? title.slice(0, dot) : title;
}

const WHITESPACE_RE = /\s/;

/**
 * One pass of the three site regexes, each only when it can match: two need a bracket first, the bare
 * one (the costly scan on long dotted names) needs whitespace before its ` - `.
 */
function stripSiteOnce(s: string): string {
  let out = s;
  const c = out.charAt(0);
  if (c === '[' || c === '(' || c === '【') out = out.replace(BRACKETED_SITE_RE, '');
  if (WHITESPACE_RE.test(out)) out = out.replace(BARE_SITE_RE, '');
  if (out.charAt(0) === '【') out = out.replace(SITE_BANNER_RE, '');
  return out;
}

function stripSites(s: string): string {
  let out = s;
  for (let i = 0; i < 3; i++) {
    const next = stripSiteOnce(out);
    if (next === out) break;
    out = next.trimStart();
  }
  return out;
}

/** `s` with its first `[hash]` / `(hash)` (either bracket on either side) replaced by a space; no regex to build. */
function removeFirstBracketed(s: string, hash: string): string {
  for (let i = s.indexOf(hash, 1); i > 0; i = s.indexOf(hash, i + 1)) {
    const before = s[i - 1];
    const after = s[i + hash.length];
    if ((before === '[' || before === '(') && (after === ']' || after === ')')) {
      return `${s.slice(0, i - 1)} ${s.slice(i + hash.length + 1)}`;
    }
  }
  return s;
}

export function prepareTitle(raw: string): PreparedTitle {
  const releaseTitle = stripExtension(raw.trim());
  let s = asciiDigits(releaseTitle).slice(0, 1000);
  s = stripSites(s);
  const afterSite = s;

  let hash = '';
  // An exec loop, not matchAll: matchAll clones the regex on every call.
  HASH_RE.lastIndex = 0;
  for (let m = HASH_RE.exec(s); m; m = HASH_RE.exec(s)) {
    // A CRC has letters or is not a plausible number; the last one in the title wins.
    if (/[A-Fa-f]/.test(m[1]!) || !/^\d+$/.test(m[1]!)) hash = m[1]!;
  }
  if (hash) s = removeFirstBracketed(s, hash).trimEnd();

  let animeGroup: string | null = null;
  const g = LEADING_GROUP_RE.exec(s);
  if (g) {
    const name = (g[1] ?? g[2] ?? '').trim();
    if (name && !NOT_A_GROUP_RE.test(name)) animeGroup = name;
    s = s.slice(g[0].length);
    // Further leading tags (`[F-B]`, `[1080p]`, `[509103]`) before free text are not part of the title.
    for (let i = 0; i < 4; i++) {
      const m = /^[\s._]*\[[^[\]]{1,40}\][\s._]*/.exec(s);
      if (!m || s.length === m[0].length || s[m[0].length] === '[' || s[m[0].length] === '【') break;
      s = s.slice(m[0].length);
    }
    s = s.replace(/^[\s._-]+/, '');
  }

  let datedPrefix = false;
  const d = DATED_PREFIX_RE.exec(s);
  if (d && !animeGroup) {
    datedPrefix = true;
    s = s.slice(d[0].length);
  }
  return { releaseTitle, work: s, afterSite, animeGroup, hash, datedPrefix };
}
