// defineIntegration: the single shape every integration's index.ts exports. The framework reads only this; the
// integration's own files (settings, api, adapter, mapper) stay private to its folder.
import type { z } from 'zod';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import type { PortFor } from './ports.js';
import type { ProviderKind } from './provider-kind.js';

export type Protocol = 'torrent' | 'usenet';

/** UI metadata attached to each settings field with `.meta({...})`; it is copied into the JSON Schema. */
export interface SettingMeta {
  label: string;
  help?: string;
  /** Never returned by the API or logged; responses carry SECRET_SENTINEL instead. */
  secret?: boolean;
  advanced?: boolean;
  order?: number;
  placeholder?: string;
}

export interface IntegrationContext {
  log: Logger;
  clock: Clock;
  kind: ProviderKind;
  /** null while testing a definition that has not been saved yet. */
  definitionId: number | null;
  definitionName: string;
  // An HttpClient factory (rate limiting, retry, circuit breaker from lib/http) is added here when lib/http lands.
}

/** Which settings field a taxonomy error thrown by test() should be reported on. */
export interface ErrorFields<S> {
  auth?: keyof S & string;
  connection?: keyof S & string;
}

export interface IntegrationDefinition<K extends ProviderKind = ProviderKind, S extends z.ZodObject = z.ZodObject> {
  kind: K;
  /** The implementation name stored in definitions, e.g. "qbittorrent". Unique within the kind. */
  id: string;
  name: string;
  description: string;
  protocol?: Protocol;
  capabilities: readonly string[];
  settings: S;
  errorFields?: ErrorFields<z.output<S>>;
  // Method syntax on purpose: it keeps definitions with specific settings assignable to AnyIntegration.
  create(settings: z.output<S>, ctx: IntegrationContext): PortFor<K>;
}

export interface AnyIntegration {
  kind: ProviderKind;
  id: string;
  name: string;
  description: string;
  protocol?: Protocol;
  capabilities: readonly string[];
  settings: z.ZodObject;
  errorFields?: { auth?: string; connection?: string };
  create(settings: Record<string, unknown>, ctx: IntegrationContext): PortFor<ProviderKind>;
}

const ID_PATTERN = /^[a-z][a-z0-9-]*$/;

export function defineIntegration<K extends ProviderKind, S extends z.ZodObject>(
  def: IntegrationDefinition<K, S>,
): IntegrationDefinition<K, S> {
  // Ids are stored in the database and appear in URLs; a typo here would orphan saved definitions later.
  if (!ID_PATTERN.test(def.id)) throw new Error(`integration id "${def.id}" must match ${ID_PATTERN}`);
  return Object.freeze({ ...def });
}
