// The indexer implementations idkarr ships: one line per integration. Nothing else lists them.
import type { AnyIntegration } from '../../providers/integration.js';
import { hdbitsIntegration } from './hdbits/index.js';
import { jackettIntegration } from './jackett/index.js';
import { newznabIntegration } from './newznab/index.js';
import { prowlarrIntegration } from './prowlarr/index.js';
import { torznabIntegration } from './torznab/index.js';

export const indexerIntegrations: readonly AnyIntegration[] = [
  newznabIntegration as unknown as AnyIntegration,
  torznabIntegration as unknown as AnyIntegration,
  jackettIntegration as unknown as AnyIntegration,
  prowlarrIntegration as unknown as AnyIntegration,
  hdbitsIntegration as unknown as AnyIntegration,
];
