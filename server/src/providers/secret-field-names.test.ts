// The logger redacts every settings field an integration marks secret: the named integrations' odd secret names
// (which the built-in name list misses) and, row by row, every secret field of every registered integration, so
// a new integration is covered the moment it is registered.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger.js';
import { isSecretKey, REDACTED } from '../lib/redact.js';
import { builtinRegistry } from './builtin-registry.js';
import { PROVIDER_KINDS } from './provider-kind.js';
import { secretFieldNames } from './secret-field-names.js';
import { secretFields } from './settings-schema.js';

const registry = builtinRegistry();

/** Logs `fields` through a logger built the way compose.ts builds it; returns the JSON record written. */
async function logged(fields: Record<string, unknown>): Promise<{ text: string; record: Record<string, unknown> }> {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  const { logger } = await createLogger({ level: 'info', stream: sink, secretKeys: secretFieldNames(registry) });
  logger.info(fields, 'settings');
  await new Promise((r) => setImmediate(r));
  return { text, record: JSON.parse(text.trim()) as Record<string, unknown> };
}

describe('log redaction of integration secrets', () => {
  it.each([
    [
      'notification',
      'pushover',
      { apiToken: 'azGDORePK8gMaC0QOYAMyEEuzJnyUi', userKey: 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG' },
    ],
    ['notification', 'gotify', { appToken: 'AvKcy9o-yvVhyKd' }],
    ['metadata', 'tvdb', { apiKey: 'tvdb-key-123', pin: 'SUBSCRIBER-PIN' }],
    ['notification', 'apprise', { statelessUrls: 'tgram://bottoken/chatid', password: 'pw-apprise' }],
    ['notification', 'webhook', { bearerToken: 'bearer-abc', headerValue: 'header-secret', password: 'pw-hook' }],
    ['importlist', 'trakt', { clientId: 'trakt-client-id', clientSecret: 'trakt-secret', accessToken: 'at-1' }],
  ] as const)('%s %s: every secret field shows %s', async (kind, id, secrets) => {
    expect(registry.find(kind, id), `${kind} ${id} is registered`).toBeDefined();
    const { text, record } = await logged({ settings: { name: 'visible', ...secrets } });
    const settings = record.settings as Record<string, unknown>;
    expect(settings.name).toBe('visible');
    for (const [field, value] of Object.entries(secrets)) {
      expect(settings[field], field).toBe(REDACTED);
      expect(text).not.toContain(value);
    }
  });

  const rows = PROVIDER_KINDS.flatMap((kind) =>
    registry.list(kind).flatMap((i) => secretFields(i.settings).map((field) => [kind, i.id, field] as const)),
  );

  it('finds secret fields the built-in names miss (the list is derived, not typed by hand)', () => {
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter(([, , field]) => !isSecretKey(field)).length).toBeGreaterThan(0);
  });

  it.each(rows)('%s %s: %s is redacted', async (_kind, _id, field) => {
    const value = `SECRET-VALUE-${field}`;
    const { text, record } = await logged({ settings: { [field]: value }, nested: [{ [field]: value }] });
    expect(text).not.toContain(value);
    expect((record.settings as Record<string, unknown>)[field]).toBe(REDACTED);
  });
});
