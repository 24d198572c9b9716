// Telegram settings: the bot token (it sits in the URL path, /bot<token>/…, so it is masked wherever URLs are
// logged), the chat (numeric id or @channel) and optional forum topic, parse mode, silent sending and the poster.
import { z } from 'zod';
import { eventFields } from '../common/event-fields.js';

export const TELEGRAM_DEFAULT_URL = 'https://api.telegram.org';
export const TELEGRAM_PARSE_MODES = ['HTML', 'Markdown', 'MarkdownV2'] as const;
export type TelegramParseMode = (typeof TELEGRAM_PARSE_MODES)[number];

export const telegramSettings = z.object({
  botToken: z
    .string()
    .trim()
    .regex(/^\d+:[A-Za-z0-9_-]+$/, 'a bot token looks like 123456789:AA…')
    .meta({ label: 'Bot token', help: 'From @BotFather', secret: true, order: 1 }),
  chatId: z
    .string()
    .trim()
    .regex(/^(-?\d+|@[A-Za-z][A-Za-z0-9_]{3,})$/, 'a numeric chat id or @channelname')
    .meta({ label: 'Chat id', help: 'Numeric id (groups start with -100) or @channelname', order: 2 }),
  topicId: z
    .number()
    .int()
    .positive()
    .optional()
    .meta({ label: 'Topic id', help: 'Forum topic (message_thread_id) in a supergroup', order: 3, advanced: true }),
  parseMode: z.enum(TELEGRAM_PARSE_MODES).default('HTML').meta({ label: 'Parse mode', order: 4, advanced: true }),
  sendSilently: z.boolean().default(false).meta({ label: 'Send silently', help: 'No sound on arrival', order: 5 }),
  includeImage: z
    .boolean()
    .default(true)
    .meta({ label: 'Include poster', help: 'Send as a photo with a caption', order: 6 }),
  baseUrl: z
    .url('must be an http(s) URL')
    .default(TELEGRAM_DEFAULT_URL)
    .meta({ label: 'API URL', help: 'A local Bot API server, if you run one', order: 7, advanced: true }),
  timeoutSeconds: z.number().min(1).max(120).default(30).meta({ label: 'Timeout (s)', order: 8, advanced: true }),
  ...eventFields(),
});

export type TelegramSettings = z.output<typeof telegramSettings>;
