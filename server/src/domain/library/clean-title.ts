// Matching keys for titles: the parser's own cleaners, so a parsed release title and a stored title clean alike.
import { cleanMovieTitle, cleanSeriesTitle } from '../../parser/index.js';

export { cleanMovieTitle, cleanSeriesTitle };

/** Sort key: lower case without a leading article, the way Sonarr/Radarr sort "The Wire" under W. */
export function sortTitle(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .trim();
}
