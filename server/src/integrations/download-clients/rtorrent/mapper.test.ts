import { describe, expect, it } from 'vitest';
import { quoteCommandArg } from './adapter.js';
import {
  mapRtDownload,
  mapRtStatus,
  RT_FIELDS,
  rawRtStatus,
  rowToDownload,
  rtOutputPath,
  rtSources,
} from './mapper.js';

describe('rTorrent status map', () => {
  it.each([
    [{ state: 1, complete: 0, isActive: 1, hashing: 0 }, 'downloading', 'started'],
    [{ state: 1, complete: 0, isActive: 0, hashing: 0 }, 'paused', 'paused'],
    [{ state: 0, complete: 0, isActive: 0, hashing: 0 }, 'paused', 'stopped'],
    [{ state: 1, complete: 1, isActive: 1, hashing: 0 }, 'seeding', 'started,complete'],
    [{ state: 0, complete: 1, isActive: 0, hashing: 0 }, 'completed', 'stopped,complete'],
    [{ state: 1, complete: 1, isActive: 0, hashing: 0 }, 'completed', 'paused,complete'],
    [{ state: 1, complete: 0, isActive: 1, hashing: 1 }, 'checking', 'hashing'],
  ])('%o → %s', (d, status, raw) => {
    expect(mapRtStatus(d)).toBe(status);
    expect(rawRtStatus(d)).toBe(raw);
  });

  it('puts single-file payloads under d.directory and takes d.directory as the folder of multi-file ones', () => {
    expect(rtOutputPath({ directory: '/dl', isMultiFile: 0, name: 'a.mkv' })).toBe('/dl/a.mkv');
    expect(rtOutputPath({ directory: '/dl/Show', isMultiFile: 1, name: 'Show' })).toBe('/dl/Show');
  });

  it('reads i8 columns given as bigint and quotes command arguments', () => {
    expect(rowToDownload(['H', 'n', 10n ** 12n]).sizeBytes).toBe(1e12);
    expect(quoteCommandArg('/a b/"c"\\')).toBe('"/a b/\\"c\\"\\\\"');
  });
});

describe('rTorrent sources', () => {
  const row = (connected: unknown, complete: unknown) => {
    const r: unknown[] = RT_FIELDS.map(() => 0);
    r[RT_FIELDS.indexOf('d.peers_connected')] = connected;
    r[RT_FIELDS.indexOf('d.peers_complete')] = complete;
    return r;
  };

  it.each([
    [0, 0, { seeds: 0, peers: 0 }],
    [5, 2, { seeds: 2, peers: 3 }],
    [3, 3, { seeds: 3, peers: 0 }],
    [7n, 1n, { seeds: 1, peers: 6 }],
  ])('d.peers_connected %s, d.peers_complete %s → %o', (connected, complete, want) => {
    expect(rtSources(rowToDownload(row(connected, complete)))).toEqual(want);
    expect(mapRtDownload(rowToDownload(row(connected, complete)))).toMatchObject(want);
  });

  it('a row without the peer columns leaves the counts unknown, not zero', () => {
    const d = rowToDownload(['H', 'n', 1]);
    expect(d).toMatchObject({ peersConnected: null, peersComplete: null });
    expect(rtSources(d)).toEqual({});
  });
});
