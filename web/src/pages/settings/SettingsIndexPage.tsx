import { Link } from '@tanstack/react-router';
import { PageHeader } from '../../components/PageHeader';

const SECTIONS = [
  { to: '/settings/general', label: 'General', text: 'Host, API key, password, backups, logging' },
  { to: '/settings/mediamanagement', label: 'Media Management', text: 'Naming formats with preview, file handling' },
  { to: '/settings/profiles', label: 'Profiles', text: 'Quality profiles and quality definitions' },
  { to: '/settings/customformats', label: 'Custom Formats', text: 'Release matching rules; JSON import and export' },
  { to: '/settings/indexers', label: 'Indexers', text: 'Newznab, Torznab and other release sources' },
  { to: '/settings/downloadclients', label: 'Download Clients', text: 'Torrent and Usenet clients' },
  { to: '/settings/connect', label: 'Connect', text: 'Notifications' },
  { to: '/settings/mediaservers', label: 'Media Servers', text: 'Plex, Jellyfin, Emby' },
  { to: '/settings/metadata', label: 'Metadata', text: 'TMDB and TVDB sources' },
  { to: '/settings/importlists', label: 'Import Lists', text: 'Lists that add movies and series' },
  { to: '/settings/importlistexclusions', label: 'Import List Exclusions', text: 'Items lists never add' },
  { to: '/settings/remotepathmappings', label: 'Remote Path Mappings', text: 'Download client paths as seen locally' },
  { to: '/settings/tags', label: 'Tags', text: 'Tags and where they are used' },
];

export function SettingsIndexPage() {
  return (
    <>
      <PageHeader title="Settings" />
      <ul className="cards">
        {SECTIONS.map((s) => (
          <li key={s.to} className="card">
            <Link to={s.to} className="card-title">
              {s.label}
            </Link>
            <div className="muted small">{s.text}</div>
          </li>
        ))}
      </ul>
    </>
  );
}
