// ParsePath: a file's path → episode info, using the folders when the file name alone says too little
// (hashed/obfuscated names, reversed names, "Season 2/05 - Title.mkv", batch folders of numbered files).
import { parseQuality } from '../quality/quality-parser.js';
import type { ParsedEpisodeInfo, ParseOptions } from '../tv/episode-info.types.js';
import { parseEpisodeTitle } from '../tv/episode-title.parser.js';
import { stripExtension } from '../tv/title-prep.normalize.js';

const SEASON_FOLDER_RE = /^(?:season|saison|staffel|temporada)[ ._]?(\d{1,4})$/i;
const LEADING_EPISODE_RE = /^(?:ep?)?(\d{1,3})(?:-e?(\d{1,3}))?(?=[ ._-]|$)/i;
/** `10E10S` / `11E-20S`: an S01E01 marker written backwards (reversed obfuscation). */
const REVERSED_MARKER_RE = /\d{1,4}E-?\d{1,4}S/;
const FORWARD_MARKER_RE = /S\d{1,4}E\d{1,4}/i;

function withQuality(info: ParsedEpisodeInfo, name: string): ParsedEpisodeInfo {
  info.quality = parseQuality(name);
  return info;
}

function fromSeasonFolder(folder: string, fileBase: string, opts: ParseOptions): ParsedEpisodeInfo | null {
  const season = SEASON_FOLDER_RE.exec(folder.trim());
  const ep = LEADING_EPISODE_RE.exec(fileBase);
  if (!season || !ep) return null;
  const tag = ep[2] !== undefined ? `E${ep[1]}-E${ep[2]}` : `E${ep[1]}`;
  const info = parseEpisodeTitle(`S${season[1]}${tag} ${fileBase.slice(ep[0].length)}`, opts);
  if (info) info.releaseTitle = fileBase;
  return info;
}

export function parsePath(path: string, opts: ParseOptions = {}): ParsedEpisodeInfo | null {
  if (typeof path !== 'string' || path.trim() === '') return null;
  const parts = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '');
  const file = parts[parts.length - 1] ?? '';
  const folder = parts[parts.length - 2] ?? '';
  const fileBase = stripExtension(file);
  const ext = file.slice(fileBase.length);

  const direct = parseEpisodeTitle(file, opts);
  if (direct && FORWARD_MARKER_RE.test(fileBase)) return direct;
  const seasonFolder = fromSeasonFolder(folder, fileBase, opts);
  if (seasonFolder) return withQuality(seasonFolder, file);
  if (REVERSED_MARKER_RE.test(fileBase) && !FORWARD_MARKER_RE.test(fileBase)) {
    const reversed = `${[...fileBase].reverse().join('')}${ext}`;
    const info = parseEpisodeTitle(reversed, opts);
    if (info) return withQuality(info, reversed);
  }
  if (direct) return direct;
  if (!folder) return null;
  const fromFolder = parseEpisodeTitle(folder, opts);
  if (!fromFolder) return null;
  // A batch folder of numbered files: the file's number is the episode.
  if (/^\d{1,4}$/.test(fileBase) && fromFolder.absoluteEpisodeNumbers.length > 1) {
    fromFolder.absoluteEpisodeNumbers = [Number(fileBase)];
  }
  return fromFolder;
}
