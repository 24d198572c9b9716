// One table per specification: [what, candidate overrides, context overrides, expected rejection or null].
import { describe, expect, it } from 'vitest';
import {
  type CandidateOver,
  candidate,
  context,
  DELAY,
  episode,
  movie,
  NOW,
  PROFILE,
  series,
} from './decision.test-support.js';
import type { Candidate, DecisionContext, QualityStanding, Rejection, Specification } from './decision.types.js';
import { compileReleaseProfiles } from './release-terms.js';
import {
  ageSpec,
  availabilitySpec,
  blocklistSpec,
  blocklistTitleKey,
  customFormatScoreSpec,
  delaySpec,
  evaluateCandidate,
  indexerTagSpec,
  languageSpec,
  monitoredSpec,
  pendingSpec,
  qualityAllowedSpec,
  queueSpec,
  releaseProfileSpec,
  searchMatchSpec,
  seasonPackSpec,
  seedersSpec,
  sizeSpec,
  titleRejection,
  upgradeSpec,
} from './specifications.js';

type Row = [
  what: string,
  c: CandidateOver,
  ctx: Partial<DecisionContext>,
  expected: RegExp | null,
  type?: Rejection['type'],
];

function table(name: string, spec: Specification, rows: Row[]) {
  describe(name, () => {
    it.each(rows)('%s', (_what, c, ctx, expected, type) => {
      const r = spec(candidate(c), context(ctx));
      if (expected === null) expect(r).toBeNull();
      else {
        expect(r?.reason).toMatch(expected);
        expect(r?.type).toBe(type ?? 'permanent');
      }
    });
  });
}

const MB = 1024 * 1024;
const file = (quality: string, score = 0, version = 1): QualityStanding => ({
  quality,
  revision: { version, real: 0 },
  customFormatScore: score,
});
const withFile = (q: QualityStanding, upgradeAllowed = true): [CandidateOver, Partial<DecisionContext>] => [
  { target: { kind: 'movie', movie: movie({ movieFileId: 7 }) }, profile: { ...PROFILE, upgradeAllowed } },
  { movieFiles: new Map([[7, q]]) },
];
const eps = (list: ReturnType<typeof episode>[], fullSeason = false, s = series()): CandidateOver => ({
  target: { kind: 'episode', series: s, episodes: list, fullSeason, seasonNumber: 1 },
});

table('searchMatch', searchMatchSpec, [
  ['no search: anything', {}, {}, null],
  ['searched movie', {}, { search: { movieIds: [1] } }, null],
  ['other movie', {}, { search: { movieIds: [2] } }, /Wrong movie/],
  ['movie while a series is searched', {}, { search: { seriesId: 1 } }, /episode was searched/],
  ['episode of the searched season', eps([episode(1)]), { search: { seriesId: 1, seasonNumber: 1 } }, null],
  ['wrong season', eps([episode(1)]), { search: { seriesId: 1, seasonNumber: 2 } }, /Wrong season/],
  ['wrong series', eps([episode(1)]), { search: { seriesId: 9 } }, /Wrong series/],
  ['wrong episode', eps([episode(1)]), { search: { seriesId: 1, episodeIds: [2] } }, /Wrong episode/],
  ['episode while a movie is searched', eps([episode(1)]), { search: { movieIds: [1] } }, /movie was searched/],
]);

table('monitored', monitoredSpec, [
  ['monitored movie', {}, {}, null],
  [
    'unmonitored movie',
    { target: { kind: 'movie', movie: movie({ monitored: false }) } },
    {},
    /Movie is not monitored/,
  ],
  [
    'unmonitored movie, user search',
    { target: { kind: 'movie', movie: movie({ monitored: false }) } },
    { search: { userInvoked: true } },
    null,
  ],
  ['unmonitored series', eps([episode(1)], false, series({ monitored: false })), {}, /Series is not monitored/],
  ['multi-episode with one unmonitored', eps([episode(1), episode(2, { monitored: false })]), {}, /S1E2/],
  ['season pack with one monitored', eps([episode(1), episode(2, { monitored: false })], true), {}, null],
  [
    'season pack with none monitored',
    eps([episode(1, { monitored: false }), episode(2, { monitored: false })], true),
    {},
    /No monitored episodes/,
  ],
]);

