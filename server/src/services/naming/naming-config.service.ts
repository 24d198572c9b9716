// The naming settings: read, change (validated as a whole, findings per field) and preview. A change may carry one
// media type or a few fields; what it leaves out keeps its stored value.
import type { NamingConfigRepository } from '../../db/repositories/naming-config.repository.js';
import type { NamingConfig } from '../../domain/naming/naming.types.js';
import { type NamingExamples, namingExamples } from '../../domain/naming/naming-examples.js';
import { validateNamingConfig } from '../../domain/naming/naming-validation.js';
import type { Clock } from '../../lib/clock.js';
import { ValidationError } from '../../lib/errors.js';

export interface NamingConfigPatch {
  series?: Partial<NamingConfig['series']>;
  movie?: Partial<NamingConfig['movie']>;
}

function merge(stored: NamingConfig, patch: NamingConfigPatch): NamingConfig {
  return { series: { ...stored.series, ...patch.series }, movie: { ...stored.movie, ...patch.movie } };
}

function check(config: NamingConfig): void {
  const findings = validateNamingConfig(config);
  if (findings.length)
    throw new ValidationError(
      'invalid naming format',
      findings.map((f) => ({ ...f, severity: 'error' as const })),
    );
}

export class NamingConfigService {
  constructor(private readonly deps: { config: NamingConfigRepository; clock: Clock }) {}

  get(): Promise<NamingConfig> {
    return this.deps.config.get();
  }

  async update(patch: NamingConfigPatch): Promise<NamingConfig> {
    const next = merge(await this.deps.config.get(), patch);
    check(next);
    const changed: Partial<NamingConfig> = {};
    if (patch.series) changed.series = next.series;
    if (patch.movie) changed.movie = next.movie;
    await this.deps.config.save(changed, new Date(this.deps.clock.now()));
    return next;
  }

  /** Previews for the stored settings with `patch` applied (nothing is saved). */
  async examples(patch: NamingConfigPatch = {}): Promise<NamingExamples> {
    const config = merge(await this.deps.config.get(), patch);
    check(config);
    return namingExamples(config);
  }
}
