// Add flow: search TMDB (a local fake replaying recorded payloads) by id, choose root folder and quality profile,
// add the movie; the API then lists it, and a second lookup marks it as already in the library.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, serveTmdb, TMDB_KEY } from '../server/test/medium/library-api.support.js';
import { FakeHttpServer } from '../server/test/support/fake-http-server.js';
import { type Browser, launchBrowser, loginWithApi } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

describe('Add movie', () => {
  let fake: FakeHttpServer;
  let server: RunningServer;
  let browser: Browser;
  let root: string;
  beforeAll(async () => {
    fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
    serveTmdb(fake);
    server = await startServer({ env: { IDKARR_TMDB_API_KEY: TMDB_KEY, IDKARR_TMDB_URL: `${fake.url}/3` } });
    root = mkdtempSync(join(tmpdir(), 'idkarr-e2e-root-'));
    await server.api('POST', '/rootfolder', { path: root });
    browser = await launchBrowser();
    await loginWithApi(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('looks a movie up by tmdb id and adds it with the chosen options', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/add/movie`);
    await page.getByRole('searchbox', { name: 'Search for a movie' }).fill('tmdb:550');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 result' }).waitFor();
    await page.getByRole('heading', { name: /Fight Club/ }).waitFor();
    await page.getByRole('button', { name: 'Choose Fight Club (1999)' }).click();

    const form = page.getByRole('form', { name: 'Add Fight Club' });
    await form.waitFor();
    await expect.poll(() => form.getByLabel('Root folder').inputValue()).toBe(root);
    await form.getByLabel('Minimum availability').selectOption('announced');
    await browser.screenshot('add-movie-form');
    await form.getByRole('button', { name: 'Add movie' }).click();
    await page.getByText('Added Fight Club.').waitFor();

    const movies = await server.api<Array<{ tmdbId: number; minimumAvailability: string; rootFolderPath: string }>>(
      'GET',
      '/movie',
    );
    expect(movies).toEqual([expect.objectContaining({ tmdbId: 550, minimumAvailability: 'announced' })]);
    await browser.screenshot('add-movie-added');

    // The movie's page: metadata, Refresh and Automatic search queue commands, and the monitored toggle persists.
    await page.getByRole('link', { name: 'Open Fight Club' }).click();
    await page.getByRole('heading', { name: 'Fight Club', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Automatic search' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /MoviesSearch/ })
      .waitFor();
    await page.getByRole('checkbox', { name: 'Monitored' }).uncheck();
    await expect
      .poll(async () => (await server.api<Array<{ monitored: boolean }>>('GET', '/movie'))[0]?.monitored)
      .toBe(false);
    await browser.screenshot('movie-detail');
    await page.goto(`${server.url}/add/movie`);

    // Searching again marks it as already added, with a link to its page.
    await page.getByRole('searchbox', { name: 'Search for a movie' }).fill('tmdb:550');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: 'Already in the library: open' }).waitFor();
  });

  it('shows the problem details of a failed lookup next to the form', async () => {
    const { page } = browser;
    fake.route('GET', '/3/search/movie', { status: 401, json: { status_code: 7, status_message: 'Invalid API key' } });
    await page.goto(`${server.url}/add/movie`);
    await page.getByRole('searchbox', { name: 'Search for a movie' }).fill('anything');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^5\d\d /);
    await browser.screenshot('add-movie-problem');
  });
});
