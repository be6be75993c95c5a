// The API's own routes beyond the registers' CRUD (a case's workflow, its checklist…): the same
// session cookie and Accept-Language as the data provider, and refusals read the same way.
import { useMemo } from 'react';
import { fetchUtils, useLocaleState } from 'react-admin';
import type { Label } from './meta.js';
import { acceptLanguage } from './dataProvider.js';

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
}

export function createApiClient(getLocale: () => string): ApiClient {
  const request = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const headers = new Headers({ Accept: 'application/json', 'Accept-Language': acceptLanguage(getLocale()) });
    // fetchJson rejects with HttpError(body.message, status, body).
    const { json } = await fetchUtils.fetchJson(path, { ...init, headers, credentials: 'include' });
    return json as T;
  };
  return {
    get: (path) => request(path),
    post: (path, body = {}) => request(path, { method: 'POST', body: JSON.stringify(body) }),
  };
}

/** The API client in the console's current language. */
export function useApi(): ApiClient {
  const [locale] = useLocaleState();
  return useMemo(() => createApiClient(() => locale), [locale]);
}

/** One statutory or plugin rule a refused action broke (422 from a transition guard). */
export interface BrokenRule {
  rule: string;
  message: Label;
  details?: unknown;
}

/** What the server says when it refuses: `{ message, errors, rules? }`, already in the request's language. */
export interface ApiRefusal {
  status: number;
  message: string;
  /** Field name → message, for the inputs that caused it. */
  errors: Record<string, string>;
  rules: BrokenRule[];
}

/** Reads a refusal from a rejected request (HttpError from fetchJson, or a parsed XHR body). */
export function refusalOf(error: unknown, fallback: string): ApiRefusal {
  const e = (error ?? {}) as { status?: number; message?: string; body?: unknown };
  const body = (e.body && typeof e.body === 'object' ? e.body : {}) as { message?: unknown; errors?: unknown; rules?: unknown };
  const errors = body.errors && typeof body.errors === 'object' ? (body.errors as Record<string, unknown>) : {};
  return {
    status: Number(e.status ?? 0),
    message: typeof body.message === 'string' && body.message ? body.message : e.status ? (e.message || fallback) : fallback,
    errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, String(v)])),
    rules: Array.isArray(body.rules) ? (body.rules as BrokenRule[]) : [],
  };
}