table('availability', availabilitySpec, [
  ['released movie', {}, {}, null],
  [
    'announced movie wanting release',
    { target: { kind: 'movie', movie: movie({ status: 'announced', minimumAvailability: 'released' }) } },
    {},
    /not available yet \(minimum availability: released\)/,
    'temporary',
  ],
  [
    'announced movie wanting announced',
    { target: { kind: 'movie', movie: movie({ status: 'announced', minimumAvailability: 'announced' }) } },
    {},
    null,
  ],
  [
    'digital release reached',
    {
      target: {
        kind: 'movie',
        movie: movie({ status: 'inCinemas', minimumAvailability: 'released', digitalRelease: '2025-05-01' }),
      },
    },
    {},
    null,
  ],
  [
    'user search skips it',
    { target: { kind: 'movie', movie: movie({ status: 'announced' }) } },
    { search: { userInvoked: true } },
    null,
  ],
  ['episodes are not checked', eps([episode(1)]), {}, null],
]);

table('seasonPack', seasonPackSpec, [
  ['single episode', eps([episode(1, { airDateUtc: null })]), {}, null],
  ['season fully aired', eps([episode(1), episode(2)], true), {}, null],
  [
    'season with a future episode',
    eps([episode(1), episode(2, { airDateUtc: new Date(NOW + 86_400_000).toISOString() })], true),
    {},
    /not every episode/,
    'temporary',
  ],
  [
    'season with an undated episode',
    eps([episode(1), episode(2, { airDateUtc: null })], true),
    {},
    /not every/,
    'temporary',
  ],
]);

table('qualityAllowed', qualityAllowedSpec, [
  ['allowed quality', { quality: 'bluray-1080p' }, {}, null],
  ['allowed inside a group', { quality: 'webdl-1080p' }, {}, null],
  ['listed but not allowed', { quality: 'sdtv' }, {}, /SDTV is not wanted in profile HD/],
  ['not listed', { quality: 'bluray-2160p' }, {}, /Bluray-2160p is not wanted/],
]);

table('customFormatScore', customFormatScoreSpec, [
  ['at the minimum', { customFormatScore: 0 }, {}, null],
  [
    'below the minimum',
    { customFormatScore: 5, profile: { ...PROFILE, minFormatScore: 10 } },
    {},
    /5 is below the profile's minimum 10/,
  ],
  ['negative but allowed', { customFormatScore: -5, profile: { ...PROFILE, minFormatScore: -10 } }, {}, null],
]);

table('upgrade', upgradeSpec, [
  ['no file', {}, {}, null],
  ['better quality', { quality: 'bluray-1080p' }, {}, null],
  ['higher rung over a file below cutoff', ...withFile(file('hdtv-720p')), null],
  [
    'lower rung than the file',
    { ...withFile(file('remux-1080p'))[0], quality: 'bluray-1080p' },
    withFile(file('remux-1080p'))[1],
    /Existing file has better quality \(Remux-1080p\)/,
  ],
  [
    'upgrades off',
    { ...withFile(file('hdtv-720p'), false)[0] },
    withFile(file('hdtv-720p'))[1],
    /does not allow upgrades/,
  ],
  [
    'proper of the same quality with upgrades off',
    { ...withFile(file('bluray-1080p'), false)[0], revision: { version: 2, real: 0 } },
    withFile(file('bluray-1080p'))[1],
    null,
  ],
  [
    'file has a newer revision',
    { ...withFile(file('bluray-1080p', 0, 2))[0] },
    withFile(file('bluray-1080p', 0, 2))[1],
    /newer revision/,
  ],
  [
    'same quality, same score',
    { ...withFile(file('hdtv-720p'))[0], quality: 'hdtv-720p' },
    withFile(file('hdtv-720p'))[1],
    /not worse/,
  ],
  [
    'same quality, better score, cutoff not met',
    { ...withFile(file('hdtv-720p'))[0], quality: 'hdtv-720p', customFormatScore: 50 },
    withFile(file('hdtv-720p'))[1],
    null,
  ],
  [
    'same group counts as the same rung',
    { ...withFile(file('webrip-1080p'))[0], quality: 'webdl-1080p' },
    withFile(file('webrip-1080p'))[1],
    /not worse/,
  ],
  [
    'file at cutoff with the cutoff score',
    { ...withFile(file('bluray-1080p', 100))[0], quality: 'remux-1080p' },
    withFile(file('bluray-1080p', 100))[1],
    /meets the cutoff/,
  ],
  [
    'file at quality cutoff but below the score cutoff',
    { ...withFile(file('bluray-1080p', 10))[0], quality: 'remux-1080p' },
    withFile(file('bluray-1080p', 10))[1],
    null,
  ],
  ['unknown file quality is replaced', { target: { kind: 'movie', movie: movie({ movieFileId: 8 }) } }, {}, null],
  [
    'multi-episode: one file not worse',
    eps([episode(1, { episodeFileId: 1 }), episode(2, { episodeFileId: 2 })]),
    {
      episodeFiles: new Map([
        [1, file('hdtv-720p')],
        [2, file('remux-1080p')],
      ]),
    },
    /better quality/,
  ],
  [
    'season pack ignores unmonitored episodes',
    eps([episode(1, { episodeFileId: 1 }), episode(2, { episodeFileId: 2, monitored: false })], true),
    {
      episodeFiles: new Map([
        [1, file('hdtv-720p')],
        [2, file('remux-1080p')],
      ]),
    },
    null,
  ],
]);

