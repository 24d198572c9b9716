// Calendar, Activity and Wanted against seeded data: a movie released today shows in the month grid and the
// agenda (with the iCal link carrying the API key), the activity tabs switch with the keyboard, and the aired
// episodes of a monitored series are listed as missing with a search button that queues EpisodeSearch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovieRepository } from '../server/src/db/repositories/movie.repository.js';
import { newMovie } from '../server/test/support/library-factories.js';
import { type Browser, launchBrowser, loginWithApi } from './support/browser.js';
import { seedSeries } from './support/seed.js';
import { type RunningServer, startServer } from './support/server.js';

describe('Calendar, Activity and Wanted', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    const now = new Date();
    const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), 12)).toISOString();
    await new MovieRepository(server.app.database.db).insertMany([
      newMovie(4242, { title: 'Calendar Premiere', digitalRelease: today, monitored: true }),
    ]);
    await seedSeries(server, 'Missing Pieces', 1, 3);
    browser = await launchBrowser();
    await loginWithApi(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows releases in the calendar and the iCal link', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/calendar`);
    await page
      .getByRole('link', { name: /Calendar Premiere \(digital\)/ })
      .first()
      .waitFor();
    await expect.poll(() => page.getByLabel('iCal link').inputValue()).toContain(`apikey=${server.apiKey}`);
    await browser.screenshot('calendar-month');
    await page.getByRole('radio', { name: 'Agenda' }).check();
    await page
      .getByRole('table', { name: 'Agenda' })
      .getByRole('link', { name: /Calendar Premiere/ })
      .waitFor();
  });

  it('switches activity tabs with the keyboard', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/activity`);
    await page.getByText('The queue is empty.').waitFor();
    await page.getByRole('tab', { name: 'Queue' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByText('No history yet.').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByText('Nothing is blocklisted.').waitFor();
    await browser.screenshot('activity-blocklist');
  });

  it('lists missing episodes and queues a search for one', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/wanted`);
    const table = page.getByRole('table', { name: 'Wanted episodes' });
    await table.waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(4);
    await page.getByRole('button', { name: 'Search Missing Pieces S01E02' }).click();
    await page.getByRole('status').filter({ hasText: 'EpisodeSearch' }).waitFor();
    await browser.screenshot('wanted-missing');
  });
});
