// Capture servers for the notification flow tests: one FakeHttpServer per HTTP notification service answering
// with the recorded responses from ../shared/fixtures/protocols (constructed answers for Join and Apprise, which
// have no recording), a real SMTP server on loopback (smtp-server + mailparser), and a real shell script that
// writes its environment to a file per run. Each capture turns what arrived into `{event, text}` deliveries:
// `event` in the NotificationEventType vocabulary ('test' for the message a save sends), `text` the media line the
// service displays, so one assertion reads the same for every service.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AppHarness } from '../support/app-harness.js';
import { FakeHttpServer, type RecordedRequest } from '../support/fake-http-server.js';

export const PROTOCOLS = fileURLToPath(new URL('../../../../shared/fixtures/protocols/', import.meta.url));
const fixtureJson = <T>(path: string): T => JSON.parse(readFileSync(join(PROTOCOLS, path), 'utf8')) as T;

export interface Delivery {
  event: string;
  text: string;
}

export interface Capture {
  implementation: string;
  /** Settings pointing the service at this capture (event switches are the test's). */
  settings: Record<string, unknown>;
  deliveries(): Delivery[];
}

/** Event titles the chat/push services show, and the webhook/script event types, as NotificationEventType. */
const EVENTS: Record<string, string> = {
  Grabbed: 'grab',
  Grab: 'grab',
  Imported: 'download',
  Download: 'download',
  'Movie File Deleted': 'movie_file_delete',
  MovieFileDelete: 'movie_file_delete',
  'Movie Deleted': 'movie_delete',
  MovieDelete: 'movie_delete',
  Test: 'test',
  'Test Notification': 'test',
};
const event = (title: string) => EVENTS[title] ?? `unknown:${title}`;
const firstLine = (text: string) => text.split('\n')[0] ?? '';

function httpCapture(
  fake: FakeHttpServer,
  implementation: string,
  settings: Record<string, unknown>,
  path: string,
  read: (req: RecordedRequest) => Delivery,
): Capture {
  return { implementation, settings, deliveries: () => fake.requestsTo(path).map(read) };
}

type Json = Record<string, unknown>;

