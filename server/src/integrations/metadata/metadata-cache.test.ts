import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../lib/clock.js';
import { MetadataCache } from './metadata-cache.js';

describe('MetadataCache', () => {
  it('serves a value until its TTL passes', async () => {
    const clock = new FakeClock(0);
    const cache = new MetadataCache<string>({ ttlMs: 1000, clock });
    cache.set('a', 'x');
    await clock.advance(999);
    expect(cache.get('a')).toBe('x');
    await clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('shares one load between concurrent callers and never caches failures', async () => {
    const cache = new MetadataCache<number>({ ttlMs: 1000, clock: new FakeClock(0) });
    let calls = 0;
    const load = async () => ++calls;
    const [a, b] = await Promise.all([cache.getOrLoad('k', load), cache.getOrLoad('k', load)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    await expect(cache.getOrLoad('bad', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.getOrLoad('bad', load)).toBe(2);
  });

  it('drops the oldest entries beyond maxEntries and stores nothing with a TTL of 0', () => {
    const clock = new FakeClock(0);
    const cache = new MetadataCache<number>({ ttlMs: 1000, maxEntries: 2, clock });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
    const off = new MetadataCache<number>({ ttlMs: 0, clock });
    off.set('a', 1);
    expect(off.size).toBe(0);
  });
});
