// Custom formats, release profiles and delay profiles: validation and the rules around storing them.
// Custom formats arrive as TRaSH-guide JSON (either field shape) and every regex is compiled before it is saved.
import type { CustomFormatRepository } from '../../db/repositories/custom-format.repository.js';
import {
  DEFAULT_DELAY_ORDER,
  type DelayProfileInput,
  type DelayProfileRepository,
} from '../../db/repositories/delay-profile.repository.js';
import type {
  ReleaseProfileInput,
  ReleaseProfileRepository,
} from '../../db/repositories/release-profile.repository.js';
import { readTrashFormat, type TrashFormat, toTrashFormat } from '../../domain/custom-formats/custom-format.codec.js';
import type { CustomFormat } from '../../domain/custom-formats/custom-format.types.js';
import type { DelayProfile, ReleaseProfile } from '../../domain/decisions/decision.types.js';
import { termErrors } from '../../domain/decisions/release-terms.js';
import { ConflictError, type Finding, NotFoundError, ValidationError } from '../../lib/errors.js';

export class CustomFormatService {
  constructor(private readonly deps: { formats: CustomFormatRepository }) {}

  list(): Promise<CustomFormat[]> {
    return this.deps.formats.list();
  }

  async get(id: number): Promise<CustomFormat> {
    const f = await this.deps.formats.get(id);
    if (!f) throw new NotFoundError(`custom format ${id} not found`);
    return f;
  }

  create(body: unknown): Promise<CustomFormat> {
    return this.deps.formats.insert(read(body));
  }

  async update(id: number, body: unknown): Promise<CustomFormat> {
    const f = await this.deps.formats.update(id, read(body));
    if (!f) throw new NotFoundError(`custom format ${id} not found`);
    return f;
  }

  async delete(id: number): Promise<void> {
    if (!(await this.deps.formats.delete(id))) throw new NotFoundError(`custom format ${id} not found`);
  }

  /**
   * Imports one format or a list (all validated before any is written). A name that exists is a conflict unless
   * `overwrite`, which replaces that format's conditions and keeps its id (so profile scores stay attached).
   */
  async import(body: unknown, overwrite: boolean): Promise<CustomFormat[]> {
    const list = Array.isArray(body) ? body : [body];
    const findings: Finding[] = [];
    const inputs = list.map((item, i) => {
      const r = readTrashFormat(item);
      if (!r.ok) {
        for (const f of r.findings) findings.push({ ...f, field: list.length > 1 ? `${i}.${f.field}` : f.field });
        return undefined;
      }
      return r.format;
    });
    if (findings.length) throw new ValidationError('invalid custom format', findings);
    const out: CustomFormat[] = [];
    for (const input of inputs) {
      const existing = await this.deps.formats.findByName(input!.name);
      if (existing && !overwrite) throw new ConflictError(`a custom format named "${input!.name}" already exists`);
      out.push(
        existing ? (await this.deps.formats.update(existing.id, input!))! : await this.deps.formats.insert(input!),
      );
    }
    return out;
  }

  async export(id?: number): Promise<TrashFormat[]> {
    const formats = id === undefined ? await this.list() : [await this.get(id)];
    return formats.map(toTrashFormat);
  }
}

function read(body: unknown) {
  const r = readTrashFormat(body);
  if (!r.ok) throw new ValidationError('invalid custom format', r.findings);
  return r.format;
}

function checkTerms(p: ReleaseProfileInput): ReleaseProfileInput {
  const findings: Finding[] = [];
  for (const field of ['required', 'ignored'] as const) {
    for (const message of termErrors(p[field])) findings.push({ field, message, severity: 'error' });
  }
  const required = p.required.map((t) => t.trim()).filter(Boolean);
  const ignored = p.ignored.map((t) => t.trim()).filter(Boolean);
  if (required.length === 0 && ignored.length === 0) {
    findings.push({ field: 'required', message: 'a release profile needs at least one term', severity: 'error' });
  }
  if (findings.length) throw new ValidationError('invalid release profile', findings);
  return { ...p, required, ignored };
}

