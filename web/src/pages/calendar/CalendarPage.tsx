// Calendar: movie releases and episode air dates from GET /calendar as a month grid, a week, or an agenda list,
// with previous/next/today navigation and the iCal subscription link (authenticated by the API key).
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { get, qs } from '../../api/client';
import { keys } from '../../api/query-keys';
import { QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';

interface CalendarMovie {
  id: number;
  title: string;
  year: number;
  hasFile: boolean;
  releaseType: 'inCinemas' | 'digitalRelease' | 'physicalRelease';
  releaseDate: string;
}
interface CalendarEpisode {
  id: number;
  seriesId: number;
  seasonNumber: number;
  episodeNumber: number;
  title: string | null;
  airDate: string | null;
  airDateUtc: string | null;
  hasFile: boolean;
  series: { id: number; title: string };
}
interface CalendarData {
  start: string;
  end: string;
  movies: CalendarMovie[];
  episodes: CalendarEpisode[];
}
interface Entry {
  key: string;
  day: string;
  time: string | null;
  label: string;
  kind: 'movie' | 'episode';
  hasFile: boolean;
  to: '/movie/$id' | '/series/$id';
  id: number;
}

type Mode = 'month' | 'week' | 'agenda';
const RELEASE: Record<CalendarMovie['releaseType'], string> = {
  inCinemas: 'in cinemas',
  digitalRelease: 'digital',
  physicalRelease: 'physical',
};
const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

function range(mode: Mode, anchor: Date): { start: Date; end: Date } {
  if (mode === 'week') {
    const start = addDays(anchor, -((anchor.getDay() + 6) % 7));
    return { start, end: addDays(start, 7) };
  }
  if (mode === 'agenda') return { start: anchor, end: addDays(anchor, 28) };
  const first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
  const start = addDays(first, -((first.getDay() + 6) % 7));
  const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 1);
  const end = addDays(last, (7 - ((last.getDay() + 6) % 7)) % 7);
  return { start, end };
}

function entriesOf(data: CalendarData): Entry[] {
  const out: Entry[] = [];
  for (const m of data.movies)
    out.push({
      key: `m${m.id}${m.releaseType}`,
      day: m.releaseDate.slice(0, 10),
      time: null,
      label: `${m.title} (${RELEASE[m.releaseType]})`,
      kind: 'movie',
      hasFile: m.hasFile,
      to: '/movie/$id',
      id: m.id,
    });
  for (const e of data.episodes) {
    const at = e.airDateUtc ? new Date(e.airDateUtc) : null;
    out.push({
      key: `e${e.id}`,
      day: at ? dayKey(at) : (e.airDate ?? ''),
      time: at ? at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : null,
      label: `${e.series.title} ${e.seasonNumber}x${pad(e.episodeNumber)}${e.title ? ` ${e.title}` : ''}`,
      kind: 'episode',
      hasFile: e.hasFile,
      to: '/series/$id',
      id: e.seriesId,
    });
  }
  return out.sort((a, b) => (a.day + (a.time ?? '')).localeCompare(b.day + (b.time ?? '')));
}

function EntryLink({ e }: { e: Entry }) {
  return (
    <Link
      to={e.to}
      params={{ id: String(e.id) }}
      className={`calendar-event ${e.kind}${e.hasFile ? ' has-file' : ''}`}
      title={e.label}
    >
      {e.time ? `${e.time} ` : ''}
      {e.label}
    </Link>
  );
}

