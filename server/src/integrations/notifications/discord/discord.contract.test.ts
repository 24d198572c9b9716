// Discord against a local fake webhook endpoint: the exact request per event (compared with the recorded
// execute-webhook request), colours per event (spec), markdown escaping, the answers of responses.json mapped onto
// the error taxonomy (429 retry_after honoured), test() findings, and the webhook token kept out of logs and errors.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, NotFoundError, ProtocolError, RateLimitedError, ServerError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import {
  NOTIFICATION_EVENTS,
  type NotificationEventType,
  type NotificationMessage,
} from '../../../providers/ports/notifier.port.js';
import { discordIntegration } from './index.js';
import { escapeDiscord, renderDiscord } from './render.js';
import { discordSettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/discord/', import.meta.url));
const fixtureJson = (name: string) => JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8'));
const responses = fixtureJson('responses.json') as {
  case: string;
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}[];
const answer = (name: string) => {
  const r = responses.find((x) => x.case === name)!;
  return r.body === null
    ? { status: r.status }
    : { status: r.status, json: r.body, ...(r.headers ? { headers: r.headers } : {}) };
};

const TOKEN = 'Xk3mT9qLr2VbN8wZpY5cHd7fGj1sAe4uKo6iUt0yRn-MqWx_PlEzBvCaSdFgHjKlZ';
const PATH = `/api/webhooks/1201112223334445556/${TOKEN}`;
const logLines: string[] = [];
const log = { debug: (obj: object, msg?: string) => void logLines.push(`${msg} ${JSON.stringify(obj)}`) };
const ctx = {
  clock: systemClock,
  definitionId: 4,
  definitionName: 'Discord',
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

function discord(overrides: Record<string, unknown> = {}) {
  return discordIntegration.create(
    discordSettings.parse({ webhookUrl: `${fake.url}${PATH}`, ...overrides }) as never,
    ctx,
  );
}

function severanceImport(overrides: Partial<NotificationMessage> = {}): NotificationMessage {
  return {
    type: 'download',
    title: 'Imported',
    message: 'Severance - 2x03 - Who Is Alive?',
    imageUrl: 'https://artworks.thetvdb.com/banners/v4/series/371980/posters/61e57bcbc1d47.jpg',
    link: 'https://www.thetvdb.com/?tab=series&id=371980',
    mediaType: 'episode',
    mediaTitle: 'Severance',
    mediaYear: 2022,
    quality: 'WEBDL-1080p',
    payload: {
      episodeFile: {
        id: 1,
        relativePath: 'Season 02/Severance - S02E03 - Who Is Alive.mkv',
        path: '/tv/Severance/Season 02/Severance - S02E03 - Who Is Alive.mkv',
        quality: 'WEBDL-1080p',
        qualityVersion: 1,
        sceneName: 'Severance.S02E03.1080p.WEB.H264-SuccessfulCrab',
        size: 3.5 * 1024 ** 3,
        dateAdded: '2025-01-31T04:15:02.000Z',
      },
    },
    occurredAt: '2025-01-31T04:15:02.000Z',
    instanceName: 'idkarr',
    applicationUrl: 'http://localhost:7979',
    ...overrides,
  };
}

describe('Discord requests', () => {
  it('an import posts the recorded execute-webhook body (colour per the spec) to the webhook path', async () => {
    fake.route('POST', PATH, answer('success without ?wait=true'));
    await discord({ username: 'Mediaserver', avatarUrl: 'https://example.org/logo.png' }).send(severanceImport());
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe(PATH);
    expect(req?.headers['content-type']).toBe('application/json');
    const expected = fixtureJson('execute-webhook-request.json');
    // The recorded request uses Discord's green 0x2ECC71; idkarr uses the spec's colour per event (download 0x00FF00).
    expected.embeds[0].color = 0x00ff00;
    expected.embeds[0].fields[1].value = '3.5 GiB';
    expect(req?.json()).toEqual(expected);
  });

  it('a grab lists quality, release group, size, indexer, download client and custom formats; no username keys by default', async () => {
    fake.route('POST', PATH, { status: 204 });
    await discord({ includeImage: false }).send(
      severanceImport({
        type: 'grab',
        title: 'Grabbed',
        payload: {
          release: {
            quality: 'WEBDL-1080p',
            qualityVersion: 1,
            releaseGroup: 'SuccessfulCrab',
            releaseTitle: 'Severance.S02E03.1080p.WEB.H264-SuccessfulCrab',
            indexer: 'Nyaa [Prowlarr]',
            size: 1_610_612_736,
            customFormats: ['WEB', 'x264'],
          },
          downloadClient: 'qBittorrent',
        },
      }),
    );
    expect(fake.requests[0]?.json()).toEqual({
      content: null,
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: 'Severance - 2x03 - Who Is Alive?',
          description: 'Severance.S02E03.1080p.WEB.H264-SuccessfulCrab',
          color: 0x0099ff,
          url: 'https://www.thetvdb.com/?tab=series&id=371980',
          timestamp: '2025-01-31T04:15:02.000Z',
          footer: { text: 'Grabbed' },
          fields: [
            { name: 'Quality', value: 'WEBDL-1080p', inline: true },
            { name: 'Release group', value: 'SuccessfulCrab', inline: true },
            { name: 'Size', value: '1.5 GiB', inline: true },
            { name: 'Indexer', value: 'Nyaa \\[Prowlarr\\]', inline: true },
            { name: 'Download client', value: 'qBittorrent', inline: true },
            { name: 'Custom formats', value: 'WEB, x264', inline: true },
          ],
        },
      ],
    });
  });

  it('a health issue without release: event title, message as description, instance name in the footer', async () => {
    fake.route('POST', PATH, { status: 204 });
    await discord().send({
      type: 'health_issue',
      title: 'Health Check Failure',
      message: 'Indexer Nyaa is unavailable',
      payload: { health: { level: 'error', message: 'Indexer Nyaa is unavailable', source: 'IndexerStatusCheck' } },
      occurredAt: '2025-02-01T10:00:00.000Z',
      instanceName: 'idkarr-home',
      applicationUrl: '',
    });
    expect(fake.requests[0]?.json()).toEqual({
      content: null,
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: 'Health Check Failure',
          description: 'Indexer Nyaa is unavailable',
          color: 0xff0000,
          timestamp: '2025-02-01T10:00:00.000Z',
          footer: { text: 'idkarr-home' },
          fields: [{ name: 'Source', value: 'IndexerStatusCheck', inline: true }],
        },
      ],
    });
  });

  const colours: [NotificationEventType, number][] = [
    ['grab', 0x0099ff],
    ['download', 0x00ff00],
    ['upgrade', 0x00ff00],
    ['rename', 0x808080],
    ['series_add', 0x00ff00],
    ['series_delete', 0xff0000],
    ['episode_file_delete', 0xff0000],
    ['movie_add', 0x00ff00],
    ['movie_delete', 0xff0000],
    ['movie_file_delete', 0xff0000],
    ['health_issue', 0xff0000],
    ['health_restored', 0x00ff00],
    ['app_update', 0xffff00],
    ['manual_interaction_required', 0x808080],
    ['manual_test', 0x808080],
  ];
  it('covers every event type in the colour table', () => {
    expect(colours.map(([t]) => t).sort()).toEqual([...NOTIFICATION_EVENTS].sort());
  });
  for (const [type, colour] of colours) {
    it(`colour of ${type} is #${colour.toString(16).padStart(6, '0')}`, () => {
      const body = renderDiscord(severanceImport({ type }), { username: '', avatarUrl: '', includeImage: true });
      expect(body.embeds[0]?.color).toBe(colour);
    });
  }
});

