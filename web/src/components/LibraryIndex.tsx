// The Movies and Series index: poster grid, overview list and compact table over the same server-paged, virtualised
// data. Toolbar: search (debounced), sort key + direction, filters, view switch; all labelled controls.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { get } from '../api/client';
import { keys } from '../api/query-keys';
import type { MediaImage, QualityProfile, Tag } from '../api/types';
import { PageHeader } from './PageHeader';
import { type ListParams, usePagedList, useWindow } from './usePagedList';

export type View = 'posters' | 'overview' | 'table';

export interface Column<T> {
  key: string;
  label: string;
  render: (item: T) => ReactNode;
  width?: string;
}

export interface LibraryIndexProps<T extends { id: number; title: string; images: MediaImage[] }> {
  resource: 'movie' | 'series';
  title: string;
  noun: string;
  sortKeys: Array<{ key: string; label: string }>;
  columns: Column<T>[];
  /** Extra filter selects (beyond monitored, profile, tag). */
  extraFilters?: Array<{ param: string; label: string; options: Array<{ value: string; label: string }> }>;
  subtitle: (item: T) => string;
  overview: (item: T) => string | null;
  badge?: (item: T) => { text: string; tone: 'ok' | 'warn' | 'muted' } | null;
  /** Called once when the first rows are on screen (the bench's "interactive" mark). */
  onFirstRows?: () => void;
}

const ROW_HEIGHT: Record<View, number> = { posters: 0, overview: 132, table: 36 };
const POSTER_WIDTH = 168;
const POSTER_ROW = 290;

function usePersistent<T>(key: string, initial: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as T) : initial;
    } catch {
      return initial;
    }
  });
  return [
    value,
    (v: T) => {
      setValue(v);
      try {
        localStorage.setItem(key, JSON.stringify(v));
      } catch {
        // storage full or disabled: the choice lasts for this page only
      }
    },
  ];
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

function ItemLink({ resource, id, title }: { resource: 'movie' | 'series'; id: number; title: string }) {
  return (
    <Link to={resource === 'movie' ? '/movie/$id' : '/series/$id'} params={{ id: String(id) }} className="item-link">
      {title}
    </Link>
  );
}

export function posterOf(images: MediaImage[]): string | undefined {
  return images.find((i) => i.coverType === 'poster')?.remoteUrl;
}

function Poster({ images, title, small }: { images: MediaImage[]; title: string; small?: boolean }) {
  const src = posterOf(images);
  const [failed, setFailed] = useState(false);
  return (
    <div className={small ? 'poster poster-small' : 'poster'}>
      {src && !failed ? (
        <img src={src} alt="" loading="lazy" decoding="async" onError={() => setFailed(true)} />
      ) : (
        <span aria-hidden="true">{title}</span>
      )}
    </div>
  );
}

