// The names of every settings field an integration marks `secret: true`, for the logger's redaction list. Derived
// from the registry at composition time, so a new integration's secrets are redacted without anyone listing them.
import { PROVIDER_KINDS } from './provider-kind.js';
import type { ProviderRegistry } from './provider-registry.js';
import { secretFields } from './settings-schema.js';

export function secretFieldNames(registry: ProviderRegistry): string[] {
  const names = new Set<string>();
  for (const kind of PROVIDER_KINDS)
    for (const integration of registry.list(kind))
      for (const name of secretFields(integration.settings)) names.add(name);
  return [...names].sort();
}
