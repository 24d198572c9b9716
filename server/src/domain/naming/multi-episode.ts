// Several episodes in one file: the `S{season:00}E{episode:00}` (or `{season}x{episode:00}`) run of a format is
// rewritten by the multi-episode style. Sonarr's styles, shown for episodes 1–3 of season 1:
//   extend S01E01-02-03 · duplicate S01E01 - S01E02 - S01E03 · repeat S01E01E02E03 · scene S01E01-E02-E03
//   range S01E01-03 · prefixedRange S01E01-E03
import type { TemplatePart, TemplateToken } from './format-template.js';
import type { MultiEpisodeStyle, NamingEpisode } from './naming.types.js';
import { padNumber } from './naming-tokens.js';

/** A precomputed piece of the name, inserted like a token value (protected from separator clean-up). */
export interface TemplateValue {
  kind: 'value';
  value: string;
}

export type RenderPart = TemplatePart | TemplateValue;

const EPISODE_SEPARATOR = /^[- ._]?[ex]$/i;

const isToken = (p: RenderPart | undefined, key: string): p is TemplateToken => p?.kind === 'token' && p.key === key;

/** Numbers of the episodes in the style, after the first: "-02-03", "E02E03", "-E03"… */
function tail(style: MultiEpisodeStyle, numbers: string[], episodeSeparator: string): string {
  const letter = episodeSeparator.slice(-1);
  const rest = numbers.slice(1);
  const last = numbers[numbers.length - 1]!;
  switch (style) {
    case 'extend':
      return rest.map((n) => `-${n}`).join('');
    case 'repeat':
      return rest.map((n) => `${episodeSeparator}${n}`).join('');
    case 'scene':
      return rest.map((n) => `-${letter}${n}`).join('');
    case 'range':
      return `-${last}`;
    case 'prefixedRange':
      return `-${letter}${last}`;
    case 'duplicate':
      return '';
  }
}

/**
 * Rewrites the season/episode run of `parts` for `episodes` (sorted, same season). With one episode, or when the
 * format has no such run, the parts come back unchanged and the builder fills `{episode}` tokens itself.
 */
export function applyMultiEpisodeStyle(
  parts: readonly RenderPart[],
  episodes: readonly NamingEpisode[],
  style: MultiEpisodeStyle,
): RenderPart[] {
  const out = [...parts];
  if (episodes.length < 2) return out;
  for (let j = 0; j + 2 < out.length; j++) {
    const season = out[j];
    const sep = out[j + 1];
    const episode = out[j + 2];
    if (!isToken(season, 'season') || sep?.kind !== 'text' || !isToken(episode, 'episode')) continue;
    if (!EPISODE_SEPARATOR.test(sep.text)) continue;
    const seasonText = padNumber(episodes[0]!.seasonNumber, season.format);
    const numbers = episodes.map((e) => padNumber(e.episodeNumber, episode.format));
    let value = `${season.prefix}${seasonText}${sep.text}${numbers[0]}`;
    if (style === 'duplicate') {
      const before = out[j - 1];
      const after = out[j + 3];
      const sLetter = before?.kind === 'text' ? (/[sS]$/.exec(before.text)?.[0] ?? '') : '';
      const lead = before?.kind === 'text' ? (/([- ._]+)[sS]?$/.exec(before.text)?.[1] ?? '') : '';
      const trail = after?.kind === 'text' ? (/^[- ._]+/.exec(after.text)?.[0] ?? '') : '';
      const joiner = lead || trail;
      for (const n of numbers.slice(1)) value += `${joiner}${sLetter}${seasonText}${sep.text}${n}`;
    } else {
      value += tail(style, numbers, sep.text);
    }
    value += episode.suffix;
    out.splice(j, 3, { kind: 'value', value });
    return out;
  }
  return out;
}

/** `{absolute:000}` for several episodes: ranges for the range styles, otherwise every number joined by "-". */
export function absoluteNumbers(
  episodes: readonly NamingEpisode[],
  style: MultiEpisodeStyle,
  format: string | null,
): string {
  const numbers = episodes
    .map((e) => e.absoluteEpisodeNumber)
    .filter((n): n is number => n !== null && n > 0)
    .map((n) => padNumber(n, format));
  if (numbers.length === 0) return '';
  if (numbers.length > 1 && (style === 'range' || style === 'prefixedRange'))
    return `${numbers[0]}-${numbers[numbers.length - 1]}`;
  return numbers.join('-');
}
