import { describe, expect, it } from 'vitest';
import { quoteCommandArg } from './adapter.js';
import { mapRtStatus, rawRtStatus, rowToDownload, rtOutputPath } from './mapper.js';

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
