// Cross-site requests cannot act, every answer carries the usual security headers, and no body
// is read past its limit however it is sent — measured on a real server process's memory.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, startTestFayuan, type TestFayuan } from '../support/fayuan.js';
import { demoAccount, signedInFetch, startServer, treeRss, type RunningServer } from '../support/server.js';

describe('cross-site requests and headers', () => {
  let t: TestFayuan;
  beforeAll(async () => {
    t = await startTestFayuan({ cases: 20 });
  });
  afterAll(() => t?.close());

  it('refuses a state-changing request from a foreign origin, or with none, with 403 and changes nothing', async () => {
    const before = (await (await t.api('admin', '/api/law-firms')).json()).length;
    for (const origin of ['https://evil.example', 'null']) {
      const res = await t.api('admin', '/api/law-firms', { method: 'POST', body: { name: '跨站律所' }, headers: { origin } });
      expect(res.status).toBe(403);
      const body = await res.json();
      expect(body.message).toBeTruthy();
      expect(body.errors).toEqual({});
    }
    const cookie = await t.cookieOf('admin');
    const none = await t.fayuan.app.request('/api/law-firms/1', { method: 'DELETE', headers: { cookie } });
    expect(none.status).toBe(403);
    expect((await (await t.api('admin', '/api/law-firms')).json()).length).toBe(before);
  });

  it('answers a transition sent as text/plain with 415 and leaves the case as it was', async () => {
    const [applied] = await (await t.api('admin', '/api/cases?filter={"status":"applied"}')).json();
    const res = await t.fayuan.app.request(`/api/cases/${applied.id}/transitions/review`, {
      method: 'POST',
      headers: { cookie: await t.cookieOf('admin'), origin: ORIGIN, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    expect((await res.json()).errors).toEqual({});
    expect((await (await t.api('admin', `/api/cases/${applied.id}`)).json()).status).toBe('applied');
  });

  it('takes a transition with no body and no content type as "no payload"', async () => {
    const [applied] = await (await t.api('admin', '/api/cases?filter={"status":"applied"}')).json();
    const res = await t.fayuan.app.request(`/api/cases/${applied.id}/transitions/review`, {
      method: 'POST', headers: { cookie: await t.cookieOf('admin'), origin: ORIGIN },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('reviewing');
  });

  it('sends CSP, frame, sniffing and referrer headers on the console and the API, and no HSTS over http', async () => {
    for (const path of ['/', '/api/health', '/api/cases']) {
      const res = await t.fayuan.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const docs = await t.fayuan.app.request('/api/docs');
    expect(docs.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
  });

  it('adds HSTS when PUBLIC_URL is https', async () => {
    const https = await startTestFayuan({ cases: 0, env: { PUBLIC_URL: 'https://fayuan.example.org' } });
    try {
      const res = await https.fayuan.app.request('/api/health');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await https.close();
    }
  });
});

const SENT = 96 * 1024 * 1024;

/** Streams up to 96 MB chunked (no Content-Length) and answers the status and how much was written before it. */
function sendChunked(server: RunningServer, path: string, headers: Record<string, string>): Promise<{ status: number; written: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = http.request(`${server.url}${path}`, { method: 'POST', headers: { ...headers, origin: server.url, 'transfer-encoding': 'chunked' } }, (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, written }));
      req.destroy();
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const pump = () => {
      while (!answered && written < SENT) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('bodies bounded while they stream (a real server process)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { FAYUAN_PLUGINS: 'case-files' } });
  }, 120_000);
  afterAll(() => server?.stop());

  it('stops a chunked oversized sign-in (even one claiming to be multipart) at about 1 MB', async () => {
    const before = treeRss(server.pid);
    expect(before, 'the measure sees the server process').toBeGreaterThan(40 * 1024 * 1024);
    const { status, written } = await sendChunked(server, '/api/auth/sign-in/email', { 'content-type': 'multipart/form-data; boundary=x' });
    const grew = treeRss(server.pid) - before;
    expect(status).toBe(413);
    expect(written).toBeLessThan(SENT);
    expect(grew, `the server grew by ${(grew / 1048576).toFixed(1)} MB`).toBeLessThan(24 * 1024 * 1024);
  }, 60_000);

  it('stops a chunked oversized upload at its own limit (the uploadLimitMb setting)', async () => {
    const admin = await signedInFetch(server, demoAccount.admin);
    const set = await admin('/api/settings/1', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uploadLimitMb: 2 }) });
    expect(set.status).toBe(200);
    const lawyer = await signedInFetch(server, demoAccount.lawyer);
    const [mine] = await (await lawyer('/api/cases?filter={"status":"in_progress"}')).json();
    const login = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: demoAccount.lawyer, password: 'fayuan-demo-2026' }),
    });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const before = treeRss(server.pid);
    const { status, written } = await sendChunked(server, `/api/cases/${mine.id}/files`, { cookie, 'content-type': 'multipart/form-data; boundary=x' });
    const grew = treeRss(server.pid) - before;
    expect(status).toBe(413);
    expect(written).toBeLessThan(SENT);
    expect(grew, `the server grew by ${(grew / 1048576).toFixed(1)} MB`).toBeLessThan(24 * 1024 * 1024);
  }, 60_000);
});
