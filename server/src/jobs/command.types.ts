// The command model shared by the queue, the registry, the repository and the routes (Sonarr's command model).
import type { z } from 'zod';
import type { Logger } from '../lib/logger.js';

export const COMMAND_STATUSES = ['queued', 'started', 'completed', 'failed', 'cancelled', 'orphaned'] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

/** States a command never leaves. */
export const ENDED_STATUSES: readonly CommandStatus[] = ['completed', 'failed', 'cancelled', 'orphaned'];

export const COMMAND_TRIGGERS = ['manual', 'scheduled', 'api', 'system'] as const;
export type CommandTrigger = (typeof COMMAND_TRIGGERS)[number];

/** A persisted command, as the repository returns it. */
export interface CommandRecord {
  id: number;
  name: string;
  body: Record<string, unknown>;
  dedupeKey: string;
  status: CommandStatus;
  trigger: CommandTrigger;
  exclusive: boolean;
  message: string | null;
  progress: number | null;
  queuedAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  error: string | null;
  result: unknown;
}

/** What a running handler can do besides its work. */
export interface CommandContext {
  readonly id: number;
  /** Who asked: a scheduled run, a user, another command... */
  readonly trigger: CommandTrigger;
  /** Aborted when the command is cancelled or the queue stops past its timeout. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  /** Persists a progress message (and percent 0–100) and emits `command.progress`. */
  progress(message: string, percent?: number): Promise<void>;
}

export interface CommandDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  /** Validates the POSTed body; the parsed output is stored and handed to the handler. Keep it free of
   * non-idempotent transforms: the stored body is parsed again when the command starts. */
  body: S;
  /** Runs alone: waits for running commands, and nothing else starts while it runs. */
  exclusive?: boolean;
  /** When true (the default) an identical queued command is returned instead of queueing another. */
  dedupe?: boolean;
  handler(body: z.output<S>, ctx: CommandContext): Promise<unknown>;
}

/** Keeps the handler's body type tied to its schema at the definition site; the registry stores it erased. */
export function defineCommand<S extends z.ZodType>(definition: CommandDefinition<S>): CommandDefinition {
  return definition as unknown as CommandDefinition;
}