describe('Discord markdown escaping', () => {
  const rows: [string, string][] = [
    ['Tom & Jerry <3 *Uncut* [2024]', 'Tom & Jerry \\<3 \\*Uncut\\* \\[2024\\]'],
    ['__init__ ~~gone~~ `code` ||spoiler||', '\\_\\_init\\_\\_ \\~\\~gone\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|'],
    ['# Heading', '\\# Heading'],
    ['> quote', '\\> quote'],
    ['- item', '\\- item'],
    ['[click](https://evil.example)', '\\[click\\]\\(https://evil.example\\)'],
    ['back\\slash', 'back\\\\slash'],
    ['@everyone plain', '@everyone plain'],
  ];
  for (const [input, escaped] of rows) {
    it(`escapes ${JSON.stringify(input)}`, () => {
      expect(escapeDiscord(input)).toBe(escaped);
      const body = renderDiscord(severanceImport({ message: input, payload: {} }), {
        username: '',
        avatarUrl: '',
        includeImage: false,
      });
      expect(body.embeds[0]?.description).toBe(escaped);
      expect(body.allowed_mentions).toEqual({ parse: [] });
    });
  }

  // Discord shows embed titles and footers as plain text: an escape there would be displayed as a backslash.
  it('keeps the title and footer literal while the description and field values are escaped', () => {
    const body = renderDiscord(
      severanceImport({
        title: 'Grabbed *now*',
        message: 'Tom & Jerry (2021) [Bluray-1080p] *Uncut* _x_ \\o/',
        payload: {
          release: {
            quality: 'Bluray-1080p',
            qualityVersion: 1,
            releaseTitle: 'Tom.and.Jerry.2021.1080p.BluRay.x264-[GRP]',
            indexer: 'Nyaa [Prowlarr]',
            size: 0,
          },
        },
      }),
      { username: '', avatarUrl: '', includeImage: false },
    );
    const [embed] = body.embeds;
    expect(embed?.title).toBe('Tom & Jerry (2021) [Bluray-1080p] *Uncut* _x_ \\o/');
    expect(embed?.footer.text).toBe('Grabbed *now*');
    expect(embed?.description).toBe('Tom.and.Jerry.2021.1080p.BluRay.x264-\\[GRP\\]');
    expect(embed?.fields?.find((f) => f.name === 'Indexer')?.value).toBe('Nyaa \\[Prowlarr\\]');
  });

  it('clips a 258-character title to 256 keeping a backslash at the cut as text', () => {
    const body = renderDiscord(severanceImport({ message: `${'a'.repeat(254)}\\\\bc` }), {
      username: '',
      avatarUrl: '',
      includeImage: false,
    });
    expect(body.embeds[0]?.title).toBe(`${'a'.repeat(254)}\\…`);
  });

  it('clips a 5000-character description to 4096 without a dangling backslash', () => {
    const body = renderDiscord(severanceImport({ message: '*'.repeat(5000), payload: {} }), {
      username: '',
      avatarUrl: '',
      includeImage: false,
    });
    const description = body.embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description.length).toBeGreaterThan(4090);
    expect(description.endsWith('\\*…')).toBe(true);
  });
});

