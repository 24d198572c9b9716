import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, LogRing } from './logger.js';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

const flush = () => new Promise((r) => setImmediate(r));

describe('createLogger', () => {
  it('writes JSON lines with secrets redacted to the stream and the ring', async () => {
    const sink = new Sink();
    const ring = new LogRing();
    const { logger: log } = await createLogger({ level: 'info', stream: sink, ring });
    log.child({ module: 'indexer' }).info(
      {
        apiKey: 'KEY-1',
        auth: { password: 'PW-1', nested: { token: 'TOK-1' } },
        url: 'http://i/api?apikey=KEY-2&q=x',
      },
      'searching',
    );
    await flush();
    for (const secret of ['KEY-1', 'PW-1', 'TOK-1', 'KEY-2']) {
      expect(sink.text).not.toContain(secret);
      expect(JSON.stringify(ring.page(1, 10))).not.toContain(secret);
    }
    const line = JSON.parse(sink.text.trim());
    expect(line).toMatchObject({
      level: 30,
      module: 'indexer',
      msg: 'searching',
      apiKey: '[redacted]',
      auth: '[redacted]',
    });
    expect(line.url).toBe('http://i/api?apikey=[redacted]&q=x');
    const [entry] = ring.page(1, 10).records;
    expect(entry).toMatchObject({ level: 'info', module: 'indexer', message: 'searching' });
    expect(entry!.fields).toMatchObject({ apiKey: '[redacted]', url: 'http://i/api?apikey=[redacted]&q=x' });
  });

  it('keeps debug records in the ring while the stream gets only its level', async () => {
    const sink = new Sink();
    const ring = new LogRing();
    const { logger: log } = await createLogger({ level: 'warn', stream: sink, ring });
    log.debug('quiet');
    log.warn('loud');
    await flush();
    expect(sink.text).not.toContain('quiet');
    expect(sink.text).toContain('loud');
    expect(ring.page(1, 10).records.map((r) => r.message)).toEqual(['loud', 'quiet']);
  });

  it('writes nothing when silent', async () => {
    const sink = new Sink();
    const ring = new LogRing();
    const { logger: log } = await createLogger({ level: 'silent', stream: sink, ring });
    log.error('nope');
    await flush();
    expect(sink.text).toBe('');
    expect(ring.page(1, 10).total).toBe(0);
  });
});

describe('LogRing', () => {
  const line = (i: number, level = 30) =>
    `${JSON.stringify({ time: 1_700_000_000_000 + i, level, msg: `m${i}`, pid: 1, hostname: 'h', extra: i })}\n`;

  it('pages newest first, filters by level and keeps only its capacity', () => {
    const ring = new LogRing(5);
    for (let i = 0; i < 7; i++) ring.write(line(i, i % 2 ? 40 : 30));
    expect(ring.page(1, 2)).toEqual({
      total: 5,
      records: [
        {
          time: new Date(1_700_000_000_006).toISOString(),
          level: 'info',
          module: undefined,
          message: 'm6',
          fields: { extra: 6 },
        },
        {
          time: new Date(1_700_000_000_005).toISOString(),
          level: 'warn',
          module: undefined,
          message: 'm5',
          fields: { extra: 5 },
        },
      ],
    });
    expect(ring.page(3, 2).records.map((r) => r.message)).toEqual(['m2']);
    expect(ring.page(1, 10, 'warn').records.map((r) => r.message)).toEqual(['m5', 'm3']);
  });

  it('skips lines that are not JSON', () => {
    const ring = new LogRing();
    ring.write(`not json\n${line(1)}{"partial":`);
    expect(ring.page(1, 10).records.map((r) => r.message)).toEqual(['m1']);
  });
});