const def = (qualityId: string, minSize: number, maxSize: number | null) =>
  new Map([[qualityId, { id: 1, qualityId, title: qualityId, weight: 1, minSize, preferredSize: 50, maxSize }]]);
table('size', sizeSpec, [
  [
    'within the window (100 min × 10–100 MB/min)',
    { release: { size: 5_000 * MB } },
    { sizes: def('bluray-1080p', 10, 100) },
    null,
  ],
  [
    'too small',
    { release: { size: 900 * MB } },
    { sizes: def('bluray-1080p', 10, 100) },
    /smaller than the minimum 1000 MB for 100 minutes/,
  ],
  [
    'too big',
    { release: { size: 20_000 * MB } },
    { sizes: def('bluray-1080p', 10, 100) },
    /larger than the maximum 10000 MB/,
  ],
  ['no maximum', { release: { size: 90_000 * MB } }, { sizes: def('bluray-1080p', 10, null) }, null],
  ['unknown size', { release: { size: 0 } }, { sizes: def('bluray-1080p', 10, 100) }, null],
  [
    'unknown runtime is skipped',
    { release: { size: 1 * MB }, target: { kind: 'movie', movie: movie({ runtime: 0 }) } },
    { sizes: def('bluray-1080p', 10, 100) },
    null,
  ],
  [
    'episodes: runtime per episode × count',
    { ...eps([episode(1), episode(2)]), release: { size: 800 * MB } },
    { sizes: def('bluray-1080p', 10, 100) },
    /minimum 900 MB for 90 minutes/,
  ],
  [
    'episode without runtime uses the series runtime',
    { ...eps([episode(1, { runtime: 0 })], false, series({ runtime: 30 })), release: { size: 200 * MB } },
    { sizes: def('bluray-1080p', 10, 100) },
    /minimum 300 MB for 30 minutes/,
  ],
  ['catalog defaults when no definition', { release: { size: 100 * MB } }, {}, /smaller than the minimum 400 MB/],
  [
    'maximum size setting',
    { release: { size: 5_000 * MB } },
    { settings: { retentionDays: 0, minimumAgeMinutes: 0, maximumSizeMb: 4_000 } },
    /larger than the maximum size 4000 MB/,
  ],
]);

const settings = (retentionDays: number, minimumAgeMinutes = 0) => ({
  settings: { retentionDays, minimumAgeMinutes, maximumSizeMb: 0 },
});
table('age', ageSpec, [
  ['usenet within retention', { release: { protocol: 'usenet' }, ageMinutes: 1440 * 10 }, settings(30), null],
  [
    'usenet past retention',
    { release: { protocol: 'usenet' }, ageMinutes: 1440 * 31 },
    settings(30),
    /retention of 30 days/,
  ],
  ['torrents ignore retention', { ageMinutes: 1440 * 31 }, settings(30), null],
  [
    'indexer retention wins',
    {
      release: { protocol: 'usenet' },
      ageMinutes: 1440 * 31,
      indexer: { id: 1, name: 'X', priority: 1, tags: [], retentionDays: 40 },
    },
    settings(30),
    null,
  ],
  ['too new', { release: { protocol: 'usenet' }, ageMinutes: 5 }, settings(0, 30), /Only 5 minutes old/, 'temporary'],
]);

