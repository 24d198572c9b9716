// The schema-driven integration form with a real download-client schema (qBittorrent): it renders from
// GET /api/v1/downloadclient/schema, a failed Test (closed port) shows the finding next to its field, and the
// saved definition comes back with the password masked (the stored secret is kept when the mask is sent back).
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderDefinitionRepository } from '../server/src/db/repositories/provider-definition.repository.js';
import { type Browser, launchBrowser, loginWithApi } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/** A loopback port nothing listens on (bound, then closed). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('integration form (download client)', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await loginWithApi(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the schema, shows a field finding after a failed test, saves with the secret masked', async () => {
    const { page } = browser;
    const port = await closedPort();
    await page.goto(`${server.url}/settings/downloadclients`);
    await page.getByRole('heading', { name: 'Download Clients', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: /^qBittorrent/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Add qBittorrent' });
    await dialog.getByRole('heading', { name: 'Add qBittorrent' }).waitFor();

    // Fields come from the schema: labels, types, secrets as password inputs.
    await dialog.getByLabel('Name', { exact: true }).fill('Home qBittorrent');
    await dialog.getByLabel('Host', { exact: true }).fill('127.0.0.1');
    await dialog.getByLabel('Port', { exact: true }).fill(String(port));
    await dialog.getByLabel('Username', { exact: true }).fill('admin');
    const password = dialog.getByLabel('Password', { exact: true });
    await expect(password.getAttribute('type')).resolves.toBe('password');
    await password.fill('s3cret-pass');

    await dialog.getByRole('button', { name: 'Test' }).click();
    const fieldFinding = dialog.locator('.form-row[data-field] .field-findings li').first();
    await fieldFinding.waitFor();
    const field = await fieldFinding.evaluate((li) => li.closest('.form-row')?.getAttribute('data-field'));
    expect(['host', 'port']).toContain(field);
    // The input is marked invalid and described by the finding.
    const input = dialog.locator(`.form-row[data-field="${field}"] input`).first();
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(fieldFinding.textContent()).resolves.not.toContain('s3cret-pass');
    await browser.screenshot('integration-form-test-finding');

    // Saving an enabled client runs the same test and fails; a disabled one is stored without contacting it.
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.locator('.form-row[data-field] .field-findings li').first().waitFor();
    await dialog.getByLabel('Enable', { exact: true }).uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const card = page.getByTestId('provider-card').filter({ hasText: 'Home qBittorrent' });
    await card.getByText('Disabled').waitFor();

    const listed = await server.api<Array<{ id: number; settings: Record<string, unknown> }>>('GET', '/downloadclient');
    expect(listed).toHaveLength(1);
    expect(listed[0]!.settings.password).toBe('********');

    await card.getByRole('button', { name: 'Edit Home qBittorrent' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit qBittorrent' });
    await expect.poll(() => edit.getByLabel('Password', { exact: true }).inputValue()).toBe('********');
    await expect.poll(() => edit.getByLabel('Port', { exact: true }).inputValue()).toBe(String(port));
    await browser.screenshot('integration-form-saved-masked');

    // Saving the unchanged form sends the mask back; the stored secret is kept.
    await edit.getByLabel('Name', { exact: true }).fill('Home qBittorrent 2');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByTestId('provider-card').filter({ hasText: 'Home qBittorrent 2' }).waitFor();
    const stored = await new ProviderDefinitionRepository(server.app.database.db).get(listed[0]!.id);
    expect(stored?.settings.password).toBe('s3cret-pass');
    expect(stored?.name).toBe('Home qBittorrent 2');
  });
});
