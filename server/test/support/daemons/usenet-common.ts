// Shared plumbing for the SABnzbd, NZBGet and aria2 test launchers (recipes: shared/docs/real-download-clients.md):
// free loopback ports, throwaway dirs, a daemon spawned as a direct child, readiness with a deadline, and a stop
// that waits for the exit and removes the dirs. A missing binary throws naming the Debian package: never a skip.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

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

/** Absolute path of `binary` on PATH (plus the sbin dirs), or an error naming the Debian package to install. */
export function requireBinary(binary: string, debianPackage: string): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin', '/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error(
    `\`${binary}\` not found: install the Debian package \`${debianPackage}\` (see shared/docs/real-download-clients.md)`,
  );
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `idkarr-${prefix}-`));
}

export interface SpawnedDaemon {
  child: ChildProcess;
  /** Everything the daemon wrote to stdout/stderr (last 64 KiB), for failure messages. */
  output(): string;
  exited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  kill(graceMs?: number): Promise<void>;
}

export function spawnDaemon(command: string, args: readonly string[], cwd: string): SpawnedDaemon {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let hasExited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      hasExited = true;
      resolve();
    });
    child.once('error', (err) => {
      out += `\nspawn error: ${err.message}`;
      hasExited = true;
      resolve();
    });
  });
  const collect = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-65536);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    child,
    output: () => out,
    exited: () => hasExited,
    async kill(graceMs = 5000) {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!hasExited) child.kill('SIGKILL');
      }, graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Polls `probe` until it resolves truthy; throws with the daemon's output when the deadline passes or it exits. */
export async function waitUntilReady(
  name: string,
  daemon: SpawnedDaemon,
  probe: () => Promise<boolean>,
  deadlineMs = 20_000,
): Promise<void> {
  const started = Date.now();
  let lastError = '';
  while (Date.now() - started < deadlineMs) {
    if (daemon.exited()) throw new Error(`${name} exited before it was ready:\n${daemon.output()}`);
    try {
      if (await probe()) return;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await daemon.kill(1000);
  throw new Error(`${name} not ready within ${deadlineMs} ms (${lastError}):\n${daemon.output()}`);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** fetch with a short timeout, for readiness probes. */
export async function probeFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
}
