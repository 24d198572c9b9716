// Movies index: rows come from GET /api/v1/movie, the list is virtualised (500 movies, far fewer DOM rows), the
// search box filters on the server, the table view shows the same data, and WebSocket events refresh the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovieRepository } from '../server/src/db/repositories/movie.repository.js';
import { newMovie } from '../server/test/support/library-factories.js';
import { type Browser, launchBrowser, loginWithApi } from './support/browser.js';
import { seedMovies } from './support/seed.js';
import { type RunningServer, startServer } from './support/server.js';

describe('Movies page', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    await seedMovies(server, 500, ['Zebra Crossing', 'The Zebra Affair']);
    browser = await launchBrowser();
    await loginWithApi(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders rows from the API, virtualised, and the search box filters', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/movies`);
    await page.getByRole('status').filter({ hasText: '502 movies' }).waitFor();
    const items = page.getByTestId('library-item');
    await items.first().waitFor();
    const rendered = await items.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(200);
    await expect(page.getByText('Amber Road 15', { exact: true }).count()).resolves.toBeGreaterThan(0);
    // Sorted by title, the zebras are last: not in the DOM until scrolled to.
    await expect(page.getByText('Zebra Crossing', { exact: true }).count()).resolves.toBe(0);
    await browser.screenshot('movies-posters');

    // Scrolling to the end loads later pages on demand.
    await page.getByTestId('library-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.getByText('Zebra Crossing', { exact: true }).waitFor();
    await expect(page.getByText('Amber Road 15', { exact: true }).count()).resolves.toBe(0);

    await page.getByRole('searchbox', { name: 'Search movies' }).fill('zebra');
    await page
      .getByRole('status')
      .filter({ hasText: /^2 movies$/ })
      .waitFor();
    await expect(items.count()).resolves.toBe(2);
    await page.getByText('Zebra Crossing', { exact: true }).waitFor();
    await page.getByText('The Zebra Affair', { exact: true }).waitFor();
    await browser.screenshot('movies-search');

    await page.getByRole('radio', { name: 'Table' }).check();
    const table = page.getByRole('table', { name: 'Movies' });
    await table.waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(3);
    await page.getByRole('searchbox', { name: 'Search movies' }).fill('');
    await page.getByRole('combobox', { name: 'Monitored', exact: true }).selectOption('false');
    await page.getByRole('status').filter({ hasText: '167 movies' }).waitFor();
    await browser.screenshot('movies-table-unmonitored');

    // Live updates: a movie.added event over the WebSocket makes the list refetch.
    await page.getByRole('combobox', { name: 'Monitored', exact: true }).selectOption('');
    await page.getByRole('status').filter({ hasText: '502 movies' }).waitFor();
    const [added] = await new MovieRepository(server.app.database.db).insertMany([
      newMovie(777_777, { title: 'Aardvark Live' }),
    ]);
    server.app.events.emit('movie.added', { movie: added! });
    await page.getByRole('status').filter({ hasText: '503 movies' }).waitFor();
    await page.getByRole('cell', { name: 'Aardvark Live', exact: true }).waitFor();
  });
});
