// Who hears about a command ending: settled listeners (awaited, e.g. scheduler bookkeeping) and then
// waitFor() callers. Kept apart from the queue so the queue only decides what starts when.
import type { Logger } from '../lib/logger.js';
import { type CommandRecord, ENDED_STATUSES } from './command.types.js';

export type SettledListener = (command: CommandRecord) => void | Promise<void>;

export class CommandSettlement {
  private readonly waiters = new Map<number, Set<(c: CommandRecord) => void>>();
  private readonly listeners = new Set<SettledListener>();
  /** Settled commands the queue still tracks as running, for waitFor calls in between. */
  private readonly recent = new Map<number, CommandRecord>();

  constructor(private readonly log: Logger) {}

  onSettled(listener: SettledListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the command has ended; `read` gives its current state (undefined when unknown). Pass
   * null for a command running in this process: its row can read as ended before the listeners have run. */
  async waitFor(
    id: number,
    read: (() => Promise<CommandRecord | undefined>) | null,
    /** True while the command runs in this process; checked after the read, since a queued command may start
     * and end while the read is in flight, and its row then reads as ended before the listeners ran. */
    runningHere: () => boolean = () => false,
  ): Promise<CommandRecord | undefined> {
    const recent = this.recent.get(id);
    if (recent) return recent;
    let resolveWaiter!: (c: CommandRecord) => void;
    const settled = new Promise<CommandRecord>((resolve) => {
      resolveWaiter = resolve;
    });
    // Registered before reading so an end between the read and the registration cannot be missed.
    const set = this.waiters.get(id) ?? new Set();
    set.add(resolveWaiter);
    this.waiters.set(id, set);
    if (!read) return settled;
    const current = await read();
    if (runningHere()) return settled;
    if (!current || ENDED_STATUSES.includes(current.status)) {
      set.delete(resolveWaiter);
      if (set.size === 0) this.waiters.delete(id);
      return current;
    }
    return settled;
  }

  async settle(command: CommandRecord): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(command);
      } catch (err) {
        this.log.error({ err, commandId: command.id }, 'command settled listener failed');
      }
    }
    this.recent.set(command.id, command);
    const set = this.waiters.get(command.id);
    this.waiters.delete(command.id);
    for (const resolve of set ?? []) resolve(command);
  }

  /** The queue no longer tracks the command; from now on its row tells. */
  forget(id: number): void {
    this.recent.delete(id);
  }
}
