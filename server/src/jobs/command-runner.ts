// Runs one started command's handler and records how it ended. Kept apart from the queue so the queue
// only decides what starts when.
import type { CommandOutcome, CommandRepository } from '../db/repositories/command.repository.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import type { CommandContext, CommandDefinition, CommandRecord } from './command.types.js';
import { CommandAbortedError, shortError } from './command-errors.js';

export interface RunnerDeps {
  repository: CommandRepository;
  clock: Clock;
  log: Logger;
  emit(command: CommandRecord): void;
}

/** Returns the ended command, or undefined when someone else ended it first (it was orphaned meanwhile). */
export async function executeCommand(
  cmd: CommandRecord,
  definition: CommandDefinition,
  signal: AbortSignal,
  deps: RunnerDeps,
): Promise<CommandRecord | undefined> {
  let current: CommandRecord = cmd;
  const ctx: CommandContext = {
    id: cmd.id,
    trigger: cmd.trigger,
    signal,
    log: deps.log,
    progress: async (message, percent) => {
      const progress = percent === undefined ? current.progress : clampPercent(percent);
      await deps.repository.updateProgress(cmd.id, message, progress);
      current = { ...current, message, progress };
      deps.emit(current);
    },
  };
  const outcome = await run(cmd, definition, ctx, deps);
  const ended = await deps.repository.finish(cmd.id, ['started'], outcome);
  if (!ended) return undefined;
  const record = await deps.repository.findById(cmd.id);
  if (record) deps.emit(record);
  return record;
}

async function run(
  cmd: CommandRecord,
  definition: CommandDefinition,
  ctx: CommandContext,
  deps: RunnerDeps,
): Promise<CommandOutcome> {
  const started = deps.clock.now();
  try {
    // Parsed again because the stored body may predate a schema change in this version.
    const body = definition.body.parse(cmd.body);
    const result = await definition.handler(body, ctx);
    deps.log.info({ durationMs: deps.clock.now() - started }, 'command completed');
    return { status: 'completed', endedAt: new Date(deps.clock.now()), result: toJsonValue(result) };
  } catch (err) {
    const reason: unknown = ctx.signal.aborted ? ctx.signal.reason : undefined;
    if (reason instanceof CommandAbortedError) {
      deps.log.info({ cause: reason.kind }, 'command aborted');
      return { status: 'cancelled', endedAt: new Date(deps.clock.now()), error: reason.message };
    }
    deps.log.warn({ err }, 'command failed');
    return { status: 'failed', endedAt: new Date(deps.clock.now()), error: shortError(err) };
  }
}

function clampPercent(p: number): number {
  if (!Number.isFinite(p)) return 0;
  return Math.min(100, Math.max(0, p));
}

/** A result that JSON cannot hold is dropped rather than failing a command whose work is done. */
function toJsonValue(result: unknown): unknown {
  if (result === undefined) return undefined;
  try {
    return JSON.parse(JSON.stringify(result));
  } catch {
    return undefined;
  }
}
