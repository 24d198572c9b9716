import { defineIntegration } from '../../../providers/integration.js';
import { PushoverNotifier } from './adapter.js';
import { pushoverSettings } from './settings.js';

export const pushoverIntegration = defineIntegration({
  kind: 'notification',
  id: 'pushover',
  name: 'Pushover',
  description: 'Push notifications through Pushover: priority (including emergency), sound and devices.',
  capabilities: ['link', 'priority'],
  settings: pushoverSettings,
  errorFields: { auth: 'apiToken', connection: 'baseUrl' },
  create: (settings, ctx) => new PushoverNotifier(settings, ctx),
});