export function LibraryIndex<T extends { id: number; title: string; images: MediaImage[] }>(
  props: LibraryIndexProps<T>,
) {
  const { resource } = props;
  const uid = useId();
  const [view, setView] = usePersistent<View>(`idkarr.${resource}.view`, 'posters');
  const [sortKey, setSortKey] = usePersistent(`idkarr.${resource}.sortKey`, 'title');
  const [sortDirection, setSortDirection] = usePersistent<'ascending' | 'descending'>(
    `idkarr.${resource}.sortDirection`,
    'ascending',
  );
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 250);

  const profiles = useQuery({
    queryKey: keys.qualityProfiles,
    queryFn: () => get<QualityProfile[]>('/qualityprofile'),
    staleTime: 300_000,
  });
  const tags = useQuery({ queryKey: keys.tags, queryFn: () => get<Tag[]>('/tag'), staleTime: 300_000 });

  const params = useMemo<ListParams>(
    () => ({ sortKey, sortDirection, ...filters, ...(term ? { search: term } : {}) }),
    [sortKey, sortDirection, filters, term],
  );
  const queryKey = resource === 'movie' ? keys.movies : keys.series;
  const { first, fetchPage, total } = usePagedList<T>(resource, queryKey, params);

  const scrollRef = useRef<HTMLElement>(null);
  const width = useWidth(scrollRef);
  const columns = view === 'posters' ? Math.max(1, Math.floor((width || 1000) / POSTER_WIDTH)) : 1;
  const rowCount = Math.ceil(total / columns);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (view === 'posters' ? POSTER_ROW : ROW_HEIGHT[view]),
    overscan: 6,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure when the layout changes
  useEffect(() => {
    virtualizer.measure();
  }, [view, columns]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query starts at the top
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [params]);

  const rows = virtualizer.getVirtualItems();
  const firstIndex = rows.length ? rows[0]!.index * columns : 0;
  const lastIndex = rows.length ? Math.min(total - 1, (rows[rows.length - 1]!.index + 1) * columns - 1) : -1;
  const itemAt = useWindow<T>(queryKey, params, fetchPage, first.data, firstIndex, lastIndex);

  const reported = useRef(false);
  useEffect(() => {
    if (!reported.current && first.data && (rows.length > 0 || total === 0)) {
      reported.current = true;
      props.onFirstRows?.();
    }
  });

  const setFilter = (param: string, value: string) => {
    const next = { ...filters };
    if (value) next[param] = value;
    else delete next[param];
    setFilters(next);
  };

  const filterSelect = (param: string, label: string, options: Array<{ value: string; label: string }>) => (
    <span className="field-inline" key={param}>
      <label htmlFor={`${uid}-${param}`}>{label}</label>
      <select id={`${uid}-${param}`} value={filters[param] ?? ''} onChange={(e) => setFilter(param, e.target.value)}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );

  const loadingRow = (key: string | number, height: number) => (
    <div key={key} className="skeleton" style={{ height }} aria-hidden="true" />
  );

  const renderRows = () => {
    if (view === 'table') {
      const top = rows[0]?.start ?? 0;
      const bottom = virtualizer.getTotalSize() - (rows[rows.length - 1]?.end ?? 0);
      return (
        <table className="library-table" aria-rowcount={total + 1} aria-labelledby="page-title">
          <thead>
            <tr aria-rowindex={1}>
              {props.columns.map((c) => (
                <th key={c.key} scope="col" style={c.width ? { width: c.width } : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {top > 0 ? <tr style={{ height: top }} className="spacer" /> : null}
            {rows.map((row) => {
              const item = itemAt(row.index);
              return (
                <tr key={row.key} aria-rowindex={row.index + 2} style={{ height: ROW_HEIGHT.table }}>
                  {item ? (
                    props.columns.map((c) => <td key={c.key}>{c.render(item)}</td>)
                  ) : (
                    <td colSpan={props.columns.length} className="muted">
                      Loading…
                    </td>
                  )}
                </tr>
              );
            })}
            {bottom > 0 ? <tr style={{ height: bottom }} className="spacer" /> : null}
          </tbody>
        </table>
      );
    }
    return (
      <ul className="virtual-space" style={{ height: virtualizer.getTotalSize() }} aria-labelledby="page-title">
        {rows.map((row) => {
          if (view === 'posters') {
            const cells: ReactNode[] = [];
            for (let c = 0; c < columns; c++) {
              const index = row.index * columns + c;
              if (index >= total) break;
              const item = itemAt(index);
              cells.push(
                item ? (
                  <div key={item.id} className="poster-card" data-testid="library-item">
                    <Poster images={item.images} title={item.title} />
                    <div className="poster-title" title={item.title}>
                      <ItemLink resource={resource} id={item.id} title={item.title} />
                    </div>
                    <div className="muted small">{props.subtitle(item)}</div>
                  </div>
                ) : (
                  loadingRow(index, POSTER_ROW - 16)
                ),
              );
            }
            return (
              <li
                key={row.key}
                className="poster-row"
                style={{ transform: `translateY(${row.start}px)`, height: POSTER_ROW }}
              >
                {cells}
              </li>
            );
          }
          const item = itemAt(row.index);
          const badge = item ? props.badge?.(item) : null;
          return (
            <li
              key={row.key}
              className="overview-row"
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT.overview }}
            >
              {item ? (
                <div className="overview-item" data-testid="library-item">
                  <Poster images={item.images} title={item.title} small />
                  <div>
                    <div className="overview-title">
                      <ItemLink resource={resource} id={item.id} title={item.title} />{' '}
                      {badge ? <span className={`pill ${badge.tone}`}>{badge.text}</span> : null}
                    </div>
                    <div className="muted small">{props.subtitle(item)}</div>
                    <p className="overview-text">{props.overview(item)}</p>
                  </div>
                </div>
              ) : (
                loadingRow(row.index, ROW_HEIGHT.overview - 8)
              )}
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <div className="library">
      <PageHeader title={props.title}>
        <label className="field-inline search">
          <span className="sr-only">Search {props.title.toLowerCase()}</span>
          <input
            type="search"
            placeholder={`Search ${props.title.toLowerCase()}`}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <span className="field-inline">
          <label htmlFor={`${uid}-sort`}>Sort</label>
          <select id={`${uid}-sort`} value={sortKey} onChange={(e) => setSortKey(e.target.value)}>
            {props.sortKeys.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={sortDirection === 'ascending' ? 'Sort descending' : 'Sort ascending'}
          title={sortDirection === 'ascending' ? 'Ascending' : 'Descending'}
          onClick={() => setSortDirection(sortDirection === 'ascending' ? 'descending' : 'ascending')}
        >
          {sortDirection === 'ascending' ? '↑' : '↓'}
        </button>
        {filterSelect('monitored', 'Monitored', [
          { value: 'true', label: 'Monitored' },
          { value: 'false', label: 'Unmonitored' },
        ])}
        {props.extraFilters?.map((f) => filterSelect(f.param, f.label, f.options))}
        {filterSelect(
          'qualityProfileId',
          'Profile',
          (profiles.data ?? []).map((p) => ({ value: String(p.id), label: p.name })),
        )}
        {filterSelect(
          'tag',
          'Tag',
          (tags.data ?? []).map((t) => ({ value: String(t.id), label: t.label })),
        )}
        <fieldset className="view-switch">
          <legend className="sr-only">View</legend>
          {(['posters', 'overview', 'table'] as const).map((v) => (
            <label key={v} className={view === v ? 'active' : ''}>
              <input type="radio" name={`${resource}-view`} checked={view === v} onChange={() => setView(v)} />
              {v === 'posters' ? 'Posters' : v === 'overview' ? 'Overview' : 'Table'}
            </label>
          ))}
        </fieldset>
      </PageHeader>
      <p className="muted small" role="status" aria-live="polite">
        {first.isPending
          ? 'Loading…'
          : first.isError
            ? `Could not load ${props.noun}s: ${first.error.message}`
            : `${total.toLocaleString()} ${props.noun}${total === 1 ? '' : 's'}`}
      </p>
      <section
        ref={scrollRef}
        className="library-scroll"
        data-testid="library-scroll"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scroll area must be reachable by keyboard
        tabIndex={0}
        aria-label={`${props.title} list`}
      >
        {total > 0 ? renderRows() : null}
      </section>
    </div>
  );
}
