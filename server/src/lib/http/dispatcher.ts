// TLS and connection settings per integration (e.g. a self-signed NAS certificate) without touching the global
// agent, so one integration's "ignore certificate errors" never weakens another's.
import { Agent, type Dispatcher } from 'undici';

export interface DispatcherOptions {
  /** Accept self-signed or otherwise invalid certificates. Off unless the user opts in per integration. */
  ignoreTlsErrors?: boolean;
  /** TCP connect timeout; undici's default is 10 s. */
  connectTimeoutMs?: number;
}

export function createDispatcher(options: DispatcherOptions = {}): Dispatcher {
  return new Agent({
    connect: {
      rejectUnauthorized: !options.ignoreTlsErrors,
      ...(options.connectTimeoutMs !== undefined ? { timeout: options.connectTimeoutMs } : {}),
    },
  });
}
