// NotificationMessage → ntfy JSON publish body (POST {server}/ with the topic inside). Plain text: ntfy renders
// Markdown only when asked, so titles need no escaping.
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import type { NtfySettings } from './settings.js';

export interface NtfyPublish {
  topic: string;
  title: string;
  message: string;
  tags?: string[];
  priority: number;
  click?: string;
  attach?: string;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function renderNtfy(
  msg: NotificationMessage,
  s: Pick<NtfySettings, 'topic' | 'priority' | 'tags' | 'includeImage'>,
): NtfyPublish {
  const release =
    msg.payload.release?.releaseTitle ?? msg.payload.episodeFile?.sceneName ?? msg.payload.movieFile?.sceneName;
  const message = release && release !== msg.message ? `${msg.message}\n${release}` : msg.message;
  return {
    topic: s.topic,
    title: clip(msg.title, 250),
    message: clip(message, 4000),
    ...(s.tags.length > 0 ? { tags: s.tags } : {}),
    priority: s.priority,
    ...(msg.link ? { click: msg.link } : {}),
    ...(msg.imageUrl && s.includeImage ? { attach: msg.imageUrl } : {}),
  };
}
