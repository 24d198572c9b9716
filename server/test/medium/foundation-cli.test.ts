// The CLI as a process: start-up failures end with exit code 1 and one clear line on stderr, no stack trace,
// no secret.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let dir: string;
let wrapper: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'idkarr-cli-'));
  wrapper = join(dir, 'run.mts');
  // `.mts` so tsx allows top-level await.
  writeFileSync(
    wrapper,
    `import { main } from ${JSON.stringify(pathToFileURL(MAIN).href)};\nprocess.exitCode = await main(process.argv.slice(2));\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the process had not exited by the deadline and was killed. */
  killed: boolean;
}

/** Runs the CLI; kills it after `timeoutMs` (or 500 ms after its first stderr line, with `afterStderrMs`). */
function run(
  args: string[],
  env: Record<string, string>,
  opts: { timeoutMs?: number; afterStderrMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('IDKARR_')));
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', wrapper, ...args], {
      cwd: ROOT,
      env: { ...clean, IDKARR_DATA_DIR: join(dir, 'data'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (opts.afterStderrMs !== undefined && stderr.includes('\n')) setTimeout(kill, opts.afterStderrMs).unref();
    });
    const timer = setTimeout(kill, opts.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, killed });
    });
  });
}

describe('idkarr CLI start-up failures', () => {
  it('IDKARR_PORT=abc: exit 1 and one line naming the variable', async () => {
    const r = await run(['serve'], { IDKARR_PORT: 'abc' });
    expect(r.killed).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('idkarr: invalid configuration: IDKARR_PORT: must be a number (got "abc")\n');
  });

  it('unreachable PostgreSQL: one line naming IDKARR_DATABASE_URL, no stack, no password', async () => {
    const r = await run([], { IDKARR_DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x' }, { afterStderrMs: 500 });
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toEqual([
      expect.stringMatching(/^idkarr: IDKARR_DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/x: /),
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const output = r.stdout + r.stderr;
    expect(output).not.toContain('u:p@');
    expect(output).not.toContain(':p@');
    expect(output).not.toContain('postgres://');
  });

  it('unreachable PostgreSQL: the process exits with code 1', async () => {
    const r = await run([], { IDKARR_DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x' }, { timeoutMs: 8_000 });
    expect(r.killed).toBe(false);
    expect(r.code).toBe(1);
  });

  it('serve: exits with code 0 on SIGTERM', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', wrapper, 'serve'], {
      cwd: ROOT,
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('IDKARR_'))),
        IDKARR_DATA_DIR: join(dir, 'serve-data'),
        IDKARR_PORT: String(port),
        IDKARR_BIND: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('serve did not start')), 15_000);
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes('is running at')) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    child.kill('SIGTERM');
    const code = await Promise.race([exit, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5_000))]);
    if (code === 'hung') child.kill('SIGKILL');
    expect(code).toBe(0);
  });

  it('version and unknown commands', async () => {
    const v = await run(['version'], {});
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
    const u = await run(['frobnicate'], {});
    expect(u.code).toBe(2);
    expect(u.stderr.split('\n')[0]).toBe('unknown command "frobnicate"');
  });
});
