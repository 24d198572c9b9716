// Domain shapes for stored provider definitions and their health; repositories convert rows to these.
import type { ProviderKind } from './provider-kind.js';

export interface ProviderDefinitionInput {
  implementation: string;
  name: string;
  enabled: boolean;
  tags: number[];
  settings: Record<string, unknown>;
}

export interface ProviderDefinition extends ProviderDefinitionInput {
  id: number;
  kind: ProviderKind;
  createdAt: string;
  updatedAt: string;
}

export type ProviderHealth = 'healthy' | 'degraded' | 'unhealthy';

export interface ProviderStatus {
  definitionId: number;
  health: ProviderHealth;
  latencyMs: number | null;
  lastChecked: string | null;
  message: string | null;
  failureCount: number;
  /** While in the future the provider is blocked: search, grab and notify skip it. */
  disabledUntil: string | null;
  lastFailureAt: string | null;
}
