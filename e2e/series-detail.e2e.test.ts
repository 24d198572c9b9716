// Series detail: seasons with episodes from the API, an episode's monitored toggle persisted through
// PUT /episode/monitor, a season toggle through PUT /season/monitor, and the interactive-search modal showing
// what the release API answers (no indexers: an empty list or the API's problem details).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, loginWithApi } from './support/browser.js';
import { seedSeries } from './support/seed.js';
import { type RunningServer, startServer } from './support/server.js';

interface ApiEpisode {
  id: number;
  seasonNumber: number;
  episodeNumber: number;
  monitored: boolean;
}

describe('Series detail', () => {
  let server: RunningServer;
  let browser: Browser;
  let seriesId: number;
  beforeAll(async () => {
    server = await startServer();
    ({ id: seriesId } = await seedSeries(server, 'Harbor Signal', 2, 4));
    browser = await launchBrowser();
    await loginWithApi(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const episode = async (season: number, number: number) =>
    (await server.api<ApiEpisode[]>('GET', `/episode?seriesId=${seriesId}`)).find(
      (e) => e.seasonNumber === season && e.episodeNumber === number,
    )!;

  it('opens from the index, toggles an episode and a season, and opens interactive search', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/series`);
    await page.getByRole('link', { name: 'Harbor Signal' }).first().click();
    await page.waitForURL(new RegExp(`/series/${seriesId}$`));
    await page.getByRole('heading', { name: 'Harbor Signal', level: 1 }).waitFor();
    const s1 = page.getByRole('table', { name: 'Season 1 episodes' });
    await s1.waitFor();
    await expect(s1.getByTestId('episode-row').count()).resolves.toBe(4);

    const toggle = page.getByRole('checkbox', { name: 'Monitor S01E02' });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(async () => (await episode(1, 2)).monitored).toBe(false);
    await expect.poll(() => toggle.isChecked()).toBe(false);
    expect((await episode(1, 1)).monitored).toBe(true);
    await browser.screenshot('series-detail-episode-unmonitored');

    await page.getByRole('checkbox', { name: 'Monitor Season 2' }).uncheck();
    await expect.poll(async () => (await episode(2, 3)).monitored).toBe(false);
    // The episode rows follow once the page has refetched the season (the API answers first).
    await expect.poll(() => page.getByRole('checkbox', { name: 'Monitor S02E03' }).isChecked()).toBe(false);

    await page.getByRole('button', { name: 'Interactive search S01E01' }).click();
    const dialog = page.getByRole('dialog', { name: 'Interactive search' });
    await dialog.waitFor();
    await dialog
      .getByText(/No releases found|\d{3} /)
      .first()
      .waitFor();
    await browser.screenshot('series-detail-interactive-search');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});
