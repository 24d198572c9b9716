// /api/v1/remotepathmapping use cases. The host must be the host of a configured download client (a mapping for a
// host nothing reports from would never apply); paths are stored normalised with a trailing separator.
import { posix } from 'node:path';
import type { RemotePathMappingRepository } from '../../db/repositories/remote-path-mapping.repository.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import type { RemotePathMapping } from './download.types.js';
import { normaliseHost, normalisePath, PathMapper } from './path-mapper.js';

export interface RemotePathMappingInput {
  host: string;
  remotePath: string;
  localPath: string;
}

export interface RemotePathMappingServiceDeps {
  mappings: RemotePathMappingRepository;
  /** Download client definitions (host from their settings). */
  clients: { list(kind: 'downloadclient'): Promise<ProviderDefinition[]> };
}

export function clientHost(definition: ProviderDefinition): string {
  const host = definition.settings.host;
  return typeof host === 'string' ? host : '';
}

export class RemotePathMappingService {
  private cached: PathMapper | undefined;

  constructor(private readonly deps: RemotePathMappingServiceDeps) {}

  list(): Promise<RemotePathMapping[]> {
    return this.deps.mappings.list();
  }

  async get(id: number): Promise<RemotePathMapping> {
    const m = await this.deps.mappings.get(id);
    if (!m) throw new NotFoundError(`remote path mapping ${id} not found`);
    return m;
  }

  async create(input: RemotePathMappingInput): Promise<RemotePathMapping> {
    const m = await this.deps.mappings.insert(await this.validate(input));
    this.cached = undefined;
    return m;
  }

  async update(id: number, input: RemotePathMappingInput): Promise<RemotePathMapping> {
    const m = await this.deps.mappings.update(id, await this.validate(input));
    if (!m) throw new NotFoundError(`remote path mapping ${id} not found`);
    this.cached = undefined;
    return m;
  }

  async delete(id: number): Promise<void> {
    if (!(await this.deps.mappings.delete(id))) throw new NotFoundError(`remote path mapping ${id} not found`);
    this.cached = undefined;
  }

  /** The mapper over the stored mappings; rebuilt after a change. */
  async mapper(): Promise<PathMapper> {
    this.cached ??= new PathMapper(await this.deps.mappings.list());
    return this.cached;
  }

  private async validate(input: RemotePathMappingInput): Promise<Omit<RemotePathMapping, 'id'>> {
    const findings = [];
    const host = normaliseHost(input.host);
    const hosts = new Set((await this.deps.clients.list('downloadclient')).map((d) => normaliseHost(clientHost(d))));
    if (!host) findings.push({ field: 'host', message: 'a host is required', severity: 'error' as const });
    else if (!hosts.has(host))
      findings.push({
        field: 'host',
        message: `no download client uses host "${input.host}"; use the host exactly as a download client's settings have it (${[...hosts].filter(Boolean).join(', ') || 'none configured'})`,
        severity: 'error' as const,
      });
    if (!input.remotePath.trim())
      findings.push({ field: 'remotePath', message: 'a remote path is required', severity: 'error' as const });
    if (!posix.isAbsolute(input.localPath.trim()))
      findings.push({ field: 'localPath', message: 'the local path must be absolute', severity: 'error' as const });
    if (findings.length) throw new ValidationError('invalid remote path mapping', findings);
    return { host, remotePath: normalisePath(input.remotePath), localPath: normalisePath(input.localPath) };
  }
}
