// Adapter plumbing every download client repeated: capability tables, the category/priority a request gets from
// the shared settings fields, timed health checks, "completed → output path" and test()'s findings for a failed
// first call. Only what is the same in substance lives here; client quirks stay in the clients.
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, NotFoundError, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type {
  AddDownloadRequest,
  DownloadClientCapabilities,
  DownloadItem,
  DownloadPriority,
  DownloadStatus,
} from '../../../providers/ports/download-client.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';

/** Adapters that log a degraded add (label or priority not applied) need warn on top of the HTTP logger. */
export interface WarnLogger extends HttpLogger {
  warn(obj: object, msg?: string): void;
}

/** What a full-featured torrent client offers; each client switches off what it lacks (key order = published order). */
export function torrentCapabilities(overrides: Partial<DownloadClientCapabilities> = {}): DownloadClientCapabilities {
  return {
    supportsCategories: true,
    supportsLabels: false,
    supportsPriorities: true,
    supportsMagnetLinks: true,
    supportsTorrentFiles: true,
    supportsNzb: false,
    supportsRemoveAndDelete: true,
    supportsSeedLimits: true,
    ...overrides,
  };
}

/** NZBGet and SABnzbd: categories and priorities, NZBs only, no seeding. */
export const USENET_CAPABILITIES: DownloadClientCapabilities = {
  supportsCategories: true,
  supportsLabels: false,
  supportsPriorities: true,
  supportsMagnetLinks: false,
  supportsTorrentFiles: false,
  supportsNzb: true,
  supportsRemoveAndDelete: true,
  supportsSeedLimits: false,
};

/** The names of the capabilities that are on, as an integration definition lists them. */
export function capabilityNames(capabilities: DownloadClientCapabilities): string[] {
  return Object.entries(capabilities)
    .filter(([, on]) => on)
    .map(([name]) => name);
}

export const CATEGORY_FIELDS = ['movieCategory', 'tvCategory', 'animeCategory'] as const;
export type CategorySettings = Record<(typeof CATEGORY_FIELDS)[number], string>;

/** The non-empty categories of a definition (plus extras such as a post-import category). */
export function ownCategories(settings: CategorySettings, ...extra: string[]): Set<string> {
  return new Set([...CATEGORY_FIELDS.map((f) => settings[f]), ...extra].filter((c) => c !== ''));
}

/**
 * For clients where '' is a real category (the usenet default): the categories a definition owns, '' included,
 * or null when all are empty, meaning "everything is ours".
 */
export function ownCategoriesOrAll(settings: CategorySettings): Set<string> | null {
  const names = CATEGORY_FIELDS.map((f) => settings[f]);
  return names.every((n) => n === '') ? null : new Set(names);
}

/** An explicit request priority wins; otherwise the recent/older setting. */
export function requestedPriority(
  request: AddDownloadRequest,
  settings: { recentPriority: DownloadPriority; olderPriority: DownloadPriority },
): DownloadPriority {
  return request.priority ?? (request.isRecent ? settings.recentPriority : settings.olderPriority);
}

/** Times one cheap call to the client. */
export async function timedHealthCheck(clock: Clock, probe: () => Promise<unknown>): Promise<HealthCheckResult> {
  const started = clock.now();
  await probe();
  return { latencyMs: clock.now() - started };
}

/** Torrents count as done while seeding; usenet clients pass ["completed"] only. */
export const COMPLETED_OR_SEEDING: readonly DownloadStatus[] = ['completed', 'seeding'];

/** The output path of a finished item, null while it is missing or not finished. */
export function finishedOutputPath(item: DownloadItem | null, done: readonly DownloadStatus[]): string | null {
  return item && done.includes(item.status) ? item.outputPath : null;
}

/**
 * The taxonomy errors of test()'s first call → findings on the field the user has to fix. `path` is the field
 * naming the endpoint's path (URL base, or rTorrent's XML-RPC path). Anything else is rethrown.
 */
export function connectionFindings(
  err: unknown,
  path: { field: string; hint: string } = { field: 'settings.urlBase', hint: 'check the URL base' },
): Finding[] {
  if (err instanceof AuthError) return [{ field: 'settings.password', message: err.message, severity: 'error' }];
  if (err instanceof UnreachableError || err instanceof TimeoutError)
    return [{ field: 'settings.host', message: err.message, severity: 'error' }];
  if (err instanceof NotFoundError)
    return [{ field: path.field, message: `${err.message} (${path.hint})`, severity: 'error' }];
  throw err;
}

/** One error finding per configured category the client does not have (usenet clients cannot create them). */
export function missingCategoryFindings(
  settings: CategorySettings,
  has: (name: string) => boolean,
  message: (name: string) => string,
): Finding[] {
  const findings: Finding[] = [];
  for (const field of CATEGORY_FIELDS) {
    const name = settings[field];
    if (name && !has(name)) findings.push({ field: `settings.${field}`, message: message(name), severity: 'error' });
  }
  return findings;
}
