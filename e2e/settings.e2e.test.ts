// Settings pages over library config: custom formats imported from JSON (and the 409 of importing one twice shown
// next to the form), quality profiles and definitions listed, a tag created, a remote path mapping for an unknown
// host refused with the API's findings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, loginWithApi } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const FORMAT = {
  name: 'HDR',
  includeCustomFormatWhenRenaming: false,
  specifications: [{ name: 'hdr', implementation: 'ReleaseTitleSpecification', fields: { value: '\\bHDR\\b' } }],
};

describe('Settings: profiles, custom formats, tags, remote path mappings', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({ background: false });
    browser = await launchBrowser();
    await loginWithApi(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports a custom format from JSON and shows the conflict of a second import', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/settings/customformats`);
    const json = page.getByLabel(/Custom format JSON/);
    await json.fill(JSON.stringify(FORMAT));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Imported HDR.' }).waitFor();
    await page.getByRole('table', { name: 'Custom formats' }).getByRole('cell', { name: 'HDR', exact: true }).waitFor();
    expect(await server.api<Array<{ name: string }>>('GET', '/customformat')).toEqual([
      expect.objectContaining({ name: 'HDR' }),
    ]);
    await json.fill(JSON.stringify(FORMAT));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: /^409/ }).waitFor();
    await browser.screenshot('settings-custom-formats');
  });

  it('lists quality profiles and definitions, adds a tag, and shows why a remote path mapping is refused', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/settings/profiles`);
    await page.getByRole('table', { name: 'Quality profiles' }).getByRole('row').nth(1).waitFor();
    await page.getByRole('table', { name: 'Quality definitions' }).getByRole('row').nth(1).waitFor();
    await browser.screenshot('settings-profiles');

    await page.goto(`${server.url}/settings/tags`);
    await page.getByLabel('New tag').fill('kids');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByRole('cell', { name: 'kids', exact: true }).waitFor();

    await page.goto(`${server.url}/settings/remotepathmappings`);
    await page.getByLabel('Host').fill('seedbox');
    await page.getByLabel('Remote path').fill('/downloads/');
    await page.getByLabel('Local path').fill('/mnt/seedbox/');
    await page.getByRole('button', { name: 'Add mapping' }).click();
    // No download client has that host: the API's 400 and its finding are shown next to the form.
    await page.getByRole('alert').filter({ hasText: /^400/ }).waitFor();
    await expect(server.api<unknown[]>('GET', '/remotepathmapping')).resolves.toHaveLength(0);
    await browser.screenshot('settings-remote-path-mappings');
  });
});
