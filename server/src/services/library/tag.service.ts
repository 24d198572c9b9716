// Tags: labels that tie movies and series to indexers, download clients, notifications and lists. Labels are
// stored trimmed and lower-case (as Sonarr does) so "4K" and "4k" are one tag; a tag still in use cannot be deleted.
import { emptyUsage, type TagRepository } from '../../db/repositories/tag.repository.js';
import type { Tag, TagDetail } from '../../domain/library/library-config.types.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';

export function normalizeTagLabel(label: string): string {
  return label.trim().toLowerCase();
}

function checkLabel(raw: string): string {
  const label = normalizeTagLabel(raw);
  if (label === '') {
    throw new ValidationError('label must not be empty', [
      { field: 'label', message: 'must not be empty', severity: 'error' },
    ]);
  }
  return label;
}

export class TagService {
  constructor(private readonly deps: { tags: TagRepository }) {}

  list(): Promise<Tag[]> {
    return this.deps.tags.list();
  }

  async get(id: number): Promise<Tag> {
    const tag = await this.deps.tags.get(id);
    if (!tag) throw new NotFoundError(`tag ${id} not found`);
    return tag;
  }

  create(label: string): Promise<Tag> {
    return this.deps.tags.insert(checkLabel(label));
  }

  async update(id: number, label: string): Promise<Tag> {
    const tag = await this.deps.tags.update(id, checkLabel(label));
    if (!tag) throw new NotFoundError(`tag ${id} not found`);
    return tag;
  }

  async delete(id: number): Promise<void> {
    const tag = await this.get(id);
    const usage = (await this.deps.tags.usage()).get(id);
    if (usage) {
      const parts = Object.entries(usage)
        .filter(([, ids]) => ids.length > 0)
        .map(([field, ids]) => `${ids.length} ${field.replace(/Ids$/, '')}`);
      if (parts.length > 0) throw new ConflictError(`tag "${tag.label}" is still used by ${parts.join(', ')}`);
    }
    await this.deps.tags.delete(id);
  }

  async details(): Promise<TagDetail[]> {
    const [tags, usage] = [await this.deps.tags.list(), await this.deps.tags.usage()];
    return tags.map((t) => ({ ...t, ...(usage.get(t.id) ?? emptyUsage()) }));
  }

  async detail(id: number): Promise<TagDetail> {
    const tag = await this.get(id);
    return { ...tag, ...((await this.deps.tags.usage()).get(id) ?? emptyUsage()) };
  }
}
