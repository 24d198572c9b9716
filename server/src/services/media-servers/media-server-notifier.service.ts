// Tells media servers (Plex, Jellyfin, Emby) to rescan what idkarr changed. Callers (import, upgrade, rename,
// delete) call `pathsChanged(paths, reason)`, which returns at once and never throws. Paths are collected for a
// debounce window, then each enabled, unblocked server whose switches want that kind of change gets the
// smallest set of folders covering them (see coalesce.ts) in one refreshPaths call; a server never has two
// batches in flight (paths arriving meanwhile wait for the next one). Too many folders at once become one full
// library refresh. Outcomes go to provider health, so a failing server is backed off and shown in health.

import { type MediaChangeReason, wantsRescan } from '../../integrations/media-servers/common/settings.fields.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { MediaServerPort } from '../../providers/ports/media-server.port.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import { foldersToRescan, minimalFolders } from './coalesce.js';

export type { MediaChangeReason };

export interface MediaServerHealth {
  recordSuccess(definitionId: number, latencyMs?: number): Promise<void>;
  recordFailure(definitionId: number, err: unknown): Promise<void>;
}

export interface MediaServerNotifierDeps {
  /** Enabled media server definitions that are not blocked by backoff. */
  available(): Promise<ProviderDefinition[]>;
  instance(definition: ProviderDefinition): MediaServerPort;
  health: MediaServerHealth;
  clock: Clock;
  log: Logger;
  /** How long paths are collected before servers are asked. Default 5 s. */
  debounceMs?: number;
  /** Above this many folders for one server, it refreshes all its libraries instead. Default 50. */
  maxFolders?: number;
}

interface ServerState {
  definition: ProviderDefinition;
  pending: Set<string>;
  running: Promise<void> | undefined;
}

export class MediaServerNotifier {
  private incoming: { paths: string[]; reason: MediaChangeReason }[] = [];
  private windowGeneration = 0;
  private windowOpen = false;
  private dispatching: Promise<void> | undefined;
  private readonly servers = new Map<number, ServerState>();
  private readonly abort = new AbortController();
  private stopped = false;

  constructor(private readonly deps: MediaServerNotifierDeps) {}

  /**
   * Files (or folders) idkarr created, replaced, renamed or deleted, as idkarr sees them; the folder containing
   * each is rescanned. For a rename pass both the old and the new path. Returns immediately; never throws.
   */
  pathsChanged(paths: readonly string[], reason: MediaChangeReason): void {
    try {
      if (this.stopped) return;
      const clean = paths.filter((p) => typeof p === 'string' && p.trim() !== '');
      if (clean.length === 0) return;
      this.incoming.push({ paths: clean, reason });
      if (this.windowOpen) return;
      this.windowOpen = true;
      const generation = ++this.windowGeneration;
      this.deps.clock.sleep(this.deps.debounceMs ?? 5_000, this.abort.signal).then(
        () => {
          if (generation === this.windowGeneration && this.windowOpen) this.startDispatch();
        },
        () => {},
      );
    } catch (err) {
      this.deps.log.error({ err }, 'media server update could not be queued');
    }
  }

  /** Sends what is collected now, without waiting for the window, and waits until every server answered. */
  async flush(): Promise<void> {
    if (this.windowOpen) this.startDispatch();
    await this.idle();
  }

  /** Waits for the batch being dispatched and every server request in flight (not for an open window). */
  async idle(): Promise<void> {
    for (;;) {
      const waiting = [this.dispatching, ...[...this.servers.values()].map((s) => s.running)].filter(
        (p): p is Promise<void> => p !== undefined,
      );
      if (waiting.length === 0) return;
      await Promise.allSettled(waiting);
    }
  }

  /** Stops accepting paths, cancels the open window and in-flight requests. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.windowOpen = false;
    this.incoming = [];
    this.abort.abort(new Error('media server notifier stopped'));
    await this.idle();
  }

  private startDispatch(): void {
    this.windowOpen = false;
    this.windowGeneration++;
    const batch = this.incoming;
    this.incoming = [];
    const previous = this.dispatching ?? Promise.resolve();
    const run = previous.then(() => this.dispatch(batch));
    this.dispatching = run;
    void run.finally(() => {
      if (this.dispatching === run) this.dispatching = undefined;
    });
  }

  private async dispatch(batch: readonly { paths: string[]; reason: MediaChangeReason }[]): Promise<void> {
    if (batch.length === 0) return;
    let definitions: ProviderDefinition[];
    try {
      definitions = await this.deps.available();
    } catch (err) {
      this.deps.log.error({ err }, 'media server update skipped: listing media servers failed');
      return;
    }
    for (const definition of definitions) {
      const paths = batch.filter((b) => wantsRescan(definition.settings, b.reason)).flatMap((b) => b.paths);
      const folders = foldersToRescan(paths);
      if (folders.length === 0) continue;
      let state = this.servers.get(definition.id);
      if (!state) {
        state = { definition, pending: new Set(), running: undefined };
        this.servers.set(definition.id, state);
      }
      state.definition = definition;
      for (const f of folders) state.pending.add(f);
      this.kick(state);
    }
  }

  private kick(state: ServerState): void {
    if (state.running) return; // the loop below picks up what was added
    const run = (async () => {
      while (state.pending.size > 0 && !this.stopped) {
        const folders = minimalFolders(state.pending);
        state.pending.clear();
        await this.send(state.definition, folders);
      }
    })();
    state.running = run;
    void run.finally(() => {
      if (state.running === run) state.running = undefined;
    });
  }

  private async send(definition: ProviderDefinition, folders: string[]): Promise<void> {
    const log = this.deps.log.child({ definitionId: definition.id, implementation: definition.implementation });
    const started = this.deps.clock.now();
    try {
      const server = this.deps.instance(definition);
      const max = this.deps.maxFolders ?? 50;
      if (folders.length > max) {
        log.info({ folders: folders.length }, 'many folders changed; refreshing all libraries of the media server');
        await server.refreshLibrary(undefined, this.abort.signal);
      } else {
        const results = await server.refreshPaths(folders, this.abort.signal);
        const unmatched = results.filter((r) => !r.sent).map((r) => r.serverPath);
        if (unmatched.length > 0) {
          log.warn({ paths: unmatched }, 'no library on the media server contains these folders; check path mappings');
        }
        log.debug({ folders: folders.length }, 'media server rescan requested');
      }
      await this.deps.health.recordSuccess(definition.id, this.deps.clock.now() - started);
    } catch (err) {
      if (this.abort.signal.aborted) return;
      log.warn({ errorType: (err as Error)?.name, folders: folders.length }, 'media server rescan failed');
      await this.deps.health.recordFailure(definition.id, err).catch((e: unknown) => {
        log.error({ err: e }, 'recording media server health failed');
      });
    }
  }
}
