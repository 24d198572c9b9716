import { defineIntegration } from '../../../providers/integration.js';
import { GotifyNotifier } from './adapter.js';
import { gotifySettings } from './settings.js';

export const gotifyIntegration = defineIntegration({
  kind: 'notification',
  id: 'gotify',
  name: 'Gotify',
  description: 'Sends messages to a self-hosted Gotify server (priority, Markdown, click URL, poster).',
  capabilities: ['image', 'link', 'priority'],
  settings: gotifySettings,
  errorFields: { auth: 'appToken', connection: 'serverUrl' },
  create: (settings, ctx) => new GotifyNotifier(settings, ctx),
});
