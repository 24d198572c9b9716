import { Link } from '@tanstack/react-router';
import { PageHeader } from '../components/PageHeader';

export function Placeholder({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <p className="muted">This page is not built yet.</p>
    </>
  );
}

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Not found" />
      <p>
        Nothing lives at this address. <Link to="/movies">Go to Movies</Link>.
      </p>
    </>
  );
}
