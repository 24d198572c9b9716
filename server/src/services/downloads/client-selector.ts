// Which download client gets a release: enabled, not blocked by backoff, same protocol; clients with tags only
// take items sharing one of them. Order: the client's `priority` setting (lowest first, default 1), then clients
// whose tags match the item's before untagged ones, then id.
import type { DownloadClientPort, DownloadProtocol } from '../../providers/ports/download-client.port.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';

export const DEFAULT_CLIENT_PRIORITY = 1;

export function clientPriority(definition: ProviderDefinition): number {
  const p = definition.settings.priority;
  return typeof p === 'number' && Number.isFinite(p) ? p : DEFAULT_CLIENT_PRIORITY;
}

export interface SelectableClient {
  definition: ProviderDefinition;
  client: DownloadClientPort;
}

/** Pure ordering over already-available clients; exported for the unit table. */
export function rankClients<T extends { definition: ProviderDefinition; protocol: DownloadProtocol }>(
  candidates: readonly T[],
  protocol: DownloadProtocol,
  itemTags: readonly number[],
): T[] {
  const tags = new Set(itemTags);
  const matches = (d: ProviderDefinition) => d.tags.some((t) => tags.has(t));
  return candidates
    .filter((c) => c.protocol === protocol && (c.definition.tags.length === 0 || matches(c.definition)))
    .sort(
      (a, b) =>
        clientPriority(a.definition) - clientPriority(b.definition) ||
        Number(matches(b.definition)) - Number(matches(a.definition)) ||
        a.definition.id - b.definition.id,
    );
}

export interface ClientSelectorDeps {
  available(kind: 'downloadclient'): Promise<ProviderDefinition[]>;
  instance(definition: ProviderDefinition): DownloadClientPort;
}

export class ClientSelector {
  constructor(private readonly deps: ClientSelectorDeps) {}

  async select(protocol: DownloadProtocol, itemTags: readonly number[]): Promise<SelectableClient | undefined> {
    const defs = await this.deps.available('downloadclient');
    const candidates = defs.map((definition) => {
      const client = this.deps.instance(definition);
      return { definition, client, protocol: client.protocol };
    });
    const best = rankClients(candidates, protocol, itemTags)[0];
    return best ? { definition: best.definition, client: best.client } : undefined;
  }
}
