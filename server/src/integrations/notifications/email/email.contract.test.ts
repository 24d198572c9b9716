// Email against a real SMTP server on loopback (smtp-server, login required) in each encryption mode; every received
// message is parsed with mailparser: envelope (from, to, cc, bcc), headers, subject, text and HTML bodies with
// escaped content. Bad credentials, refused recipients and a closed port become findings on the right field.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, UnreachableError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { emailIntegration } from './index.js';
import { renderEmail } from './render.js';
import { emailSettings } from './settings.js';

const USER = 'idkarr';
const PASSWORD = 'sm7p-Pa55word!';
const ctx = {
  clock: systemClock,
  definitionId: 12,
  definitionName: 'Email',
  kind: 'notification',
} as unknown as IntegrationContext;

interface Received {
  envelope: { from: string; to: string[] };
  mail: ParsedMail;
  secure: boolean;
  user: string | undefined;
}

let server: SMTPServer | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function startSmtp(options: Partial<SMTPServerOptions> = {}): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.example'))
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            mail,
            secure: session.secure,
            user: session.user as string | undefined,
          });
          callback();
        })
        .catch(callback);
    },
    ...options,
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return { port: (server.server.address() as AddressInfo).port, received };
}

const email = (port: number, overrides: Record<string, unknown> = {}) =>
  emailIntegration.create(
    emailSettings.parse({
      server: '127.0.0.1',
      port,
      encryption: 'none',
      username: USER,
      password: PASSWORD,
      from: 'idkarr <idkarr@home.example>',
      to: ['alice@home.example', 'Bob <bob@home.example>'],
      cc: ['carol@home.example'],
      bcc: ['dave@home.example'],
      timeoutSeconds: 5,
      ...overrides,
    }) as never,
    ctx,
  );

const hostile: NotificationMessage = {
  type: 'download',
  title: 'Imported',
  message: 'Tom & Jerry <3 "Uncut" <script>alert(1)</script>',
  imageUrl: 'https://image.tmdb.org/t/p/original/p.jpg?a=1&b="2"',
  link: 'https://www.themoviedb.org/movie/550?x=<y>',
  quality: 'Bluray-1080p',
  payload: {
    release: {
      quality: 'Bluray-1080p',
      qualityVersion: 1,
      releaseTitle: 'Tom.&.Jerry.<3>.1080p-GRP',
      indexer: 'Nyaa',
      size: 1_610_612_736,
    },
  },
  occurredAt: '2025-01-31T04:15:02.000Z',
  instanceName: 'idkarr',
  applicationUrl: '',
};

describe('Email over SMTP', () => {
  it('plain SMTP with login: envelope from/to/cc/bcc, headers, subject, text and escaped HTML', async () => {
    const { port, received } = await startSmtp();
    await email(port).send(hostile);
    expect(received).toHaveLength(1);
    const [r] = received;
    expect(r?.user).toBe(USER);
    expect(r?.envelope).toEqual({
      from: 'idkarr@home.example',
      to: ['alice@home.example', 'bob@home.example', 'carol@home.example', 'dave@home.example'],
    });
    const mail = r!.mail;
    expect(mail.from?.value).toEqual([{ address: 'idkarr@home.example', name: 'idkarr' }]);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((a) => a?.value.map((v) => v.address))).toEqual(['alice@home.example', 'bob@home.example']);
    const cc = Array.isArray(mail.cc) ? mail.cc : [mail.cc];
    expect(cc.flatMap((a) => a?.value.map((v) => v.address))).toEqual(['carol@home.example']);
    expect(mail.bcc).toBeUndefined(); // Bcc is envelope-only
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.subject).toBe('[idkarr] Imported: Tom & Jerry <3 "Uncut" <script>alert(1)</script>');
    expect(mail.text).toBe(
      [
        'Imported',
        '',
        'Tom & Jerry <3 "Uncut" <script>alert(1)</script>',
        '',
        'Release: Tom.&.Jerry.<3>.1080p-GRP',
        'Quality: Bluray-1080p',
        'Size: 1.5 GiB',
        'Indexer: Nyaa',
        '',
        'https://www.themoviedb.org/movie/550?x=<y>',
        '',
        'Sent by idkarr',
      ].join('\n'),
    );
    const html = String(mail.html);
    expect(html).toBe(renderEmail(hostile).html);
    expect(html).toContain('<p>Tom &amp; Jerry &lt;3 &quot;Uncut&quot; &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).toContain('<td>Tom.&amp;.Jerry.&lt;3&gt;.1080p-GRP</td>');
    expect(html).toContain('<img src="https://image.tmdb.org/t/p/original/p.jpg?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('<a href="https://www.themoviedb.org/movie/550?x=&lt;y&gt;">View details</a>');
    expect(html).not.toContain('<script>');
  });

  it('STARTTLS: the session is upgraded before login (self-signed server certificate allowed)', async () => {
    const { port, received } = await startSmtp({ allowInsecureAuth: false });
    await email(port, { encryption: 'starttls', allowInvalidCertificates: true }).send(hostile);
    expect(received[0]?.secure).toBe(true);
    expect(received[0]?.user).toBe(USER);
  });

  it('implicit TLS from the first byte', async () => {
    const { port, received } = await startSmtp({ secure: true, allowInsecureAuth: false });
    await email(port, { encryption: 'tls', allowInvalidCertificates: true }).send(hostile);
    expect(received[0]?.secure).toBe(true);
  });

  it('STARTTLS with certificate checks on refuses the self-signed certificate: finding on encryption', async () => {
    const { port, received } = await startSmtp();
    const findings = await email(port, { encryption: 'starttls' }).test();
    expect(findings[0]).toMatchObject({ field: 'settings.encryption', severity: 'error' });
    expect(received).toHaveLength(0);
  });

  it('a subject with line breaks cannot inject headers', async () => {
    const { port, received } = await startSmtp();
    await email(port).send({ ...hostile, title: 'Imported\r\nBcc: mallory@evil.example', payload: {} });
    expect(received[0]?.envelope.to).not.toContain('mallory@evil.example');
    expect(received[0]?.mail.subject).toMatch(/^\[idkarr\] Imported Bcc: mallory@evil\.example: /);
  });
});

