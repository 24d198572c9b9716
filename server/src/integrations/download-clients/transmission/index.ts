import { defineIntegration } from '../../../providers/integration.js';
import { capabilityNames } from '../common/adapter.js';
import { TRANSMISSION_CAPABILITIES, TransmissionAdapter } from './adapter.js';
import { transmissionSettings } from './settings.js';

export const transmissionIntegration = defineIntegration({
  kind: 'downloadclient',
  id: 'transmission',
  name: 'Transmission',
  description: 'Transmission 2.40+ over its JSON RPC: a directory per category, labels from 3.00.',
  protocol: 'torrent',
  capabilities: capabilityNames(TRANSMISSION_CAPABILITIES),
  settings: transmissionSettings,
  errorFields: { auth: 'password', connection: 'host' },
  create: (settings, ctx) => new TransmissionAdapter(settings, ctx.clock, ctx.log),
});
