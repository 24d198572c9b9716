// The import list implementations idkarr ships: one line per integration. Nothing else lists them.
import type { AnyIntegration } from '../../providers/integration.js';
import { imdbIntegration } from './imdb/index.js';
import { tmdbListIntegration } from './tmdb-list/index.js';
import { traktIntegration } from './trakt/index.js';

export const importListIntegrations: readonly AnyIntegration[] = [
  traktIntegration,
  imdbIntegration,
  tmdbListIntegration,
];
