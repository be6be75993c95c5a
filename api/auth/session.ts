import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/app-env.js';
import type { Auth } from './auth.js';
import { ApiError } from '../rest/errors.js';
import type { Actor } from '../resources/define.js';

/** The signed-in, unbanned user behind a request, read afresh each time (so a role change or ban applies at once). */
export async function readActor(auth: Auth, headers: Headers): Promise<Actor | null> {
  const session = await auth.api.getSession({ headers });
  if (!session || session.user.banned) return null;
  const user = session.user as typeof session.user & { role?: string | null; lawyerId?: number | null };
  return { id: user.id, email: user.email, role: user.role ?? 'lawyer', lawyerId: user.lawyerId ?? null };
}

/** Every data route needs a session: 401 otherwise. */
export function sessionGuard(auth: Auth) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const actor = await readActor(auth, c.req.raw.headers);
    if (!actor) throw new ApiError(401, { zh: '请先登录', en: 'Please sign in' });
    c.set('actor', actor);
    await next();
  });
}
