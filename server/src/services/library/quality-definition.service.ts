// Quality definitions: the catalog's qualities with user-editable titles and size windows. The catalog decides
// which qualities exist; this service only edits sizes, and tops up qualities a newer catalog added.
import type {
  QualityDefinitionChange,
  QualityDefinitionRepository,
} from '../../db/repositories/quality-definition.repository.js';
import { defaultQualityDefinitions } from '../../domain/library/default-quality-profiles.js';
import type { QualityDefinitionRecord } from '../../domain/library/quality-profile.types.js';
import { validateSizeWindow } from '../../domain/library/quality-size.validation.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';

export class QualityDefinitionService {
  constructor(private readonly deps: { definitions: QualityDefinitionRepository }) {}

  list(): Promise<QualityDefinitionRecord[]> {
    return this.deps.definitions.list();
  }

  async get(id: number): Promise<QualityDefinitionRecord> {
    const found = await this.deps.definitions.get(id);
    if (!found) throw new NotFoundError(`quality definition ${id} not found`);
    return found;
  }

  /** Run at start: a catalog quality added after the database was seeded gets its default definition. */
  ensureCatalog(): Promise<number> {
    return this.deps.definitions.insertMissing(defaultQualityDefinitions());
  }

  async update(change: QualityDefinitionChange): Promise<QualityDefinitionRecord> {
    const findings = validateSizeWindow(change);
    if (findings.length > 0) throw new ValidationError('invalid quality definition sizes', findings);
    const [saved] = (await this.deps.definitions.updateMany([change])) ?? [];
    if (!saved) throw new NotFoundError(`quality definition ${change.id} not found`);
    return saved;
  }

  /** All or nothing: one invalid window or unknown id leaves every definition unchanged. */
  async updateMany(changes: readonly QualityDefinitionChange[]): Promise<QualityDefinitionRecord[]> {
    const findings = changes.flatMap((c, i) => validateSizeWindow(c, `${i}.`));
    if (findings.length > 0) throw new ValidationError('invalid quality definition sizes', findings);
    const saved = await this.deps.definitions.updateMany(changes);
    if (!saved) {
      const known = new Set((await this.deps.definitions.list()).map((d) => d.id));
      const unknown = changes.filter((c) => !known.has(c.id)).map((c) => c.id);
      throw new NotFoundError(`quality definition ${unknown.join(', ')} not found`);
    }
    return saved;
  }
}
