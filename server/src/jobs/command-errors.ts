// Why a command's signal was aborted, and how a handler's failure is reduced to the stored error text.
import { errorMessage } from '../lib/errors.js';

export type AbortCause = 'cancelled' | 'shutdown';

/** The reason on an aborted command signal; a handler may rethrow it or any error of its own. */
export class CommandAbortedError extends Error {
  constructor(readonly kind: AbortCause) {
    super(kind === 'cancelled' ? 'cancelled while running' : 'aborted: the server was shutting down');
    this.name = 'CommandAbortedError';
  }
}

const MAX_ERROR_LENGTH = 300;

/** The first line of the message, bounded: the API and UI show it; stacks belong in the log only. */
export function shortError(err: unknown): string {
  const first = errorMessage(err).split('\n')[0]?.trim() || 'failed without a message';
  return first.length > MAX_ERROR_LENGTH ? `${first.slice(0, MAX_ERROR_LENGTH - 1)}…` : first;
}
