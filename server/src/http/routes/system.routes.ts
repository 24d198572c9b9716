import { copyFileSync, createReadStream } from 'node:fs';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LogRing } from '../../lib/logger.js';
import type { BackupService } from '../../services/backup.service.js';
import type { HealthService } from '../../services/health.service.js';

export interface SystemRouteDeps {
  version: string;
  startedAt: Date;
  databaseKind: 'sqlite' | 'postgres';
  dataDir: string;
  health: HealthService;
  logRing: LogRing;
  backups: BackupService;
  /** Settings read from the environment at start; shown, never changed, by the API. */
  host: HostConfig;
}

export interface HostConfig {
  port: number;
  bindAddress: string;
  logLevel: string;
  backupRetention: number;
  trustedProxies: string[];
}

const statusSchema = z.object({
  appName: z.literal('idkarr'),
  version: z.string(),
  startTime: z.string(),
  uptimeSeconds: z.number(),
  databaseType: z.enum(['sqlite', 'postgres']),
  dataDir: z.string(),
  osName: z.string(),
  osVersion: z.string(),
  arch: z.string(),
  runtimeName: z.literal('node'),
  runtimeVersion: z.string(),
  pid: z.number(),
});

// Read-only on purpose: these come from IDKARR_* variables validated at start, and the loggers, listener and
// proxy trust are built once from them, so a PUT could not take effect without a restart anyway.
const hostSchema = z.object({
  port: z.number(),
  bindAddress: z.string(),
  logLevel: z.string(),
  backupRetention: z.number(),
  trustedProxies: z.array(z.string()),
  source: z.literal('environment'),
});

const backupSchema = z.object({ name: z.string(), size: z.number(), time: z.string(), type: z.string() });
const nameParam = z.object({ name: z.string().regex(/^[\w.-]+$/) });

export function systemRoutes(deps: SystemRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/ping', { schema: { tags: ['system'] } }, async () => ({ status: 'OK' }));

    app.get('/api/v1/system/status', { schema: { tags: ['system'], response: { 200: statusSchema } } }, async () => ({
      appName: 'idkarr' as const,
      version: deps.version,
      startTime: deps.startedAt.toISOString(),
      uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
      databaseType: deps.databaseKind,
      dataDir: deps.dataDir,
      osName: platform(),
      osVersion: release(),
      arch: arch(),
      runtimeName: 'node' as const,
      runtimeVersion: process.versions.node,
      pid: process.pid,
    }));

    app.get('/api/v1/config/host', { schema: { tags: ['system'], response: { 200: hostSchema } } }, async () => ({
      ...deps.host,
      source: 'environment' as const,
    }));

    app.get('/api/v1/health', { schema: { tags: ['system'] } }, async () => deps.health.issues());

    app.get(
      '/api/v1/log',
      {
        schema: {
          tags: ['system'],
          querystring: z.object({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(1000).default(50),
            level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).optional(),
          }),
        },
      },
      async (req) => {
        const { page, pageSize, level } = req.query;
        const { total, records } = deps.logRing.page(page, pageSize, level);
        return { page, pageSize, totalRecords: total, records };
      },
    );

    app.get(
      '/api/v1/system/backup',
      { schema: { tags: ['system'], response: { 200: z.array(backupSchema) } } },
      async () => deps.backups.list(),
    );
    app.post(
      '/api/v1/system/backup',
      { schema: { tags: ['system'], response: { 201: backupSchema } } },
      async (_req, reply) => reply.code(201).send(await deps.backups.create('manual')),
    );
    app.get('/api/v1/system/backup/:name', { schema: { tags: ['system'], params: nameParam } }, async (req, reply) => {
      const path = deps.backups.pathOf(req.params.name);
      return reply
        .type('application/vnd.sqlite3')
        .header('content-disposition', `attachment; filename="${req.params.name}"`)
        .send(createReadStream(path));
    });
    app.delete(
      '/api/v1/system/backup/:name',
      { schema: { tags: ['system'], params: nameParam } },
      async (req, reply) => {
        deps.backups.delete(req.params.name);
        return reply.code(204).send();
      },
    );
    // Restoring replaces the live database, which cannot happen under a running server: stage it for the next start.
    app.post(
      '/api/v1/system/backup/:name/restore',
      { schema: { tags: ['system'], params: nameParam } },
      async (req) => {
        copyFileSync(deps.backups.pathOf(req.params.name), join(deps.dataDir, 'restore-pending.db'));
        return { restartRequired: true, message: 'the backup will be restored when idkarr next starts' };
      },
    );
  };
}
