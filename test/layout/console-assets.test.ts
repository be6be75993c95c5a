// The console's files as the API serves them: hashed assets compressed and cached for a year,
// index.html revalidated on every load.
import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../support/fayuan.js';
import { buildConsoleIfMissing, consoleDist } from '../support/console-build.js';

let t: TestFayuan;
let script: string;
beforeAll(async () => {
  buildConsoleIfMissing();
  t = await startTestFayuan({ cases: 0 });
  script = fs.readdirSync(path.join(consoleDist, 'assets')).filter((f) => f.endsWith('.js')).sort((a, b) =>
    fs.statSync(path.join(consoleDist, 'assets', b)).size - fs.statSync(path.join(consoleDist, 'assets', a)).size)[0];
}, 300_000);
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.fayuan.app.request(url, { headers });

describe('serving the console', () => {
  it('answers a hashed script in brotli when the browser takes it, with immutable caching', async () => {
    const original = fs.readFileSync(path.join(consoleDist, 'assets', script));
    const res = await get(`/assets/${script}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(body).equals(original)).toBe(true);
  });

  it('answers gzip to a browser without brotli, and the file itself to one that takes neither', async () => {
    const original = fs.readFileSync(path.join(consoleDist, 'assets', script));
    const gz = await get(`/assets/${script}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(original)).toBe(true);
    const plain = await get(`/assets/${script}`, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(original)).toBe(true);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('serves index.html with no-cache, so a new build is picked up', async () => {
    for (const url of ['/', '/index.html']) {
      const res = await get(url, { 'accept-encoding': 'br' });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('cache-control'), url).toBe('no-cache');
      expect(await res.text()).toContain('/assets/');
    }
  });

  it('does not reach outside the assets folder', async () => {
    expect((await get('/assets/..%2F..%2Fpackage.json')).headers.get('cache-control')).not.toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/missing-1234.js')).headers.get('cache-control')).not.toBe('public, max-age=31536000, immutable');
  });
});
