// The metadata provider implementations idkarr ships: one line per integration. Nothing else lists them.
import type { AnyIntegration } from '../../providers/integration.js';
import { tmdbIntegration } from './tmdb/index.js';
import { tvdbIntegration } from './tvdb/index.js';

export const metadataIntegrations: readonly AnyIntegration[] = [tmdbIntegration, tvdbIntegration];