export class ReleaseProfileService {
  constructor(private readonly deps: { profiles: ReleaseProfileRepository }) {}

  list(): Promise<ReleaseProfile[]> {
    return this.deps.profiles.list();
  }

  async get(id: number): Promise<ReleaseProfile> {
    const p = await this.deps.profiles.get(id);
    if (!p) throw new NotFoundError(`release profile ${id} not found`);
    return p;
  }

  create(input: ReleaseProfileInput): Promise<ReleaseProfile> {
    return this.deps.profiles.insert(checkTerms(input));
  }

  async update(id: number, input: ReleaseProfileInput): Promise<ReleaseProfile> {
    const p = await this.deps.profiles.update(id, checkTerms(input));
    if (!p) throw new NotFoundError(`release profile ${id} not found`);
    return p;
  }

  async delete(id: number): Promise<void> {
    if (!(await this.deps.profiles.delete(id))) throw new NotFoundError(`release profile ${id} not found`);
  }
}

export class DelayProfileService {
  constructor(private readonly deps: { profiles: DelayProfileRepository }) {}

  list(): Promise<DelayProfile[]> {
    return this.deps.profiles.list();
  }

  async get(id: number): Promise<DelayProfile> {
    const p = await this.deps.profiles.get(id);
    if (!p) throw new NotFoundError(`delay profile ${id} not found`);
    return p;
  }

  create(input: DelayProfileInput): Promise<DelayProfile> {
    if (input.tags.length === 0) {
      throw new ValidationError('only the default delay profile may have no tags', [
        { field: 'tags', message: 'a delay profile needs at least one tag', severity: 'error' },
      ]);
    }
    return this.deps.profiles.insert(check(input));
  }

  async update(id: number, input: DelayProfileInput): Promise<DelayProfile> {
    const current = await this.get(id);
    const isDefault = current.order === DEFAULT_DELAY_ORDER;
    if (isDefault && input.tags.length > 0) {
      throw new ValidationError('the default delay profile cannot have tags', [
        { field: 'tags', message: 'the default delay profile applies to everything', severity: 'error' },
      ]);
    }
    if (!isDefault && input.tags.length === 0) {
      throw new ValidationError('only the default delay profile may have no tags', [
        { field: 'tags', message: 'a delay profile needs at least one tag', severity: 'error' },
      ]);
    }
    return (await this.deps.profiles.update(id, check(input)))!;
  }

  /** Moves a profile to just after `afterId` (or first when omitted); the default stays last. */
  async reorder(id: number, afterId: number | undefined): Promise<DelayProfile[]> {
    const all = (await this.list()).filter((p) => p.order !== DEFAULT_DELAY_ORDER);
    const moving = all.find((p) => p.id === id);
    if (!moving) throw new NotFoundError(`delay profile ${id} not found or is the default`);
    const rest = all.filter((p) => p.id !== id);
    const at = afterId === undefined ? 0 : rest.findIndex((p) => p.id === afterId) + 1;
    if (afterId !== undefined && at === 0) throw new NotFoundError(`delay profile ${afterId} not found`);
    rest.splice(at, 0, moving);
    for (let i = 0; i < rest.length; i++) await this.deps.profiles.setOrder(rest[i]!.id, i + 1);
    return this.list();
  }

  async delete(id: number): Promise<void> {
    const current = await this.get(id);
    if (current.order === DEFAULT_DELAY_ORDER) throw new ConflictError('the default delay profile cannot be deleted');
    await this.deps.profiles.delete(id);
  }
}

function check(input: DelayProfileInput): DelayProfileInput {
  if (!input.enableUsenet && !input.enableTorrent) {
    throw new ValidationError('enable at least one protocol', [
      { field: 'enableUsenet', message: 'at least one of usenet and torrent must be enabled', severity: 'error' },
    ]);
  }
  const preferredProtocol =
    input.preferredProtocol === 'usenet' && !input.enableUsenet
      ? 'torrent'
      : input.preferredProtocol === 'torrent' && !input.enableTorrent
        ? 'usenet'
        : input.preferredProtocol;
  return { ...input, preferredProtocol };
}
