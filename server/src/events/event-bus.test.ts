import { describe, expect, it } from 'vitest';
import { EventBus } from './event-bus.js';

describe('EventBus', () => {
  it('delivers typed events to specific and catch-all handlers, and unsubscribes', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const off = bus.on('health.changed', (d) => seen.push(`h:${d.source}:${d.status}`));
    bus.onAny((e) => seen.push(`any:${e.type}`));
    bus.emit('health.changed', { source: 'x', status: 'unhealthy', message: 'down' });
    off();
    bus.emit('health.changed', { source: 'y', status: 'healthy', message: null });
    expect(seen).toEqual(['h:x:unhealthy', 'any:health.changed', 'any:health.changed']);
  });

  it('keeps delivering when one handler throws', () => {
    const bus = new EventBus();
    const seen: number[] = [];
    bus.on('command.progress', () => {
      throw new Error('boom');
    });
    bus.on('command.progress', (d) => seen.push(d.id));
    bus.emit('command.progress', { id: 7, name: 'X', status: 'started', message: null, progress: null });
    expect(seen).toEqual([7]);
  });
});
