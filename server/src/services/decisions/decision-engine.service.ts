// The decision engine: parse → match → decide → rank for a batch of releases (RSS sync, searches, interactive
// search, pushed releases). Every lookup is batched over the whole batch and cached for the evaluation, so the cost
// is a fixed number of queries plus pure per-release work.
import {
  compileFormats,
  customFormatScore,
  matchCustomFormats,
} from '../../domain/custom-formats/custom-format.matcher.js';
import type { CustomFormat, CustomFormatSubject } from '../../domain/custom-formats/custom-format.types.js';
import {
  type BlocklistIndex,
  type Candidate,
  DEFAULT_DECISION_SETTINGS,
  type DecisionContext,
  type DecisionSettings,
  type DelayProfile,
  type IndexerInfo,
  type PendingStanding,
  type QualityStanding,
  type Rejection,
  type ReleaseProfile,
  type SearchContext,
  type Target,
} from '../../domain/decisions/decision.types.js';
import { delayProfileFor } from '../../domain/decisions/delay-profile.rules.js';
import { rankCandidates } from '../../domain/decisions/ranking.js';
import { compileReleaseProfiles } from '../../domain/decisions/release-terms.js';
import { blocklistTitleKey, evaluateCandidate } from '../../domain/decisions/specifications.js';
import type { BlocklistEntry, PendingRelease } from '../../domain/decisions/storage.types.js';
import type { Movie } from '../../domain/library/movie.types.js';
import type { QualityDefinitionRecord, QualityProfile } from '../../domain/library/quality-profile.types.js';
import type { Episode, Series } from '../../domain/library/series.types.js';
import type { QualityDefinition } from '../../domain/quality/quality.types.js';
import { qualityById, UNKNOWN_QUALITY } from '../../domain/quality/quality-catalog.js';
import type { QualityParse } from '../../parser/index.js';
import { qualityFor } from '../../parser/quality/quality-parser.js';
import type { ReleaseInfo } from '../../providers/ports/indexer.port.js';
import {
  EMPTY_QUEUE,
  type IndexerLookup,
  type MediaFileLookup,
  NO_FILE_INFO,
  NO_GROUP_POLICY,
  NO_INDEXER_INFO,
  type QueueLookup,
  type ReleaseGroupPolicy,
} from './decision.ports.js';
import { releaseIndexerFlags, releaseLanguages } from './release-attributes.js';
import { type LibraryLookup, type MatchOutcome, matchAll, type ParsedRelease, parseAll } from './release-matcher.js';

export interface DecisionEngineDeps {
  library: LibraryLookup;
  profiles: { list(): Promise<QualityProfile[]> };
  qualityDefinitions: { list(): Promise<QualityDefinitionRecord[]> };
  customFormats: { list(): Promise<CustomFormat[]> };
  releaseProfiles: { list(): Promise<ReleaseProfile[]> };
  delayProfiles: { list(): Promise<DelayProfile[]> };
  blocklist: {
    findMatches(probe: { guids: string[]; infoHashes: string[]; titles: string[] }): Promise<BlocklistEntry[]>;
  };
  pending: { forItems(items: { movieIds: number[]; seriesIds: number[] }): Promise<PendingRelease[]> };
  queue?: QueueLookup;
  files?: MediaFileLookup;
  indexers?: IndexerLookup;
  /** Release-group verdicts (scene-group reputation): an extra rejection and a ranking preference; default none. */
  releaseGroups?: ReleaseGroupPolicy;
  settings?: () => DecisionSettings | Promise<DecisionSettings>;
  /** Language a quality profile wants (`Any`, `Original` or a language name); default `Any`. */
  profileLanguage?: (profile: QualityProfile) => string;
  clock?: () => Date;
}

export interface EvaluateOptions {
  searchContext?: SearchContext;
  /** Re-deciding the pending releases themselves: they are not rivals of one another (the best gets grabbed). */
  ignorePending?: boolean;
}

export interface ReleaseDecision {
  release: ReleaseInfo;
  parsed: ParsedRelease | null;
  movie: Movie | null;
  series: Series | null;
  episodes: Episode[];
  /** Catalog quality the release was filed under, with the parse's revision. */
  quality: { quality: QualityDefinition; revision: QualityParse['revision'] } | null;
  customFormats: { id: number; name: string }[];
  customFormatScore: number;
  rejections: Rejection[];
  accepted: boolean;
  /** 1 = best among the accepted releases of this evaluation; null when rejected. */
  rank: number | null;
}

export interface EvaluationTimings {
  parseMs: number;
  matchMs: number;
  decideMs: number;
}

function itemTags(t: Target): number[] {
  return t.kind === 'movie' ? t.movie.tags : t.series.tags;
}

