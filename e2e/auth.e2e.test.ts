// First run: the login page creates the user, the SPA loads with the session cookie (assets included), logout
// returns to the login page and the SPA is closed again until the next login.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, firstRunLogin, launchBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

describe('login, first run and logout', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates the first user, opens the app, logs out and logs back in', async () => {
    const { page } = browser;
    const assetStatuses: number[] = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/assets/')) assetStatuses.push(res.status());
    });

    await firstRunLogin(page, server.url, 'admin', 'correct-horse-9');
    await page.getByRole('heading', { name: 'Movies', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Movies', 'Series', 'Calendar', 'Activity', 'Wanted', 'Settings', 'System'])
      await expect(nav.getByRole('link', { name, exact: true }).count()).resolves.toBe(1);
    expect(assetStatuses.length).toBeGreaterThan(0);
    expect(assetStatuses.every((s) => s === 200 || s === 304)).toBe(true);

    // Keyboard: on a fresh load the skip link is the first stop.
    await page.reload();
    await page.getByRole('heading', { name: 'Movies', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').textContent()).resolves.toBe('Skip to content');

    // Client-side route after a reload: the server answers the SPA shell for /system/status.
    await page.goto(`${server.url}/system/status`);
    await page.getByRole('heading', { name: 'Status', level: 1 }).waitFor();
    await page.getByText('SQLite').waitFor();
    await browser.screenshot('auth-logged-in-status');

    // The other part-1 pages answer from the API: series, tasks (run now), general settings (API key).
    const nav2 = page.getByRole('navigation', { name: 'Main' });
    await nav2.getByRole('link', { name: 'Series', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '0 series' }).waitFor();
    await page.goto(`${server.url}/system/tasks`);
    const runNow = page.getByRole('button', { name: /^Run .* now$/ }).first();
    await runNow.waitFor();
    await runNow.click();
    await page.goto(`${server.url}/settings/general`);
    const key = page.getByLabel('API key', { exact: true });
    await expect.poll(() => key.inputValue()).toBe(server.app.auth.apiKey);
    await browser.screenshot('settings-general');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await page.getByRole('heading', { name: 'Log in to idkarr' }).waitFor();
    await browser.screenshot('auth-logged-out');

    // Without the session the SPA is closed: the page redirects and the API answers 401.
    await page.goto(`${server.url}/movies`);
    await page.waitForURL(/\/login\?returnUrl=%2Fmovies/);
    const status = await page.evaluate(async () => (await fetch('/api/v1/system/status')).status);
    expect(status).toBe(401);

    // A wrong password is refused on the page; the right one returns to where the user was going.
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /invalid/i })
      .waitFor();
    await page.getByLabel('Password').fill('correct-horse-9');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/movies$/);
    await page.getByRole('heading', { name: 'Movies', level: 1 }).waitFor();
    await browser.screenshot('auth-logged-in-again');
  });
});
