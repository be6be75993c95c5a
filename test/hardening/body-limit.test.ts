// The body counter reads a body only where one can be: a GET or HEAD's body is never asked for,
// because asking makes the Node adapter build the full Request it otherwise defers.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { JSON_BODY_LIMIT, boundedBodies, readBoundedBody } from '../../api/http/body-limit.js';
import { ApiError } from '../../api/rest/errors.js';

function app() {
  const hono = new Hono();
  hono.use('*', boundedBodies());
  hono.get('/list', (c) => c.json({ ok: true }));
  hono.post('/echo', async (c) => c.json({ bytes: (await readBoundedBody(c)).byteLength }));
  hono.onError((error, c) => c.json({ message: error.message }, error instanceof ApiError ? error.status : 500));
  return hono;
}

/** The request, with a record of whether anything read its body. */
function watched(url: string, init?: RequestInit) {
  const request = new Request(url, init);
  const seen = { body: false };
  const proxy = new Proxy(request, {
    get(target, key) {
      if (key === 'body') seen.body = true;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { request: proxy, seen };
}

describe('bounded bodies', () => {
  it('never asks a GET or HEAD for its body', async () => {
    for (const method of ['GET', 'HEAD']) {
      const { request, seen } = watched('http://localhost/list', { method });
      const res = await app().fetch(request);
      expect(res.status).toBe(200);
      expect(seen.body).toBe(false);
    }
  });

  it('still counts a POST body: within the limit it is read whole, beyond it 413', async () => {
    const small = watched('http://localhost/echo', { method: 'POST', body: 'x'.repeat(1000) });
    const ok = await app().fetch(small.request);
    expect(small.seen.body).toBe(true);
    expect(await ok.json()).toEqual({ bytes: 1000 });
    const big = await app().fetch(new Request('http://localhost/echo', { method: 'POST', body: 'x'.repeat(JSON_BODY_LIMIT + 1) }));
    expect(big.status).toBe(413);
  });
});
