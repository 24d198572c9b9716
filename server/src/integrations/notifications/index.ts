// The notification implementations idkarr ships: one line per integration. Nothing else lists them.
import type { AnyIntegration } from '../../providers/integration.js';
import { appriseIntegration } from './apprise/index.js';
import { customScript } from './custom-script/index.js';
import { discordIntegration } from './discord/index.js';
import { emailIntegration } from './email/index.js';
import { gotifyIntegration } from './gotify/index.js';
import { joinIntegration } from './join/index.js';
import { ntfyIntegration } from './ntfy/index.js';
import { pushoverIntegration } from './pushover/index.js';
import { slackIntegration } from './slack/index.js';
import { telegramIntegration } from './telegram/index.js';
import { webhook } from './webhook/index.js';

export const notificationIntegrations: readonly AnyIntegration[] = [
  discordIntegration,
  slackIntegration,
  telegramIntegration,
  pushoverIntegration,
  emailIntegration,
  gotifyIntegration,
  ntfyIntegration,
  joinIntegration,
  appriseIntegration,
  webhook,
  customScript,
];
