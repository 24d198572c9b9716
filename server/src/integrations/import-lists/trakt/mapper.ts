// Trakt entries → list items. Seasons and episodes on a list stand for their show; people are skipped.
import type { ListItem } from '../../../providers/ports/import-list.port.js';
import type { TraktEntry, TraktMedia } from './wire.js';

function media(m: TraktMedia, mediaType: ListItem['mediaType']): ListItem | undefined {
  const title = m.title ?? m.ids?.slug ?? undefined;
  if (!title) return undefined;
  const item: ListItem = { mediaType, title };
  if (typeof m.year === 'number') item.year = m.year;
  const ids = m.ids ?? {};
  if (typeof ids.tmdb === 'number') item.tmdbId = ids.tmdb;
  if (typeof ids.imdb === 'string' && /^tt\d+$/.test(ids.imdb)) item.imdbId = ids.imdb;
  if (mediaType === 'series' && typeof ids.tvdb === 'number') item.tvdbId = ids.tvdb;
  return item;
}

/**
 * One entry of any Trakt list answer. `bare` says what a bare media object (popular charts) is; wrapped entries
 * (`{movie}`, `{show}`, `{type, season, show}`) say it themselves.
 */
export function mapEntry(entry: TraktEntry, bare?: ListItem['mediaType']): ListItem | undefined {
  if (entry.type === 'person') return undefined;
  if (entry.movie) return media(entry.movie, 'movie');
  if (entry.show) return media(entry.show, 'series');
  if (bare && entry.ids) return media(entry, bare);
  return undefined;
}

export function mapEntries(entries: readonly TraktEntry[], bare?: ListItem['mediaType']): ListItem[] {
  return entries.map((e) => mapEntry(e, bare)).filter((i): i is ListItem => i !== undefined);
}
