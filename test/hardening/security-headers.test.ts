// The security headers are set on the answer a route gave, in place: copying a finished answer
// (what c.header() does after next()) turns its body into a stream the Node adapter must pipe,
// which cost a third of a list request. An answer with immutable headers still gets them.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../api/http/security-headers.js';

function app() {
  const given = new Map<string, Response>();
  const seen = new Map<string, Response>();
  const hono = new Hono();
  hono.use('*', async (c, next) => {
    await next();
    seen.set(c.req.path, c.res);
  });
  hono.use('*', securityHeaders({ https: true }));
  hono.get('/json', (c) => {
    c.header('Content-Range', 'cases 0-0/1');
    const res = c.json([{ id: 1 }]);
    given.set('/json', res);
    return res;
  });
  hono.get('/away', () => Response.redirect('https://fayuan.example.org/', 302));
  return { hono, given, seen };
}

describe('security headers', () => {
  it('are set on the route\'s own answer, which reaches the adapter uncopied', async () => {
    const { hono, given, seen } = app();
    const res = await hono.request('/json');
    expect(seen.get('/json')).toBe(given.get('/json'));
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(res.headers.get('content-range')).toBe('cases 0-0/1');
    expect(await res.json()).toEqual([{ id: 1 }]);
  });

  it('reach an answer whose headers are immutable (a redirect) by copying it', async () => {
    const { hono } = app();
    const res = await hono.request('/away');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://fayuan.example.org/');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });
});
