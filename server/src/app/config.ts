// Environment configuration, validated once at start. An invalid value stops the process with one clear line.
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { redactUrl } from '../lib/redact.js';

const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export const envSchema = z.object({
  IDKARR_PORT: port.default(7979),
  IDKARR_BIND: z
    .string()
    .regex(/^[0-9a-fA-F:.]+$|^localhost$/, 'must be an IP address such as 0.0.0.0 or 127.0.0.1')
    .default('0.0.0.0'),
  IDKARR_DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  IDKARR_DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/./.test(v) || /^sqlite:./.test(v), 'must be postgres://… or sqlite:PATH')
    .optional(),
  IDKARR_API_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,128}$/, 'must be 20-128 characters of letters, digits, - or _')
    .optional(),
  IDKARR_LOG_LEVEL: logLevel.default('info'),
  /** Comma-separated IPs/CIDRs whose X-Forwarded-* headers are believed. Empty = ignore forwarded headers. */
  IDKARR_TRUSTED_PROXIES: z.string().default(''),
  IDKARR_BACKUP_RETENTION: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1000).default(7),
  IDKARR_TMDB_API_KEY: z.string().optional(),
  IDKARR_TMDB_URL: z.url('must be a URL').default('https://api.themoviedb.org/3'),
  IDKARR_TVDB_API_KEY: z.string().optional(),
  IDKARR_TVDB_URL: z.url('must be a URL').default('https://api4.thetvdb.com/v4'),
});

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  bind: string;
  dataDir: string;
  database: DatabaseConfig;
  apiKey: string | undefined;
  logLevel: z.infer<typeof logLevel>;
  trustedProxies: string[];
  backupRetention: number;
  tmdb: { apiKey: string | undefined; url: string };
  tvdb: { apiKey: string | undefined; url: string };
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError whose message names the variable and the reason. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`${name}: ${issue.message}${shownValue(name, env[name])}`);
  }
  const e = parsed.data;
  const dataDir = isAbsolute(e.IDKARR_DATA_DIR) ? e.IDKARR_DATA_DIR : resolve(cwd, e.IDKARR_DATA_DIR);
  const url = e.IDKARR_DATABASE_URL;
  const database: DatabaseConfig =
    url && /^postgres/.test(url)
      ? { kind: 'postgres', url }
      : { kind: 'sqlite', file: url ? resolve(dataDir, url.slice('sqlite:'.length)) : resolve(dataDir, 'idkarr.db') };
  return {
    port: e.IDKARR_PORT,
    bind: e.IDKARR_BIND,
    dataDir,
    database,
    apiKey: e.IDKARR_API_KEY,
    logLevel: e.IDKARR_LOG_LEVEL,
    trustedProxies: e.IDKARR_TRUSTED_PROXIES.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    backupRetention: e.IDKARR_BACKUP_RETENTION,
    tmdb: { apiKey: e.IDKARR_TMDB_API_KEY, url: e.IDKARR_TMDB_URL },
    tvdb: { apiKey: e.IDKARR_TVDB_API_KEY, url: e.IDKARR_TVDB_URL },
  };
}

/** The rejected value helps the user, unless it is (or contains) a secret. */
function shownValue(name: string, value: string | undefined): string {
  if (value === undefined || /API_KEY|PASSWORD|SECRET|TOKEN/.test(name)) return '';
  if (name === 'IDKARR_DATABASE_URL') return ` (got ${JSON.stringify(redactUrl(value))})`;
  return ` (got ${JSON.stringify(value)})`;
}
