// The registry of shipped integrations, assembled from the per-kind lists in integrations/<kind>/index.ts.
import { downloadClientIntegrations } from '../integrations/download-clients/index.js';
import { importListIntegrations } from '../integrations/import-lists/index.js';
import { indexerIntegrations } from '../integrations/indexers/index.js';
import { mediaServerIntegrations } from '../integrations/media-servers/index.js';
import { metadataIntegrations } from '../integrations/metadata/index.js';
import { notificationIntegrations } from '../integrations/notifications/index.js';
import { ProviderRegistry } from './provider-registry.js';

export function builtinRegistry(): ProviderRegistry {
  return new ProviderRegistry({
    downloadclient: downloadClientIntegrations,
    indexer: indexerIntegrations,
    mediaserver: mediaServerIntegrations,
    notification: notificationIntegrations,
    metadata: metadataIntegrations,
    importlist: importListIntegrations,
  });
}
