// Settings fields every media server shares: where the server is (host/port/SSL/URL base, or a full URL in the
// host field), the token, path mappings for a server that sees the library under other folders, and the switches
// that say when idkarr asks it to rescan (spec: PlexConfig.updateLibrary; Sonarr's OnDownload/OnUpgrade/...).
import { z } from 'zod';
import { pathMappingField } from './path-mapping.js';

export const connectionFields = (defaultPort: number) => ({
  host: z.string().trim().min(1, 'a host is required').default('localhost').meta({
    label: 'Host',
    help: 'Host name or IP address; a full URL (https://plex.example.org/base) also works and then wins over port, SSL and URL base',
    order: 1,
  }),
  port: z.number().int().min(1).max(65535).default(defaultPort).meta({ label: 'Port', order: 2 }),
  useSsl: z.boolean().default(false).meta({ label: 'Use SSL', order: 3 }),
  urlBase: z
    .string()
    .trim()
    .default('')
    .meta({ label: 'URL base', help: 'Path prefix behind a reverse proxy, e.g. /plex', order: 4, advanced: true }),
});

export const tokenField = (label: string, help: string) => ({
  token: z.string().trim().min(1, 'a token is required').meta({ label, help, order: 5, secret: true }),
});

export const updateFields = () => ({
  updateLibrary: z
    .boolean()
    .default(true)
    .meta({ label: 'Update library', help: 'Ask the server to rescan the folders idkarr changes', order: 10 }),
  onImport: z.boolean().default(true).meta({ label: 'On import', order: 11 }),
  onUpgrade: z.boolean().default(true).meta({ label: 'On upgrade', order: 12 }),
  onRename: z.boolean().default(true).meta({ label: 'On rename', order: 13 }),
  onDelete: z.boolean().default(true).meta({ label: 'On delete', order: 14 }),
  pathMappings: pathMappingField(20),
  timeoutSeconds: z
    .number()
    .min(1)
    .max(300)
    .default(30)
    .meta({ label: 'Request timeout (seconds)', order: 30, advanced: true }),
});

export type MediaChangeReason = 'import' | 'upgrade' | 'rename' | 'delete';

const SWITCH: Record<MediaChangeReason, 'onImport' | 'onUpgrade' | 'onRename' | 'onDelete'> = {
  import: 'onImport',
  upgrade: 'onUpgrade',
  rename: 'onRename',
  delete: 'onDelete',
};

/**
 * Whether stored settings ask for a rescan on this kind of change. Reads the raw stored settings (so the notifier
 * decides without building an instance); a missing switch counts as on, like the schema's default.
 */
export function wantsRescan(settings: Record<string, unknown>, reason: MediaChangeReason): boolean {
  if (settings.updateLibrary === false) return false;
  return settings[SWITCH[reason]] !== false;
}

export interface ConnectionSettings {
  host: string;
  port: number;
  useSsl: boolean;
  urlBase: string;
}

/** `http(s)://host:port/base` without a trailing slash; a host that is already a URL is used as it is. */
export function serverUrl(s: ConnectionSettings): string {
  if (/^https?:\/\//i.test(s.host)) return s.host.replace(/\/+$/, '');
  const base = s.urlBase ? `/${s.urlBase.replace(/^\/+|\/+$/g, '')}` : '';
  const host = s.host.includes(':') && !s.host.startsWith('[') ? `[${s.host}]` : s.host; // bare IPv6
  return `${s.useSsl ? 'https' : 'http'}://${host}:${s.port}${base}`;
}
