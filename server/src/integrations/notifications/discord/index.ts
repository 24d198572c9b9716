import { defineIntegration } from '../../../providers/integration.js';
import { DiscordNotifier } from './adapter.js';
import { discordSettings } from './settings.js';

export const discordIntegration = defineIntegration({
  kind: 'notification',
  id: 'discord',
  name: 'Discord',
  description: 'Posts an embed (poster, colour per event, quality, size, indexer…) to a Discord channel webhook.',
  capabilities: ['image', 'link', 'fields'],
  settings: discordSettings,
  errorFields: { auth: 'webhookUrl', connection: 'webhookUrl' },
  create: (settings, ctx) => new DiscordNotifier(settings, ctx),
});
