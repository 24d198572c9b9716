import { defineIntegration } from '../../../providers/integration.js';
import { AppriseNotifier } from './adapter.js';
import { appriseSettings } from './settings.js';

export const appriseIntegration = defineIntegration({
  kind: 'notification',
  id: 'apprise',
  name: 'Apprise',
  description:
    'Sends through an Apprise API server to any of its services (stateless URLs or a stored configuration key).',
  capabilities: ['link'],
  settings: appriseSettings,
  errorFields: { auth: 'password', connection: 'serverUrl' },
  create: (settings, ctx) => new AppriseNotifier(settings, ctx),
});
