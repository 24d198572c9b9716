import { defineIntegration } from '../../../providers/integration.js';
import { TelegramNotifier } from './adapter.js';
import { telegramSettings } from './settings.js';

export const telegramIntegration = defineIntegration({
  kind: 'notification',
  id: 'telegram',
  name: 'Telegram',
  description:
    'Sends messages (or the poster with a caption) through a Telegram bot to a chat, group, topic or channel.',
  capabilities: ['image', 'link', 'silent'],
  settings: telegramSettings,
  errorFields: { auth: 'botToken', connection: 'baseUrl' },
  create: (settings, ctx) => new TelegramNotifier(settings, ctx),
});