function profileIdOf(t: Target): number {
  return t.kind === 'movie' ? t.movie.qualityProfileId : t.series.qualityProfileId;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function blocklistIndex(entries: readonly BlocklistEntry[]): BlocklistIndex {
  const guids = new Set<string>();
  const infoHashes = new Set<string>();
  const titles = new Set<string>();
  for (const e of entries) {
    if (e.guid) guids.add(e.guid);
    if (e.torrentInfoHash) infoHashes.add(e.torrentInfoHash.toLowerCase());
    titles.add(blocklistTitleKey(e.indexerId, e.sourceTitle));
  }
  return { guids, infoHashes, titles };
}

export class DecisionEngine {
  /** Stage times of the last evaluation (benchmarks, logs). */
  lastTimings: EvaluationTimings = { parseMs: 0, matchMs: 0, decideMs: 0 };

  private releaseGroups: ReleaseGroupPolicy | undefined;

  constructor(private readonly deps: DecisionEngineDeps) {
    this.releaseGroups = deps.releaseGroups;
  }

  /** Plugs in the release-group policy after construction (the search wiring owns the scene-group service). */
  useReleaseGroups(policy: ReleaseGroupPolicy): void {
    this.releaseGroups = policy;
  }

  async evaluate(releases: readonly ReleaseInfo[], opts: EvaluateOptions = {}): Promise<ReleaseDecision[]> {
    const search = opts.searchContext;
    const t0 = performance.now();
    const outcomes = parseAll(releases, search);
    const t1 = performance.now();
    await matchAll(releases, outcomes, this.deps.library);
    const t2 = performance.now();
    const decisions = await this.decide(releases, outcomes, search, opts.ignorePending === true);
    const t3 = performance.now();
    this.lastTimings = { parseMs: t1 - t0, matchMs: t2 - t1, decideMs: t3 - t2 };
    return decisions;
  }

  private async decide(
    releases: readonly ReleaseInfo[],
    outcomes: readonly MatchOutcome[],
    search: SearchContext | undefined,
    ignorePending = false,
  ): Promise<ReleaseDecision[]> {
    const d = this.deps;
    const now = (d.clock ?? (() => new Date()))();
    const nowMs = now.getTime();

    const movieIds: number[] = [];
    const seriesIds: number[] = [];
    const episodeIds: number[] = [];
    const movieFileIds: number[] = [];
    const episodeFileIds: number[] = [];
    const indexerIds = new Set<number>();
    const groups = new Set<string>();
    const profileIds = new Set<number>();
    const probe = { guids: [] as string[], infoHashes: [] as string[], titles: [] as string[] };
    for (let i = 0; i < outcomes.length; i++) {
      const t = outcomes[i]!.target;
      if (!t) continue;
      const r = releases[i]!;
      if (r.indexerId !== null) indexerIds.add(r.indexerId);
      probe.guids.push(r.guid);
      probe.titles.push(r.title);
      if (r.infoHash) probe.infoHashes.push(r.infoHash);
      const group = outcomes[i]!.parsed?.info.releaseGroup;
      if (group) groups.add(group);
      profileIds.add(profileIdOf(t));
      if (t.kind === 'movie') {
        movieIds.push(t.movie.id);
        if (t.movie.movieFileId !== null) movieFileIds.push(t.movie.movieFileId);
      } else {
        seriesIds.push(t.series.id);
        for (const e of t.episodes) {
          episodeIds.push(e.id);
          if (e.episodeFileId !== null) episodeFileIds.push(e.episodeFileId);
        }
      }
    }
    const anyMatched = probe.guids.length > 0;
    const files = d.files ?? NO_FILE_INFO;
    const [profiles, sizes, formats, releaseProfiles, delayProfiles, settings] = await Promise.all([
      d.profiles.list(),
      d.qualityDefinitions.list(),
      d.customFormats.list(),
      d.releaseProfiles.list(),
      d.delayProfiles.list(),
      d.settings ? d.settings() : DEFAULT_DECISION_SETTINGS,
    ]);
    const [blocked, pending, queue, movieFiles, episodeFiles, indexers, groupJudge] = anyMatched
      ? await Promise.all([
          d.blocklist.findMatches(probe),
          ignorePending ? [] : d.pending.forItems({ movieIds, seriesIds }),
          (d.queue ?? EMPTY_QUEUE).forItems({ movieIds, episodeIds }),
          movieFileIds.length ? files.movieFiles(movieFileIds) : new Map<number, QualityStanding>(),
          episodeFileIds.length ? files.episodeFiles(episodeFileIds) : new Map<number, QualityStanding>(),
          (d.indexers ?? NO_INDEXER_INFO).get([...indexerIds]),
          (this.releaseGroups ?? NO_GROUP_POLICY).prepare({ groups: [...groups], profileIds: [...profileIds] }),
        ])
      : [[], [], [], new Map(), new Map(), new Map<number, IndexerInfo>(), undefined];

    const profileById = new Map(profiles.map((p) => [p.id, p]));
    const queueByMovie = new Map<number, QualityStanding[]>();
    const queueByEpisode = new Map<number, QualityStanding[]>();
    for (const q of queue) {
      if (q.movieId !== null) pushTo(queueByMovie, q.movieId, q);
      for (const e of q.episodeIds) pushTo(queueByEpisode, e, q);
    }
    const pendingByMovie = new Map<number, PendingStanding[]>();
    const pendingByEpisode = new Map<number, PendingStanding[]>();
    for (const p of pending) {
      const s: PendingStanding = {
        quality: p.quality,
        revision: p.revision,
        customFormatScore: p.customFormatScore,
        guid: p.guid,
        indexerId: p.indexerId,
      };
      if (p.movieId !== null) pushTo(pendingByMovie, p.movieId, s);
      for (const e of p.episodeIds) pushTo(pendingByEpisode, e, s);
    }
    const language = d.profileLanguage;
    const ctx: DecisionContext = {
      now: nowMs,
      today: now.toISOString().slice(0, 10),
      settings,
      search,
      sizes: new Map(sizes.map((s) => [s.qualityId, s])),
      releaseProfiles: compileReleaseProfiles(releaseProfiles),
      movieFiles,
      episodeFiles,
      queueByMovie,
      queueByEpisode,
      pendingByMovie,
      pendingByEpisode,
      blocklist: blocklistIndex(blocked),
      wantedLanguage: (id) => {
        const p = profileById.get(id);
        return p && language ? language(p) : 'Any';
      },
      originalLanguage: () => undefined,
    };
    const compiledFormats = compileFormats(formats);

    const decisions: ReleaseDecision[] = new Array(outcomes.length);
    const accepted: Candidate[] = [];
    const acceptedAt: number[] = [];
    const groupPreferences: number[] = [];
    for (let i = 0; i < outcomes.length; i++) {
      const o = outcomes[i]!;
      const r = releases[i]!;
      const decision: ReleaseDecision = {
        release: r,
        parsed: o.parsed,
        movie: o.target?.kind === 'movie' ? o.target.movie : null,
        series: o.target?.kind === 'episode' ? o.target.series : null,
        episodes: o.target?.kind === 'episode' ? o.target.episodes : [],
        quality: null,
        customFormats: [],
        customFormatScore: 0,
        rejections: o.rejection ? [o.rejection] : [],
        accepted: false,
        rank: null,
      };
      decisions[i] = decision;
      const p = o.parsed;
      if (p) {
        const q = qualityFor(p.info.quality, p.kind === 'movie' ? 'Radarr' : 'Sonarr');
        const quality =
          p.kind === 'episode' && q.sonarrName === null && q.sonarrFallbackId
            ? (qualityById(q.sonarrFallbackId) ?? UNKNOWN_QUALITY)
            : q;
        decision.quality = { quality, revision: p.info.quality.revision };
      }
      const target = o.target;
      if (!target || !p || !decision.quality) continue;
      const profile = profileById.get(profileIdOf(target));
      if (!profile) {
        decision.rejections.push({
          reason: `Quality profile ${profileIdOf(target)} does not exist`,
          type: 'permanent',
        });
        continue;
      }
      const quality = decision.quality.quality;
      const languages = releaseLanguages(p.info.languages, r);
      const subject: CustomFormatSubject = {
        title: r.title,
        releaseGroup: p.info.releaseGroup,
        source: quality.source,
        resolution: quality.resolution,
        modifier: quality.modifier,
        languages,
        indexerFlags: releaseIndexerFlags(r),
        size: r.size,
        edition: p.kind === 'movie' ? p.info.edition : '',
        year: p.kind === 'movie' ? p.info.year : target.kind === 'episode' ? target.series.year : 0,
      };
      const matched = compiledFormats.length ? matchCustomFormats(compiledFormats, subject) : [];
      const score = customFormatScore(profile.formatItems, matched);
      decision.customFormats = matched.map((f) => ({ id: f.id, name: f.name }));
      decision.customFormatScore = score;
      const posted = Date.parse(r.usenetDate ?? r.publishDate);
      const candidate: Candidate = {
        release: r,
        quality,
        revision: decision.quality.revision,
        languages,
        target,
        profile,
        customFormats: matched,
        customFormatScore: score,
        indexer: r.indexerId === null ? undefined : indexers.get(r.indexerId),
        delayProfile: delayProfileFor(delayProfiles, itemTags(target)),
        ageMinutes: Number.isFinite(posted) ? (nowMs - posted) / 60_000 : 0,
      };
      decision.rejections.push(...evaluateCandidate(candidate, ctx));
      const groupRejection = groupJudge?.rejection(p.info.releaseGroup, profile.id);
      if (groupRejection) decision.rejections.push(groupRejection);
      if (decision.rejections.length === 0) {
        decision.accepted = true;
        accepted.push(candidate);
        acceptedAt.push(i);
        groupPreferences.push(groupJudge?.preference(p.info.releaseGroup, profile.id) ?? 0);
      }
    }
    const order = rankCandidates(accepted, ctx, groupJudge ? groupPreferences : undefined);
    for (let rank = 0; rank < order.length; rank++) decisions[acceptedAt[order[rank]!]!]!.rank = rank + 1;
    return decisions;
  }
}
