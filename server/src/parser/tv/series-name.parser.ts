// Series-name helpers built on the episode parser: ParseSeriesName and NormalizeEpisodeTitle.
import { parseEpisodeTitle } from './episode-title.parser.js';

/** The series part of a release title; a title that does not parse is taken as the name itself. */
export function parseSeriesName(title: string): string {
  const info = parseEpisodeTitle(title);
  if (info) return info.seriesTitle;
  return title
    .replace(/[._]/g, ' ')
    .replace(/[\s-]+$/, '')
    .trim();
}

const AFTER_MARKER_RE = /(?:^|[ ._-])S\d{1,4}(?:E\d{1,4})?(?:[ ._]Special)?[ ._-]+(.+)$/i;
const RELEASE_TAIL_RE =
  /[ ._-](?:\d{3,4}[pi]|hdtv|web|webrip|web-?dl|bluray|bdrip|dvdrip|dvd|pdtv|sdtv|x26[45]|h\.?26[45]|proper|repack)(?![a-z]).*$/i;

/**
 * Episode titles compared loosely: lower case, punctuation as spaces, a trailing `(1)` part number
 * dropped. A full release name is reduced to the episode-title words after its S01E02 marker.
 */
export function normalizeEpisodeTitle(title: string): string {
  let s = typeof title === 'string' ? title : '';
  const m = AFTER_MARKER_RE.exec(s);
  if (m) s = m[1]!.replace(RELEASE_TAIL_RE, '');
  return s
    .trim()
    .replace(/\s?\(\d{1,2}\)$/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
