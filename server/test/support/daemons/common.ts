// Shared plumbing for every real download-client daemon in contract tests, torrent and usenet alike (recipes:
// shared/docs/real-download-clients.md): free loopback ports, throwaway directories, a daemon spawned as a direct
// child (so its pid is the daemon's), readiness polling with a deadline, and a stop that kills it and removes its
// directories. A missing binary is an error naming the Debian package: these tests never skip.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export const TEST_USER = 'admin';
export const TEST_PASSWORD = 'testpass';

/** A port the kernel just handed out on 127.0.0.1 (closed again before returning). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `idkarr-${prefix}-`));
}

/** Absolute path of `binary`, searching PATH plus the sbin directories; throws naming the Debian package. */
export function requireBinary(binary: string, debianPackage: string): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  throw new Error(`${binary} not found: install the Debian package \`${debianPackage}\` (see .ci/run)`);
}

export interface Daemon {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** True until the process has exited (a zombie counts as exited: Node reaps its children). */
  running(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
  logTail(): string;
}

export interface SpawnOptions {
  name: string;
  binary: string;
  debianPackage: string;
  args: readonly string[];
  cwd: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

export function spawnDaemon(opts: SpawnOptions): Daemon {
  const cmd = requireBinary(opts.binary, opts.debianPackage);
  const fd = openSync(opts.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(cmd, [...opts.args], {
      cwd: opts.cwd,
      stdio: ['ignore', fd, fd],
      env: { ...process.env, ...opts.env },
    });
  } finally {
    closeSync(fd);
  }
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', () => {
      exited = true;
      resolve();
    });
  });
  const logTail = () => {
    try {
      return readFileSync(opts.logFile, 'utf8').slice(-2000);
    } catch {
      return '';
    }
  };
  return {
    name: opts.name,
    pid: child.pid ?? -1,
    logFile: opts.logFile,
    running: () => !exited,
    logTail,
    async stop(graceMs = 5000) {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Polls `probe` until it returns true; fails at the deadline or as soon as one of `daemons` has exited. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  opts: { deadlineMs?: number; intervalMs?: number; daemons?: readonly Daemon[] } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.deadlineMs ?? 20_000);
  let last: unknown;
  for (;;) {
    for (const d of opts.daemons ?? []) {
      if (!d.running()) throw new Error(`${d.name} exited while waiting for ${what}:\n${d.logTail()}`);
    }
    try {
      if (await probe()) return;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const logs = (opts.daemons ?? []).map((d) => `--- ${d.name}\n${d.logTail()}`).join('\n');
      throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50));
  }
}

/** Spawns a daemon and waits until `ready`; one that never gets ready is stopped before the error goes up. */
export async function launchDaemon(opts: SpawnOptions, what: string, ready: () => Promise<boolean>): Promise<Daemon> {
  const daemon = spawnDaemon(opts);
  try {
    await waitUntil(what, ready, { daemons: [daemon] });
  } catch (err) {
    await daemon.stop();
    throw err;
  }
  return daemon;
}

/** One daemon in its throwaway root: kill and restart keep the root (same port and profile), stop removes it. */
export interface RootedDaemon {
  readonly daemon: Daemon;
  /** Kills the daemon (keeping the root) so a test can see the client unreachable. */
  kill(): Promise<void>;
  /** Starts it again on the same port and profile (stopping it first if it runs); sessions are gone. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Launches with `launch`; the root is removed when the first launch fails, so nothing is left behind. */
export async function rootedDaemon(root: string, launch: () => Promise<Daemon>): Promise<RootedDaemon> {
  let daemon: Daemon;
  try {
    daemon = await launch();
  } catch (err) {
    removeDir(root);
    throw err;
  }
  return {
    get daemon() {
      return daemon;
    },
    kill: () => daemon.stop(),
    async restart() {
      await daemon.stop();
      daemon = await launch();
    },
    async stop() {
      await daemon.stop();
      removeDir(root);
    },
  };
}

/** fetch with a short timeout, for readiness probes (a hung daemon must not outlast the deadline). */
export async function probeFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
}

/** An HTTP Basic authorization header value. */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** Is something accepting TCP connections on 127.0.0.1:port? */
export async function portOpen(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const sock = connect({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Polls a condition in a test (e.g. a state the daemon reaches asynchronously) with a deadline. */
export async function eventually<T>(
  what: string,
  fn: () => Promise<T>,
  accept: (value: T) => boolean,
  deadlineMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let value: T | undefined;
  let last: unknown;
  for (;;) {
    try {
      value = await fn();
      if (accept(value)) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not reached within ${deadlineMs} ms; last value ${JSON.stringify(value)}${last ? `, last error ${String(last)}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
