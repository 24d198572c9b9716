// Serves the web UI (web/dist, built by `npm run build`) at `/`. Files are served as they are: hashed files under
// /assets/ are cached for a year, everything else is revalidated. Any other GET that asks for HTML and is not an
// API path gets index.html, so client-side routes (/movies, /settings/general, …) survive a reload; `/api/*` and
// non-HTML requests keep the JSON 404 of the error mapper. Authentication is the global auth hook's job: this
// plugin is registered after it, so nothing here is public unless the auth allow-list says so.
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

/** web/dist beside server/ (the same four levels up from src/http/plugins and dist/http/plugins). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

const YEAR_SECONDS = 365 * 24 * 3600;

function acceptsHtml(req: FastifyRequest): boolean {
  return String(req.headers.accept ?? '').includes('text/html');
}

/** The file under root that a URL path names, or undefined (outside root, a directory, missing). */
export function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative === '' || relative.split(/[/\\]/).includes('..')) return undefined;
  const full = join(root, relative);
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    return statSync(full).isFile() ? relative : undefined;
  } catch {
    return undefined;
  }
}

export function staticPlugin(root: string = DEFAULT_WEB_ROOT): FastifyPluginAsync {
  return async (app) => {
    // `serve: false`: only reply.sendFile (range, ETag, content type, path checks); the one route below decides.
    await app.register(fastifyStatic, { root, serve: false });
    const sendIndex = (reply: FastifyReply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });

    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      const path = req.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
      const file = path === '/' ? undefined : fileFor(root, path);
      const hasIndex = existsSync(join(root, 'index.html'));
      if (file) {
        const immutable = file.startsWith(`assets${sep}`) || file.startsWith('assets/');
        return reply
          .header('cache-control', immutable ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache')
          .sendFile(file, root, { cacheControl: false });
      }
      // Client-side routes: the SPA shell. Missing hashed assets and non-HTML requests stay 404.
      if (hasIndex && (path === '/' || (acceptsHtml(req) && !path.startsWith('/assets/')))) return sendIndex(reply);
      return reply.callNotFound();
    });
  };
}
