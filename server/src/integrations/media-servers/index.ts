// The media server implementations idkarr ships: one line per integration. Nothing else lists them.
import type { AnyIntegration } from '../../providers/integration.js';

export const mediaServerIntegrations: readonly AnyIntegration[] = [];
