// The notification implementations idkarr ships: one line per integration. Nothing else lists them.
import type { AnyIntegration } from '../../providers/integration.js';
import { customScript } from './custom-script/index.js';
import { webhook } from './webhook/index.js';

export const notificationIntegrations: readonly AnyIntegration[] = [webhook, customScript];
