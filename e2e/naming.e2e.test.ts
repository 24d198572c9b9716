// Settings → Media management: editing a naming format updates the live preview (GET /config/naming/example with
// the edited values) before saving; Save persists it (PUT /config/naming), and an invalid format shows its finding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, loginWithApi } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

describe('Naming settings', () => {
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

  it('changes the movie format, sees the preview change, and saves', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/settings/mediamanagement`);
    const input = page.getByLabel('Standard movie format', { exact: true });
    await input.waitFor();
    const preview = page.getByTestId('preview-movieExample');
    await expect.poll(async () => (await preview.textContent()) ?? '').not.toBe('…');
    const before = await preview.textContent();

    await input.fill('{Movie Title} ({Release Year}) CUSTOMTAG');
    await expect.poll(async () => (await preview.textContent()) ?? '').toContain('CUSTOMTAG');
    expect(await preview.textContent()).not.toBe(before);
    await browser.screenshot('naming-preview');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const saved = await server.api<{ movie: { standardMovieFormat: string } }>('GET', '/config/naming');
    expect(saved.movie.standardMovieFormat).toBe('{Movie Title} ({Release Year}) CUSTOMTAG');
  });
});