describe('Email test() and healthCheck()', () => {
  it('test() sends a manual_test e-mail', async () => {
    const { port, received } = await startSmtp();
    expect(await email(port).test()).toEqual([]);
    expect(received[0]?.mail.subject).toBe('[idkarr] Test: This is a test message from idkarr');
  });

  it('bad credentials → AuthError → finding on password that does not contain it', async () => {
    const { port, received } = await startSmtp();
    const wrong = 'wrong-Pa55word!';
    await expect(email(port, { password: wrong }).send(hostile)).rejects.toBeInstanceOf(AuthError);
    const findings = await email(port, { password: wrong }).test();
    expect(findings).toEqual([
      { field: 'settings.password', message: expect.stringContaining('authentication failed'), severity: 'error' },
    ]);
    expect(JSON.stringify(findings)).not.toContain(wrong);
    expect(received).toHaveLength(0);
  });

  it('a refused recipient → finding on to', async () => {
    const { port } = await startSmtp();
    const findings = await email(port, { to: ['nobody@refused.example'], cc: [], bcc: [] }).test();
    expect(findings[0]).toMatchObject({ field: 'settings.to', severity: 'error' });
    expect(findings[0]?.message).toMatch(/nobody@refused\.example|550|Mailbox/);
  });

  it('a closed port → UnreachableError → finding on server', async () => {
    const { port } = await startSmtp();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    await expect(email(port).send(hostile)).rejects.toBeInstanceOf(UnreachableError);
    expect((await email(port).test())[0]?.field).toBe('settings.server');
  });

  it('healthCheck logs in without sending; bad credentials throw AuthError', async () => {
    const { port, received } = await startSmtp();
    expect((await email(port).healthCheck()).latencyMs).toBeGreaterThanOrEqual(0);
    await expect(email(port, { password: 'nope-nope' }).healthCheck()).rejects.toBeInstanceOf(AuthError);
    expect(received).toHaveLength(0);
  });

  it('settings: password secret, at least one recipient, no header injection in addresses', () => {
    expect(JSON.stringify(emailSettings.shape.password.meta())).toContain('"secret":true');
    const base = { server: 'smtp.example.org', from: 'a@example.org', to: ['b@example.org'] };
    expect(emailSettings.parse(base)).toMatchObject({ port: 587, encryption: 'starttls', cc: [], bcc: [] });
    expect(emailSettings.safeParse({ ...base, to: [] }).success).toBe(false);
    expect(emailSettings.safeParse({ ...base, from: 'a@example.org\r\nBcc: x@evil.example' }).success).toBe(false);
    expect(emailSettings.safeParse({ ...base, encryption: 'ssl' }).success).toBe(false);
  });
});
