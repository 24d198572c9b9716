// NotificationMessage → Gotify message: title, message (Markdown with the media title in bold when markdown is on,
// user data escaped; plain otherwise), priority and extras: client::display contentType, click URL, big image.
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { escapeCommonMarkdown } from '../common/escape.js';
import type { GotifySettings } from './settings.js';

export interface GotifyMessage {
  title: string;
  message: string;
  priority: number;
  extras?: Record<string, unknown>;
}

function markdownMessage(msg: NotificationMessage): string {
  const escaped = escapeCommonMarkdown(msg.message);
  const title = msg.mediaTitle ? escapeCommonMarkdown(msg.mediaTitle) : '';
  const lines = [title && escaped.startsWith(title) ? `**${title}**${escaped.slice(title.length)}` : escaped];
  const release = msg.payload.release?.releaseTitle;
  if (release && release !== msg.message) lines.push(`_${escapeCommonMarkdown(release)}_`);
  return lines.join('  \n');
}

export function renderGotify(
  msg: NotificationMessage,
  s: Pick<GotifySettings, 'priority' | 'markdown' | 'includeImage'>,
): GotifyMessage {
  const extras: Record<string, unknown> = {};
  if (s.markdown) extras['client::display'] = { contentType: 'text/markdown' };
  const notification: Record<string, unknown> = {};
  if (msg.link) notification.click = { url: msg.link };
  if (msg.imageUrl && s.includeImage) notification.bigImageUrl = msg.imageUrl;
  if (Object.keys(notification).length > 0) extras['client::notification'] = notification;
  let message = msg.message;
  if (s.markdown) message = markdownMessage(msg);
  else {
    const release = msg.payload.release?.releaseTitle;
    if (release && release !== msg.message) message += `\n${release}`;
  }
  return {
    title: msg.title,
    message,
    priority: s.priority,
    ...(Object.keys(extras).length > 0 ? { extras } : {}),
  };
}
