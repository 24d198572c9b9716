// `idkarr parse "TITLE" [--type tv|movie|auto] [--json]` and `idkarr parse --stdin` (JSON Lines).
// A debugging aid for the release-title parser: shows what idkarr reads out of a release name.
import { createInterface } from 'node:readline';
import type { ParsedMovieInfo } from '../parser/movie/movie.types.js';
import { parseMovieTitle } from '../parser/movie/movie-parser.js';
import { qualityNameFor } from '../parser/quality/quality-parser.js';
import type { ParsedEpisodeInfo } from '../parser/tv/episode-info.types.js';
import { parseEpisodeTitle } from '../parser/tv/episode-title.parser.js';

export interface ParseCommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type ParseType = 'tv' | 'movie' | 'auto';

const USAGE =
  'usage: idkarr parse TITLE [--type tv|movie|auto] [--json]\n       idkarr parse --stdin [--type tv|movie|auto]\n';

interface Options {
  type: ParseType;
  json: boolean;
  stdin: boolean;
  titles: string[];
}

function parseArgs(args: string[]): Options | string {
  const o: Options = { type: 'auto', json: false, stdin: false, titles: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--stdin') o.stdin = true;
    else if (a === '--type' || a.startsWith('--type=')) {
      const v = a === '--type' ? args[++i] : a.slice('--type='.length);
      if (v !== 'tv' && v !== 'movie' && v !== 'auto') return `invalid --type "${v ?? ''}"`;
      o.type = v;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else o.titles.push(a);
  }
  if (o.stdin && o.titles.length > 0) return 'give either a TITLE or --stdin, not both';
  if (!o.stdin && o.titles.length === 0) return 'missing TITLE';
  return o;
}

type Result = { type: 'tv'; info: ParsedEpisodeInfo } | { type: 'movie'; info: ParsedMovieInfo } | null;

/** `auto` is TV when the title has episode/season/daily/absolute numbering, else movie. */
export function parseAs(title: string, type: ParseType): Result {
  if (type !== 'movie') {
    const tv = parseEpisodeTitle(title);
    if (tv) return { type: 'tv', info: tv };
    if (type === 'tv') return null;
  }
  const movie = parseMovieTitle(title);
  return movie ? { type: 'movie', info: movie } : null;
}

function toJson(input: string, r: Result): Record<string, unknown> {
  if (!r) return { input, type: null, parsed: null };
  const flavour = r.type === 'tv' ? 'Sonarr' : 'Radarr';
  const info = r.type === 'tv' ? { ...r.info, possibleSpecialEpisode: r.info.possibleSpecialEpisode } : { ...r.info };
  return { input, type: r.type, qualityName: qualityNameFor(r.info.quality, flavour), parsed: info };
}

function toText(input: string, r: Result): string {
  if (!r) return `${input}\n  not recognised as a release title\n`;
  const lines: Array<[string, unknown]> = [['type', r.type]];
  if (r.type === 'tv') {
    const i = r.info;
    lines.push(['series', i.seriesTitle || '(none)'], ['year', i.seriesTitleInfo.year || undefined]);
    if (i.airDate) lines.push(['air date', i.airDate], ['part', i.dailyPart ?? undefined]);
    else lines.push(['season', i.seasonNumber]);
    if (i.episodeNumbers.length) lines.push(['episodes', i.episodeNumbers.join(', ')]);
    if (i.absoluteEpisodeNumbers.length) lines.push(['absolute', i.absoluteEpisodeNumbers.join(', ')]);
    if (i.specialAbsoluteEpisodeNumbers.length)
      lines.push(['special absolute', i.specialAbsoluteEpisodeNumbers.join(', ')]);
    const flags = (['fullSeason', 'multiSeason', 'partialSeason', 'seasonExtra', 'special'] as const).filter(
      (k) => i[k],
    );
    if (flags.length) lines.push(['flags', flags.join(', ')]);
    lines.push(['quality', qualityNameFor(i.quality, 'Sonarr')]);
  } else {
    const i = r.info;
    lines.push(['title', i.movieTitle], ['year', i.year || undefined], ['edition', i.edition || undefined]);
    lines.push(['quality', qualityNameFor(i.quality, 'Radarr')]);
  }
  lines.push(['languages', r.info.languages.join(', ')], ['release group', r.info.releaseGroup ?? undefined]);
  const body = lines
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `  ${`${k}:`.padEnd(18)}${String(v)}`)
    .join('\n');
  return `${input}\n${body}\n`;
}

async function runStdin(o: Options, io: ParseCommandIo): Promise<number> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    const title = line.trim();
    if (title === '') continue;
    io.stdout.write(`${JSON.stringify(toJson(title, parseAs(title, o.type)))}\n`);
  }
  return 0;
}

export async function runParseCommand(args: string[], io: ParseCommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const o = parseArgs(args);
  if (typeof o === 'string') {
    io.stderr.write(`idkarr parse: ${o}\n${USAGE}`);
    return 2;
  }
  if (o.stdin) return runStdin(o, io);
  const title = o.titles.join(' ');
  const r = parseAs(title, o.type);
  io.stdout.write(o.json ? `${JSON.stringify(toJson(title, r))}\n` : toText(title, r));
  return r ? 0 : 1;
}
