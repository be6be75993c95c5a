// better-auth answers in English with a code; the console's users read Chinese.
import type { Locale } from '../rest/errors.js';

const messages: Record<string, { zh: string; en: string }> = Object.assign(Object.create(null), {
  INVALID_EMAIL_OR_PASSWORD: { zh: '邮箱或密码错误', en: 'Wrong email or password' },
  BANNED_USER: { zh: '该账号已被停用，请联系中心管理员', en: 'This account is banned; contact the centre admin' },
  TOO_MANY_REQUESTS: { zh: '登录尝试过于频繁，请稍后再试', en: 'Too many attempts; try again later' },
  MISSING_OR_NULL_ORIGIN: { zh: '请求缺少来源（Origin），已拒绝', en: 'Missing Origin header' },
  INVALID_ORIGIN: { zh: '请求来源不受信任，已拒绝', en: 'Untrusted origin' },
  USER_ALREADY_EXISTS: { zh: '该邮箱已有账号', en: 'That email already has an account' },
  PASSWORD_TOO_SHORT: { zh: '密码太短', en: 'Password too short' },
  INVALID_EMAIL: { zh: '邮箱格式不正确', en: 'Not a valid email' },
  EMAIL_NOT_VERIFIED: { zh: '邮箱未验证', en: 'Email not verified' },
});

/** Rewrites an error answer of better-auth into `{message, errors, code}` in the reader's language. */
export async function localiseAuthError(response: Response, locale: Locale): Promise<Response> {
  if (response.ok || !(response.headers.get('content-type') ?? '').includes('json')) {
    if (response.status !== 429) return response;
  }
  const body = await response.clone().json().catch(() => ({} as Record<string, unknown>));
  const code = response.status === 429 ? 'TOO_MANY_REQUESTS' : String(body?.code ?? '');
  const text = messages[code]?.[locale] ?? (locale === 'zh' ? '登录服务拒绝了该请求' : String(body?.message ?? 'Request refused'));
  const headers = new Headers(response.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  return new Response(JSON.stringify({ message: text, errors: {}, code }), { status: response.status, headers });
}

/** A refusal thrown by better-auth's server API (auth.api.*) as the API's own 4xx answer; null for anything else. */
export function authApiRefusal(error: unknown, locale: Locale): { status: 400 | 401 | 403 | 404 | 409 | 422 | 429; body: { message: string; errors: Record<string, string>; code: string } } | null {
  const e = error as { name?: string; statusCode?: number; body?: { code?: string; message?: string } } | null;
  if (e?.name !== 'APIError' || typeof e.statusCode !== 'number' || e.statusCode < 400 || e.statusCode >= 500) return null;
  const code = String(e.body?.code ?? '');
  const message = messages[code]?.[locale] ?? (locale === 'zh' ? '账号服务拒绝了该请求' : String(e.body?.message ?? 'Request refused'));
  const status = ([400, 401, 403, 404, 409, 422, 429] as const).find((s) => s === e.statusCode) ?? 400;
  return { status, body: { message, errors: {}, code } };
}
