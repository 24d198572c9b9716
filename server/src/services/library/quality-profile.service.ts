// Quality profiles: validated before every write (known qualities, no duplicates, something allowed, cutoff
// allowed) and never deleted while a movie or series still uses one: the answer names who uses it.
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { QualityProfileRepository } from '../../db/repositories/quality-profile.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import { profileTemplate } from '../../domain/library/default-quality-profiles.js';
import type { QualityProfile, QualityProfileInput } from '../../domain/library/quality-profile.types.js';
import { validateQualityProfile } from '../../domain/library/quality-profile.validation.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';

export interface QualityProfileServiceDeps {
  profiles: QualityProfileRepository;
  movies: MovieRepository;
  series: SeriesRepository;
}

function validate(input: QualityProfileInput): void {
  const findings = validateQualityProfile(input);
  if (findings.length > 0) throw new ValidationError(`invalid quality profile "${input.name}"`, findings);
}

export class QualityProfileService {
  constructor(private readonly deps: QualityProfileServiceDeps) {}

  list(): Promise<QualityProfile[]> {
    return this.deps.profiles.list();
  }

  /** A new profile's starting point: the whole ladder, nothing allowed (Sonarr's /qualityprofile/schema). */
  schema(): QualityProfileInput {
    return profileTemplate();
  }

  async get(id: number): Promise<QualityProfile> {
    const found = await this.deps.profiles.get(id);
    if (!found) throw new NotFoundError(`quality profile ${id} not found`);
    return found;
  }

  create(input: QualityProfileInput): Promise<QualityProfile> {
    validate(input);
    return this.deps.profiles.insert(input);
  }

  async update(id: number, input: QualityProfileInput): Promise<QualityProfile> {
    validate(input);
    const saved = await this.deps.profiles.update(id, input);
    if (!saved) throw new NotFoundError(`quality profile ${id} not found`);
    return saved;
  }

  async delete(id: number): Promise<void> {
    const profile = await this.get(id);
    const movies = await this.deps.movies.usingProfile(id);
    const series = await this.deps.series.usingProfile(id);
    if (movies.total + series.total > 0) {
      const users = [
        ...(movies.total ? [`${movies.total} movie(s): ${listed(movies)}`] : []),
        ...(series.total ? [`${series.total} series: ${listed(series)}`] : []),
      ];
      throw new ConflictError(`quality profile "${profile.name}" is used by ${users.join('; ')}`);
    }
    await this.deps.profiles.delete(id);
  }
}

function listed(usage: { total: number; titles: string[] }): string {
  const more = usage.total - usage.titles.length;
  return usage.titles.join(', ') + (more > 0 ? ` and ${more} more` : '');
}
