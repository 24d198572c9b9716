// Debian's Chromium (/usr/bin/chromium) driven by playwright-core; never a downloaded browser. A missing binary is
// an error (the e2e tier fails), not a skip. Each launch gets a fresh, empty user-data dir.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ROOT } from './web-build.js';

export const CHROMIUM = process.env.IDKARR_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts/e2e');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Saves test-artifacts/e2e/NAME.png (full page). */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (.ci/run does)`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'idkarr-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return {
    context,
    page,
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Creates the first user through the stand-alone login page and logs in; ends on the SPA. */
export async function firstRunLogin(page: Page, baseUrl: string, username = 'admin', password = 'correct-horse-9') {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/login/);
  await page.getByRole('heading', { name: 'Create the idkarr user' }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create user' }).click();
  await page.waitForURL(/\/movies$/);
}

/** Creates the user (first run) through the API and puts a session cookie in the browser context. */
export async function loginWithApi(
  browser: Browser,
  baseUrl: string,
  username = 'admin',
  password = 'correct-horse-9',
) {
  const setup = await browser.context.request.post(`${baseUrl}/api/v1/auth/setup`, { data: { username, password } });
  if (setup.status() !== 201) throw new Error(`setup failed: ${setup.status()} ${await setup.text()}`);
  const login = await browser.context.request.post(`${baseUrl}/api/v1/auth/login`, { data: { username, password } });
  if (!login.ok()) throw new Error(`login failed: ${login.status()} ${await login.text()}`);
}
