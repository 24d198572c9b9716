// Escaping for the markup dialects notification services render, so a title like "Tom & Jerry <3 *Uncut* [2024]"
// neither breaks the message nor injects formatting. Escape user data (titles, release names, messages), never the
// template around it.

/** HTML text and attribute values (Telegram parse_mode=HTML, email HTML bodies, Pushover html=1). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Telegram's legacy Markdown (parse_mode=Markdown): only `_ * \` [` are special and are escaped with a
 * backslash; any other backslash would be shown literally, so nothing else is touched.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([_*`[])/g, '\\$1');
}

/**
 * Telegram MarkdownV2: every one of `_ * [ ] ( ) ~ \` > # + - = | { } . !` and the backslash itself must be
 * escaped outside entities (https://core.telegram.org/bots/api#markdownv2-style).
 */
export function escapeMarkdownV2(text: string): string {
  return text.replace(/([_*[\]()~`>#+\-=|{}.!\\])/g, '\\$1');
}

/**
 * CommonMark-ish chat markdown (Discord, Gotify/ntfy markdown, Apprise markdown): backslash-escapes the
 * characters that start emphasis, code, links, quotes, headings, lists, strikethrough and spoilers.
 */
export function escapeCommonMarkdown(text: string): string {
  return text.replace(/([\\`*_~|[\]()<>#])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
}

/** Slack mrkdwn: only `& < >` are control characters (https://api.slack.com/reference/surfaces/formatting). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
