// Settings → Media management: naming formats for series and movies with a live preview
// (GET /config/naming/example with the edited values, debounced), saved with PUT /config/naming; plus the
// media-management options (hardlinks, extras, recycle bin, free space) from /config/mediamanagement; root folders
// with their hardlink preflight, and download handling (DownloadHandlingSettings.tsx).
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import { keys } from '../../api/query-keys';
import { QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { DownloadHandlingSection } from './DownloadHandlingSettings';
import { type MediaManagement, MediaManagementForm } from './media/MediaManagementForm';
import { type Naming, NamingForm } from './media/NamingForm';
import { RootFolders } from './media/RootFolders';

export function NamingSettingsPage() {
  const naming = useQuery({ queryKey: keys.naming, queryFn: () => get<Naming>('/config/naming') });
  const mm = useQuery({
    queryKey: [...keys.naming, 'mediamanagement'],
    queryFn: () => get<MediaManagement>('/config/mediamanagement'),
  });
  return (
    <>
      <PageHeader title="Media Management" />
      <RootFolders />
      <QueryView query={naming} what="naming">
        {(n) => <NamingForm saved={n} />}
      </QueryView>
      <QueryView query={mm} what="media management">
        {(m) => <MediaManagementForm saved={m} />}
      </QueryView>
      <DownloadHandlingSection />
    </>
  );
}
