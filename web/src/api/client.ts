// Fetch wrapper for /api/v1: JSON in and out, the session cookie goes along, problem documents become ApiError,
// and a 401 sends the browser to the stand-alone login page (which returns here afterwards).

export interface Finding {
  field: string;
  message: string;
  severity?: 'error' | 'warning';
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: Finding[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `request failed with status ${status}`);
    this.name = 'ApiError';
  }
  get findings(): Finding[] {
    return this.problem.errors ?? [];
  }
}

export function loginUrl(): string {
  const here = window.location.pathname + window.location.search;
  return `/login?returnUrl=${encodeURIComponent(here)}`;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  const res = await fetch(`/api/v1${path}`, init);
  if (res.status === 401 && !path.startsWith('/auth/login')) {
    window.location.assign(loginUrl());
    throw new ApiError(401, { status: 401, detail: 'authentication required' });
  }
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const problem = (data && typeof data === 'object' ? data : { status: res.status }) as Problem;
    throw new ApiError(res.status, { ...problem, status: res.status });
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});
export const del = <T>(path: string) => api<T>('DELETE', path);

/** Query string from defined values only. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') out.set(k, String(v));
  const s = out.toString();
  return s ? `?${s}` : '';
}
