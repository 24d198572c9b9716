import { defineIntegration } from '../../../providers/integration.js';
import { JoinNotifier } from './adapter.js';
import { joinSettings } from './settings.js';

export const joinIntegration = defineIntegration({
  kind: 'notification',
  id: 'join',
  name: 'Join',
  description: 'Pushes to your devices through Join by joaoapps (device ids or names, priority, icon, URL).',
  capabilities: ['image', 'link', 'priority'],
  settings: joinSettings,
  errorFields: { auth: 'apiKey', connection: 'baseUrl' },
  create: (settings, ctx) => new JoinNotifier(settings, ctx),
});
