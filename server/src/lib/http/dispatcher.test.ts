import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.js';
import { ProtocolError } from '../errors.js';
import { createDispatcher } from './dispatcher.js';
import { HttpClient } from './http-client.js';

// A self-signed HTTPS server, like a NAS download client with its own certificate.
let server: Server;
let url: string;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idkarr-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ].concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
      { stdio: 'ignore' },
    );
    server = createServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (_q, r) => r.end('secure hello'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('createDispatcher', () => {
  it('rejects a self-signed certificate by default with a non-retryable TLS error', async () => {
    const err = await new HttpClient({ clock: new FakeClock() }).getText(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toBe(`GET ${url}: TLS error (DEPTH_ZERO_SELF_SIGNED_CERT)`);
  });

  it('accepts it when the integration opts in to ignoring TLS errors', async () => {
    const dispatcher = createDispatcher({ ignoreTlsErrors: true, connectTimeoutMs: 2_000 });
    const res = await new HttpClient({ clock: new FakeClock(), dispatcher }).getText(url);
    expect([res.status, res.body]).toEqual([200, 'secure hello']);
    await dispatcher.close();
  });

  it('still verifies certificates for a client without that dispatcher', async () => {
    const strict = createDispatcher();
    const err = await new HttpClient({ clock: new FakeClock(), dispatcher: strict }).getText(url).catch((e) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    await strict.close();
  });
});
