// The media server implementations idkarr ships: one line per integration. Nothing else lists them.
import type { AnyIntegration } from '../../providers/integration.js';
import { embyIntegration } from './emby/index.js';
import { jellyfinIntegration } from './jellyfin/index.js';
import { plexIntegration } from './plex/index.js';

export const mediaServerIntegrations: readonly AnyIntegration[] = [
  plexIntegration,
  jellyfinIntegration,
  embyIntegration,
];
