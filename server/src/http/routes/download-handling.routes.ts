// GET/PUT /api/v1/config/downloadclient: download handling (stalled detection, search again after a failure).
// A PUT may carry only the fields it changes; an invalid field is a 400 naming it (body.stalledMinutes, …).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type DownloadHandlingSettings,
  downloadHandlingPatchSchema,
  downloadHandlingSchema,
} from '../../services/downloads/download-handling.settings.js';

export interface DownloadHandlingRouteDeps {
  settings: {
    get(): Promise<DownloadHandlingSettings>;
    update(patch: Partial<DownloadHandlingSettings>): Promise<DownloadHandlingSettings>;
  };
}

export function downloadHandlingRoutes(deps: DownloadHandlingRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['config'];
    app.get('/config/downloadclient', { schema: { tags, response: { 200: downloadHandlingSchema } } }, () =>
      deps.settings.get(),
    );
    app.put(
      '/config/downloadclient',
      { schema: { tags, body: downloadHandlingPatchSchema, response: { 200: downloadHandlingSchema } } },
      (req) => deps.settings.update(req.body as Partial<DownloadHandlingSettings>),
    );
  };
}
