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
  const headers: [string, string][] = [
    ['X-Frame-Options', 'DENY'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'same-origin'],
    ...(https ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as [string, string]] : []),
  ];
  return createMiddleware(async (c, next) => {
    await next();
    // Set on the answer's own headers: c.header() on a finished answer copies it into a new
    // Response around its body as a stream, which the Node adapter then pipes instead of writing
    // the string it had (a third of a list request's time). An answer whose headers are immutable
    // (Response.redirect) is copied as before.
    const own = c.res.headers;
    const set = (name: string, value: string) => {
      try {
        own.set(name, value);
      } catch {
        c.header(name, value);
      }
    };
    if (!own.has('content-security-policy')) set('Content-Security-Policy', csp);
    for (const [name, value] of headers) set(name, value);
  });
}