describe('Discord answers', () => {
  it('429 → RateLimitedError with retry_after from the JSON body (0.451 s → 451 ms)', async () => {
    fake.route('POST', PATH, answer('rate limited'));
    const err = await discord()
      .send(severanceImport())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(451);
  });

  it('400 embed too long → ProtocolError naming the field', async () => {
    fake.route('POST', PATH, answer('embed too long'));
    const err = await discord()
      .send(severanceImport())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toContain('Invalid Form Body (code 50035); embeds.0.description: Must be 4096');
  });

  it('400 empty message → ProtocolError', async () => {
    fake.route('POST', PATH, answer('empty message'));
    await expect(discord().send(severanceImport())).rejects.toThrow(/Cannot send an empty message \(code 50006\)/);
  });

  it('401 → AuthError, 404 → NotFoundError, 502 → ServerError', async () => {
    fake.once('POST', PATH, answer('bad token'));
    fake.once('POST', PATH, answer('webhook deleted'));
    fake.once('POST', PATH, { status: 502, body: 'bad gateway' });
    await expect(discord().send(severanceImport())).rejects.toBeInstanceOf(AuthError);
    await expect(discord().send(severanceImport())).rejects.toBeInstanceOf(NotFoundError);
    await expect(discord().send(severanceImport())).rejects.toBeInstanceOf(ServerError);
  });

  it('the webhook token never appears in error messages or logs', async () => {
    for (const name of ['bad token', 'webhook deleted', 'rate limited', 'embed too long'])
      fake.once('POST', PATH, answer(name));
    const messages: string[] = [];
    for (let i = 0; i < 4; i++)
      messages.push(
        String(
          await discord()
            .send(severanceImport())
            .catch((e: unknown) => e),
        ),
      );
    fake.once('POST', PATH, answer('bad token'));
    const findings = await discord().test();
    expect(logLines.length).toBeGreaterThan(0);
    for (const text of [...messages, ...logLines, JSON.stringify(findings)]) expect(text).not.toContain(TOKEN);
  });
});

describe('Discord test()', () => {
  it('sends a manual_test embed and reports no findings', async () => {
    fake.route('POST', PATH, { status: 204 });
    expect(await discord().test()).toEqual([]);
    const body = fake.requests[0]?.json<{ embeds: { title: string; color: number; footer: { text: string } }[] }>();
    expect(body?.embeds[0]).toMatchObject({ title: 'Test', color: 0x808080, footer: { text: 'idkarr' } });
  });

  it('a bad token is an error finding on settings.webhookUrl', async () => {
    fake.route('POST', PATH, answer('bad token'));
    expect(await discord().test()).toEqual([
      { field: 'settings.webhookUrl', message: expect.stringContaining('HTTP 401'), severity: 'error' },
    ]);
  });

  it('a deleted webhook is an error finding on settings.webhookUrl', async () => {
    fake.route('POST', PATH, answer('webhook deleted'));
    const [f] = await discord().test();
    expect(f).toMatchObject({ field: 'settings.webhookUrl', severity: 'error' });
    expect(f?.message).toContain('does not exist');
  });

  it('healthCheck validates only (latency 0, no request)', async () => {
    expect(await discord().healthCheck()).toEqual({ latencyMs: 0 });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('Discord settings', () => {
  it('refuses a cloud-metadata webhook URL with a finding on webhookUrl', () => {
    const r = discordSettings.safeParse({ webhookUrl: 'http://169.254.169.254/latest/meta-data/' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['webhookUrl']);
    expect(r.error?.issues[0]?.message).toMatch(/metadata/);
  });

  it('marks the webhook URL secret and keeps the event switches', () => {
    const json = JSON.stringify(discordSettings.shape.webhookUrl.meta());
    expect(json).toContain('"secret":true');
    expect(discordSettings.parse({ webhookUrl: 'https://discord.com/api/webhooks/1/abc' })).toMatchObject({
      onGrab: true,
      onDownload: true,
      includeImage: true,
    });
  });
});
