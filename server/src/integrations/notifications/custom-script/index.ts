// Custom Script: runs an executable for each event with the spec's `idkarr_*` environment variables.
import { defineIntegration } from '../../../providers/integration.js';
import { CustomScriptNotifier } from './adapter.js';
import { customScriptSettings } from './settings.js';

export const customScript = defineIntegration({
  kind: 'notification',
  id: 'custom-script',
  name: 'Custom Script',
  description: 'Run a script or program for each event; event data arrives in idkarr_* environment variables',
  capabilities: ['grab', 'download', 'upgrade', 'rename', 'library', 'health', 'update', 'test'],
  settings: customScriptSettings,
  errorFields: { connection: 'path' },
  create: (settings, ctx) => new CustomScriptNotifier(settings, ctx),
});
