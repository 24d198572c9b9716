import { defineIntegration } from '../../../providers/integration.js';
import { SlackNotifier } from './adapter.js';
import { slackSettings } from './settings.js';

export const slackIntegration = defineIntegration({
  kind: 'notification',
  id: 'slack',
  name: 'Slack',
  description: 'Posts to a Slack channel through an incoming webhook (mrkdwn section and a coloured attachment).',
  capabilities: ['image', 'link', 'fields'],
  settings: slackSettings,
  errorFields: { auth: 'webhookUrl', connection: 'webhookUrl' },
  create: (settings, ctx) => new SlackNotifier(settings, ctx),
});
