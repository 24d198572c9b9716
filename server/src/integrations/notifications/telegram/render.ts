// NotificationMessage → Telegram text in the chosen parse mode: the event in bold, the message, the release or file
// name in italics and a link. Every piece of user data is escaped for that mode (HTML entities, legacy Markdown's
// `_*\`[`, MarkdownV2's full reserved set), and clipped before escaping so no entity is cut in half.
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { escapeHtml, escapeMarkdown, escapeMarkdownV2 } from '../common/escape.js';
import type { TelegramParseMode } from './settings.js';

/** sendMessage text and sendPhoto caption limits (characters after entity parsing; we clip the source). */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

interface Markup {
  escape(text: string): string;
  bold(text: string): string;
  italic(text: string): string;
  link(label: string, url: string): string;
}

const MARKUP: Record<TelegramParseMode, Markup> = {
  HTML: {
    escape: escapeHtml,
    bold: (t) => `<b>${escapeHtml(t)}</b>`,
    italic: (t) => `<i>${escapeHtml(t)}</i>`,
    link: (label, url) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`,
  },
  Markdown: {
    escape: escapeMarkdown,
    // Legacy Markdown cannot escape inside an entity: the bold title drops `*`, and user data (release names are
    // full of `_`) stays outside entities, escaped.
    bold: (t) => `*${t.replace(/[*]/g, '')}*`,
    italic: escapeMarkdown,
    link: (label, url) => `[${label.replace(/[\]]/g, '')}](${url.replace(/[)]/g, '%29')})`,
  },
  MarkdownV2: {
    escape: escapeMarkdownV2,
    bold: (t) => `*${escapeMarkdownV2(t)}*`,
    italic: (t) => `_${escapeMarkdownV2(t)}_`,
    // Inside (...) only `)` and `\` must be escaped.
    link: (label, url) => `[${escapeMarkdownV2(label)}](${url.replace(/([)\\])/g, '\\$1')})`,
  },
};

function clipPlain(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** The longest prefix of `text` (plus "…") whose escaped form fits `max`; escaping first could cut an entity. */
function clipEscaped(text: string, max: number, escapeFn: (t: string) => string): string {
  let n = Math.min(text.length, max);
  let out = escapeFn(clipPlain(text, n));
  while (out.length > max && n > 0) {
    n = Math.floor(n * Math.min(0.95, max / out.length));
    out = escapeFn(clipPlain(text, n));
  }
  return out.length > max ? '' : out;
}

function releaseName(msg: NotificationMessage): string | undefined {
  const p = msg.payload;
  return p.release?.releaseTitle ?? p.episodeFile?.sceneName ?? p.movieFile?.sceneName;
}

/** The message text (limit: TEXT_LIMIT for sendMessage, CAPTION_LIMIT for a photo caption). */
export function renderTelegram(msg: NotificationMessage, mode: TelegramParseMode, limit = TEXT_LIMIT): string {
  const m = MARKUP[mode];
  const head = m.bold(clipPlain(msg.title, 100));
  const extra: string[] = [];
  const release = releaseName(msg);
  if (release && release !== msg.message) extra.push(m.italic(clipPlain(release, 200)));
  if (msg.link && /^https?:\/\//i.test(msg.link) && msg.link.length <= 500) extra.push(m.link('Details', msg.link));
  // The message gets what the title and the extras leave; extras go first when space is short.
  let room = limit - head.length - extra.reduce((n, l) => n + l.length + 1, 0) - 1;
  while (room < 60 && extra.length > 0) room += (extra.pop() ?? '').length + 1;
  return [head, clipEscaped(msg.message, room, m.escape), ...extra].join('\n');
}
