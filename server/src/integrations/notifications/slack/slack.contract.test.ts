// Slack against a local fake incoming webhook: the recorded request, colours, mrkdwn escaping, every plain-text
// answer of responses.json mapped onto the taxonomy, test() findings, and the webhook secret kept out of logs/errors.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, NotFoundError, ProtocolError, ServerError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { SlackChannelError } from './api.js';
import { slackIntegration } from './index.js';
import { renderSlack } from './render.js';
import { slackSettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/slack/', import.meta.url));
const fixtureJson = (name: string) => JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8'));
const responses = fixtureJson('responses.json') as {
  case: string;
  status: number;
  content_type: string;
  body: string;
}[];
const answer = (name: string) => {
  const r = responses.find((x) => x.case === name)!;
  return { status: r.status, body: r.body, headers: { 'content-type': r.content_type } };
};
const SECRET = 'q8Vn3LxW2tZpR7yKc0dFhJ5m';
const PATH = `/services/T0001/B0002/${SECRET}`;
const logLines: string[] = [];
const log = { debug: (obj: object, msg?: string) => void logLines.push(`${msg} ${JSON.stringify(obj)}`) };
const ctx = {
  clock: systemClock,
  definitionId: 6,
  definitionName: 'Slack',
  kind: 'notification',
  log,
} as unknown as IntegrationContext;

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start();
});
afterEach(() => {
  fake.reset();
  logLines.length = 0;
});
afterAll(() => fake.close());

const slack = (overrides: Record<string, unknown> = {}) =>
  slackIntegration.create(slackSettings.parse({ webhookUrl: `${fake.url}${PATH}`, ...overrides }) as never, ctx);

function severanceImport(overrides: Partial<NotificationMessage> = {}): NotificationMessage {
  return {
    type: 'download',
    title: 'Imported',
    message: 'Severance - 2x03 - Who Is Alive?',
    quality: 'WEBDL-1080p',
    payload: {
      episodeFile: {
        id: 1,
        relativePath: 'Season 02/Severance - S02E03.mkv',
        path: '/tv/Severance/Season 02/Severance - S02E03.mkv',
        quality: 'WEBDL-1080p',
        qualityVersion: 1,
        sceneName: 'Severance.S02E03.1080p.WEB.H264-SuccessfulCrab',
        size: 3_758_096_384,
        dateAdded: '2025-01-31T04:15:02.000Z',
      },
    },
    occurredAt: '2025-01-31T04:15:02.000Z',
    instanceName: 'idkarr',
    applicationUrl: '',
    ...overrides,
  };
}

describe('Slack requests', () => {
  it('an import posts the recorded incoming-webhook body', async () => {
    fake.route('POST', PATH, answer('success'));
    await slack({ username: 'Mediaserver', icon: ':tv:' }).send(severanceImport());
    const [req] = fake.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe(PATH);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.json()).toEqual(fixtureJson('incoming-webhook-request.json'));
  });

  it('channel and icon URL overrides, link and poster, colour per event', async () => {
    fake.route('POST', PATH, answer('success'));
    await slack({ channel: '#media', icon: 'https://example.org/i.png' }).send(
      severanceImport({ type: 'movie_delete', link: 'https://example.org/m', imageUrl: 'https://example.org/p.jpg' }),
    );
    expect(fake.requests[0]?.json()).toMatchObject({
      channel: '#media',
      icon_url: 'https://example.org/i.png',
      attachments: [{ color: 'danger', title_link: 'https://example.org/m', thumb_url: 'https://example.org/p.jpg' }],
    });
  });

  it('a test message has no attachment', () => {
    expect(
      renderSlack(
        severanceImport({ type: 'manual_test', title: 'Test', message: 'hi', payload: {}, quality: undefined }),
        { channel: '', username: '', icon: '' },
      ),
    ).toEqual({
      text: 'Test: hi',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Test*\nhi' } }],
    });
  });
});

describe('Slack mrkdwn escaping', () => {
  const rows: [string, string][] = [
    ['Tom & Jerry <3', 'Tom &amp; Jerry &lt;3'],
    ['<!channel> wake up', '&lt;!channel&gt; wake up'],
    ['<https://evil.example|click me>', '&lt;https://evil.example|click me&gt;'],
    ['*bold* _it_ ~s~ `c`', '*bold* _it_ ~s~ `c`'],
    ['&amp; already', '&amp;amp; already'],
  ];
  for (const [input, escaped] of rows) {
    it(`escapes ${JSON.stringify(input)} in text, section and attachment`, () => {
      const body = renderSlack(
        severanceImport({
          message: input,
          payload: { release: { quality: input, qualityVersion: 1, releaseTitle: input, indexer: 'x', size: 0 } },
          quality: undefined,
        }),
        { channel: '', username: '', icon: '' },
      );
      expect(body.text).toBe(`Imported: ${escaped}`);
      expect(body.blocks[0]?.text.text).toBe(`*Imported*\n${escaped}`);
      expect(body.attachments?.[0]?.title).toBe(escaped);
      expect(body.attachments?.[0]?.fields?.[0]?.value).toBe(escaped);
    });
  }
});

describe('Slack answers', () => {
  const cases: [string, unknown][] = [
    ['malformed JSON / bad blocks', ProtocolError],
    ['no text or blocks', ProtocolError],
    ['user not found', ProtocolError],
    ['admin blocks posting', AuthError],
    ['channel gone', SlackChannelError],
    ['webhook revoked/disabled', AuthError],
    ['channel archived', SlackChannelError],
    ['server error', ServerError],
  ];
  for (const [name, type] of cases) {
    it(`${name} → ${(type as { name: string }).name}`, async () => {
      fake.route('POST', PATH, answer(name));
      const err = await slack()
        .send(severanceImport())
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(type as never);
      expect(String(err)).not.toContain(SECRET);
    });
  }

  it('a channel error is also a NotFoundError; the secret stays out of logs', async () => {
    fake.route('POST', PATH, answer('channel gone'));
    await expect(slack().send(severanceImport())).rejects.toBeInstanceOf(NotFoundError);
    expect(logLines.join('\n')).toContain('[redacted]');
    expect(logLines.join('\n')).not.toContain(SECRET);
  });
});

describe('Slack test()', () => {
  it('posts a manual_test message', async () => {
    fake.route('POST', PATH, answer('success'));
    expect(await slack().test()).toEqual([]);
    expect(fake.requests[0]?.json()).toMatchObject({ text: 'Test: This is a test message from idkarr' });
  });

  it('a revoked webhook is a finding on webhookUrl, a missing channel on channel', async () => {
    fake.once('POST', PATH, answer('webhook revoked/disabled'));
    fake.once('POST', PATH, answer('channel gone'));
    const [revoked] = await slack().test();
    const [channel] = await slack({ channel: '#gone' }).test();
    expect(revoked).toMatchObject({ field: 'settings.webhookUrl', severity: 'error' });
    expect(revoked?.message).toContain('no_service');
    expect(channel).toMatchObject({ field: 'settings.channel', severity: 'error' });
    expect(JSON.stringify([revoked, channel])).not.toContain(SECRET);
  });

  it('healthCheck validates only; a metadata URL is refused by the schema', async () => {
    expect(await slack().healthCheck()).toEqual({ latencyMs: 0 });
    expect(fake.requests).toHaveLength(0);
    expect(slackSettings.safeParse({ webhookUrl: 'http://[fd00:ec2::254]/x' }).success).toBe(false);
  });
});
