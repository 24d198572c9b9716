// NotificationMessage → Slack incoming-webhook body: fallback `text`, one mrkdwn section (bold event, message), and a
// coloured attachment with the release name and fields. Slack mrkdwn has no backslash escapes; `& < >` are its only
// control characters (they make links and @channel mentions), and they are escaped in every piece of user data.
import type { NotificationEventType, NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { escapeSlack } from '../common/escape.js';
import type { SlackSettings } from './settings.js';

export const SLACK_COLOURS: Record<NotificationEventType, string> = {
  grab: '#0099ff',
  download: 'good',
  upgrade: 'good',
  rename: '#808080',
  series_add: 'good',
  series_delete: 'danger',
  episode_file_delete: 'danger',
  movie_add: 'good',
  movie_delete: 'danger',
  movie_file_delete: 'danger',
  health_issue: 'danger',
  health_restored: 'good',
  app_update: 'warning',
  manual_interaction_required: 'warning',
  manual_test: '#808080',
};

export interface SlackBody {
  text: string;
  channel?: string;
  username?: string;
  icon_emoji?: string;
  icon_url?: string;
  blocks: { type: 'section'; text: { type: 'mrkdwn'; text: string } }[];
  attachments?: {
    fallback: string;
    color: string;
    title: string;
    title_link?: string;
    thumb_url?: string;
    fields?: { title: string; value: string; short: boolean }[];
  }[];
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function formatSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

function fields(msg: NotificationMessage): { title: string; value: string; short: boolean }[] {
  const p = msg.payload;
  const file = p.episodeFile ?? p.movieFile;
  const out: { title: string; value: string; short: boolean }[] = [];
  const add = (title: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '')
      out.push({ title, value: escapeSlack(clip(String(value), 500)), short: true });
  };
  add('Quality', msg.quality ?? p.release?.quality ?? file?.quality);
  add('Release group', p.release?.releaseGroup);
  const size = p.release?.size;
  if (size !== undefined && size > 0) add('Size', formatSize(size));
  add('Indexer', p.release?.indexer);
  add('Download client', p.downloadClient);
  if (p.health) add('Source', p.health.source);
  if (p.previousVersion || p.newVersion) add('Version', `${p.previousVersion ?? '?'} → ${p.newVersion ?? '?'}`);
  return out;
}

export function renderSlack(
  msg: NotificationMessage,
  settings: Pick<SlackSettings, 'channel' | 'username' | 'icon'>,
): SlackBody {
  const p = msg.payload;
  const release = p.release?.releaseTitle ?? p.episodeFile?.sceneName ?? p.movieFile?.sceneName;
  const body: SlackBody = {
    text: escapeSlack(clip(`${msg.title}: ${msg.message}`, 3000)),
    ...(settings.channel ? { channel: settings.channel } : {}),
    ...(settings.username ? { username: settings.username } : {}),
    ...(settings.icon.startsWith(':')
      ? { icon_emoji: settings.icon }
      : settings.icon
        ? { icon_url: settings.icon }
        : {}),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${escapeSlack(clip(msg.title, 150))}*\n${escapeSlack(clip(msg.message, 2800))}`,
        },
      },
    ],
  };
  const f = fields(msg);
  if (release || f.length > 0 || msg.imageUrl) {
    const title = escapeSlack(clip(release ?? msg.message, 300));
    body.attachments = [
      {
        fallback: title,
        color: SLACK_COLOURS[msg.type] ?? '#808080',
        title,
        ...(msg.link ? { title_link: msg.link } : {}),
        ...(msg.imageUrl ? { thumb_url: msg.imageUrl } : {}),
        ...(f.length > 0 ? { fields: f } : {}),
      },
    ];
  }
  return body;
}
