// NotificationMessage → Join sendPush query parameters (https://joaoapps.com/join/api/: deviceId / deviceIds /
// deviceNames, title, text, icon, url, priority). Plain text; no markup to escape.
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import type { JoinSettings } from './settings.js';

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Parameter order is stable so requests can be compared as strings. The API key is added by the client. */
export function renderJoin(msg: NotificationMessage, s: JoinSettings): Record<string, string> {
  const release =
    msg.payload.release?.releaseTitle ?? msg.payload.episodeFile?.sceneName ?? msg.payload.movieFile?.sceneName;
  const out: Record<string, string> = {};
  if (s.deviceIds.length > 0) out.deviceIds = s.deviceIds.join(',');
  if (s.deviceNames.length > 0) out.deviceNames = s.deviceNames.join(',');
  if (s.deviceIds.length === 0 && s.deviceNames.length === 0) out.deviceId = 'group.all';
  out.title = clip(msg.title, 200);
  out.text = clip(release && release !== msg.message ? `${msg.message}\n${release}` : msg.message, 1500);
  if (msg.imageUrl && s.includeImage) out.icon = msg.imageUrl;
  if (msg.link) out.url = msg.link;
  out.priority = String(s.priority);
  return out;
}