/** `api('POST', '/tag', body)` → the app's answer to `/api/v1/tag` with the API key. */
export const apiOf = (h: () => AppHarness) => (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  h().app.http.inject({
    method,
    url: `/api/v1${url}`,
    headers: h().authHeaders(),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const SLACK_PATH = '/services/T0001/B0002/q8Vn3LxW2tZpR7yKc0dFhJ5m';
const TELEGRAM_TOKEN = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

/** The chat and push services, each on its own fake server. */
async function chatCaptures(fakes: FakeHttpServer[]): Promise<Record<string, Capture>> {
  const start = async (sub?: string) => {
    const fake = await FakeHttpServer.start(sub ? { fixtureRoot: join(PROTOCOLS, sub) } : {});
    fakes.push(fake);
    return fake;
  };
  const discord = await start();
  discord.route('POST', '/api/webhooks/:id/:token', { status: 204 });
  const slack = await start();
  const slackOk = fixtureJson<{ case: string; status: number; body: string }[]>('slack/responses.json').find(
    (r) => r.case === 'success',
  )!;
  slack.route('POST', SLACK_PATH, { status: slackOk.status, body: slackOk.body });
  const telegram = await start('telegram');
  telegram.fixture('GET', `/bot${TELEGRAM_TOKEN}/getMe`, 'getMe-response.json');
  telegram.fixture('POST', `/bot${TELEGRAM_TOKEN}/sendMessage`, 'sendMessage-response.json');
  const pushover = await start('pushover');
  pushover.fixture('POST', '/1/messages.json', 'messages-success.json');
  pushover.fixture('POST', '/1/users/validate.json', 'users-validate-success.json');
  const gotify = await start('gotify');
  gotify.fixture('POST', '/message', 'message-response.json');
  gotify.fixture('GET', '/version', 'version.json');
  const ntfy = await start('ntfy');
  ntfy.fixture('POST', '/', 'publish-response.json');
  ntfy.route('GET', '/v1/health', { json: { healthy: true } });
  const joinApi = await start();
  joinApi.route('GET', '/_ah/api/messaging/v1/sendPush', { json: { success: true, userAuthError: false } });
  const apprise = await start();
  apprise.route('POST', '/apprise/notify/', { status: 200, body: '' });

  const titled = (title: string, text: string): Delivery => ({ event: event(title), text: firstLine(text) });
  return {
    discord: httpCapture(
      discord,
      'discord',
      { webhookUrl: `${discord.url}/api/webhooks/1/tok`, username: 'idkarr' },
      '/api/webhooks/1/tok',
      (r) => {
        // With a release the media line is the title and the event the footer; a test has no release.
        const [e] = r.json<{ embeds: { title: string; footer: { text: string } }[] }>().embeds;
        return e?.title === 'Test' ? titled('Test', '') : titled(e?.footer.text ?? '', e?.title ?? '');
      },
    ),
    slack: httpCapture(slack, 'slack', { webhookUrl: `${slack.url}${SLACK_PATH}` }, SLACK_PATH, (r) => {
      const [title, ...rest] = r.json<{ text: string }>().text.split(': ');
      return titled(title ?? '', rest.join(': '));
    }),
    telegram: httpCapture(
      telegram,
      'telegram',
      { baseUrl: telegram.url, botToken: TELEGRAM_TOKEN, chatId: '-1001234567890', includeImage: false },
      `/bot${TELEGRAM_TOKEN}/sendMessage`,
      (r) => {
        const [head, text] = r.json<{ text: string }>().text.split('\n');
        return titled((head ?? '').replace(/<\/?b>/g, ''), text ?? '');
      },
    ),
    pushover: httpCapture(
      pushover,
      'pushover',
      { baseUrl: pushover.url, apiToken: 'azGDORePK8gMaC0QOYAMyEEuzJnyUi', userKey: 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG' },
      '/1/messages.json',
      (r) => {
        const form = new URLSearchParams(r.body);
        return titled(form.get('title') ?? '', form.get('message') ?? '');
      },
    ),
    gotify: httpCapture(
      gotify,
      'gotify',
      { serverUrl: gotify.url, appToken: 'AvKcy9o-yvVhyKd', markdown: false },
      '/message',
      (r) => titled(r.json<Json>().title as string, r.json<Json>().message as string),
    ),
    ntfy: httpCapture(ntfy, 'ntfy', { serverUrl: ntfy.url, topic: 'media-alerts' }, '/', (r) =>
      titled(r.json<Json>().title as string, r.json<Json>().message as string),
    ),
    join: httpCapture(
      joinApi,
      'join',
      { baseUrl: joinApi.url, apiKey: 'b6a2c9d4e8f0a1b2c3d4e5f6a7b8c9d0' },
      '/_ah/api/messaging/v1/sendPush',
      (r) => titled(r.query.title ?? '', r.query.text ?? ''),
    ),
    apprise: httpCapture(
      apprise,
      'apprise',
      { serverUrl: `${apprise.url}/apprise`, statelessUrls: 'json://127.0.0.1/hook' },
      '/apprise/notify/',
      (r) => titled(r.json<Json>().title as string, r.json<Json>().body as string),
    ),
  };
}

/** Webhook definitions share one fake server, each on its own path. */
export async function webhookServer(fakes: FakeHttpServer[]) {
  const fake = await FakeHttpServer.start();
  fakes.push(fake);
  fake.route('POST', '/hook/:name', { status: 200, json: { ok: true } });
  return {
    settings: (name: string) => ({ url: `${fake.url}/hook/${name}` }),
    /** Payloads received on that path, without the test message a save sends. */
    payloads: (name: string) =>
      fake
        .requestsTo(`/hook/${name}`)
        .map((r) => r.json<Json>())
        .filter((b) => b.eventType !== 'Test'),
  };
}

async function emailCapture(closers: (() => Promise<void>)[]): Promise<Capture> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    implementation: 'email',
    settings: {
      server: '127.0.0.1',
      port: (server.server.address() as AddressInfo).port,
      encryption: 'none',
      from: 'idkarr <idkarr@home.example>',
      to: ['alice@home.example'],
      timeoutSeconds: 10,
    },
    deliveries: () =>
      mails.map((m) => {
        // "[idkarr] Grabbed: Notify Movie (2011) [Bluray-1080p]"
        const [, title = '', text = ''] = /^\[[^\]]*\] ([^:]+): (.*)$/.exec(m.subject ?? '') ?? [];
        return { event: event(title), text };
      }),
  };
}

/** A real script: every run writes its environment (NUL-separated) to a new file in `dir/runs`. */
export function scriptCapture(dir: string): Capture & { envs(): Record<string, string>[] } {
  const runs = join(dir, 'runs');
  mkdirSync(runs, { recursive: true });
  const path = join(dir, 'notify.sh');
  writeFileSync(path, `#!/bin/sh\nenv -0 > "${runs}/$(date +%s%N)-$$.env"\n`);
  chmodSync(path, 0o755);
  const envs = () =>
    readdirSync(runs)
      .sort()
      .map((name) => {
        const env: Record<string, string> = {};
        for (const entry of readFileSync(join(runs, name), 'utf8').split('\0')) {
          const i = entry.indexOf('=');
          if (i > 0 && entry.startsWith('idkarr_')) env[entry.slice(0, i)] = entry.slice(i + 1);
        }
        return env;
      });
  return {
    implementation: 'custom-script',
    settings: { path, timeoutSeconds: 30 },
    envs,
    deliveries: () =>
      envs().map((e) => ({
        event: event(e.idkarr_eventtype ?? ''),
        text: `${e.idkarr_movie_title} (${e.idkarr_movie_year}) [${e.idkarr_release_quality ?? e.idkarr_moviefile_quality}]`,
      })),
  };
}

export interface Captures {
  services: Record<string, Capture>;
  webhooks: Awaited<ReturnType<typeof webhookServer>>;
  script: ReturnType<typeof scriptCapture>;
  close(): Promise<void>;
}

/** Every notification service's capture; `dir` holds the script and its runs. */
export async function startCaptures(dir: string): Promise<Captures> {
  const fakes: FakeHttpServer[] = [];
  const closers: (() => Promise<void>)[] = [];
  const script = scriptCapture(dir);
  const services = { ...(await chatCaptures(fakes)), email: await emailCapture(closers), 'custom-script': script };
  const webhooks = await webhookServer(fakes);
  return {
    services,
    webhooks,
    script,
    close: async () => {
      await Promise.all([...fakes.map((f) => f.close()), ...closers.map((c) => c())]);
    },
  };
}
