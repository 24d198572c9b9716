import { type ReactNode, useEffect } from 'react';

/** The page's h1 (focused on navigation for screen readers) with optional toolbar content on the right. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · idkarr`;
  }, [title]);
  return (
    <header className="page-header">
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children ? <div className="toolbar">{children}</div> : null}
    </header>
  );
}
