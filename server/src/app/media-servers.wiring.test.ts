import { describe, expect, it } from 'vitest';
import { EventBus as Bus, type EventBus } from '../events/event-bus.js';
import { eventPaths, subscribeMediaServerEvents } from './media-servers.wiring.js';

function recorder() {
  const calls: [string[], string][] = [];
  return {
    calls,
    notifier: { pathsChanged: (paths: readonly string[], reason: string) => calls.push([[...paths], reason]) },
  };
}

/** Emits an event with only the fields the subscriptions read (or one the typed map does not know). */
const emitLoose = (events: EventBus, type: string, data: unknown) =>
  (events.emit as (t: string, d: unknown) => void).call(events, type, data);

describe('media server event subscriptions', () => {
  it('rescans the folder of a deleted movie or series only when its files were deleted', () => {
    const events = new Bus();
    const { calls, notifier } = recorder();
    subscribeMediaServerEvents(events, notifier);
    emitLoose(events, 'movie.deleted', { id: 1, title: 'A', deletedFiles: true, tmdbId: 1, path: '/movies/A (2001)' });
    emitLoose(events, 'series.deleted', {
      id: 2,
      title: 'B',
      deletedFiles: false,
      tvdbId: 2,
      tmdbId: null,
      path: '/tv/B',
    });
    emitLoose(events, 'series.deleted', {
      id: 3,
      title: 'C',
      deletedFiles: true,
      tvdbId: 3,
      tmdbId: null,
      path: '/tv/C',
    });
    expect(calls).toEqual([
      [['/movies/A (2001)'], 'delete'],
      [['/tv/C'], 'delete'],
    ]);
  });

  it('maps file events to reasons, an import flagged isUpgrade to upgrade, and unsubscribes', () => {
    const events = new Bus();
    const { calls, notifier } = recorder();
    const off = subscribeMediaServerEvents(events, notifier);
    emitLoose(events, 'file.imported', { path: '/tv/S/Season 1/e1.mkv' });
    emitLoose(events, 'file.imported', {
      file: { path: '/tv/S/Season 1/e2.mkv' },
      isUpgrade: true,
      deletedFiles: [{ path: '/tv/S/Season 1/old.avi' }],
    });
    emitLoose(events, 'file.renamed', { files: [{ path: '/m/new.mkv', previousPath: '/m/old.mkv' }] });
    emitLoose(events, 'file.deleted', { paths: ['/m/x.mkv'] });
    emitLoose(events, 'queue.updated', { changed: [], removedIds: [] });
    off();
    emitLoose(events, 'file.deleted', { path: '/m/y.mkv' });
    expect(calls).toEqual([
      [['/tv/S/Season 1/e1.mkv'], 'import'],
      [['/tv/S/Season 1/e2.mkv', '/tv/S/Season 1/old.avi'], 'upgrade'],
      [['/m/new.mkv', '/m/old.mkv'], 'rename'],
      [['/m/x.mkv'], 'delete'],
    ]);
  });

  it('eventPaths ignores empty and non-path values', () => {
    expect(eventPaths({ path: '', paths: ['/a', 3, null], title: '/not/a/path', file: { id: 1 } })).toEqual(['/a']);
  });
});
