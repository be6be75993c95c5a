// A body that may be absent: no Content-Type and no bytes mean "no payload" ({}); anything
// else must be JSON (415 otherwise), so a text/plain form from another page never passes as empty.
import type { Context } from 'hono';
import { jsonBody } from '../rest/crud-routes.js';
import type { Row } from '../resources/define.js';

export async function optionalJsonBody(c: Context): Promise<Row> {
  const headers = c.req.raw.headers;
  const declared = headers.get('content-length');
  const empty = !headers.has('content-type') && !headers.has('transfer-encoding') && (declared === null || declared === '0');
  return empty ? {} : jsonBody(c);
}
