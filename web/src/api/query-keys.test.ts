import { describe, expect, it } from 'vitest';
import { keys, keysForEvent } from './query-keys';

describe('keysForEvent', () => {
  it('maps each WebSocket event to the queries it makes stale', () => {
    expect(keysForEvent('command.progress')).toEqual([keys.commands, keys.tasks]);
    expect(keysForEvent('health.changed')).toEqual([keys.health]);
    expect(keysForEvent('queue.updated')).toEqual([keys.queue]);
    expect(keysForEvent('movie.added')).toEqual([keys.movies]);
    expect(keysForEvent('movie.deleted')).toEqual([keys.movies]);
    expect(keysForEvent('series.updated')).toEqual([keys.series]);
    expect(keysForEvent('provider.changed', { kind: 'indexer' })).toEqual([keys.providers('indexer'), keys.health]);
  });
  it('ignores events it does not know', () => {
    expect(keysForEvent('connected')).toEqual([]);
    expect(keysForEvent('something.else')).toEqual([]);
  });
});
