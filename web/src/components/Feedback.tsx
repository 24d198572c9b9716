import type { ReactNode } from 'react';

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
