import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

/** Loading / error / content for one query. */
export function QueryView<T>(props: {
  query: { isPending: boolean; error: unknown; data: T | undefined };
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (props.query.isPending) return <Loading what={props.what} />;
  if (props.query.data === undefined) return <ErrorNote error={props.query.error} />;
  return <>{props.children(props.query.data)}</>;
}

/** An API error with its problem details: status, title, detail and field findings. */
export function ProblemNote({ error }: { error: unknown }) {
  if (!error) return null;
  if (!(error instanceof ApiError)) return <ErrorNote error={error} />;
  const p = error.problem;
  return (
    <div className="error" role="alert">
      <strong>
        {p.status} {p.title ?? 'Request failed'}
      </strong>
      {p.detail && p.detail !== p.title ? <span>: {p.detail}</span> : null}
      {error.findings.length > 0 ? (
        <ul>
          {error.findings.map((f) => (
            <li key={`${f.field}:${f.message}`}>
              <code>{f.field}</code> {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
