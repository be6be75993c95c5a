// /api/openapi.json documents every route the app mounts, and nothing it does not: walked from
// the Hono app itself (app.routes), with every shipped plugin enabled so plugin routes are held
// to it too. Verbs no role is granted are left out on purpose (they answer 403 to everyone).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOf, type Verb } from '../api/access/enforce.js';
import { caseActions } from '../api/cases/lifecycle.js';
import { pluginsDir } from '../api/plugins/load.js';
import settings from '../api/settings/declaration.js';
import users from '../api/users/declaration.js';
import { startTestFayuan, type TestFayuan } from './support/fayuan.js';

/** Mounted but not in the document, each for a reason. */
const UNDOCUMENTED: Record<string, string> = {
  'GET /api/auth/*': "better-auth's own endpoints (sign-in, session, sign-out): its protocol, not this API's",
  'POST /api/auth/*': "better-auth's own endpoints (sign-in, session, sign-out): its protocol, not this API's",
  'POST /api/cases/{id}/transitions/{action}': 'any action name but the declared ones, each documented on its own path: always refused (422)',
  'POST /api/complaints/{id}/transitions/{action}': 'any action name but the declared ones, each documented on its own path: always refused (422)',
  'POST /api/peer-review-rounds/{id}/transitions/{action}': 'any action name but the declared ones, each documented on its own path: always refused (422)',
};

const verbOf: Record<string, Verb> = { GET: 'read', POST: 'create', PUT: 'update', DELETE: 'delete' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const openApiPath = (honoPath: string) => honoPath.replace(/:(\w+)/g, '{$1}');

let t: TestFayuan;
let doc: { paths: Record<string, Record<string, unknown>> };
let mounted: Set<string>;
let refusedToAll: Set<string>;

beforeAll(async () => {
  const plugins = fs.readdirSync(pluginsDir).filter((name) => fs.existsSync(path.join(pluginsDir, name, 'server', 'index.ts')));
  t = await startTestFayuan({ plugins });
  doc = await (await t.api(null, '/api/openapi.json')).json();
  // Method ALL entries are middleware (app.use) and the 404 fallback; a route that answers is registered with its verb.
  mounted = new Set(t.fayuan.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${openApiPath(r.path)}`));
  refusedToAll = new Set(
    [...mounted].filter((route) => {
      const [method, url] = route.split(' ');
      const resource = [...t.fayuan.resources, users, settings].find((r) => url === `/api/${r.name}` || url.startsWith(`/api/${r.name}/`));
      return resource && !/\/api\/[^/]+\/\{id\}\/./.test(url) && Object.keys(accessOf(resource)[verbOf[method]] ?? { any: true }).length === 0;
    }),
  );
});
afterAll(async () => {
  await t?.close();
});

const documented = () => new Set(Object.entries(doc.paths).flatMap(([url, item]) => METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${url}`)));

describe('/api/openapi.json against the mounted routes', () => {
  it('documents every mounted /api route, but for a short list of reasoned exceptions and the verbs no role is granted', () => {
    const known = documented();
    const missing = [...mounted].filter((route) => !known.has(route) && !UNDOCUMENTED[route] && !refusedToAll.has(route));
    expect(missing).toEqual([]);
    expect(mounted.size).toBeGreaterThan(40);
  });

  it('documents no route that is not mounted, and none of the exceptions', () => {
    const known = documented();
    expect([...known].filter((route) => !mounted.has(route))).toEqual([]);
    expect(Object.keys(UNDOCUMENTED).filter((route) => known.has(route))).toEqual([]);
    expect(Object.keys(UNDOCUMENTED).filter((route) => !mounted.has(route))).toEqual([]); // the list stays true
  });

  it('leaves out what answers 403 to everyone: audit-log writes, case-files created other than by upload, settings create/delete', () => {
    const known = documented();
    for (const route of ['POST /api/audit-log', 'PUT /api/audit-log/{id}', 'DELETE /api/audit-log/{id}', 'POST /api/case-files', 'DELETE /api/case-files/{id}', 'POST /api/settings']) {
      expect(known.has(route), route).toBe(false);
    }
    expect(known.has('GET /api/audit-log')).toBe(true);
    expect(known.has('PUT /api/settings/{id}')).toBe(true);
    expect([...refusedToAll].sort()).toEqual([
      'DELETE /api/audit-log/{id}', 'DELETE /api/case-documents/{id}', 'DELETE /api/case-file-exports/{id}', 'DELETE /api/case-files/{id}', 'DELETE /api/peer-reviews/{id}', 'DELETE /api/settings/*',
      'POST /api/audit-log', 'POST /api/case-documents', 'POST /api/case-file-exports', 'POST /api/case-files', 'POST /api/peer-reviews', 'POST /api/settings/*', 'POST /api/subsidy-batch-lines',
      'PUT /api/audit-log/{id}', 'PUT /api/case-documents/{id}', 'PUT /api/case-file-exports/{id}', 'PUT /api/case-files/{id}', 'PUT /api/subsidy-batch-lines/{id}',
    ]);
  });

  it("documents each case action on its own path with the payload schema its validator checks", () => {
    for (const [name, action] of Object.entries(caseActions)) {
      const operation = doc.paths[`/api/cases/{id}/transitions/${name}`]?.post as any;
      expect(operation, name).toBeDefined();
      const schema = operation.requestBody.content['application/json'].schema;
      expect(Object.keys(schema.properties ?? {}).sort(), name).toEqual(Object.keys((action.payload as any).shape).sort());
      expect(operation.responses['200']).toBeDefined();
      expect(operation.responses['409']).toBeDefined();
    }
    const assign = (doc.paths['/api/cases/{id}/transitions/assign'].post as any).requestBody.content['application/json'].schema;
    expect(assign.required).toEqual(['lawyerId']);
    expect(assign.properties.assignmentMethod.enum).toEqual(['assigned', 'client_choice']);
    const terminate = (doc.paths['/api/cases/{id}/transitions/terminate'].post as any).requestBody.content['application/json'].schema;
    expect(terminate.properties.note.maxLength).toBe(500);
  });

  it('describes workflow, eligible lawyers, checklist, uploads, downloads, users, settings, health and meta', () => {
    const known = documented();
    for (const route of [
      'GET /api/cases/{id}/workflow', 'GET /api/cases/{id}/eligible-lawyers', 'GET /api/cases/{id}/checklist', 'POST /api/cases/{id}/files',
      'GET /api/case-files/{id}/download', 'GET /api/users', 'POST /api/users', 'PUT /api/users/{id}', 'DELETE /api/users/{id}',
      'GET /api/settings', 'GET /api/settings/{id}', 'PUT /api/settings/{id}', 'GET /api/health', 'GET /api/meta', 'GET /api/openapi.json', 'GET /api/docs',
    ]) expect(known.has(route), route).toBe(true);
    const upload = doc.paths['/api/cases/{id}/files'].post as any;
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(['201', '413', '415']));
  });
});
