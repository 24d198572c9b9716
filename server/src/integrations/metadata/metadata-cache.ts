// A small in-memory TTL cache for metadata answers. Lookups and refreshes ask for the same movie or series again
// within minutes (lookup, then add, then the first refresh); answering those from memory spares the provider's
// rate limit. Concurrent loads of one key share a single request. Bounded so a bulk refresh cannot grow it forever.
import type { Clock } from '../../lib/clock.js';

export interface MetadataCacheOptions {
  ttlMs: number;
  /** Oldest entries are dropped beyond this. Default 500. */
  maxEntries?: number;
  clock: Clock;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export class MetadataCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inflight = new Map<string, Promise<V>>();
  private readonly maxEntries: number;

  constructor(private readonly options: MetadataCacheOptions) {
    this.maxEntries = options.maxEntries ?? 500;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.options.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.options.ttlMs <= 0) return; // a TTL of 0 turns caching off
    this.entries.delete(key); // re-insert so Map order stays oldest-first
    this.entries.set(key, { value, expiresAt: this.options.clock.now() + this.options.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** The cached value, or the result of `load` (stored on success only: errors are never cached). */
  async getOrLoad(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const promise = load().then(
      (value) => {
        this.inflight.delete(key);
        this.set(key, value);
        return value;
      },
      (err: unknown) => {
        this.inflight.delete(key);
        throw err;
      },
    );
    this.inflight.set(key, promise);
    return promise;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
