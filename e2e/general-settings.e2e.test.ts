// Settings → General: the host facts come from the environment (and say which variable), and the password form
// shows the server's findings under the fields they name, checks the confirmation itself, and really changes the
// password (the old one stops logging in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, loginWithApi } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

describe('Settings → General', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({ logLevel: 'warn', env: { IDKARR_BACKUP_RETENTION: '5' } });
    browser = await launchBrowser();
    await loginWithApi(browser, server.url, 'admin', 'correct-horse-9');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const login = (password: string) =>
    fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    }).then((r) => r.status);

  it('shows host, backup and logging settings with the variables that set them', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/settings/general`);
    const host = page.getByRole('region', { name: 'Host' });
    await host.getByText('set by IDKARR_PORT').waitFor();
    await expect(host.locator('dd').first().textContent()).resolves.toBe('7979 (set by IDKARR_PORT)');
    await host.getByText('SQLite').waitFor();
    await host.getByText(server.dataDir).waitFor();
    await page.getByRole('region', { name: 'Backups' }).getByText('the newest 5').waitFor();
    const logging = page.getByRole('region', { name: 'Logging' });
    await expect(logging.locator('dd code').first().textContent()).resolves.toBe('warn');
    await logging.getByRole('link', { name: /System → Logs/ }).waitFor();
  });

  it('changes the password with findings next to the fields', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/settings/general`);
    const form = page.getByRole('form', { name: 'Change password' });
    await form.getByText('Logged in as').waitFor();
    const current = form.getByLabel('Current password');
    const next = form.getByLabel('New password', { exact: true });
    const confirm = form.getByLabel('Confirm new password');
    const submit = form.getByRole('button', { name: 'Change password' });

    await current.fill('not the password');
    await next.fill('a much longer secret');
    await confirm.fill('a much longer secrett');
    await submit.click();
    await form.getByText('does not match the new password').waitFor();
    await expect(confirm.getAttribute('aria-invalid')).resolves.toBe('true');

    await confirm.fill('a much longer secret');
    await submit.click();
    await form.getByTestId('finding-currentPassword').getByText('is wrong').waitFor();
    await expect(current.getAttribute('aria-invalid')).resolves.toBe('true');

    await current.fill('correct-horse-9');
    await next.fill('short');
    await confirm.fill('short');
    await submit.click();
    await form.getByTestId('finding-newPassword').getByText('must be at least 8 characters').waitFor();
    await expect(next.getAttribute('aria-describedby')).resolves.toMatch(/newPassword-findings$/);

    await next.fill('a much longer secret');
    await confirm.fill('a much longer secret');
    await submit.click();
    await form.getByRole('status').filter({ hasText: 'Password changed.' }).waitFor();
    await expect(current.inputValue()).resolves.toBe('');
    await browser.screenshot('settings-general-password');
    expect(await login('correct-horse-9')).toBe(401);
    expect(await login('a much longer secret')).toBe(200);
  });
});
