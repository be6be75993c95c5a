// The console's one way to the API: ra-data-simple-rest, the auth provider, the case's own routes
// and the plugins all send the session cookie and the console's language, and all read a refusal
// `{ message, errors }` as react-admin's HttpError(message, status, body).
import { useMemo } from 'react';
import { fetchUtils, HttpError, useLocaleState } from 'react-admin';
import type { Label } from './meta.js';

/** The Accept-Language the server reads: English when it starts with `en`, Chinese otherwise. */
export function acceptLanguage(locale: string): 'zh-CN' | 'en' {
  return locale === 'en' ? 'en' : 'zh-CN';
}

export type HttpClient = (url: string, options?: fetchUtils.Options) => ReturnType<typeof fetchUtils.fetchJson>;

/** fetchJson with the cookie and the language: it rejects with HttpError(body.message, status, body). */
export function createHttpClient(getLocale: () => string): HttpClient {
  return (url, options = {}) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('Accept-Language', acceptLanguage(getLocale()));
    return fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
  };
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // not JSON (a proxy's page, a dropped connection): the status alone says what happened
  }
}

/** A refusal read the way fetchJson reads one, for answers that did not come through it. */
function httpError(status: number, statusText: string, body: unknown): HttpError {
  const message = (body as { message?: unknown } | null)?.message;
  return new HttpError(typeof message === 'string' && message ? message : statusText, status, body);
}

export interface UploadOptions {
  /** 0 … 1 as the body travels. */
  onProgress?: (fraction: number) => void;
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  /** A multipart POST through XMLHttpRequest, whose upload reports progress (fetch's does not). */
  upload<T>(path: string, form: FormData, options?: UploadOptions): Promise<T>;
}

export function createApiClient(getLocale: () => string): ApiClient {
  const http = createHttpClient(getLocale);
  const request = async <T>(path: string, init: RequestInit = {}): Promise<T> => (await http(path, init)).json as T;
  return {
    get: (path) => request(path),
    post: (path, body = {}) => request(path, { method: 'POST', body: JSON.stringify(body) }),
    upload: <T>(path: string, form: FormData, { onProgress }: UploadOptions = {}) => new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.withCredentials = true;
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Accept-Language', acceptLanguage(getLocale()));
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
      };
      xhr.onload = () => {
        const body = jsonOf(xhr.responseText);
        if (xhr.status < 200 || xhr.status >= 300) return reject(httpError(xhr.status, xhr.statusText, body));
        onProgress?.(1);
        resolve(body as T);
      };
      xhr.onerror = xhr.onabort = () => reject(new HttpError('', 0, null));
      xhr.send(form);
    }),
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

/** Reads a refusal from a rejected request (the HttpError of any of the clients above). */
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
