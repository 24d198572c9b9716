// UI benchmark (issue 9): initial JavaScript of web/dist gzipped (target ≤ 250 KB), and the time from navigation to
// the Movies page being interactive (first rows rendered, `idkarr:movies-interactive` performance mark) with a
// synthetic 20k-movie library in headless Debian Chromium (target ≤ 1.5 s). Run with `npm run bench -- ui`.
// Knobs: UI_BENCH_MOVIES (default 20000), UI_BENCH_RUNS (default 5).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { launchBrowser, loginWithApi } from '../e2e/support/browser.js';
import { seedMovies } from '../e2e/support/seed.js';
import { startServer } from '../e2e/support/server.js';
import { ensureWebBuilt, WEB_DIST } from '../e2e/support/web-build.js';

const MOVIES = Number(process.env.UI_BENCH_MOVIES ?? 20_000);
const RUNS = Number(process.env.UI_BENCH_RUNS ?? 5);
const JS_TARGET_KB = 250;
const INTERACTIVE_TARGET_MS = 1500;
const MARK = 'idkarr:movies-interactive';

function initialAssets(): { js: string[]; css: string[] } {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const attr = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!);
  return {
    js: [
      ...attr(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
      ...attr(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ],
    css: attr(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
  };
}

function gzipKb(files: string[]): number {
  let total = 0;
  for (const f of files) total += gzipSync(readFileSync(join(WEB_DIST, f.replace(/^\//, ''))), { level: 9 }).length;
  return total / 1024;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  ensureWebBuilt();
  const assets = initialAssets();
  const jsKb = gzipKb(assets.js);
  const cssKb = gzipKb(assets.css);
  console.log(
    `initial JS: ${jsKb.toFixed(1)} KB gzipped in ${assets.js.length} file(s) (target ≤ ${JS_TARGET_KB} KB) ` +
      `${jsKb <= JS_TARGET_KB ? 'PASS' : 'FAIL'}; CSS ${cssKb.toFixed(1)} KB gzipped`,
  );

  const server = await startServer({ logLevel: 'error', background: false });
  const browser = await launchBrowser();
  let failed = jsKb > JS_TARGET_KB;
  try {
    const t0 = performance.now();
    await seedMovies(server, MOVIES);
    console.log(`seeded ${MOVIES} movies in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await loginWithApi(browser, server.url);
    const { page } = browser;

    let cold = 0;
    const times: number[] = [];
    const scrolls: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      await page.goto(`${server.url}/movies`, { waitUntil: 'commit' });
      await page.waitForFunction(`performance.getEntriesByName('${MARK}').length > 0`, undefined, { timeout: 30_000 });
      const ms = (await page.evaluate(`performance.getEntriesByName('${MARK}')[0].startTime`)) as number;
      const text =
        (await page
          .getByRole('status')
          .filter({ hasText: /movies$/ })
          .textContent()) ?? '';
      if (!text.includes(MOVIES.toLocaleString('en-US')) && !text.includes(String(MOVIES)))
        throw new Error(`the page shows "${text}", not ${MOVIES} movies`);
      // Jump to the middle of the list: time until the rows there are on screen (pages fetched on demand).
      const s0 = performance.now();
      await page.getByTestId('library-scroll').evaluate('el => el.scrollTo({ top: el.scrollHeight / 2 })');
      await page.waitForFunction(
        `(() => { const el = document.querySelector('[data-testid="library-scroll"]');
          const r = el.getBoundingClientRect();
          return [...el.querySelectorAll('[data-testid="library-item"]')].some((i) => {
            const b = i.getBoundingClientRect(); return b.top >= r.top && b.bottom <= r.bottom; }); })()`,
        undefined,
        { timeout: 30_000 },
      );
      const scrollMs = performance.now() - s0;
      if (run === 0) {
        // A fresh profile: no HTTP or code cache, the server's first library query.
        cold = ms;
        console.log(`first (cold) load: interactive ${ms.toFixed(0)} ms, middle rows ${scrollMs.toFixed(0)} ms`);
        continue;
      }
      times.push(ms);
      scrolls.push(scrollMs);
    }
    const med = median(times);
    const worst = Math.max(...times);
    const pass = med <= INTERACTIVE_TARGET_MS && cold <= INTERACTIVE_TARGET_MS;
    if (!pass) failed = true;
    console.log(
      `Movies page interactive with ${MOVIES} movies: cold ${cold.toFixed(0)} ms; warm median ${med.toFixed(0)} ms, ` +
        `worst ${worst.toFixed(0)} ms over ${RUNS} reloads (target ≤ ${INTERACTIVE_TARGET_MS} ms) ${pass ? 'PASS' : 'FAIL'}`,
    );
    console.log(
      `jump to the middle of the list → rows on screen: median ${median(scrolls).toFixed(0)} ms, ` +
        `worst ${Math.max(...scrolls).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
