// The error mapper turns every failure into problem+json: Fastify's own errors, schema violations, the error
// taxonomy, and unexpected errors whose message must never reach the client.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bareApp } from '../../../test/support/bare-app.js';
import {
  AuthError,
  ConflictError,
  NotFoundError,
  ProtocolError,
  RateLimitedError,
  ServerError,
  ServiceUnavailableError,
  TimeoutError,
  UnreachableError,
  ValidationError,
} from '../../lib/errors.js';
import { problem } from './error-mapper.js';

const PROBLEM = 'application/problem+json; charset=utf-8';
const SECRET_MESSAGE = 'connect failed for postgres://admin:hunter2@db/prod apikey=0123456789abcdef';

let thrown: () => Error = () => new Error('unset');

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/login',
    {
      schema: {
        body: z.object({ username: z.string().min(1), password: z.string().min(8), age: z.number().optional() }),
      },
    },
    async () => ({ ok: true }),
  );
  app.get('/items/:id', { schema: { params: z.object({ id: z.coerce.number().int().positive() }) } }, async () => ({}));
  app.get('/search', { schema: { querystring: z.object({ page: z.coerce.number().int().min(1) }) } }, async () => ({}));
  app.get('/throw', async () => {
    throw thrown();
  });
};

describe('error mapper', () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = bareApp();
    await app.register(routes);
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
  });

  it('answers malformed JSON with a 400 that says so', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe(PROBLEM);
    expect(res.json()).toEqual({
      type: 'https://idkarr.dev/problems/400',
      title: 'Bad Request',
      status: 400,
      detail: 'malformed JSON body',
    });
  });

  it('answers an empty JSON body with a 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/malformed JSON|body/);
  });

  it('names every field a body violates', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/login',
      payload: { username: 5, password: 'short', age: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe(PROBLEM);
    const body = res.json();
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.age',
      'body.password',
      'body.username',
    ]);
    for (const e of body.errors) expect(e.message).toEqual(expect.any(String));
    expect(body.detail).toMatch(/^invalid body: /);
    expect(body.detail).toContain('body.username');
    expect(body.detail).toContain('body.password');
  });

  it('names a missing field', async () => {
    const res = await app.inject({ method: 'POST', url: '/login', payload: { username: 'a' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.password']);
  });

  it('names params and querystring fields', async () => {
    const p = await app.inject({ method: 'GET', url: '/items/abc' });
    expect(p.statusCode).toBe(400);
    expect(p.json().errors.map((e: { field: string }) => e.field)).toEqual(['params.id']);
    const q = await app.inject({ method: 'GET', url: '/search?page=0' });
    expect(q.statusCode).toBe(400);
    expect(q.json().errors.map((e: { field: string }) => e.field)).toEqual(['querystring.page']);
  });

  it('answers an unknown route with a 404 problem that does not echo query secrets', async () => {
    const res = await app.inject({ method: 'GET', url: '/nope/here?apikey=topsecret' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe(PROBLEM);
    expect(res.json()).toEqual({
      type: 'https://idkarr.dev/problems/404',
      title: 'Not Found',
      status: 404,
      detail: 'no route GET /nope/here',
    });
    expect(res.body).not.toContain('topsecret');
  });

  it('hides the message and stack of an unexpected error behind a 500', async () => {
    thrown = () => new Error(SECRET_MESSAGE);
    const res = await app.inject({ method: 'GET', url: '/throw' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toBe(PROBLEM);
    expect(res.json()).toEqual({
      type: 'https://idkarr.dev/problems/500',
      title: 'Internal Server Error',
      status: 500,
      detail: 'an internal error occurred; see the server log',
    });
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('0123456789abcdef');
    expect(res.body).not.toContain('at ');
  });

  it('still answers problem+json when the failing request has a malformed query escape', async () => {
    thrown = () => new Error(SECRET_MESSAGE);
    const res = await app.inject({ method: 'GET', url: '/throw?%zz=1' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toBe(PROBLEM);
    expect(res.json().detail).toBe('an internal error occurred; see the server log');
  });

  it('hides a TypeError too', async () => {
    thrown = () => new TypeError(`Cannot read properties of undefined (reading '${SECRET_MESSAGE}')`);
    const res = await app.inject({ method: 'GET', url: '/throw' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
  });

  it.each<[string, () => Error, number, string | undefined]>([
    ['NotFoundError', () => new NotFoundError('no movie 7'), 404, undefined],
    ['ConflictError', () => new ConflictError('already exists'), 409, undefined],
    ['AuthError (upstream)', () => new AuthError('qBittorrent rejected the password'), 502, undefined],
    ['ProtocolError', () => new ProtocolError('not XML', '<html>'), 502, undefined],
    ['ServerError', () => new ServerError('remote 500', 500), 502, undefined],
    ['UnreachableError', () => new UnreachableError('ECONNREFUSED'), 503, undefined],
    ['TimeoutError', () => new TimeoutError('timed out'), 503, undefined],
    ['ServiceUnavailableError', () => new ServiceUnavailableError('TMDB down'), 503, undefined],
    ['RateLimitedError', () => new RateLimitedError('slow down', 2_500), 503, '3'],
    ['RateLimitedError without a wait', () => new RateLimitedError('slow down'), 503, undefined],
  ])('maps %s to its status', async (_name, make, status, retryAfter) => {
    const err = make();
    thrown = () => err;
    const res = await app.inject({ method: 'GET', url: '/throw' });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toBe(PROBLEM);
    expect(res.json()).toEqual(problem(status, err.message));
    expect(res.headers['retry-after']).toBe(retryAfter);
  });

  it('maps ValidationError to 400 with its findings as errors', async () => {
    const findings = [
      { field: 'settings.url', message: 'must be a URL', severity: 'error' as const },
      { field: 'settings.apiKey', message: 'looks short', severity: 'warning' as const },
    ];
    thrown = () => new ValidationError('invalid settings', findings);
    const res = await app.inject({ method: 'GET', url: '/throw' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      type: 'https://idkarr.dev/problems/400',
      title: 'Bad Request',
      status: 400,
      detail: 'invalid settings',
      errors: findings,
    });
  });

  it('omits errors when a ValidationError has no findings', async () => {
    thrown = () => new ValidationError('nope');
    const res = await app.inject({ method: 'GET', url: '/throw' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).not.toHaveProperty('errors');
  });

  it('keeps the status and message of Fastify client errors (e.g. 415)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'text/x-weird' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toBe(PROBLEM);
    expect(res.json()).toMatchObject({ status: 415, title: 'Unsupported Media Type' });
  });
});
