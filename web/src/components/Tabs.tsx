// Accessible tabs (roving focus) and a simple pager, shared by Activity, Wanted and Settings pages.
import { type KeyboardEvent, type ReactNode, useId } from 'react';

/** Accessible tabs: a tablist with roving focus (arrow keys, Home, End) and one tabpanel. */
export function Tabs<T extends string>(props: {
  label: string;
  tabs: ReadonlyArray<{ id: T; label: string }>;
  current: T;
  onChange: (id: T) => void;
  children: ReactNode;
}) {
  const uid = useId();
  const index = props.tabs.findIndex((t) => t.id === props.current);
  const onKey = (e: KeyboardEvent) => {
    const n = props.tabs.length;
    const next =
      e.key === 'ArrowRight'
        ? (index + 1) % n
        : e.key === 'ArrowLeft'
          ? (index + n - 1) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    props.onChange(props.tabs[next]!.id);
    document.getElementById(`${uid}-${props.tabs[next]!.id}`)?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={props.label} onKeyDown={onKey}>
        {props.tabs.map((t) => (
          <button
            key={t.id}
            id={`${uid}-${t.id}`}
            type="button"
            role="tab"
            aria-selected={t.id === props.current}
            aria-controls={`${uid}-panel`}
            tabIndex={t.id === props.current ? 0 : -1}
            onClick={() => props.onChange(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`${uid}-panel`} role="tabpanel" aria-labelledby={`${uid}-${props.current}`}>
        {props.children}
      </div>
    </>
  );
}

export function Pager(props: { page: number; pageSize: number; total: number; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        Previous
      </button>
      <span>
        Page {props.page} of {pages}
      </span>
      <button type="button" disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)}>
        Next
      </button>
    </nav>
  );
}