const idx = (minimumSeeders?: number) => ({ id: 1, name: 'T', priority: 1, tags: [], minimumSeeders });
table('seeders', seedersSpec, [
  ['enough', { release: { seeders: 5 }, indexer: idx(5) }, {}, null],
  ['too few', { release: { seeders: 2 }, indexer: idx(5) }, {}, /Not enough seeders: 2 \(minimum 5\)/],
  ['unknown seeders', { release: { seeders: undefined }, indexer: idx(5) }, {}, null],
  ['no minimum', { release: { seeders: 0 }, indexer: idx() }, {}, null],
  ['usenet', { release: { protocol: 'usenet', seeders: 0 }, indexer: idx(5) }, {}, null],
]);

table('delay', delaySpec, [
  ['no delay', {}, {}, null],
  [
    'inside the torrent delay',
    { delayProfile: { ...DELAY, torrentDelay: 240 }, ageMinutes: 60 },
    {},
    /Delayed: torrent delay is 240 minutes/,
    'temporary',
  ],
  ['past the delay', { delayProfile: { ...DELAY, torrentDelay: 240 }, ageMinutes: 300 }, {}, null],
  ['other protocol delay does not apply', { delayProfile: { ...DELAY, usenetDelay: 240 }, ageMinutes: 1 }, {}, null],
  [
    'bypass for the highest quality',
    {
      delayProfile: { ...DELAY, torrentDelay: 240, bypassIfHighestQuality: true },
      ageMinutes: 1,
      quality: 'remux-1080p',
    },
    {},
    null,
  ],
  [
    'bypass does not apply below the top',
    { delayProfile: { ...DELAY, torrentDelay: 240, bypassIfHighestQuality: true }, ageMinutes: 1 },
    {},
    /Delayed/,
    'temporary',
  ],
  [
    'user search skips the delay',
    { delayProfile: { ...DELAY, torrentDelay: 240 }, ageMinutes: 1 },
    { search: { userInvoked: true } },
    null,
  ],
  ['protocol disabled', { delayProfile: { ...DELAY, enableTorrent: false } }, {}, /Torrent is disabled/],
]);

const standing = (quality: string, score = 0) => ({
  quality,
  revision: { version: 1, real: 0 },
  customFormatScore: score,
});
table('queue', queueSpec, [
  ['nothing queued', {}, {}, null],
  ['queued worse', {}, { queueByMovie: new Map([[1, [standing('hdtv-720p')]]]) }, null],
  [
    'queued equal',
    {},
    { queueByMovie: new Map([[1, [standing('bluray-1080p')]]]) },
    /Already in the download queue/,
    'temporary',
  ],
  ['queued better', {}, { queueByMovie: new Map([[1, [standing('remux-1080p')]]]) }, /Remux-1080p/, 'temporary'],
  [
    'queued same quality, lower score',
    { customFormatScore: 10 },
    { queueByMovie: new Map([[1, [standing('bluray-1080p', 5)]]]) },
    null,
  ],
  [
    'episode queued',
    eps([episode(1), episode(2)]),
    { queueByEpisode: new Map([[2, [standing('remux-1080p')]]]) },
    /queue/,
    'temporary',
  ],
]);

const pend = (quality: string, guid = 'other') => ({ ...standing(quality), guid, indexerId: 1 });
table('pending', pendingSpec, [
  ['nothing pending', {}, {}, null],
  ['better pending', {}, { pendingByMovie: new Map([[1, [pend('remux-1080p')]]]) }, /already pending/, 'temporary'],
  ['worse pending', {}, { pendingByMovie: new Map([[1, [pend('hdtv-720p')]]]) }, null],
  ['the same release pending is no rival', {}, { pendingByMovie: new Map([[1, [pend('bluray-1080p', 'g1')]]]) }, null],
]);

const blocked = (over: Partial<DecisionContext['blocklist']>) => ({
  blocklist: { guids: new Set<string>(), infoHashes: new Set<string>(), titles: new Set<string>(), ...over },
});
table('blocklist', blocklistSpec, [
  ['not blocked', {}, blocked({}), null],
  ['by guid', {}, blocked({ guids: new Set(['g1']) }), /blocklisted/],
  [
    'by info hash (any case)',
    { release: { infoHash: 'ABCDEF' } },
    blocked({ infoHashes: new Set(['abcdef']) }),
    /info hash/,
  ],
  [
    'by title and indexer',
    {},
    blocked({ titles: new Set([blocklistTitleKey(1, 'movie.0001.2001.1080p.bluray.x264-grp')]) }),
    /blocklisted/,
  ],
  [
    'same title on another indexer',
    {},
    blocked({ titles: new Set([blocklistTitleKey(2, 'Movie.0001.2001.1080p.BluRay.x264-GRP')]) }),
    null,
  ],
]);

