// The quality bar, "keyboard navigation and labelled form controls on every page", checked on every route
// of web/src/router.tsx (read from the file, so a new page is covered without editing this spec): every visible
// control has an accessible name, the skip link is the first Tab stop and leads into the main content, the sidebar
// reaches every settings page, and the dialogs (add integration, interactive search, edit, delete) take focus, keep
// it, and close with Escape.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovieRepository } from '../server/src/db/repositories/movie.repository.js';
import { ProviderDefinitionRepository } from '../server/src/db/repositories/provider-definition.repository.js';
import { FIXTURES, serveTmdb, TMDB_KEY } from '../server/test/medium/library-api.support.js';
import { FakeHttpServer } from '../server/test/support/fake-http-server.js';
import { newMovie } from '../server/test/support/library-factories.js';
import { auditControls, focusPlace, pageSettled } from './support/a11y.js';
import { type Browser, launchBrowser, loginWithApi } from './support/browser.js';
import { seedSeries } from './support/seed.js';
import { type RunningServer, startServer } from './support/server.js';
import { ROOT } from './support/web-build.js';

/** Every page path the router declares (redirect-only routes have no page and are left out). */
function routerPaths(): string[] {
  const source = readFileSync(join(ROOT, 'web/src/router.tsx'), 'utf8');
  return [...source.matchAll(/\b(?:page|lazyPage)\(\s*'([^']+)'/g)].map((m) => m[1]!);
}

describe('accessibility on every page', () => {
  let server: RunningServer;
  let browser: Browser;
  let movieId: number;
  let seriesId: number;
  let rootDir: string;
  let fake: FakeHttpServer;
  beforeAll(async () => {
    // TMDB is a local fake replaying recorded answers: the Add page gets a result to open its form, and the
    // Metadata page lists the definition with its Edit button.
    fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
    serveTmdb(fake);
    server = await startServer({ env: { IDKARR_TMDB_API_KEY: TMDB_KEY, IDKARR_TMDB_URL: `${fake.url}/3` } });
    // One of everything the settings pages list, so their row controls are on screen.
    rootDir = mkdtempSync(join(tmpdir(), 'idkarr-a11y-root-'));
    mkdirSync(join(rootDir, 'Unmapped Film (2001)'));
    await server.api('POST', '/rootfolder', { path: rootDir });
    await server.api('POST', '/tag', { label: 'keyboard' });
    // Stored directly: a Test against a client that is not there would refuse the save.
    await new ProviderDefinitionRepository(server.app.database.db).insert(
      'downloadclient',
      { implementation: 'qbittorrent', name: 'Home qBittorrent', enabled: true, tags: [], settings: { host: 'qbit' } },
      new Date().toISOString(),
    );
    await server.api('POST', '/remotepathmapping', { host: 'qbit', remotePath: '/downloads/', localPath: '/data/dl/' });
    await server.api('POST', '/importlistexclusion', { mediaType: 'movie', tmdbId: 42, title: 'Left Out' });
    const [movie] = await new MovieRepository(server.app.database.db).insertMany([
      newMovie(603, { title: 'Keyboard Only', monitored: true }),
    ]);
    movieId = movie!.id;
    seriesId = (await seedSeries(server, 'Labelled Lives', 1, 2)).id;
    browser = await launchBrowser();
    await loginWithApi(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
    if (rootDir) rmSync(rootDir, { recursive: true, force: true });
  });

  const urlOf = (path: string) =>
    path.replace('/movie/$id', `/movie/${movieId}`).replace('/series/$id', `/series/${seriesId}`);

  it('finds the routes in the router', () => {
    const paths = routerPaths();
    expect(paths).toEqual(expect.arrayContaining(['/movies', '/movie/$id', '/series/$id', '/settings/general']));
    expect(paths.length).toBeGreaterThan(25);
  });

  it('labels every control on every page, tabs included', async () => {
    const { page } = browser;
    const violations: string[] = [];
    for (const path of [...routerPaths(), '/no-such-page']) {
      await page.goto(`${server.url}${urlOf(path)}`);
      await pageSettled(page);
      violations.push(...(await auditControls(page)).map((v) => `${path}: ${v}`));
      // Controls behind tabs are only visible once their tab is chosen.
      const tabs = page.getByRole('tab');
      for (let i = 0; i < (await tabs.count()); i++) {
        if ((await tabs.nth(i).getAttribute('aria-selected')) === 'true') continue;
        const name = (await tabs.nth(i).textContent())?.trim();
        await tabs.nth(i).click();
        await expect.poll(() => tabs.nth(i).getAttribute('aria-selected')).toBe('true');
        await pageSettled(page);
        violations.push(...(await auditControls(page)).map((v) => `${path} [${name}]: ${v}`));
      }
      // Views chosen with radios (poster/overview/table, month/week/agenda) show different controls.
      const radios = page.locator('main input[type="radio"]:visible');
      for (let i = 0; i < (await radios.count()); i++) {
        if (await radios.nth(i).isChecked()) continue;
        await radios.nth(i).check();
        await pageSettled(page);
        violations.push(...(await auditControls(page)).map((v) => `${path} [radio ${i}]: ${v}`));
      }
    }
    expect(violations).toEqual([]);
  });

  it('makes the skip link the first Tab stop on every page and leads it into the main content', async () => {
    const { page } = browser;
    const wrong: string[] = [];
    for (const path of routerPaths()) {
      await page.goto(`${server.url}${urlOf(path)}`);
      await pageSettled(page);
      await page.keyboard.press('Tab');
      const first = await focusPlace(page);
      await page.keyboard.press('Enter');
      await expect.poll(() => focusPlace(page)).toBe('main');
      await page.keyboard.press('Tab');
      const next = await focusPlace(page);
      // A page of facts only (Status) has nothing to Tab to; reaching main with the skip link is what counts there.
      const focusable = await page
        .locator('main :is(a[href], button, input, select, textarea, [tabindex="0"])')
        .count();
      if (first !== 'skip-link' || (focusable > 0 && next !== 'in-main'))
        wrong.push(`${path}: first Tab ${first}, Tab after skip ${next} (${focusable} focusable in main)`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists every settings page in the sidebar, reached and opened from the keyboard', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/settings`);
    await pageSettled(page);
    // Tab from the top through the sidebar until focus enters the page, noting every link on the way.
    const reached: string[] = [];
    for (let i = 0; i < 80 && (await focusPlace(page)) !== 'in-main'; i++) {
      await page.keyboard.press('Tab');
      const href = await page.locator(':focus').getAttribute('href');
      if (href) reached.push(href);
    }
    const settingsPages = routerPaths().filter((p) => p.startsWith('/settings/'));
    expect(settingsPages.filter((p) => !reached.includes(p))).toEqual([]);
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Remote Path Mappings' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Remote Path Mappings', level: 1 }).waitFor();
    await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
    await browser.screenshot('accessibility-sidebar-settings');
  });

  it('labels the add form that a lookup result opens', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/add/movie`);
    await pageSettled(page);
    await page.getByRole('searchbox', { name: 'Search for a movie' }).fill('tmdb:550');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Choose Fight Club (1999)' }).click();
    await page.getByRole('form', { name: 'Add Fight Club' }).getByLabel('Root folder').waitFor();
    expect(await auditControls(page)).toEqual([]);
  });

  /**
   * Opens a dialog with its button, audits it, checks focus stays inside, closes it with Escape and checks focus
   * went back to the button.
   */
  async function checkDialog(opener: Locator, dialogName: string | RegExp, ready: string | RegExp): Promise<string[]> {
    const { page } = browser;
    const what = (await opener.getAttribute('aria-label')) ?? (await opener.textContent())?.trim() ?? '?';
    await opener.click();
    const dialog = page.getByRole('dialog', { name: dialogName });
    await dialog.getByText(ready).first().waitFor();
    const out = (await auditControls(page, 'dialog[open]')).map((v) => `${what} dialog: ${v}`);
    if ((await focusPlace(page)) !== 'dialog') out.push(`${what} dialog: focus did not move into it`);
    // A modal dialog makes the page behind it inert: Tab cycles through the dialog (or the browser), never the page.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const place = await focusPlace(page);
      if (place !== 'dialog' && place !== 'body') out.push(`${what} dialog: Tab ${i + 1} left it for ${place}`);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const back = await opener.evaluate((el) => el === el.ownerDocument.activeElement);
    if (!back) out.push(`${what} dialog: focus did not return to its button after Escape`);
    return out;
  }

  it('traps focus in the dialogs, closes them with Escape and returns focus', async () => {
    const { page } = browser;
    const violations: string[] = [];
    const visit = async (path: string) => {
      await page.goto(`${server.url}${path}`);
      await pageSettled(page);
    };

    await visit('/settings/downloadclients');
    const add = page.getByRole('button', { name: 'Add', exact: true });
    violations.push(...(await checkDialog(add, 'Add Download Clients', 'qBittorrent')));
    await add.click();
    await page
      .getByRole('dialog', { name: 'Add Download Clients' })
      .getByRole('button', { name: /^qBittorrent/ })
      .click();
    const form = page.getByRole('dialog', { name: 'Add qBittorrent' });
    await form.getByLabel('Host', { exact: true }).waitFor();
    violations.push(...(await auditControls(page, 'dialog[open]')).map((v) => `add qBittorrent: ${v}`));
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });

    await visit('/settings/metadata');
    violations.push(...(await checkDialog(page.getByRole('button', { name: /^Edit / }).first(), /^Edit /, 'Name')));
    await visit('/settings/profiles');
    violations.push(
      ...(await checkDialog(page.getByRole('button', { name: /^Edit / }).first(), /^Edit /, 'Upgrade until')),
    );

    const button = (name: string) => page.getByRole('button', { name, exact: true });
    await visit(`/movie/${movieId}`);
    violations.push(
      ...(await checkDialog(button('Interactive search'), 'Interactive search', /No releases found|indexer/i)),
    );
    violations.push(...(await checkDialog(button('Edit'), /^Edit /, 'Quality profile')));
    violations.push(...(await checkDialog(button('Delete'), /^Delete /, 'Delete files')));
    await visit(`/series/${seriesId}`);
    violations.push(...(await checkDialog(button('Edit'), /^Edit /, 'Quality profile')));
    expect(violations).toEqual([]);
  });
});
