// The composed app's logger redacts the secret fields the registered integrations declare (compose.ts derives
// the list from the registry), not just the built-in secret names: a settings object logged anywhere in the app
// keeps its secrets out of stdout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, startApp } from '../support/app-harness.js';

describe('composed logger redacts integration secrets (sqlite)', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startApp('sqlite', { env: { IDKARR_LOG_LEVEL: 'info' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('pushover, gotify, tvdb, apprise, webhook and trakt secrets never reach the log', async () => {
    const secrets = {
      userKey: 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG',
      appToken: 'AvKcy9o-yvVhyKd',
      pin: 'TVDB-PIN-4242',
      statelessUrls: 'tgram://bottoken/chatid',
      headerValue: 'X-Secret-Header-Value',
      clientId: 'trakt-client-id-0001',
    };
    h.app.logger
      .child({ module: 'test' })
      .info({ settings: { host: 'visible.example', ...secrets } }, 'settings logged');
    await new Promise((r) => setImmediate(r));
    const line = h.stdout.text.split('\n').find((l) => l.includes('settings logged'));
    expect(line).toBeDefined();
    expect(line).toContain('visible.example');
    for (const value of Object.values(secrets)) expect(line).not.toContain(value);
  });
});
