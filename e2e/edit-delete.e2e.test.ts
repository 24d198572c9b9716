// Edit and delete on the detail pages: a movie's profile, availability and tags edited in the Edit dialog and
// persisted (PUT /movie/:id), a bad path answered with the API's finding under the Path field, the movie deleted
// with "Delete files" left off (its folder stays on disk); a series' type and season folders edited, then deleted
// with its files (its folder goes).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovieRepository } from '../server/src/db/repositories/movie.repository.js';
import { SeriesRepository } from '../server/src/db/repositories/series.repository.js';
import { newMovie, newSeries } from '../server/test/support/library-factories.js';
import { type Browser, launchBrowser, loginWithApi } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

interface ApiMovie {
  id: number;
  qualityProfileId: number;
  minimumAvailability: string;
  tags: number[];
  path: string;
}

describe('Edit and delete', () => {
  let server: RunningServer;
  let browser: Browser;
  let root: string;
  let profiles: Array<{ id: number; name: string }>;
  beforeAll(async () => {
    server = await startServer();
    root = mkdtempSync(join(tmpdir(), 'idkarr-e2e-edit-'));
    await server.api('POST', '/rootfolder', { path: root });
    profiles = await server.api('GET', '/qualityprofile');
    browser = await launchBrowser();
    await loginWithApi(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('edits a movie (profile, availability, tags), shows a path finding, and deletes it keeping its files', async () => {
    const { page } = browser;
    const folder = join(root, 'Crimson Harbor (2010)');
    mkdirSync(folder);
    writeFileSync(join(folder, 'Crimson.Harbor.2010.720p.WEB-DL-GRP.mkv'), 'video');
    const tag = await server.api<{ id: number }>('POST', '/tag', { label: 'keeper' });
    const movie = await new MovieRepository(server.app.database.db).insert(
      newMovie(1, { title: 'Crimson Harbor', year: 2010, images: [], path: folder, rootFolderPath: root }),
    );
    const target = profiles.find((p) => p.id !== movie.qualityProfileId)!;
    const get = () => server.api<ApiMovie>('GET', `/movie/${movie.id}`);

    await page.goto(`${server.url}/movie/${movie.id}`);
    await page.getByRole('heading', { name: 'Crimson Harbor', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Crimson Harbor' });
    await expect.poll(() => dialog.getByLabel('Quality profile').locator('option').count()).toBe(profiles.length);
    await dialog.getByLabel('Quality profile').selectOption(String(target.id));
    await dialog.getByLabel('Minimum availability').selectOption('inCinemas');
    await dialog.getByRole('checkbox', { name: 'keeper' }).check();
    await browser.screenshot('edit-movie-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await get()).toMatchObject({
      qualityProfileId: target.id,
      minimumAvailability: 'inCinemas',
      tags: [tag.id],
      path: folder,
    });

    // After a reload the dialog opens with what was saved.
    await page.reload();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect.poll(() => dialog.getByLabel('Quality profile').inputValue()).toBe(String(target.id));
    expect(await dialog.getByRole('checkbox', { name: 'keeper' }).isChecked()).toBe(true);

    // A path outside every root folder: the API's finding stands under the Path field; nothing changes.
    const outside = join(tmpdir(), 'idkarr-e2e-nowhere', 'Crimson Harbor');
    await dialog.getByLabel('Path').fill(outside);
    await dialog.getByRole('button', { name: 'Save' }).click();
    const finding = dialog.getByTestId('finding-path');
    await finding.waitFor();
    expect(await finding.textContent()).toContain('is not inside a root folder');
    expect(await dialog.getByLabel('Path').getAttribute('aria-invalid')).toBe('true');
    await browser.screenshot('edit-movie-path-finding');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await get()).path).toBe(folder);

    // Delete with "Delete files" left off: the movie goes, its folder and file stay.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Crimson Harbor' });
    const deleteFiles = confirm.getByRole('checkbox', { name: 'Delete files' });
    expect(await deleteFiles.isChecked()).toBe(false);
    await browser.screenshot('delete-movie-dialog');
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.waitForURL(/\/movies$/);
    await expect(server.api('GET', `/movie/${movie.id}`)).rejects.toThrow(/404/);
    expect(existsSync(join(folder, 'Crimson.Harbor.2010.720p.WEB-DL-GRP.mkv'))).toBe(true);
  });

  it('edits a series (type, season folders) and deletes it with its files', async () => {
    const { page } = browser;
    const folder = join(root, 'Amber Signal');
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes.txt'), 'x');
    const series = await new SeriesRepository(server.app.database.db).insert(
      newSeries(1, { title: 'Amber Signal', path: folder, rootFolderPath: root }),
    );
    const get = () => server.api<{ seriesType: string; seasonFolder: boolean }>('GET', `/series/${series.id}`);

    await page.goto(`${server.url}/series/${series.id}`);
    await page.getByRole('heading', { name: 'Amber Signal', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Amber Signal' });
    await dialog.getByLabel('Series type').selectOption('anime');
    await dialog.getByRole('checkbox', { name: 'Season folders' }).uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await get()).toMatchObject({ seriesType: 'anime', seasonFolder: false });

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Amber Signal' });
    await confirm.getByRole('checkbox', { name: 'Delete files' }).check();
    await confirm.getByText('Its folder and every file in it are deleted too.').waitFor();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.waitForURL(/\/series$/);
    await expect(get()).rejects.toThrow(/404/);
    expect(existsSync(folder)).toBe(false);
    await browser.screenshot('series-deleted');
  });
});