export function CalendarPage() {
  const uid = useId();
  const [mode, setMode] = useState<Mode>(() => (localStorage.getItem('idkarr.calendar.mode') as Mode) || 'month');
  const [anchor, setAnchor] = useState(() => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate());
  });
  const [unmonitored, setUnmonitored] = useState(false);
  const { start, end } = range(mode, anchor);
  const cal = useQuery({
    queryKey: [...keys.calendar, dayKey(start), dayKey(end), unmonitored],
    queryFn: () =>
      get<CalendarData>(`/calendar${qs({ start: dayKey(start), end: dayKey(addDays(end, -1)), unmonitored })}`),
  });
  const apiKey = useQuery({
    queryKey: keys.apiKey,
    queryFn: () => get<{ apiKey: string }>('/auth/apikey'),
    staleTime: 300_000,
  });
  const ical = apiKey.data
    ? `${window.location.origin}/feed/v1/calendar/idkarr.ics?apikey=${encodeURIComponent(apiKey.data.apiKey)}`
    : '';
  const step = (dir: number) => {
    if (mode === 'month') setAnchor(new Date(anchor.getFullYear(), anchor.getMonth() + dir, 1));
    else setAnchor(addDays(anchor, dir * (mode === 'week' ? 7 : 28)));
  };
  const chooseMode = (m: Mode) => {
    setMode(m);
    localStorage.setItem('idkarr.calendar.mode', m);
  };
  const heading =
    mode === 'month'
      ? anchor.toLocaleDateString([], { month: 'long', year: 'numeric' })
      : `${start.toLocaleDateString()} – ${addDays(end, -1).toLocaleDateString()}`;
  const today = dayKey(new Date());

  return (
    <>
      <PageHeader title="Calendar">
        <button type="button" onClick={() => step(-1)} aria-label="Previous">
          ‹
        </button>
        <button
          type="button"
          onClick={() => {
            const d = new Date();
            setAnchor(new Date(d.getFullYear(), d.getMonth(), d.getDate()));
          }}
        >
          Today
        </button>
        <button type="button" onClick={() => step(1)} aria-label="Next">
          ›
        </button>
        <fieldset className="view-switch">
          <legend className="sr-only">View</legend>
          {(['month', 'week', 'agenda'] as const).map((m) => (
            <label key={m} className={mode === m ? 'active' : ''}>
              <input type="radio" name={`${uid}-mode`} checked={mode === m} onChange={() => chooseMode(m)} />
              {m[0]!.toUpperCase() + m.slice(1)}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={unmonitored} onChange={(e) => setUnmonitored(e.target.checked)} /> Show
          unmonitored
        </label>
      </PageHeader>
      <h2 aria-live="polite">{heading}</h2>
      <QueryView query={cal} what="the calendar">
        {(data) => {
          const entries = entriesOf(data);
          const byDay = new Map<string, Entry[]>();
          for (const e of entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
          if (mode === 'agenda')
            return entries.length === 0 ? (
              <p className="muted">Nothing in the next four weeks.</p>
            ) : (
              <table className="data-table" aria-label="Agenda">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Time</th>
                    <th scope="col">Item</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={e.key}>
                      <td className="nowrap">{new Date(`${e.day}T00:00`).toLocaleDateString()}</td>
                      <td>{e.time ?? '—'}</td>
                      <td>
                        <EntryLink e={e} />
                      </td>
                      <td>{e.hasFile ? 'Downloaded' : 'Missing'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          const days: Date[] = [];
          for (let d = start; d < end; d = addDays(d, 1)) days.push(d);
          return (
            <ul className="calendar-grid" aria-label={`${mode === 'month' ? 'Month' : 'Week'} of ${heading}`}>
              {days.map((d) => {
                const key = dayKey(d);
                const list = byDay.get(key) ?? [];
                const other = mode === 'month' && d.getMonth() !== anchor.getMonth();
                return (
                  <li
                    key={key}
                    className={`calendar-day${other ? ' other-month' : ''}${key === today ? ' today' : ''}`}
                    aria-label={d.toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long' })}
                  >
                    <h3>{d.toLocaleDateString([], { weekday: 'short', day: 'numeric' })}</h3>
                    <ul>
                      {list.map((e) => (
                        <li key={e.key}>
                          <EntryLink e={e} />
                        </li>
                      ))}
                    </ul>
                  </li>
                );
              })}
            </ul>
          );
        }}
      </QueryView>
      <section className="section" aria-labelledby={`${uid}-ical`}>
        <h2 id={`${uid}-ical`}>iCal feed</h2>
        <p className="muted small">Subscribe in a calendar app; the link carries the API key.</p>
        <label className="field-inline">
          <span>iCal link</span>
          <input type="text" readOnly value={ical} size={70} onFocus={(e) => e.currentTarget.select()} />
        </label>{' '}
        {ical ? (
          <a href={ical} download="idkarr.ics">
            Download
          </a>
        ) : null}
      </section>
    </>
  );
}
