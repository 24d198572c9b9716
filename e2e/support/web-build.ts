// Builds web/dist when it is missing or older than any source of the web workspace, so the e2e tier and the UI
// benchmark always drive the current UI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIST = join(ROOT, 'web/dist');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

export function ensureWebBuilt(): void {
  const index = join(WEB_DIST, 'index.html');
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/package.json', 'web/tsconfig.json'];
  const sourceTime = Math.max(...sources.map((s) => newest(join(ROOT, s))));
  if (existsSync(index) && statSync(index).mtimeMs >= sourceTime) return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync('npm', ['run', '-s', 'build', '-w', 'web'], { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`building web/ failed (exit ${r.status})`);
}
