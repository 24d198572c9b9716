// TMDB list entries → list items. Every entry has a TMDB id; movies carry `title`/`release_date`, series
// `name`/`first_air_date`. Entries of other media types (people on a list) are skipped.
import type { ListItem, ListMediaType } from '../../../providers/ports/import-list.port.js';
import type { TmdbListEntry } from './wire.js';

function yearOf(date: string | undefined): number | undefined {
  const y = Number.parseInt((date ?? '').slice(0, 4), 10);
  return Number.isFinite(y) && y > 1800 ? y : undefined;
}

/** `fallback` is the media type of endpoints whose entries carry none (popular charts, credits, collections). */
export function mapTmdbEntry(e: TmdbListEntry, fallback?: ListMediaType): ListItem | undefined {
  const mediaType: ListMediaType | undefined =
    e.media_type === 'movie' ? 'movie' : e.media_type === 'tv' ? 'series' : e.media_type ? undefined : fallback;
  if (!mediaType || typeof e.id !== 'number') return undefined;
  const title = (mediaType === 'movie' ? (e.title ?? e.original_title) : (e.name ?? e.original_name)) ?? `TMDB ${e.id}`;
  const item: ListItem = { mediaType, title, tmdbId: e.id };
  const year = yearOf(mediaType === 'movie' ? e.release_date : e.first_air_date);
  if (year !== undefined) item.year = year;
  return item;
}

export function mapTmdbEntries(entries: readonly TmdbListEntry[] | undefined, fallback?: ListMediaType): ListItem[] {
  return (entries ?? []).map((e) => mapTmdbEntry(e, fallback)).filter((i): i is ListItem => i !== undefined);
}
