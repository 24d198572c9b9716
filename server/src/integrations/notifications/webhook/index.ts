// Webhook: the spec's JSON payloads (Grab, Download, Rename, SeriesAdd, MovieAdded, Health, Test, ...) to any URL.
import { defineIntegration } from '../../../providers/integration.js';
import { WebhookNotifier } from './adapter.js';
import { webhookSettings } from './settings.js';

export const webhook = defineIntegration({
  kind: 'notification',
  id: 'webhook',
  name: 'Webhook',
  description: 'POST or PUT a JSON payload for each event to a URL (Home Assistant, n8n, your own service)',
  capabilities: ['grab', 'download', 'upgrade', 'rename', 'library', 'health', 'update', 'test'],
  settings: webhookSettings,
  errorFields: { auth: 'authType', connection: 'url' },
  create: (settings, ctx) => new WebhookNotifier(settings, ctx),
});
