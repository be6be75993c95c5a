// A state-changing request acts only when it comes from the console's own origin: a page on
// another site can make a signed-in browser send a form or a fetch, but not with our Origin.
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../rest/errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameOriginWrites(trustedOrigins: string[]) {
  return createMiddleware(async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (!origin || !trustedOrigins.includes(origin)) {
        throw new ApiError(403, {
          zh: '请求来源不受信任：只接受来自本系统控制台的修改请求',
          en: 'Untrusted origin: changes are accepted only from this console',
        });
      }
    }
    await next();
  });
}
