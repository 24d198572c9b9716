// Scene names: dot-separated, no spaces, a known quality and a `-GROUP` suffix, and parseable as an
// episode or a movie. Used to decide whether a file name can stand in for the release name.
import { parseMovieTitle } from '../movie/movie-parser.js';
import { parseQuality } from '../quality/quality-parser.js';
import { parseEpisodeTitle } from '../tv/episode-title.parser.js';
import { stripExtension } from '../tv/title-prep.normalize.js';

const GROUP_SUFFIX_RE = /-[A-Za-z0-9]{2,}$/;

/** Which parser must accept the name: Sonarr checks episodes, Radarr movies; `any` accepts either. */
export type SceneFlavour = 'tv' | 'movie' | 'any';

export function isSceneTitle(title: string, flavour: SceneFlavour = 'any'): boolean {
  if (typeof title !== 'string' || title === '' || /\s/.test(title) || !title.includes('.')) return false;
  if (!GROUP_SUFFIX_RE.test(title)) return false;
  if (parseQuality(title).qualityId === 'unknown') return false;
  if (flavour !== 'movie' && parseEpisodeTitle(title) !== null) return true;
  return flavour !== 'tv' && parseMovieTitle(title) !== null;
}

/** The scene name hidden in a file or NZB name (extension, trailing `_`, CJK brackets removed), or null. */
export function getSceneTitle(title: string, flavour: SceneFlavour = 'any'): string | null {
  if (typeof title !== 'string') return null;
  const s = stripExtension(title.trim().replace(/【/g, '[').replace(/】/g, ']')).replace(/_+$/, '');
  return isSceneTitle(s, flavour) ? s : null;
}
