import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env.js';
import type { Auth } from './auth.js';
import { ApiError } from './rest/errors.js';

/** Every data route needs a signed-in, unbanned user; the actor is read afresh on each request. */
export function sessionGuard(auth: Auth) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    if (!session || session.user.banned) {
      throw new ApiError(401, { zh: '请先登录', en: 'Please sign in' });
    }
    const user = session.user as typeof session.user & { role?: string | null; lawyerId?: number | null };
    c.set('actor', { id: user.id, email: user.email, role: user.role ?? 'lawyer', lawyerId: user.lawyerId ?? null });
    await next();
  });
}
