// Telegram against a local fake Bot API: exact sendMessage/sendPhoto requests (path carries the token), the recorded
// error answers mapped onto the taxonomy, escaping tables for HTML, Markdown and MarkdownV2, test() findings on the
// right field, and the bot token kept out of logs, errors and findings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, ProtocolError, RateLimitedError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { TelegramChatError, TelegramForbiddenError } from './api.js';
import { telegramIntegration } from './index.js';
import { CAPTION_LIMIT, renderTelegram } from './render.js';
import { telegramSettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/telegram/', import.meta.url));
const fixtureJson = (name: string) => JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8'));
const TOKEN = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const BOT = `/bot${TOKEN}`;
const logLines: string[] = [];
const log = { debug: (obj: object, msg?: string) => void logLines.push(`${msg} ${JSON.stringify(obj)}`) };
const ctx = {
  clock: systemClock,
  definitionId: 5,
  definitionName: 'Telegram',
  kind: 'notification',
  log,
} as unknown as IntegrationContext;

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterEach(() => {
  fake.reset();
  logLines.length = 0;
});
afterAll(() => fake.close());

function telegram(overrides: Record<string, unknown> = {}) {
  return telegramIntegration.create(
    telegramSettings.parse({ baseUrl: fake.url, botToken: TOKEN, chatId: '-1001234567890', ...overrides }) as never,
    ctx,
  );
}

function msg(overrides: Partial<NotificationMessage> = {}): NotificationMessage {
  return {
    type: 'download',
    title: 'Imported',
    message: 'Severance - 2x03 - Who Is Alive?',
    payload: {},
    occurredAt: '2025-01-31T04:15:02.000Z',
    instanceName: 'idkarr',
    applicationUrl: '',
    ...overrides,
  };
}

describe('Telegram requests', () => {
  it('an import sends the recorded sendMessage request to /bot<token>/sendMessage', async () => {
    fake.fixture('POST', `${BOT}/sendMessage`, 'sendMessage-response.json');
    await telegram().send(msg());
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe(`${BOT}/sendMessage`);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.json()).toEqual(fixtureJson('sendMessage-request.json'));
  });

  it('a poster goes out as sendPhoto with the caption, silently, to a topic and an @channel', async () => {
    fake.fixture('POST', `${BOT}/sendPhoto`, 'sendMessage-response.json');
    await telegram({ chatId: '@media_news', topicId: 42, sendSilently: true }).send(
      msg({
        type: 'grab',
        title: 'Grabbed',
        imageUrl: 'https://image.tmdb.org/t/p/original/poster.jpg',
        link: 'https://www.thetvdb.com/?tab=series&id=371980',
        payload: {
          release: {
            quality: 'WEBDL-1080p',
            qualityVersion: 1,
            releaseTitle: 'Severance.S02E03.1080p.WEB.H264-SuccessfulCrab',
            indexer: 'Nyaa',
            size: 1,
          },
        },
      }),
    );
    expect(fake.requests.map((r) => r.path)).toEqual([`${BOT}/sendPhoto`]);
    expect(fake.requests[0]?.json()).toEqual({
      chat_id: '@media_news',
      message_thread_id: 42,
      parse_mode: 'HTML',
      disable_notification: true,
      photo: 'https://image.tmdb.org/t/p/original/poster.jpg',
      caption:
        '<b>Grabbed</b>\nSeverance - 2x03 - Who Is Alive?\n<i>Severance.S02E03.1080p.WEB.H264-SuccessfulCrab</i>\n<a href="https://www.thetvdb.com/?tab=series&amp;id=371980">Details</a>',
    });
  });

  it('falls back to sendMessage when Telegram cannot fetch the poster; includeImage=false never tries', async () => {
    fake.route('POST', `${BOT}/sendPhoto`, {
      status: 400,
      json: { ok: false, error_code: 400, description: 'Bad Request: wrong file identifier/HTTP URL specified' },
    });
    fake.fixture('POST', `${BOT}/sendMessage`, 'sendMessage-response.json');
    await telegram().send(msg({ imageUrl: 'https://example.org/missing.jpg' }));
    await telegram({ includeImage: false }).send(msg({ imageUrl: 'https://example.org/missing.jpg' }));
    expect(fake.requests.map((r) => r.path)).toEqual([`${BOT}/sendPhoto`, `${BOT}/sendMessage`, `${BOT}/sendMessage`]);
  });

  it('MarkdownV2 mode sends the escaped text with parse_mode MarkdownV2', async () => {
    fake.fixture('POST', `${BOT}/sendMessage`, 'sendMessage-response.json');
    await telegram({ parseMode: 'MarkdownV2' }).send(msg({ message: 'Fight Club (1999) [Bluray-1080p]' }));
    expect(fake.requests[0]?.json()).toMatchObject({
      parse_mode: 'MarkdownV2',
      text: '*Imported*\nFight Club \\(1999\\) \\[Bluray\\-1080p\\]',
    });
  });
});

