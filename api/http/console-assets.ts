// The console's hashed assets (admin/dist/assets/*): immutable, so cached by browsers for a
// year and compressed once per process (brotli, else gzip; off the event loop) on first request, then kept in memory.
// index.html and the other unhashed files are answered with no-cache, so a new build is seen.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
/** Already compressed formats gain nothing from another pass. */
const compressible = new Set(['.js', '.css', '.svg', '.json', '.map', '.txt']);

type Encoding = 'br' | 'gzip' | 'identity';

function chooseEncoding(acceptEncoding: string | undefined, ext: string): Encoding {
  if (!compressible.has(ext) || !acceptEncoding) return 'identity';
  const offered = acceptEncoding.split(',').map((part) => {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { name: name.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
  });
  const accepts = (name: string) => offered.some((o) => (o.name === name || o.name === '*') && o.q > 0);
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : 'identity';
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Off the event loop; brotli's top quality takes ~15 s on the main bundle, 8 under a second for 8 % more bytes. */
async function encode(body: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'br') return brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 8, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  if (encoding === 'gzip') return gzipped(body, { level: 6 });
  return body;
}

export function consoleAssets(distDir: string): MiddlewareHandler {
  const assetsDir = path.join(distDir, 'assets');
  // Keyed by file, build time and encoding: a rebuild replaces the hashed names anyway.
  const cache = new Map<string, Promise<Buffer>>();
  return async (c, next) => {
    const name = decodeURIComponent(c.req.path.slice('/assets/'.length));
    const file = path.join(assetsDir, name);
    if (!name || name.includes('\0') || path.relative(assetsDir, file).startsWith('..')) return next();
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return next();
    }
    if (!stat.isFile()) return next();
    const ext = path.extname(file).toLowerCase();
    const encoding = chooseEncoding(c.req.header('accept-encoding'), ext);
    const key = `${file}\0${stat.mtimeMs}\0${encoding}`;
    let pending = cache.get(key);
    if (!pending) {
      pending = encode(fs.readFileSync(file), encoding);
      cache.set(key, pending); // requests meanwhile wait for the same work
    }
    const body = await pending;
    const headers: Record<string, string> = {
      'Content-Type': types[ext] ?? 'application/octet-stream',
      'Cache-Control': IMMUTABLE,
      'Content-Length': String(body.length),
    };
    if (compressible.has(ext)) headers.Vary = 'Accept-Encoding';
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Every other file of the console (index.html above all): revalidated on each load. */
export const revalidateConsole: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache');
};
