// What the API shows of definitions, statuses and implementations. Secrets are masked here, the one door
// through which settings leave the server.
import type { AnyIntegration } from './integration.js';
import type { ProviderDefinition, ProviderHealth, ProviderStatus } from './provider.types.js';
import { maskSettings } from './secrets.js';
import { settingsDefaults, settingsJsonSchema } from './settings-schema.js';

export interface ProviderStatusView {
  health: ProviderHealth;
  latencyMs: number | null;
  lastChecked: string | null;
  message: string | null;
  failureCount: number;
  disabledUntil: string | null;
}

export interface ProviderDefinitionView {
  id: number;
  implementation: string;
  name: string;
  enabled: boolean;
  tags: number[];
  settings: Record<string, unknown>;
  status: ProviderStatusView | null;
}

export interface ImplementationView {
  implementation: string;
  name: string;
  description: string;
  protocol: string | null;
  capabilities: string[];
  fields: Record<string, unknown>;
  defaults: Record<string, unknown>;
}

export function presentStatus(status: ProviderStatus | undefined): ProviderStatusView | null {
  if (!status) return null;
  const { health, latencyMs, lastChecked, message, failureCount, disabledUntil } = status;
  return { health, latencyMs, lastChecked, message, failureCount, disabledUntil };
}

export function presentDefinition(
  definition: ProviderDefinition,
  integration: AnyIntegration | undefined,
  status: ProviderStatus | undefined,
): ProviderDefinitionView {
  return {
    id: definition.id,
    implementation: definition.implementation,
    name: definition.name,
    enabled: definition.enabled,
    tags: definition.tags,
    // Without the implementation (removed in an upgrade) nobody knows which fields are secret: show none.
    settings: integration ? maskSettings(integration.settings, definition.settings) : {},
    status: presentStatus(status),
  };
}

export function presentImplementation(integration: AnyIntegration): ImplementationView {
  return {
    implementation: integration.id,
    name: integration.name,
    description: integration.description,
    protocol: integration.protocol ?? null,
    capabilities: [...integration.capabilities],
    fields: settingsJsonSchema(integration.settings),
    defaults: settingsDefaults(integration.settings),
  };
}