const HOSTILE = 'A_b*c[d]e(f)g~h`i>j#k+l-m=n|o{p}q.r!s\\t<u&v>w';
describe('Telegram escaping', () => {
  const rows: [string, 'HTML' | 'Markdown' | 'MarkdownV2', string][] = [
    [HOSTILE, 'HTML', 'A_b*c[d]e(f)g~h`i&gt;j#k+l-m=n|o{p}q.r!s\\t&lt;u&amp;v&gt;w'],
    [HOSTILE, 'MarkdownV2', 'A\\_b\\*c\\[d\\]e\\(f\\)g\\~h\\`i\\>j\\#k\\+l\\-m\\=n\\|o\\{p\\}q\\.r\\!s\\\\t<u&v\\>w'],
    [HOSTILE, 'Markdown', 'A\\_b\\*c\\[d]e(f)g~h\\`i>j#k+l-m=n|o{p}q.r!s\\t<u&v>w'],
    ['Tom & Jerry <3 "Uncut"', 'HTML', 'Tom &amp; Jerry &lt;3 &quot;Uncut&quot;'],
    ['</b><a href="x">pwn</a>', 'HTML', '&lt;/b&gt;&lt;a href=&quot;x&quot;&gt;pwn&lt;/a&gt;'],
    [
      'Mr. Robot - 1x01 - eps1.0_hellofriend.mov',
      'MarkdownV2',
      'Mr\\. Robot \\- 1x01 \\- eps1\\.0\\_hellofriend\\.mov',
    ],
    ['Mr. Robot - 1x01 - eps1.0_hellofriend.mov', 'Markdown', 'Mr. Robot - 1x01 - eps1.0\\_hellofriend.mov'],
  ];
  for (const [input, mode, body] of rows) {
    it(`${mode}: ${JSON.stringify(input)}`, () => {
      expect(renderTelegram(msg({ message: input }), mode).split('\n')[1]).toBe(body);
    });
  }

  it('hostile titles, messages, release names and links stay well-formed in every mode', () => {
    const hostile = msg({
      title: `Imported ${HOSTILE}`,
      message: HOSTILE,
      link: 'https://example.org/a_(b)?x=1&y=<2>',
      payload: { release: { quality: 'q', qualityVersion: 1, releaseTitle: HOSTILE, indexer: 'i', size: 1 } },
    });
    const html = renderTelegram(hostile, 'HTML');
    // Only our tags remain, and every & starts an entity.
    expect(html.replace(/<\/?(b|i)>|<a href="[^"<>]*">|<\/a>/g, '')).not.toMatch(/[<>]/);
    expect(html).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    const v2 = renderTelegram(hostile, 'MarkdownV2');
    // Strip our own entities (*bold*, _italic_, [label](url)); nothing reserved may be left unescaped.
    const outside = v2
      .replace(/^\*((?:\\.|[^*\\])*)\*$/m, '$1')
      .replace(/^_((?:\\.|[^_\\])*)_$/m, '$1')
      .replace(/^\[Details\]\((?:\\.|[^)\\])*\)$/m, '')
      .replace(/\\./g, '');
    expect(outside).not.toMatch(/[_*[\]()~`>#+\-=|{}.!\\]/);
  });

  it('a caption is clipped to the photo caption limit', () => {
    const long = renderTelegram(msg({ message: '<&>'.repeat(2000) }), 'HTML', CAPTION_LIMIT);
    expect(long.length).toBeLessThanOrEqual(CAPTION_LIMIT);
    expect(long).toMatch(/^<b>Imported<\/b>\n(&lt;&amp;&gt;)+…$/);
  });
});

describe('Telegram answers', () => {
  it('400 chat not found → TelegramChatError (a ProtocolError)', async () => {
    fake.fixture('POST', `${BOT}/sendMessage`, 'error-400-chat-not-found.json', { status: 400 });
    const err = await telegram()
      .send(msg())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TelegramChatError);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toBe('Telegram sendMessage: Bad Request: chat not found');
  });

  it('400 migrated group names the new chat id', async () => {
    fake.fixture('POST', `${BOT}/sendMessage`, 'error-400-migrated-to-supergroup.json', { status: 400 });
    await expect(telegram().send(msg())).rejects.toThrow(/use the chat id -1001234567890/);
  });

  it('401 → AuthError, 403 bot blocked → TelegramForbiddenError', async () => {
    fake.once('POST', `${BOT}/sendMessage`, { status: 401, file: 'error-401-unauthorized.json' });
    fake.once('POST', `${BOT}/sendMessage`, { status: 403, file: 'error-403-bot-blocked.json' });
    await expect(telegram().send(msg())).rejects.toBeInstanceOf(AuthError);
    await expect(telegram().send(msg())).rejects.toBeInstanceOf(TelegramForbiddenError);
  });

  it('429 → RateLimitedError with parameters.retry_after (35 s)', async () => {
    fake.fixture('POST', `${BOT}/sendMessage`, 'error-429-retry-after.json', { status: 429 });
    const err = await telegram()
      .send(msg())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(35_000);
  });

  it('the bot token is in no log line, error message or finding', async () => {
    fake.once('POST', `${BOT}/sendMessage`, { status: 401, file: 'error-401-unauthorized.json' });
    fake.once('POST', `${BOT}/sendMessage`, { status: 504, body: `gateway timeout for ${TOKEN}` });
    fake.once('POST', `${BOT}/sendMessage`, { status: 400, body: `not json ${TOKEN}` });
    fake.once('GET', `${BOT}/getMe`, { status: 401, file: 'error-401-unauthorized.json' });
    const errors: unknown[] = [];
    for (let i = 0; i < 3; i++)
      errors.push(
        await telegram()
          .send(msg())
          .catch((e: unknown) => e),
      );
    const findings = await telegram().test();
    expect(logLines.length).toBeGreaterThan(0);
    expect(errors.map(String).join('\n')).toContain('[redacted]');
    const excerpts = errors.map((e) => (e as ProtocolError).excerpt ?? '');
    for (const text of [...errors.map(String), ...excerpts, ...logLines, JSON.stringify(findings)])
      expect(text).not.toContain(TOKEN);
  });
});

describe('Telegram test() and healthCheck()', () => {
  it('getMe then a manual_test message; no findings', async () => {
    fake.fixture('GET', `${BOT}/getMe`, 'getMe-response.json');
    fake.fixture('POST', `${BOT}/sendMessage`, 'sendMessage-response.json');
    expect(await telegram().test()).toEqual([]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${BOT}/getMe`, `POST ${BOT}/sendMessage`]);
    expect(fake.requests[1]?.json()).toMatchObject({ text: '<b>Test</b>\nThis is a test message from idkarr' });
  });

  it('a bad token is a finding on botToken', async () => {
    fake.fixture('GET', `${BOT}/getMe`, 'error-401-unauthorized.json', { status: 401 });
    expect(await telegram().test()).toEqual([
      { field: 'settings.botToken', message: 'Telegram getMe: Unauthorized (check the bot token)', severity: 'error' },
    ]);
  });

  it('an unknown chat or a blocked bot is a finding on chatId', async () => {
    fake.fixture('GET', `${BOT}/getMe`, 'getMe-response.json');
    fake.once('POST', `${BOT}/sendMessage`, { status: 400, file: 'error-400-chat-not-found.json' });
    fake.once('POST', `${BOT}/sendMessage`, { status: 403, file: 'error-403-bot-blocked.json' });
    expect((await telegram().test())[0]?.field).toBe('settings.chatId');
    expect((await telegram().test())[0]).toMatchObject({
      field: 'settings.chatId',
      message: expect.stringContaining('bot was blocked'),
    });
  });

  it('healthCheck calls getMe and throws AuthError for a revoked token', async () => {
    fake.once('GET', `${BOT}/getMe`, { file: 'getMe-response.json' });
    fake.once('GET', `${BOT}/getMe`, { status: 401, file: 'error-401-unauthorized.json' });
    expect((await telegram().healthCheck()).latencyMs).toBeGreaterThanOrEqual(0);
    await expect(telegram().healthCheck()).rejects.toBeInstanceOf(AuthError);
  });

  it('settings: the token is secret and must look like a token; chat ids are numeric or @names', () => {
    expect(JSON.stringify(telegramSettings.shape.botToken.meta())).toContain('"secret":true');
    expect(telegramSettings.safeParse({ botToken: 'nope', chatId: '1' }).success).toBe(false);
    expect(telegramSettings.safeParse({ botToken: TOKEN, chatId: 'my chat' }).success).toBe(false);
    expect(telegramSettings.parse({ botToken: TOKEN, chatId: '@media_news' }).baseUrl).toBe('https://api.telegram.org');
  });
});
