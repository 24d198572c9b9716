// Checks naming formats before they are stored or previewed: every token known and allowed where it is used, the
// tokens a format cannot do without present, no characters no filesystem accepts in the literal text.
import { parseTemplate, type TemplateToken, templateTokens } from './format-template.js';
import type { NamingConfig } from './naming.types.js';
import { FORMAT_SCOPES, type FormatKind, NAMING_TOKENS } from './naming-tokens.js';

export interface NamingFinding {
  /** `series.standardEpisodeFormat`, `movie.movieFolderFormat`… */
  field: string;
  message: string;
}

const FORMAT_KIND_NAMES: Record<FormatKind, string> = {
  episode: 'an episode file',
  seriesFolder: 'a series folder',
  seasonFolder: 'a season folder',
  movie: 'a movie file',
  movieFolder: 'a movie folder',
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused in formats
const ILLEGAL_LITERAL = /[:*?"<>|\u0000-\u001f]/;

/** Problems with one format used as `kind`; empty when it is fine. */
export function formatProblems(format: string, kind: FormatKind): string[] {
  const problems: string[] = [];
  if (!format.trim()) return ['must not be empty'];
  const parsed = parseTemplate(format);
  for (const e of parsed.errors) problems.push(e.message);
  const scopes = FORMAT_SCOPES[kind];
  for (const t of templateTokens(parsed)) {
    const def = NAMING_TOKENS.get(t.key);
    if (!def) {
      problems.push(`unknown token ${t.raw}`);
      continue;
    }
    if (!scopes.has(def.scope)) {
      problems.push(`token ${t.raw} cannot be used in ${FORMAT_KIND_NAMES[kind]} format`);
      continue;
    }
    if (t.format !== null) {
      if (def.format === 'none') problems.push(`token ${t.raw} takes no :format`);
      else if (def.format === 'pad' && !/^0+$/.test(t.format)) problems.push(`${t.raw}: the format must be zeros`);
      else if (def.format === 'truncate' && !/^[1-9]\d{0,3}$/.test(t.format))
        problems.push(`${t.raw}: the format must be a length (1-9999)`);
    }
  }
  for (const p of parsed.parts) {
    if (p.kind === 'text') {
      const bad = ILLEGAL_LITERAL.exec(p.text);
      if (bad) problems.push(`contains a character not allowed in file names: ${JSON.stringify(bad[0])}`);
    }
    if (p.kind === 'break' && kind !== 'episode' && kind !== 'movie')
      problems.push('a folder format cannot contain / or \\');
  }
  return problems;
}

const has = (tokens: TemplateToken[], test: (key: string) => boolean) => tokens.some((t) => test(t.key));
const isSeason = (k: string) => k === 'season';
const isEpisode = (k: string) => k === 'episode';
const isAbsolute = (k: string) => k === 'absolute';
const isAirDate = (k: string) => k === 'air date';
const isSeriesTitle = (k: string) =>
  k.startsWith('series ') && k.includes('title') && k !== 'series titlefirstcharacter';
const isMovieTitle = (k: string) => k.startsWith('movie ') && k.includes('title') && k !== 'movie titlefirstcharacter';

type Requirement = [(tokens: TemplateToken[]) => boolean, string];

const SEASON_AND_EPISODE: Requirement = [
  (t) => has(t, isSeason) && has(t, isEpisode),
  'must contain the season and episode numbers: {season:00} and {episode:00}',
];

const REQUIREMENTS: Record<string, { kind: FormatKind; needs: Requirement[] }> = {
  'series.standardEpisodeFormat': { kind: 'episode', needs: [SEASON_AND_EPISODE] },
  'series.dailyEpisodeFormat': {
    kind: 'episode',
    needs: [
      [
        (t) => has(t, isAirDate) || (has(t, isSeason) && has(t, isEpisode)),
        'must contain {Air-Date} or the season and episode numbers',
      ],
    ],
  },
  'series.animeEpisodeFormat': {
    kind: 'episode',
    needs: [
      [
        (t) => has(t, isAbsolute) || (has(t, isSeason) && has(t, isEpisode)),
        'must contain {absolute:000} or the season and episode numbers',
      ],
    ],
  },
  'series.seriesFolderFormat': {
    kind: 'seriesFolder',
    needs: [[(t) => has(t, isSeriesTitle), 'must contain a series title such as {Series Title}']],
  },
  'series.seasonFolderFormat': {
    kind: 'seasonFolder',
    needs: [[(t) => has(t, isSeason), 'must contain {season} or {season:00}']],
  },
  'series.specialsFolderFormat': { kind: 'seasonFolder', needs: [] },
  'movie.standardMovieFormat': {
    kind: 'movie',
    needs: [[(t) => has(t, isMovieTitle), 'must contain a movie title such as {Movie Title}']],
  },
  'movie.movieFolderFormat': {
    kind: 'movieFolder',
    needs: [[(t) => has(t, isMovieTitle), 'must contain a movie title such as {Movie Title}']],
  },
};

/** Every format of the configuration checked; findings name the field (`series.standardEpisodeFormat`). */
export function validateNamingConfig(config: NamingConfig): NamingFinding[] {
  const findings: NamingFinding[] = [];
  for (const [field, rule] of Object.entries(REQUIREMENTS)) {
    const [section, key] = field.split('.') as ['series' | 'movie', string];
    const format = (config[section] as unknown as Record<string, string>)[key] ?? '';
    const problems = formatProblems(format, rule.kind);
    if (problems.length === 0) {
      const tokens = templateTokens(parseTemplate(format));
      for (const [ok, message] of rule.needs) if (!ok(tokens)) problems.push(message);
    }
    for (const message of problems) findings.push({ field, message });
  }
  return findings;
}
