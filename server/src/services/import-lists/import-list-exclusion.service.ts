// /importlistexclusion: items no import list may add. Each needs the ids its media type is keyed by (a movie: tmdbId
// or imdbId; a series: tvdbId, tmdbId or imdbId); an id already excluded is a 409.
import type {
  ImportListExclusion,
  ImportListRepository,
  NewExclusion,
} from '../../db/repositories/import-list.repository.js';
import type { Clock } from '../../lib/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';

export interface ImportListExclusionServiceDeps {
  store: ImportListRepository;
  clock: Clock;
}

export class ImportListExclusionService {
  constructor(private readonly deps: ImportListExclusionServiceDeps) {}

  list(): Promise<ImportListExclusion[]> {
    return this.deps.store.listExclusions();
  }

  async get(id: number): Promise<ImportListExclusion> {
    const found = await this.deps.store.getExclusion(id);
    if (!found) throw new NotFoundError(`import list exclusion ${id} not found`);
    return found;
  }

  async create(input: NewExclusion): Promise<ImportListExclusion> {
    this.check(input);
    await this.requireUnique(input, undefined);
    return this.deps.store.insertExclusion(input, new Date(this.deps.clock.now()).toISOString());
  }

  async update(id: number, input: NewExclusion): Promise<ImportListExclusion> {
    await this.get(id);
    this.check(input);
    await this.requireUnique(input, id);
    const saved = await this.deps.store.updateExclusion(id, input);
    if (!saved) throw new NotFoundError(`import list exclusion ${id} not found`);
    return saved;
  }

  async delete(id: number): Promise<void> {
    if (!(await this.deps.store.deleteExclusion(id))) throw new NotFoundError(`import list exclusion ${id} not found`);
  }

  private check(e: NewExclusion): void {
    if (e.mediaType === 'movie' && e.tvdbId !== null) {
      const message = 'movies have no TVDB id';
      throw new ValidationError(message, [{ field: 'body.tvdbId', message, severity: 'error' }]);
    }
    if (e.tmdbId === null && e.tvdbId === null && e.imdbId === null) {
      const message = e.mediaType === 'movie' ? 'tmdbId or imdbId is required' : 'tvdbId, tmdbId or imdbId is required';
      throw new ValidationError(message, [{ field: 'body.tmdbId', message, severity: 'error' }]);
    }
  }

  private async requireUnique(e: NewExclusion, selfId: number | undefined): Promise<void> {
    const clash = (await this.deps.store.findExclusions(e)).find((x) => x.id !== selfId);
    if (clash) throw new ConflictError(`"${clash.title}" is already excluded (exclusion ${clash.id})`);
  }
}
