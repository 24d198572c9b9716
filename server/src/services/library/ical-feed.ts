// Calendar entries → iCalendar events for `/feed/v1/calendar/idkarr.ics`. Episodes are timed events in UTC
// (DTEND from the episode's runtime, else the series'); movie releases are all-day events. UIDs depend only on
// the item (and release type), so a calendar client updates events in place instead of duplicating them.
import type { Episode, Series } from '../../domain/library/series.types.js';
import type { CalendarEpisodeEntry, CalendarMovieEntry, CalendarResult, MovieReleaseType } from './calendar.service.js';
import { addDays } from './calendar-range.js';
import { type ICalEvent, renderICalendar } from './ical.js';

const RELEASE_LABELS: Record<MovieReleaseType, string> = {
  inCinemas: 'In Cinemas',
  digitalRelease: 'Digital Release',
  physicalRelease: 'Physical Release',
};

const two = (n: number) => String(n).padStart(2, '0');

/** `Series - S01E02 - Title`; daily series by air date (`Series - 2024-01-05 - Title`); no title, no tail. */
export function episodeSummary(series: Pick<Series, 'title' | 'seriesType'>, episode: Episode): string {
  const number =
    series.seriesType === 'daily' && episode.airDate
      ? episode.airDate
      : `S${two(episode.seasonNumber)}E${two(episode.episodeNumber)}`;
  const title = episode.title?.trim();
  return title ? `${series.title} - ${number} - ${title}` : `${series.title} - ${number}`;
}

/** `Movie (Year) - In Cinemas`; a movie without a known year has no `(0)`. */
export function movieSummary(entry: CalendarMovieEntry): string {
  const { movie } = entry;
  const name = movie.year > 0 ? `${movie.title} (${movie.year})` : movie.title;
  return `${name} - ${RELEASE_LABELS[entry.releaseType]}`;
}

export function episodeEvent({ episode, series }: CalendarEpisodeEntry): ICalEvent | undefined {
  if (!episode.airDateUtc) return undefined;
  const start = new Date(episode.airDateUtc);
  if (Number.isNaN(start.getTime())) return undefined;
  const runtime = episode.runtime > 0 ? episode.runtime : series.runtime;
  return {
    uid: `idkarr-episode-${episode.id}@idkarr`,
    summary: episodeSummary(series, episode),
    start: { kind: 'instant', at: start },
    ...(runtime > 0 ? { end: { kind: 'instant', at: new Date(start.getTime() + runtime * 60_000) } } : {}),
    description: episode.overview,
    location: series.network,
    categories: ['Episode'],
    status: 'CONFIRMED',
  };
}

export function movieEvent(entry: CalendarMovieEntry): ICalEvent {
  const next = addDays(new Date(`${entry.releaseDate}T00:00:00Z`), 1)
    .toISOString()
    .slice(0, 10);
  return {
    uid: `idkarr-movie-${entry.movie.id}-${entry.releaseType}@idkarr`,
    summary: movieSummary(entry),
    start: { kind: 'day', day: entry.releaseDate },
    end: { kind: 'day', day: next },
    description: entry.movie.overview,
    location: entry.movie.studio,
    categories: ['Movie'],
    status: 'CONFIRMED',
  };
}

export function calendarFeed(result: CalendarResult, opts: { version: string; stamp: Date }): string {
  const events: ICalEvent[] = [];
  for (const e of result.episodes) {
    const event = episodeEvent(e);
    if (event) events.push(event);
  }
  for (const m of result.movies) events.push(movieEvent(m));
  return renderICalendar({
    prodId: `-//idkarr//idkarr ${opts.version}//EN`,
    name: 'idkarr',
    stamp: opts.stamp,
    events,
  });
}
