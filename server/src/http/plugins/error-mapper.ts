// The one place errors become HTTP responses: problem+json `{type, title, status, detail, errors?}`.
// Internal errors never leak their message or stack; taxonomy errors map to fixed status codes.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  AuthError,
  ConflictError,
  IdkarrError,
  NotFoundError,
  ProtocolError,
  RateLimitedError,
  ServerError,
  ServiceUnavailableError,
  TimeoutError,
  UnreachableError,
  ValidationError,
} from '../../lib/errors.js';
import { redactUrl } from '../../lib/redact.js';

export interface ProblemError {
  field: string;
  message: string;
  severity?: 'error' | 'warning';
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function problem(status: number, detail?: string, errors?: ProblemError[]): Problem {
  return {
    type: `https://idkarr.dev/problems/${status}`,
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(p.status).headers(headers).type('application/problem+json').send(p);
}

function fromTaxonomy(err: IdkarrError): { p: Problem; headers?: Record<string, string> } {
  if (err instanceof ValidationError) return { p: problem(400, err.message, err.findings) };
  if (err instanceof NotFoundError) return { p: problem(404, err.message) };
  if (err instanceof ConflictError) return { p: problem(409, err.message, err.findings) };
  if (err instanceof RateLimitedError) {
    const headers: Record<string, string> = {};
    if (err.retryAfterMs) headers['retry-after'] = String(Math.ceil(err.retryAfterMs / 1000));
    return { p: problem(503, err.message), headers };
  }
  if (err instanceof ServiceUnavailableError || err instanceof UnreachableError || err instanceof TimeoutError)
    return { p: problem(503, err.message) };
  // A remote service rejecting our credentials is the remote's problem, not the caller's: never a 401 here.
  if (err instanceof AuthError || err instanceof ProtocolError || err instanceof ServerError)
    return { p: problem(502, err.message) };
  return { p: problem(500) };
}

export function registerErrorMapper(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const errors = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return { field: path ? `${where}.${path}` : where, message: v.message ?? 'invalid' };
      });
      return sendProblem(
        reply,
        problem(400, `invalid ${where}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors),
      );
    }
    if (err instanceof IdkarrError) {
      const { p, headers } = fromTaxonomy(err);
      if (p.status >= 500) req.log.warn({ err: { type: err.name, message: err.message } }, 'request failed');
      return sendProblem(reply, p, headers);
    }
    if (
      err instanceof SyntaxError ||
      err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
    )
      return sendProblem(reply, problem(400, 'malformed JSON body'));
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendProblem(reply, problem(status, err.message));
    req.log.error({ err, url: redactUrl(req.url) }, 'unhandled error');
    return sendProblem(reply, problem(500, 'an internal error occurred; see the server log'));
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, problem(404, `no route ${req.method} ${redactUrl(req.url.split('?')[0] ?? '')}`)),
  );
}