const rp = (over: Partial<Parameters<typeof compileReleaseProfiles>[0][number]>) => ({
  releaseProfiles: compileReleaseProfiles([
    { id: 1, name: 'p', enabled: true, required: [], ignored: [], indexerId: 0, tags: [], ...over },
  ]),
});
table('releaseProfile', releaseProfileSpec, [
  ['no profiles', {}, {}, null],
  ['required term present (case-insensitive)', {}, rp({ required: ['bluray'] }), null],
  ['required term missing', {}, rp({ required: ['WEB-DL', 'HDTV'] }), /required term: WEB-DL, HDTV/],
  ['required regex', {}, rp({ required: ['/\\b(?:x264|x265)\\b/'] }), null],
  ['ignored term', {}, rp({ ignored: ['x264'] }), /ignored term: x264/],
  ['ignored regex', {}, rp({ ignored: ['/-grp$/'] }), /ignored term: \/-grp\$\//],
  ['profile for other tags', {}, rp({ ignored: ['x264'], tags: [5] }), null],
  [
    'profile for the item tag',
    { target: { kind: 'movie', movie: movie({ tags: [5] }) } },
    rp({ ignored: ['x264'], tags: [5] }),
    /ignored/,
  ],
  ['profile for another indexer', {}, rp({ ignored: ['x264'], indexerId: 9 }), null],
  ['disabled profile', {}, rp({ ignored: ['x264'], enabled: false }), null],
]);

table('language', languageSpec, [
  ['any', {}, {}, null],
  ['wanted language present', { languages: ['French', 'English'] }, { wantedLanguage: () => 'French' }, null],
  [
    'wanted language missing',
    { languages: ['English'] },
    { wantedLanguage: () => 'French' },
    /English is not wanted \(profile wants French\)/,
  ],
  [
    'original, known',
    { languages: ['English'] },
    { wantedLanguage: () => 'Original', originalLanguage: () => 'Japanese' },
    /wants Japanese/,
  ],
  ['original, unknown', { languages: ['English'] }, { wantedLanguage: () => 'Original' }, null],
]);

table('indexerTags', indexerTagSpec, [
  ['untagged indexer', {}, {}, null],
  [
    'shared tag',
    { indexer: { id: 1, name: 'T', priority: 1, tags: [3] }, target: { kind: 'movie', movie: movie({ tags: [3] }) } },
    {},
    null,
  ],
  ['no shared tag', { indexer: { id: 1, name: 'T', priority: 1, tags: [3] } }, {}, /Indexer T is restricted/],
  [
    'series tags',
    { ...eps([episode(1)], false, series({ tags: [3] })), indexer: { id: 1, name: 'T', priority: 1, tags: [3] } },
    {},
    null,
  ],
]);

describe('titleRejection', () => {
  it.each([
    ['Movie.2001.1080p.BluRay.x264-GRP', null],
    ['Movie.2001.1080p.BluRay.x264-GRP.sample', /sample/],
    ['Movie 2001 SAMPLE 1080p', /sample/],
    ['Samples.of.Life.2001.1080p.BluRay.x264-GRP', null],
    ['a3f9c0d1e2b34c5d6e7f8a9b0c1d2e3f', /hashed/],
    ['b2c4e6g8i0k2m4o6q8s0u2w4y6', /hashed/],
    ['abcdefghijklmnopqrstuvwxyzabcd', null],
  ])('%s', (title, expected) => {
    const r = titleRejection(title);
    if (expected === null) expect(r).toBeNull();
    else expect(r?.reason).toMatch(expected);
  });
});

describe('evaluateCandidate', () => {
  it('accepts a clean candidate and lists every reason of a bad one in spec order', () => {
    expect(evaluateCandidate(candidate(), context())).toEqual([]);
    const bad: Candidate = candidate({
      quality: 'sdtv',
      target: { kind: 'movie', movie: movie({ monitored: false }) },
      release: { seeders: 0 },
      indexer: { id: 1, name: 'T', priority: 1, tags: [], minimumSeeders: 1 },
    });
    expect(evaluateCandidate(bad, context()).map((r) => r.reason)).toEqual([
      'Movie is not monitored',
      'Quality SDTV is not wanted in profile HD',
      'Not enough seeders: 0 (minimum 1)',
    ]);
  });
});
