// The six kinds of configurable integration. The kind is both the URL segment (`/api/v1/{kind}`) and the value
// stored in provider_definitions.kind, so renaming one is a migration.
export const PROVIDER_KINDS = [
  'downloadclient',
  'indexer',
  'mediaserver',
  'notification',
  'metadata',
  'importlist',
] as const;

export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export function isProviderKind(value: string): value is ProviderKind {
  return (PROVIDER_KINDS as readonly string[]).includes(value);
}
