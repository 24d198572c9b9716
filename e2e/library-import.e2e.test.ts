// Library import: real folders in a temporary root folder, matched by name through a fake TMDB (recorded payloads,
// searches answered by title), one match changed by searching again, options chosen per folder, imported through
// the UI; the API then lists the items at exactly those folders, and the file already in one is linked, not moved.
// The page-level tag and search-after-import reach the items and the command queue, and only when chosen.
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, serveTmdb, TMDB_KEY } from '../server/test/medium/library-api.support.js';
import { FakeHttpServer } from '../server/test/support/fake-http-server.js';
import { type Browser, launchBrowser, loginWithApi } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

interface ApiItem {
  id: number;
  title: string;
  path: string;
  rootFolderPath: string;
  qualityProfileId: number;
  monitored: boolean;
  tmdbId: number | null;
  tags: number[];
}

interface ApiCommand {
  name: string;
  body: Record<string, unknown>;
}

const NO_RESULTS = { json: { page: 1, results: [], total_pages: 0, total_results: 0 } };
const FIGHT_CLUB_HIT = {
  json: {
    page: 1,
    total_pages: 1,
    total_results: 1,
    results: [
      {
        id: 550,
        title: 'Fight Club',
        original_title: 'Fight Club',
        original_language: 'en',
        release_date: '1999-10-15',
        overview: 'A ticking-time-bomb insomniac and a slippery soap salesman channel primal male aggression.',
        poster_path: null,
        backdrop_path: null,
        genre_ids: [18],
        adult: false,
        video: false,
        popularity: 10,
        vote_average: 8.4,
        vote_count: 1000,
      },
    ],
  },
};

