// Runs a script with no shell in its own process group, captures (capped) stdout/stderr, and on timeout kills the
// whole group: SIGTERM first, SIGKILL after a grace period, so a script that started children cannot leave them
// running. A script that exits normally may leave intentional background jobs alone.
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import type { Clock } from '../../../lib/clock.js';

export interface RunOptions {
  path: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  clock: Clock;
  /** Bytes kept of each of stdout and stderr. Default 64 KiB. */
  maxOutputBytes?: number;
  /** Between SIGTERM and SIGKILL. Default 2 s. */
  killGraceMs?: number;
  signal?: AbortSignal;
}

export interface RunResult {
  /** null when the process was ended by a signal. */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  truncated: boolean;
  durationMs: number;
  pid: number | undefined;
}

/** Why `path` cannot be run, or null. */
export async function scriptPathProblem(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return `${path} is not a file`;
  } catch {
    return `${path} does not exist`;
  }
  try {
    await access(path, constants.X_OK);
  } catch {
    return `${path} is not executable (chmod +x)`;
  }
  return null;
}

class Capped {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly max: number) {}
  push(chunk: Buffer): void {
    const room = this.max - this.size;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (part.length < chunk.length) this.truncated = true;
    this.chunks.push(part);
    this.size += part.length;
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    // A negative pid addresses the process group the detached child leads.
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
  } catch {
    // Already gone.
  }
}

export function runScript(opts: RunOptions): Promise<RunResult> {
  const started = opts.clock.now();
  const max = opts.maxOutputBytes ?? 64 * 1024;
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(opts.path, [...opts.args], {
      env: opts.env,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
      windowsHide: true,
    });
    const out = new Capped(max);
    const err = new Capped(max);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    let timedOut = false;
    const stopTimers = new AbortController();
    const onTimeout = () => {
      timedOut = true;
      killGroup(child.pid, 'SIGTERM');
      opts.clock.sleep(opts.killGraceMs ?? 2_000, stopTimers.signal).then(
        () => killGroup(child.pid, 'SIGKILL'),
        () => {},
      );
    };
    opts.clock.sleep(opts.timeoutMs, stopTimers.signal).then(onTimeout, () => {});
    const onAbort = () => killGroup(child.pid, 'SIGKILL');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.once('error', (e) => {
      stopTimers.abort();
      opts.signal?.removeEventListener('abort', onAbort);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      if (timedOut) {
        // The leader is gone; make sure its group is too (children that ignored SIGTERM).
        killGroup(child.pid, 'SIGKILL');
      }
      stopTimers.abort();
      opts.signal?.removeEventListener('abort', onAbort);
      // Give the pipes a moment to drain, but do not wait on a background child that inherited them.
      let settled = false;
      let drain: NodeJS.Timeout | undefined;
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(drain);
        resolve({
          exitCode: code,
          signal,
          timedOut,
          stdout: out.text(),
          stderr: err.text(),
          truncated: out.truncated || err.truncated,
          durationMs: opts.clock.now() - started,
          pid: child.pid,
        });
      };
      drain = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      }, 500);
      child.once('close', finish);
    });
  });
}
