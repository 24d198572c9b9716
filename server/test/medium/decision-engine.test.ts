// The decision engine through real repositories on both dialects: matching by ids, titles, alternative titles,
// episode numbering (standard, season pack, daily, anime absolute, scene), the stored rules (blocklist, pending,
// release/delay profiles, custom formats), ranking, and a fixed number of queries however many releases there are.
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlocklistRepository } from '../../src/db/repositories/blocklist.repository.js';
import { CustomFormatRepository } from '../../src/db/repositories/custom-format.repository.js';
import { DecisionLookupRepository } from '../../src/db/repositories/decision-lookup.repository.js';
import { DelayProfileRepository } from '../../src/db/repositories/delay-profile.repository.js';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { PendingReleaseRepository } from '../../src/db/repositories/pending-release.repository.js';
import { QualityDefinitionRepository } from '../../src/db/repositories/quality-definition.repository.js';
import { QualityProfileRepository } from '../../src/db/repositories/quality-profile.repository.js';
import { ReleaseProfileRepository } from '../../src/db/repositories/release-profile.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { cleanMovieTitle, cleanSeriesTitle } from '../../src/domain/library/clean-title.js';
import type { Movie } from '../../src/domain/library/movie.types.js';
import type { QualityProfile } from '../../src/domain/library/quality-profile.types.js';
import type { Series } from '../../src/domain/library/series.types.js';
import type { ReleaseInfo } from '../../src/providers/ports/indexer.port.js';
import type { QueueItem } from '../../src/services/decisions/decision.ports.js';
import { DecisionEngine, type ReleaseDecision } from '../../src/services/decisions/decision-engine.service.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { episodeMeta, newMovie, newSeries } from '../support/library-factories.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const GB = 1024 ** 3;
let seq = 0;
function rel(title: string, over: Partial<ReleaseInfo> = {}): ReleaseInfo {
  seq++;
  return {
    guid: `guid-${seq}`,
    title,
    downloadUrl: `http://x/${seq}`,
    indexer: 'Idx',
    indexerId: 1,
    protocol: 'torrent',
    size: 8 * GB,
    publishDate: new Date(NOW.getTime() - 6 * 3600_000).toISOString(),
    categories: [],
    seeders: 20,
    freeleech: false,
    ...over,
  };
}

