// NotificationMessage → Apprise API notify body: title, body in the chosen format (user data escaped for Markdown or
// HTML), type from the event (info/success/warning/failure) and tags.
import type { NotificationEventType, NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { escapeCommonMarkdown, escapeHtml } from '../common/escape.js';
import type { AppriseSettings } from './settings.js';

export type AppriseType = 'info' | 'success' | 'warning' | 'failure';

export const APPRISE_TYPES: Record<NotificationEventType, AppriseType> = {
  grab: 'info',
  download: 'success',
  upgrade: 'success',
  rename: 'info',
  series_add: 'info',
  series_delete: 'warning',
  episode_file_delete: 'warning',
  movie_add: 'info',
  movie_delete: 'warning',
  movie_file_delete: 'warning',
  health_issue: 'failure',
  health_restored: 'success',
  app_update: 'info',
  manual_interaction_required: 'warning',
  manual_test: 'info',
};

export interface AppriseBody {
  urls?: string;
  title: string;
  body: string;
  type: AppriseType;
  format: AppriseSettings['format'];
  tag?: string;
}

export function renderApprise(
  msg: NotificationMessage,
  s: Pick<AppriseSettings, 'format' | 'tags' | 'statelessUrls'>,
): AppriseBody {
  const release =
    msg.payload.release?.releaseTitle ?? msg.payload.episodeFile?.sceneName ?? msg.payload.movieFile?.sceneName;
  const extra = release && release !== msg.message ? release : undefined;
  let body: string;
  if (s.format === 'html') {
    body = escapeHtml(msg.message);
    if (extra) body += `<br><i>${escapeHtml(extra)}</i>`;
    if (msg.link) body += `<br><a href="${escapeHtml(msg.link)}">Details</a>`;
  } else if (s.format === 'markdown') {
    body = escapeCommonMarkdown(msg.message);
    if (extra) body += `  \n_${escapeCommonMarkdown(extra)}_`;
    if (msg.link) body += `  \n[Details](<${msg.link.replace(/[<>]/g, encodeURIComponent)}>)`;
  } else {
    body = [msg.message, extra, msg.link].filter(Boolean).join('\n');
  }
  return {
    ...(s.statelessUrls ? { urls: s.statelessUrls } : {}),
    title: msg.title,
    body,
    type: APPRISE_TYPES[msg.type] ?? 'info',
    format: s.format,
    // Apprise: a comma ORs tags (a space would AND them).
    ...(s.tags.length > 0 && !s.statelessUrls ? { tag: s.tags.join(',') } : {}),
  };
}
