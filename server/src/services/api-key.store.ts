// The API key lives in <dataDir>/config.json (mode 0600), generated on first start unless IDKARR_API_KEY is set.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConflictError } from '../lib/errors.js';

export interface StoredConfig {
  apiKey: string;
}

export class ApiKeyStore {
  readonly file: string;
  private current: string;
  readonly fromEnv: boolean;

  constructor(dataDir: string, envKey: string | undefined) {
    this.file = join(dataDir, 'config.json');
    this.fromEnv = envKey !== undefined;
    if (envKey) {
      this.current = envKey;
      return;
    }
    const stored = this.read();
    if (stored?.apiKey) {
      this.current = stored.apiKey;
    } else {
      this.current = generateApiKey();
      this.write({ ...(stored ?? {}), apiKey: this.current });
    }
  }

  get apiKey(): string {
    return this.current;
  }

  /** Replaces the key (UI "regenerate"); refused when the key comes from the environment. */
  regenerate(): string {
    if (this.fromEnv) throw new ConflictError('the API key is set by IDKARR_API_KEY and cannot be regenerated here');
    this.current = generateApiKey();
    this.write({ ...(this.read() ?? {}), apiKey: this.current });
    return this.current;
  }

  private read(): StoredConfig | undefined {
    if (!existsSync(this.file)) return undefined;
    return JSON.parse(readFileSync(this.file, 'utf8')) as StoredConfig;
  }

  private write(cfg: StoredConfig): void {
    mkdirSync(join(this.file, '..'), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(cfg, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
    chmodSync(this.file, 0o600);
  }
}

export function generateApiKey(): string {
  return randomBytes(16).toString('hex');
}
