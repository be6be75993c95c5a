// The headers every answer carries: no framing, no sniffing, no referrer beyond our origin,
// a Content-Security-Policy that lets only our own scripts run, and HSTS behind https.
import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';

/** react-admin's MUI styles are injected at run time (emotion), hence style-src 'unsafe-inline'. */
function policy(extraScript = ''): string {
  return [
    "default-src 'self'",
    `script-src 'self'${extraScript}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A page with one inline script (the API docs) may run exactly that script. */
export function policyAllowingInline(html: string): string {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  return policy(scripts.length ? ` ${scripts.join(' ')}` : '');
}

export function securityHeaders({ https }: { https: boolean }) {
  const csp = policy();
  return createMiddleware(async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has('content-security-policy')) c.header('Content-Security-Policy', csp);
    c.header('X-Frame-Options', 'DENY');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    if (https) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });
}