describe('Library import', () => {
  let fake: FakeHttpServer;
  let server: RunningServer;
  let browser: Browser;
  let root: string;
  let profiles: Array<{ id: number; name: string }>;
  let tag: { id: number; label: string };
  const folder = (name: string) => join(root, name);
  // Queued, running and recently ended alike: a search that already ran still counts as queued.
  const commandsNamed = async (name: string) =>
    (await server.api<ApiCommand[]>('GET', '/command?limit=1000')).filter((c) => c.name === name).map((c) => c.body);

  beforeAll(async () => {
    fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
    serveTmdb(fake);
    // Searches answer by title, like TMDB: anything else finds nothing.
    fake.route('GET', '/3/search/movie', (req) =>
      /fight club/i.test(req.query.query ?? '') ? FIGHT_CLUB_HIT : NO_RESULTS,
    );
    fake.route('GET', '/3/search/tv', (req) =>
      /thrones/i.test(req.query.query ?? '') ? { file: 'tmdb/v3-search-tv.json' } : NO_RESULTS,
    );
    server = await startServer({ env: { IDKARR_TMDB_API_KEY: TMDB_KEY, IDKARR_TMDB_URL: `${fake.url}/3` } });
    root = mkdtempSync(join(tmpdir(), 'idkarr-e2e-import-'));
    for (const name of ['Fight Club (1999)', 'Beauty Folder', 'Game of Thrones (2011)']) mkdirSync(folder(name));
    // A sparse file: big enough not to pass for a sample, without writing gigabytes.
    const video = join(folder('Fight Club (1999)'), 'Fight.Club.1999.1080p.BluRay.x264-GRP.mkv');
    writeFileSync(video, '');
    truncateSync(video, 4 * 1024 ** 3);
    await server.api('POST', '/rootfolder', { path: root });
    profiles = await server.api('GET', '/qualityprofile');
    tag = await server.api('POST', '/tag', { label: 'imported' });
    browser = await launchBrowser();
    await loginWithApi(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('imports movie folders with proposed and changed matches, keeping their folders and files', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/add/movie`);
    await page.getByRole('link', { name: 'Import existing movies' }).click();
    await page.getByRole('heading', { name: 'Import movies', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('Root folder').inputValue()).toBe(root);

    // "Fight Club (1999)" is matched from its name; "Beauty Folder" finds nothing until searched by id.
    const fightMatch = page.getByRole('combobox', { name: 'Match for Fight Club (1999)' });
    await expect.poll(() => fightMatch.inputValue()).toBe('550-');
    const beautyMatch = page.getByRole('combobox', { name: 'Match for Beauty Folder' });
    await expect.poll(() => beautyMatch.inputValue()).toBe('');
    const beautySelected = page.getByRole('checkbox', { name: 'Import Beauty Folder' });
    expect(await beautySelected.isChecked()).toBe(false);
    expect(await beautySelected.isDisabled()).toBe(true);
    await page.getByRole('searchbox', { name: 'Search term for Beauty Folder' }).fill('tmdb:14');
    await page.getByRole('button', { name: 'Search again for Beauty Folder' }).click();
    await expect.poll(() => beautyMatch.inputValue()).toBe('14-');
    await expect.poll(() => beautySelected.isChecked()).toBe(true);

    // The series folder finds no movie, so it cannot be selected.
    const thrones = page.getByRole('checkbox', { name: 'Import Game of Thrones (2011)' });
    await expect.poll(() => thrones.isChecked()).toBe(false);

    const profile = profiles[1] ?? profiles[0]!;
    await page
      .getByRole('combobox', { name: 'Quality profile for Fight Club (1999)' })
      .selectOption(String(profile.id));
    await page.getByRole('combobox', { name: 'Monitor Beauty Folder' }).selectOption('false');
    // Selection works from the keyboard: Space on the focused checkbox. Fight Club waits for a second run.
    const fightSelected = page.getByRole('checkbox', { name: 'Import Fight Club (1999)' });
    await fightSelected.press('Space');
    await expect.poll(() => fightSelected.isChecked()).toBe(false);

    // First run without tags or search: Beauty Folder only, and no search is queued for it.
    await page.getByRole('button', { name: 'Import 1 selected' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 1 folder.' }).waitFor();
    const beauty = (await server.api<ApiItem[]>('GET', '/movie')).find((m) => m.tmdbId === 14);
    expect(beauty).toMatchObject({ path: folder('Beauty Folder'), monitored: false, tags: [] });
    expect(await commandsNamed('MoviesSearch')).toEqual([]);

    // Second run with a tag and search-after-import, both chosen from the keyboard.
    await expect.poll(() => page.getByTestId('import-row').count()).toBe(2);
    await fightSelected.press('Space');
    await expect.poll(() => fightSelected.isChecked()).toBe(true);
    const options = page.getByRole('form', { name: 'Import options' });
    const tagBox = options.getByRole('group', { name: 'Tags' }).getByRole('checkbox', { name: tag.label });
    await tagBox.press('Space');
    await expect.poll(() => tagBox.isChecked()).toBe(true);
    const searchBox = options.getByRole('checkbox', { name: 'Start search for missing movies' });
    await searchBox.press('Space');
    await expect.poll(() => searchBox.isChecked()).toBe(true);
    await browser.screenshot('library-import-movies');
    await page.getByRole('button', { name: 'Import 1 selected' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 2 folders.' }).waitFor();

    const movies = await server.api<ApiItem[]>('GET', '/movie');
    expect(movies.map((m) => [m.tmdbId, m.path, m.rootFolderPath]).sort()).toEqual([
      [14, folder('Beauty Folder'), root],
      [550, folder('Fight Club (1999)'), root],
    ]);
    const fight = movies.find((m) => m.tmdbId === 550)!;
    expect(fight).toMatchObject({ qualityProfileId: profile.id, monitored: true, tags: [tag.id] });
    expect(movies.find((m) => m.tmdbId === 14)).toMatchObject({ monitored: false, tags: [] });
    // The search was queued for the movie of the run that asked for it, not for the earlier one.
    expect(await commandsNamed('MoviesSearch')).toEqual([{ movieIds: [fight.id] }]);
    // The file already in the folder is linked where it is.
    await expect
      .poll(async () => (await server.api<Array<{ path: string }>>('GET', `/moviefile?movieId=${fight.id}`)).length)
      .toBe(1);
    expect(existsSync(join(folder('Fight Club (1999)'), 'Fight.Club.1999.1080p.BluRay.x264-GRP.mkv'))).toBe(true);
    // Only the series folder is left to import.
    await expect
      .poll(async () => page.getByTestId('import-row').evaluateAll((rows) => rows.map((r) => r.dataset.folder)))
      .toEqual(['Game of Thrones (2011)']);
    await browser.screenshot('library-import-movies-done');
  });

  it('imports a series folder chosen as series', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/add/import/movie`);
    await page.getByLabel('Import as').selectOption('series');
    await page.waitForURL(/\/add\/import\/series$/);
    await page.getByRole('heading', { name: 'Import series', level: 1 }).waitFor();
    const match = page.getByRole('combobox', { name: 'Match for Game of Thrones (2011)' });
    await expect.poll(() => match.inputValue()).toBe('1399-');
    await page.getByRole('combobox', { name: 'Monitor Game of Thrones (2011)' }).selectOption('first_season');
    const options = page.getByRole('form', { name: 'Import options' });
    await options.getByRole('group', { name: 'Tags' }).getByRole('checkbox', { name: tag.label }).check();
    await options.getByRole('checkbox', { name: 'Start search for missing episodes' }).check();
    await page.getByRole('button', { name: 'Import 1 selected' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 1 folder.' }).waitFor();
    await browser.screenshot('library-import-series');

    const series = await server.api<ApiItem[]>('GET', '/series');
    expect(series).toEqual([
      expect.objectContaining({
        tmdbId: 1399,
        path: folder('Game of Thrones (2011)'),
        rootFolderPath: root,
        tags: [tag.id],
      }),
    ]);
    expect(await commandsNamed('MissingEpisodeSearch')).toEqual([{ seriesId: series[0]!.id }]);
    await page.getByText(`Every folder in ${root} is in the library.`).waitFor();
    await page.getByRole('link', { name: 'Game of Thrones', exact: true }).click();
    await page.getByRole('heading', { name: 'Game of Thrones', level: 1 }).waitFor();
  });
});
