import { defineIntegration } from '../../../providers/integration.js';
import { EmailNotifier } from './adapter.js';
import { emailSettings } from './settings.js';

export const emailIntegration = defineIntegration({
  kind: 'notification',
  id: 'email',
  name: 'Email',
  description: 'Sends HTML and plain-text e-mail over SMTP (STARTTLS or TLS, login, to/cc/bcc).',
  capabilities: ['image', 'link'],
  settings: emailSettings,
  errorFields: { auth: 'password', connection: 'server' },
  create: (settings, ctx) => new EmailNotifier(settings, ctx),
});
