import { defineIntegration } from '../../../providers/integration.js';
import { NtfyNotifier } from './adapter.js';
import { ntfySettings } from './settings.js';

export const ntfyIntegration = defineIntegration({
  kind: 'notification',
  id: 'ntfy',
  name: 'ntfy',
  description: 'Publishes to an ntfy topic (ntfy.sh or self-hosted): priority, tags, click URL, token or basic auth.',
  capabilities: ['image', 'link', 'priority'],
  settings: ntfySettings,
  errorFields: { auth: 'accessToken', connection: 'serverUrl' },
  create: (settings, ctx) => new NtfyNotifier(settings, ctx),
});