describe.each(DIALECTS)('decision engine (%s)', (dialect) => {
  let tdb: TestDatabase;
  let engine: DecisionEngine;
  let queries = 0;
  const queue: QueueItem[] = [];
  let profile: QualityProfile;
  let matrix: Movie;
  let alien: Movie;
  let tagged: Movie;
  let show: Series;
  let daily: Series;
  let anime: Series;
  let scene: Series;
  const counter: KyselyPlugin = {
    transformQuery: (a) => {
      queries++;
      return a.node;
    },
    transformResult: async (a) => a.result,
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const db = tdb.database.db;
    const profiles = new QualityProfileRepository(db);
    const formats = new CustomFormatRepository(db);
    const x265 = await formats.insert({
      name: 'x265',
      includeCustomFormatWhenRenaming: false,
      specifications: [
        {
          name: 'x265',
          implementation: 'ReleaseTitleSpecification',
          negate: false,
          required: true,
          fields: { value: 'x265|hevc' },
        },
      ],
    });
    // Conditions that only the indexer's attrs can satisfy: its flags and its language list.
    const fromIndexer = async (
      name: string,
      implementation: 'IndexerFlagSpecification' | 'LanguageSpecification',
      value: number | string,
    ) =>
      formats.insert({
        name,
        includeCustomFormatWhenRenaming: false,
        specifications: [{ name, implementation, negate: false, required: true, fields: { value } }],
      });
    const nukedFormat = await fromIndexer('Nuked', 'IndexerFlagSpecification', 'nuked');
    const sceneFormat = await fromIndexer('Scene', 'IndexerFlagSpecification', 128);
    const frenchFormat = await fromIndexer('French', 'LanguageSpecification', 2);
    profile = await profiles.insert({
      name: 'Decisions',
      upgradeAllowed: true,
      cutoff: 'remux-1080p',
      items: [
        { quality: 'hdtv-720p', allowed: true },
        { quality: 'webdl-1080p', allowed: true },
        { quality: 'bluray-1080p', allowed: true },
        { quality: 'remux-1080p', allowed: true },
      ],
      minFormatScore: 0,
      cutoffFormatScore: 0,
      formatItems: [
        { format: x265.id, score: 100 },
        { format: nukedFormat.id, score: -10_000 },
        { format: sceneFormat.id, score: 5 },
        { format: frenchFormat.id, score: 7 },
      ],
    });
    const movies = new MovieRepository(db);
    [matrix, alien, tagged] = (await movies.insertMany([
      newMovie(1, {
        title: 'The Matrix',
        cleanTitle: cleanMovieTitle('The Matrix'),
        year: 1999,
        tmdbId: 603,
        imdbId: 'tt0133093',
        qualityProfileId: profile.id,
        runtime: 136,
      }),
      newMovie(2, {
        title: 'Alien',
        cleanTitle: cleanMovieTitle('Alien'),
        year: 1979,
        tmdbId: 348,
        imdbId: 'tt0078748',
        qualityProfileId: profile.id,
        runtime: 117,
      }),
      newMovie(3, {
        title: 'Tagged Film',
        cleanTitle: cleanMovieTitle('Tagged Film'),
        year: 2010,
        tmdbId: 777,
        qualityProfileId: profile.id,
        runtime: 100,
        tags: [42],
      }),
    ])) as [Movie, Movie, Movie];
    await movies.replaceAlternativeTitles(alien.id, [
      { title: 'Der Fremde', cleanTitle: cleanMovieTitle('Der Fremde'), source: 'tmdb' },
    ]);
    const seriesRepo = new SeriesRepository(db);
    const episodes = new EpisodeRepository(db);
    const aired = (d: string) => ({ airDate: d, airDateUtc: `${d}T02:00:00Z` });
    show = await seriesRepo.insert(
      newSeries(1, {
        title: 'Show Name',
        cleanTitle: cleanSeriesTitle('Show Name'),
        tvdbId: 1001,
        qualityProfileId: profile.id,
      }),
    );
    await episodes.upsertMany(show.id, [
      ...[1, 2, 3].map((n) => ({ ...episodeMeta(1, n, aired(`2024-01-0${n}`)), monitored: true })),
      ...[1, 2].map((n) => ({
        ...episodeMeta(2, n, n === 2 ? aired('2025-12-01') : aired('2025-05-01')),
        monitored: true,
      })),
    ]);
    await seriesRepo.replaceAlternativeTitles(show.id, [
      { title: 'Show Alias', cleanTitle: cleanSeriesTitle('Show Alias'), sceneSeasonNumber: null },
    ]);
    daily = await seriesRepo.insert(
      newSeries(2, {
        title: 'Nightly News',
        cleanTitle: cleanSeriesTitle('Nightly News'),
        seriesType: 'daily',
        qualityProfileId: profile.id,
      }),
    );
    await episodes.upsertMany(daily.id, [{ ...episodeMeta(2025, 10, aired('2025-03-10')), monitored: true }]);
    anime = await seriesRepo.insert(
      newSeries(3, {
        title: 'Anime Hero',
        cleanTitle: cleanSeriesTitle('Anime Hero'),
        seriesType: 'anime',
        qualityProfileId: profile.id,
        runtime: 24,
      }),
    );
    await episodes.upsertMany(anime.id, [
      { ...episodeMeta(2, 3, { ...aired('2024-02-01'), absoluteEpisodeNumber: 15, runtime: 24 }), monitored: true },
    ]);
    scene = await seriesRepo.insert(
      newSeries(4, { title: 'Scene Show', cleanTitle: cleanSeriesTitle('Scene Show'), qualityProfileId: profile.id }),
    );
    await episodes.upsertMany(scene.id, [
      {
        ...episodeMeta(1, 5, { ...aired('2024-01-05'), sceneSeasonNumber: 2, sceneEpisodeNumber: 1 }),
        monitored: true,
      },
      { ...episodeMeta(2, 1, aired('2024-06-01')), monitored: true },
    ]);

    await new BlocklistRepository(db).insert({
      movieId: matrix.id,
      seriesId: null,
      episodeIds: [],
      sourceTitle: 'The.Matrix.1999.720p.HDTV.x264-BLOCKED',
      quality: 'hdtv-720p',
      languages: [],
      customFormats: [],
      indexerId: 1,
      indexer: 'Idx',
      protocol: 'torrent',
      guid: null,
      torrentInfoHash: null,
      size: null,
      publishedDate: null,
      date: NOW.toISOString(),
      message: 'failed',
    });
    await new PendingReleaseRepository(db).save({
      movieId: null,
      seriesId: anime.id,
      episodeIds: (await episodes.listBySeries(anime.id)).map((e) => e.id),
      guid: 'pending-1',
      indexerId: 1,
      title: 'x',
      quality: 'remux-1080p',
      revision: { version: 1, real: 0 },
      customFormatScore: 0,
      release: {},
      reason: 'delay',
      added: NOW.toISOString(),
    });
    await new ReleaseProfileRepository(db).insert({
      name: 'no cams',
      enabled: true,
      required: [],
      ignored: ['/\\bHDCAM\\b/', 'BADGROUP'],
      indexerId: 0,
      tags: [],
    });
    const delays = new DelayProfileRepository(db);
    await delays.insert({
      enableUsenet: true,
      enableTorrent: true,
      preferredProtocol: 'usenet',
      usenetDelay: 0,
      torrentDelay: 24 * 60,
      bypassIfHighestQuality: true,
      tags: [42],
    });

    const lookupDb = db.withPlugin(counter);
    engine = new DecisionEngine({
      library: new DecisionLookupRepository(lookupDb),
      profiles,
      qualityDefinitions: new QualityDefinitionRepository(db),
      customFormats: formats,
      releaseProfiles: new ReleaseProfileRepository(db),
      delayProfiles: delays,
      blocklist: new BlocklistRepository(lookupDb),
      pending: new PendingReleaseRepository(lookupDb),
      queue: {
        forItems: async ({ movieIds }) => queue.filter((q) => q.movieId !== null && movieIds.includes(q.movieId)),
      },
      indexers: {
        get: async () =>
          new Map([
            [1, { id: 1, name: 'Idx', priority: 10, tags: [], minimumSeeders: 5 }],
            [2, { id: 2, name: 'Other', priority: 1, tags: [] }],
          ]),
      },
      clock: () => NOW,
    });
  });
  afterAll(async () => {
    await tdb.cleanup();
  });

  const one = async (r: ReleaseInfo, opts = {}): Promise<ReleaseDecision> => (await engine.evaluate([r], opts))[0]!;
  const reasons = (d: ReleaseDecision) => d.rejections.map((r) => r.reason);

  it('matches movies by tmdb id, imdb id, clean title with year ±1 and alternative titles', async () => {
    const byTmdb = await one(rel('Totally.Different.Name.2003.1080p.BluRay.x264-GRP', { tmdbId: 603 }));
    expect(byTmdb.movie?.id).toBe(matrix.id);
    expect(await one(rel('Whatever.1999.1080p.BluRay.x264-GRP', { imdbId: 'tt0078748' }))).toMatchObject({
      movie: { id: alien.id },
    });
    const byTitle = await one(rel('The.Matrix.1999.1080p.BluRay.x264-GRP'));
    expect(byTitle).toMatchObject({ movie: { id: matrix.id }, accepted: true, rank: 1 });
    expect(byTitle.quality?.quality.id).toBe('bluray-1080p');
    expect((await one(rel('The.Matrix.2000.1080p.BluRay.x264-GRP'))).movie?.id).toBe(matrix.id);
    expect(reasons(await one(rel('The.Matrix.2003.1080p.BluRay.x264-GRP')))).toEqual([
      'Unknown movie: no movie in the library matches this release',
    ]);
    expect((await one(rel('Der.Fremde.1979.1080p.BluRay.x264-GRP'))).movie?.id).toBe(alien.id);
  });

  it('matches series by tvdb id, title and alias, and episodes by every numbering', async () => {
    const single = await one(rel('Show.Name.S01E02.720p.HDTV.x264-GRP', { size: 1 * GB }));
    expect(single).toMatchObject({ series: { id: show.id }, accepted: true });
    expect(single.episodes.map((e) => [e.seasonNumber, e.episodeNumber])).toEqual([[1, 2]]);
    const alias = await one(rel('Show.Alias.S01E01E02.720p.HDTV.x264-GRP', { size: 2 * GB }));
    expect(alias.episodes.map((e) => e.episodeNumber)).toEqual([1, 2]);
    expect(
      (await one(rel('Unrelated.Title.S01E03.720p.HDTV.x264-GRP', { tvdbId: 1001, size: 1 * GB }))).series?.id,
    ).toBe(show.id);
    const pack = await one(rel('Show.Name.S01.720p.HDTV.x264-GRP', { size: 3 * GB }));
    expect(pack.episodes.map((e) => e.episodeNumber)).toEqual([1, 2, 3]);
    expect(pack.accepted).toBe(true);
    const running = await one(rel('Show.Name.S02.720p.HDTV.x264-GRP', { size: 2 * GB }));
    expect(running.rejections).toEqual([
      { reason: 'Full season pack, but not every episode of the season has aired', type: 'temporary' },
    ]);
    const d = await one(rel('Nightly.News.2025.03.10.720p.HDTV.x264-GRP', { size: 1 * GB }));
    expect(d.episodes.map((e) => e.airDate)).toEqual(['2025-03-10']);
    const a = await one(rel('[SubGroup] Anime Hero - 15 [720p]', { size: 0.5 * GB }));
    expect(a.episodes.map((e) => [e.seasonNumber, e.episodeNumber])).toEqual([[2, 3]]);
    const s = await one(rel('Scene.Show.S02E01.720p.HDTV.x264-GRP', { size: 1 * GB }));
    expect(s.episodes.map((e) => [e.seasonNumber, e.episodeNumber])).toEqual([[1, 5]]);
    expect(reasons(await one(rel('Show.Name.S05E01.720p.HDTV.x264-GRP')))).toEqual(['Unknown episode of Show Name']);
    expect(reasons(await one(rel('Nobody.Knows.S01E01.720p.HDTV.x264-GRP')))[0]).toMatch(/^Unknown series/);
  });

  it('applies the stored rules: blocklist, pending, queue, release and delay profiles, seeders, samples', async () => {
    expect(reasons(await one(rel('The.Matrix.1999.720p.HDTV.x264-BLOCKED')))).toContain('Release is blocklisted');
    expect(reasons(await one(rel('[SubGroup] Anime Hero - 15 [720p]', { size: 0.5 * GB })))).toEqual([
      'A release of equal or better quality is already pending (Remux-1080p)',
    ]);
    queue.push({
      movieId: alien.id,
      episodeIds: [],
      quality: 'remux-1080p',
      revision: { version: 1, real: 0 },
      customFormatScore: 0,
    });
    expect(reasons(await one(rel('Alien.1979.1080p.BluRay.x264-GRP')))).toEqual([
      'Already in the download queue with equal or better quality (Remux-1080p)',
    ]);
    queue.length = 0;
    expect(reasons(await one(rel('The.Matrix.1999.HDCAM.x264-GRP')))).toContain(
      'Contains an ignored term: /\\bHDCAM\\b/',
    );
    const delayed = await one(rel('Tagged.Film.2010.1080p.BluRay.x264-GRP'));
    expect(delayed.movie?.id).toBe(tagged.id);
    expect(delayed.rejections).toEqual([
      { reason: 'Delayed: torrent delay is 1440 minutes, release is 360 minutes old', type: 'temporary' },
    ]);
    expect((await one(rel('Tagged.Film.2010.1080p.BluRay.REMUX.AVC-GRP', { size: 20 * GB }))).accepted).toBe(true);
    expect(
      (await one(rel('Tagged.Film.2010.1080p.BluRay.x264-GRP'), { searchContext: { userInvoked: true } })).accepted,
    ).toBe(true);
    expect(reasons(await one(rel('Alien.1979.1080p.BluRay.x264-GRP', { seeders: 1 })))).toEqual([
      'Not enough seeders: 1 (minimum 5)',
    ]);
    expect(reasons(await one(rel('Alien.1979.1080p.BluRay.x264-GRP.sample')))).toEqual(['Release is a sample']);
    expect(reasons(await one(rel('Alien.1979.1080p.BluRay.x264-GRP', { size: 100 * 1024 * 1024 })))[0]).toMatch(
      /smaller than the minimum/,
    );
    expect(
      reasons(await one(rel('Alien.1979.1080p.BluRay.x264-GRP'), { searchContext: { movieIds: [matrix.id] } })),
    ).toEqual(['Wrong movie: not the one searched for']);
  });

  it('scores custom formats and ranks accepted releases best first', async () => {
    const list = [
      rel('Alien.1979.720p.HDTV.x264-GRP', { size: 3 * GB, guid: 'hdtv' }),
      rel('Alien.1979.1080p.BluRay.x264-GRP', { guid: 'bluray-idx1' }),
      rel('Alien.1979.1080p.BluRay.x265-GRP', { guid: 'bluray-x265' }),
      rel('Alien.1979.1080p.BluRay.x264-GRP2', { guid: 'bluray-idx2', indexerId: 2 }),
      rel('Alien.1979.1080p.BluRay.x264-BADGROUP', { guid: 'rejected' }),
    ];
    const out = await engine.evaluate(list);
    const x265 = out.find((d) => d.release.guid === 'bluray-x265')!;
    expect(x265).toMatchObject({ customFormats: [{ name: 'x265' }], customFormatScore: 100 });
    const ranked = out
      .filter((d) => d.accepted)
      .sort((a, b) => a.rank! - b.rank!)
      .map((d) => d.release.guid);
    expect(ranked).toEqual(['bluray-x265', 'bluray-idx2', 'bluray-idx1', 'hdtv']);
    expect(out.find((d) => d.release.guid === 'rejected')).toMatchObject({ accepted: false, rank: null });
  });

  it('custom formats see the indexer flags (nuked, scene) and the indexer languages of an untagged title', async () => {
    const [nuked, scene, french, titled, plain] = await engine.evaluate([
      rel('Alien.1979.1080p.BluRay.x264-NUKE', { nuked: true }),
      rel('Alien.1979.1080p.BluRay.x264-SCN', { scene: true }),
      rel('Alien.1979.1080p.BluRay.x264-FR', { languages: ['French', 'Klingon'] }),
      rel('Alien.1979.GERMAN.1080p.BluRay.x264-DE', { languages: ['French'] }),
      rel('Alien.1979.1080p.BluRay.x264-PLAIN', { languages: ['Unknown', '3'] }),
    ]);
    expect(nuked).toMatchObject({ customFormats: [{ name: 'Nuked' }], customFormatScore: -10_000, accepted: false });
    expect(scene).toMatchObject({ customFormats: [{ name: 'Scene' }], customFormatScore: 5, accepted: true });
    expect(french).toMatchObject({ customFormats: [{ name: 'French' }], customFormatScore: 7 });
    // The title's own language wins over the indexer's list; pseudo-languages and ids from the indexer are ignored.
    expect(titled?.customFormats).toEqual([]);
    expect(plain?.customFormats).toEqual([]);
  });

  it('runs a fixed number of queries whatever the batch size', async () => {
    const batch = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        i % 3 === 0
          ? rel(`The.Matrix.1999.1080p.BluRay.x264-G${i}`)
          : i % 3 === 1
            ? rel(`Show.Name.S01E0${(i % 3) + 1}.720p.HDTV.x264-G${i}`, { size: GB })
            : rel(`Unknown.Movie.${i}.2001.1080p.BluRay.x264-G${i}`),
      );
    queries = 0;
    await engine.evaluate(batch(6));
    const small = queries;
    queries = 0;
    const big = await engine.evaluate(batch(300));
    expect(queries).toBe(small);
    expect(big.filter((d) => d.accepted).length).toBeGreaterThan(150);
  });
});
