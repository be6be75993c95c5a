// Every request body is read through a counter that stops at the route's allowance: 1 MB unless
// the route raised it (uploads, see allowLargerBody) before reading. The counter works on the
// bytes as they arrive, so a chunked body without Content-Length is stopped just the same, and
// a declared Content-Length over the allowance is refused before a byte is read.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Label } from '../resources/define.js';
import { ApiError } from '../rest/errors.js';

export const JSON_BODY_LIMIT = 1024 * 1024;

interface Allowance {
  bytes: number;
  tooLarge: Label;
}

const allowances = new WeakMap<Context, Allowance>();

const jsonTooLarge: Label = { zh: '请求体过大（上限 1 MB）', en: 'The body is too large (1 MB at most)' };

export function boundedBodies() {
  return createMiddleware(async (c, next) => {
    const raw = c.req.raw;
    // GET and HEAD carry no body; asking for one would make the Node adapter build the whole
    // Request it otherwise defers (~0.15 ms of every list request).
    if (raw.method === 'GET' || raw.method === 'HEAD' || !raw.body) return next();
    const allowance: Allowance = { bytes: JSON_BODY_LIMIT, tooLarge: jsonTooLarge };
    allowances.set(c, allowance);
    const declared = Number(raw.headers.get('content-length') ?? NaN);
    const reader = raw.body.getReader();
    let read = 0;
    const counted = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (declared > allowance.bytes) return controller.error(new ApiError(413, allowance.tooLarge));
        const { done, value } = await reader.read();
        if (done) return controller.close();
        read += value.byteLength;
        if (read > allowance.bytes) return controller.error(new ApiError(413, allowance.tooLarge));
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    c.req.raw = new Request(raw, { body: counted, duplex: 'half' } as RequestInit);
    await next();
  });
}

/** For an upload route, before it reads: this request may carry up to `bytes`. */
export function allowLargerBody(c: Context, bytes: number, tooLarge: Label): void {
  const allowance = allowances.get(c);
  if (!allowance) return;
  allowance.bytes = bytes;
  allowance.tooLarge = tooLarge;
}

/** The whole body, at most the allowance (413 beyond), as bytes. */
export async function readBoundedBody(c: Context): Promise<ArrayBuffer> {
  return c.req.raw.body ? c.req.raw.arrayBuffer() : new ArrayBuffer(0);
}
