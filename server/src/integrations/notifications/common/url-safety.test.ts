import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  assertSafeTarget,
  blockedAddressReason,
  checkTargetUrl,
  createSafeDispatcher,
  ensureSafeTarget,
  UnsafeTargetError,
} from './url-safety.js';

describe('blockedAddressReason', () => {
  it.each([
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.1.2', 'link-local'],
    ['100.100.100.200', 'cloud metadata'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'AWS metadata'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['0.0.0.0', 'not a unicast'],
    ['224.0.0.1', 'not a unicast'],
  ])('refuses %s', (ip, why) => {
    expect(blockedAddressReason(ip)).toContain(why);
  });
  it.each(['10.0.0.5', '172.16.3.4', '192.168.1.10', '127.0.0.1', '::1', 'fd12:3456::1', '8.8.8.8', '100.64.0.1'])(
    'allows %s',
    (ip) => {
      expect(blockedAddressReason(ip)).toBeNull();
    },
  );
});

describe('assertSafeTarget', () => {
  it('refuses link-local, metadata names and bad URLs with a finding on the field', () => {
    expect(assertSafeTarget('http://169.254.169.254/latest/meta-data/')).toMatchObject({
      field: 'settings.url',
      severity: 'error',
    });
    expect(assertSafeTarget('http://[fe80::1]:8080/x', { field: 'settings.webhookUrl' })?.field).toBe(
      'settings.webhookUrl',
    );
    expect(assertSafeTarget('http://[fd00:ec2::254]/')?.message).toContain('metadata');
    expect(assertSafeTarget('http://metadata.google.internal/computeMetadata/v1/')?.message).toContain('metadata');
    expect(assertSafeTarget('http://METADATA.google.internal./')).not.toBeNull();
    expect(assertSafeTarget('not a url')?.message).toBe('not a valid URL');
    expect(assertSafeTarget('file:///etc/passwd')?.message).toContain('http');
  });
  it('allows LAN and localhost targets, and link-local when opted in', () => {
    for (const u of ['http://192.168.1.2:8123/api', 'http://localhost:5000/', 'https://10.1.2.3/', 'http://[::1]/'])
      expect(assertSafeTarget(u)).toBeNull();
    expect(assertSafeTarget('http://169.254.10.10/', { allowLinkLocal: true })).toBeNull();
  });
});

describe('checkTargetUrl', () => {
  it('refuses a name that resolves to a metadata address', async () => {
    const lookup = async () => [
      { address: '10.0.0.1', family: 4 },
      { address: '169.254.169.254', family: 4 },
    ];
    const f = await checkTargetUrl('http://innocent.example/hook', { lookup });
    expect(f?.message).toContain('resolves to 169.254.169.254');
    await expect(ensureSafeTarget('http://innocent.example/hook', { lookup })).rejects.toBeInstanceOf(
      UnsafeTargetError,
    );
    expect(
      await checkTargetUrl('http://lan.example/hook', { lookup: async () => [{ address: '192.168.0.9', family: 4 }] }),
    ).toBeNull();
  });
  it('uses the system resolver by default (localhost is allowed)', async () => {
    expect(await checkTargetUrl('http://localhost:1/')).toBeNull();
  });
});

describe('createSafeDispatcher', () => {
  it('connects to allowed hosts by name', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    const dispatcher = createSafeDispatcher();
    try {
      const res = await fetch(`http://localhost:${port}/`, { dispatcher } as unknown as RequestInit);
      expect(await res.text()).toBe('ok');
    } finally {
      server.close();
    }
  });
});
