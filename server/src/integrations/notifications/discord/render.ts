// NotificationMessage → Discord execute-webhook body: one embed whose title is the media line, description the
// release (or the message), footer the event, colour per event (spec "Discord Integration"), fields for quality,
// release group, size, indexer, download client, and the poster as thumbnail. Discord renders markdown in the
// description and field values but shows the title and footer as plain text, so only the former are escaped (an
// escaped title would show its backslashes); everything is clipped to the embed limits, and allowed_mentions is
// empty so nothing can ping anyone.
import type { NotificationEventType, NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { escapeCommonMarkdown } from '../common/escape.js';
import type { DiscordSettings } from './settings.js';

/** Spec colours; events the spec does not list fall back to its default grey. */
export const DISCORD_COLOURS: Record<NotificationEventType, number> = {
  grab: 0x0099ff,
  download: 0x00ff00,
  upgrade: 0x00ff00,
  rename: 0x808080,
  series_add: 0x00ff00,
  series_delete: 0xff0000,
  episode_file_delete: 0xff0000,
  movie_add: 0x00ff00,
  movie_delete: 0xff0000,
  movie_file_delete: 0xff0000,
  health_issue: 0xff0000,
  health_restored: 0x00ff00,
  app_update: 0xffff00,
  manual_interaction_required: 0x808080,
  manual_test: 0x808080,
};

// https://discord.com/developers/docs/resources/message#embed-object-embed-limits
const LIMIT = { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25, footer: 2048 };

export interface DiscordEmbedField {
  name: string;
  value: string;
  inline: boolean;
}

export interface DiscordEmbed {
  title: string;
  description?: string;
  color: number;
  url?: string;
  timestamp: string;
  footer: { text: string };
  thumbnail?: { url: string };
  fields?: DiscordEmbedField[];
}

export interface DiscordWebhookBody {
  username?: string;
  avatar_url?: string;
  content: null;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: never[] };
}

/** Escapes Discord markdown in user data. */
export const escapeDiscord = escapeCommonMarkdown;

/** Cuts escaped text to `max` characters without leaving a dangling escape backslash. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const trailing = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailing % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Cuts plain text (title, footer): a backslash there is a character, not an escape. */
function clipPlain(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function formatSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** The facts worth a field, in display order (plain text; escaped by the caller). */
export function detailFields(msg: NotificationMessage): { name: string; value: string }[] {
  const p = msg.payload;
  const file = p.episodeFile ?? p.movieFile;
  const out: { name: string; value: string }[] = [];
  const add = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') out.push({ name, value: String(value) });
  };
  add('Quality', msg.quality ?? p.release?.quality ?? file?.quality);
  add('Release group', p.release?.releaseGroup ?? file?.releaseGroup);
  const size = p.release?.size ?? file?.size;
  if (size !== undefined && size > 0) add('Size', formatSize(size));
  add('Indexer', p.release?.indexer);
  add('Download client', p.downloadClient);
  if (p.release?.customFormats?.length) add('Custom formats', p.release.customFormats.join(', '));
  if (p.health) add('Source', p.health.source);
  if (p.previousVersion || p.newVersion) add('Version', `${p.previousVersion ?? '?'} → ${p.newVersion ?? '?'}`);
  add('Reason', p.deleteReason);
  return out;
}

/** The release or file name the event is about, when there is one. */
function subject(msg: NotificationMessage): string | undefined {
  const p = msg.payload;
  return (
    p.release?.releaseTitle ??
    p.episodeFile?.sceneName ??
    p.movieFile?.sceneName ??
    p.episodeFile?.relativePath ??
    p.movieFile?.relativePath
  );
}

export function renderDiscord(
  msg: NotificationMessage,
  settings: Pick<DiscordSettings, 'username' | 'avatarUrl' | 'includeImage'>,
): DiscordWebhookBody {
  const release = subject(msg);
  // With a release the media line heads the embed and the event goes to the footer (what a channel scans for);
  // without one (health, updates, tests) the event is the title and the message the description.
  const headed = release !== undefined && msg.message !== '';
  const title = headed ? msg.message : msg.title;
  const description = headed ? release : msg.message;
  const embed: DiscordEmbed = {
    title: clipPlain(title, LIMIT.title),
    color: DISCORD_COLOURS[msg.type] ?? 0x808080,
    timestamp: msg.occurredAt,
    footer: { text: clipPlain(headed ? msg.title : msg.instanceName, LIMIT.footer) },
  };
  if (description) embed.description = clip(escapeDiscord(description), LIMIT.description);
  if (msg.link) embed.url = msg.link;
  if (msg.imageUrl && settings.includeImage) embed.thumbnail = { url: msg.imageUrl };
  const fields = detailFields(msg)
    .slice(0, LIMIT.fields)
    .map((f) => ({
      name: clip(f.name, LIMIT.fieldName),
      value: clip(escapeDiscord(f.value), LIMIT.fieldValue),
      inline: true,
    }));
  if (fields.length > 0) embed.fields = fields;
  // Key order follows Discord's documentation (and the recorded request).
  const body: DiscordWebhookBody = { content: null, embeds: [embed], allowed_mentions: { parse: [] } };
  return {
    ...(settings.username ? { username: settings.username } : {}),
    ...(settings.avatarUrl ? { avatar_url: settings.avatarUrl } : {}),
    ...body,
  };
}
