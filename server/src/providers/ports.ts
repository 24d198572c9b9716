// What every integration instance offers, plus one port per kind. The per-kind ports are placeholders here;
// the issues that add real download clients, indexers, ... extend them with the kind's operations.
import type { Finding } from '../lib/errors.js';
import type { DownloadClientPort } from './ports/download-client.port.js';
import type { ImportListPort } from './ports/import-list.port.js';
import type { IndexerPort } from './ports/indexer.port.js';
import type { MediaServerPort } from './ports/media-server.port.js';
import type { MetadataProviderPort } from './ports/metadata.port.js';
import type { NotifierPort } from './ports/notifier.port.js';
import type { ProviderKind } from './provider-kind.js';

export type { DownloadClientPort, ImportListPort, IndexerPort, MediaServerPort, MetadataProviderPort, NotifierPort };

export interface HealthCheckResult {
  latencyMs: number;
}

export interface IntegrationInstance {
  /** Checks the settings against the remote; returns field-level findings (empty = fine). May throw taxonomy errors. */
  test(): Promise<Finding[]>;
  /** A cheap liveness probe; throws a taxonomy error (AuthError, UnreachableError, ...) on failure. */
  healthCheck(): Promise<HealthCheckResult>;
  /** Releases sockets, timers and sessions; called when the definition changes or is deleted. */
  dispose?(): Promise<void> | void;
}

export interface PortByKind {
  downloadclient: DownloadClientPort;
  indexer: IndexerPort;
  mediaserver: MediaServerPort;
  notification: NotifierPort;
  metadata: MetadataProviderPort;
  importlist: ImportListPort;
}

export type PortFor<K extends ProviderKind> = PortByKind[K];
