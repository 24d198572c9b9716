// Structured logging: pino to stdout + rotating files in the data dir + an in-memory ring for GET /api/v1/log.
// Every record passes through the redactor, so a secret-named field (built-in names, plus every field an
// integration schema marks secret, passed in as `secretKeys`) never reaches any sink.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { createRedactor, redactUrl, secretKeyMatcher } from './redact.js';

export type { Logger };

export interface LogEntry {
  time: string;
  level: string;
  module: string | undefined;
  message: string;
  fields: Record<string, unknown>;
}

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** Keeps the newest log records in memory for the API; files keep the long history. */
export class LogRing extends Writable {
  private entries: LogEntry[] = [];
  constructor(private readonly capacity = 5000) {
    super();
  }
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      try {
        const { time, level, msg, module, pid: _p, hostname: _h, ...fields } = JSON.parse(line);
        this.entries.push({
          time: new Date(time).toISOString(),
          level: LEVELS[level] ?? String(level),
          module,
          message: msg ?? '',
          fields,
        });
      } catch {
        // a partial line is not worth failing the logger over
      }
    }
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    done();
  }
  /** Newest first. */
  page(page: number, pageSize: number, level?: string): { total: number; records: LogEntry[] } {
    const all = level ? this.entries.filter((e) => e.level === level) : this.entries;
    const newestFirst = all.slice().reverse();
    return { total: all.length, records: newestFirst.slice((page - 1) * pageSize, page * pageSize) };
  }
}

export interface LoggerOptions {
  level: string;
  dataDir?: string;
  /** Extra destination, e.g. tests capturing output. Defaults to stdout. */
  stream?: NodeJS.WritableStream;
  ring?: LogRing;
  /** Field names to redact besides the built-in secret names (the integrations' secret settings fields). */
  secretKeys?: readonly string[];
}

export interface AppLogger {
  logger: Logger;
  /** Flushes and closes the file sink (its rotation timer would otherwise keep the process alive). */
  close(): Promise<void>;
}

export async function createLogger(opts: LoggerOptions): Promise<AppLogger> {
  let file: (NodeJS.WritableStream & { end(): void }) | undefined;
  const streams: pino.StreamEntry[] = [{ level: opts.level as pino.Level, stream: opts.stream ?? process.stdout }];
  if (opts.ring) streams.push({ level: 'debug', stream: opts.ring });
  if (opts.dataDir) {
    const dir = join(opts.dataDir, 'logs');
    mkdirSync(dir, { recursive: true });
    const { default: roll } = await import('pino-roll');
    file = await roll({
      file: join(dir, 'idkarr'),
      extension: '.log',
      size: '10m',
      frequency: 'daily',
      limit: { count: 7 },
      mkdir: true,
    });
    streams.push({ level: opts.level as pino.Level, stream: file });
  }
  const redact = createRedactor(secretKeyMatcher(opts.secretKeys));
  const logger = pino(
    {
      level: opts.level === 'silent' ? 'silent' : 'debug',
      base: undefined,
      formatters: { log: (obj) => redact(obj) as Record<string, unknown> },
      serializers: {
        err: pino.stdSerializers.err,
        req: (req: { method?: string; url?: string; ip?: string }) => ({
          method: req.method,
          url: req.url ? redactUrl(req.url) : undefined,
          ip: req.ip,
        }),
      },
    },
    pino.multistream(streams),
  );
  return {
    logger,
    close: async () => {
      logger.flush();
      const sink = file;
      file = undefined;
      if (sink) await endStream(sink);
    },
  };
}

/** A logger that writes nowhere; for tests and tools. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** SonicBoom's end() takes no callback: wait for its close/finish event, bounded so shutdown never hangs. */
function endStream(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, 2000);
    function done(): void {
      clearTimeout(timer);
      resolve();
    }
    stream.once('close', done);
    stream.once('finish', done);
    stream.end();
  });
}
