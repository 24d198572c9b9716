// NotificationMessage → Pushover form fields. Plain text (no html=1), so no markup can break; lengths are clipped
// to Pushover's limits (title 250, message 1024, url 512, url_title 100).
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import type { PushoverSettings } from './settings.js';

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function renderPushover(msg: NotificationMessage, s: PushoverSettings): URLSearchParams {
  const p = msg.payload;
  const release = p.release?.releaseTitle ?? p.episodeFile?.sceneName ?? p.movieFile?.sceneName;
  const lines = [msg.message];
  if (release && release !== msg.message) lines.push(release);
  if (msg.quality && !msg.message.includes(msg.quality)) lines.push(`Quality: ${msg.quality}`);
  const form = new URLSearchParams({
    token: s.apiToken,
    user: s.userKey,
    title: clip(msg.title, 250),
    message: clip(lines.join('\n'), 1024),
    priority: String(s.priority),
  });
  if (s.priority === 2) {
    form.set('retry', String(s.retry));
    form.set('expire', String(s.expire));
  }
  if (s.sound) form.set('sound', s.sound);
  if (s.devices.length > 0) form.set('device', s.devices.join(','));
  if (msg.link && msg.link.length <= 512) {
    form.set('url', msg.link);
    form.set('url_title', 'Details');
  }
  form.set('timestamp', String(Math.floor(Date.parse(msg.occurredAt) / 1000)));
  return form;
}
