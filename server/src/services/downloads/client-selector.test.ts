import { describe, expect, it } from 'vitest';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import { rankClients } from './client-selector.js';

const def = (id: number, tags: number[], priority?: number): ProviderDefinition => ({
  id,
  kind: 'downloadclient',
  implementation: 'qbittorrent',
  name: `c${id}`,
  enabled: true,
  tags,
  settings: priority === undefined ? {} : { priority },
  createdAt: '',
  updatedAt: '',
});
const c = (id: number, protocol: 'torrent' | 'usenet', tags: number[] = [], priority?: number) => ({
  definition: def(id, tags, priority),
  protocol,
});

describe('rankClients', () => {
  it.each([
    { name: 'protocol filter', list: [c(1, 'usenet'), c(2, 'torrent')], tags: [], want: [2] },
    {
      name: 'priority then id',
      list: [c(3, 'torrent', [], 2), c(2, 'torrent'), c(1, 'torrent', [], 5)],
      tags: [],
      want: [2, 3, 1],
    },
    {
      name: 'tagged client without a matching tag is skipped',
      list: [c(1, 'torrent', [9]), c(2, 'torrent')],
      tags: [1],
      want: [2],
    },
    {
      name: 'matching tags before untagged at equal priority',
      list: [c(1, 'torrent'), c(2, 'torrent', [1])],
      tags: [1],
      want: [2, 1],
    },
    { name: 'priority beats tags', list: [c(1, 'torrent', [], 1), c(2, 'torrent', [1], 2)], tags: [1], want: [1, 2] },
    { name: 'none', list: [c(1, 'usenet')], tags: [], want: [] },
  ])('$name', ({ list, tags, want }) => {
    expect(rankClients(list, 'torrent', tags).map((x) => x.definition.id)).toEqual(want);
  });
});
