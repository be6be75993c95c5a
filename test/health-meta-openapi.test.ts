// The endpoints that describe the system: health, /api/meta (drives the console), the OpenAPI
// document and its browsable page; and the 401 every data route gives without a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreResources } from '../api/resources/index.js';
import { accessOf, type Verb } from '../api/access/enforce.js';
import { allFields, type Field } from '../api/resources/define.js';
import { listQuery, startTestFayuan, type TestFayuan } from './support/fayuan.js';

let t: TestFayuan;

beforeAll(async () => {
  t = await startTestFayuan({ cases: 20 });
});
afterAll(async () => {
  await t?.close();
});

const CJK = /[\u3400-\u9fff]/;
const json = async (path: string, role: Parameters<TestFayuan['api']>[0] = null, headers: Record<string, string> = {}) => {
  const res = await t.api(role, path, { headers });
  return { res, body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text() };
};
const schemaName = (name: string) => name.split('-').map((p) => p[0].toUpperCase() + p.slice(1)).join('');

describe('/api/health', () => {
  it('answers 200 {ok: true, database} without a session, naming the database in use', async () => {
    const { res, body } = await json('/api/health');
    expect(res.status).toBe(200);
    expect(body).toEqual({ ok: true, database: t.dialect });
  });
});

describe('/api/meta', () => {
  it('describes every register and every field, system fields included, with zh and en labels', async () => {
    const { res, body } = await json('/api/meta');
    expect(res.status).toBe(200);
    for (const resource of coreResources) {
      const described = body.resources.find((r: { name: string }) => r.name === resource.name);
      expect(described, resource.name).toBeDefined();
      expect(described.label).toEqual(resource.label);
      expect(described.titleField).toBe(resource.titleField);
      const fields = allFields(resource);
      expect(described.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(fields));
      for (const field of described.fields) {
        const declared: Field = fields[field.name];
        expect(field.type, field.name).toBe(declared.type);
        expect(field.label.zh, `${resource.name}.${field.name} zh`).toMatch(CJK);
        expect(field.label.en.length, `${resource.name}.${field.name} en`).toBeGreaterThan(0);
        expect(field.label.en, `${resource.name}.${field.name} en`).not.toMatch(CJK);
        expect(field.required).toBe(Boolean(declared.required));
        expect(field.readOnly).toBe(Boolean(declared.readOnly));
        expect(field.unique).toBe(Boolean(declared.unique));
      }
      expect(described.list).toMatchObject({
        columns: resource.list.columns,
        sort: { field: resource.list.sort[0], order: resource.list.sort[1] },
        filters: resource.list.filters,
        search: resource.list.search,
      });
    }
  });

  it('lists every option of every enum and tags field, each with a zh and an en label', async () => {
    const { body } = await json('/api/meta');
    let checked = 0;
    for (const resource of coreResources) {
      const described = body.resources.find((r: { name: string }) => r.name === resource.name);
      for (const [name, declared] of Object.entries(resource.fields)) {
        if (declared.type !== 'enum' && declared.type !== 'tags') continue;
        const field = described.fields.find((f: { name: string }) => f.name === name);
        expect(field.options.map((o: { id: string }) => o.id), `${resource.name}.${name}`).toEqual(Object.keys(declared.options));
        for (const option of field.options) {
          expect(option.label.zh, `${resource.name}.${name}.${option.id}`).toMatch(CJK);
          expect(option.label.en, `${resource.name}.${name}.${option.id}`).not.toMatch(CJK);
          expect(option.label.en.length).toBeGreaterThan(0);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('names the register each reference field points to, and that register is described too', async () => {
    const { body } = await json('/api/meta');
    const names = new Set(body.resources.map((r: { name: string }) => r.name));
    for (const resource of coreResources) {
      const described = body.resources.find((r: { name: string }) => r.name === resource.name);
      for (const [name, declared] of Object.entries(resource.fields)) {
        if (declared.type !== 'reference' && declared.type !== 'referenceList') continue;
        const field = described.fields.find((f: { name: string }) => f.name === name);
        expect(field.reference).toBe(declared.to);
        expect(names.has(field.reference)).toBe(true);
      }
    }
  });

  it('tells a signed-in user who they are, what they may do, and hides the registers they may not read', async () => {
    const admin = (await json('/api/meta', 'admin')).body;
    expect(admin.user).toMatchObject({ email: 'admin@fayuan.test', role: 'admin' });
    const cases = admin.resources.find((r: { name: string }) => r.name === 'cases');
    expect(cases.permissions).toMatchObject({ read: true, create: true, update: true, delete: true });
    const log = admin.resources.find((r: { name: string }) => r.name === 'audit-log');
    expect(log.permissions).toMatchObject({ read: true, create: false, update: false, delete: false });

    const lawyer = (await json('/api/meta', 'lawyer')).body;
    expect(lawyer.user).toMatchObject({ role: 'lawyer' });
    expect(lawyer.user.lawyerId).toEqual(expect.any(Number));
    const names = lawyer.resources.map((r: { name: string }) => r.name);
    expect(names).toContain('cases');
    expect(names).not.toContain('audit-log');
    expect(names).not.toContain('complaints');
    const lawyerCases = lawyer.resources.find((r: { name: string }) => r.name === 'cases');
    expect(lawyerCases.permissions.create).toBe(false);
    expect(lawyerCases.permissions.writableFields).toEqual(['applicantPhone', 'causeOfAction']);
  });
});

describe('/api/openapi.json', () => {
  let doc: any;
  beforeAll(async () => {
    const { res, body } = await json('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = body;
  });

  it('is an OpenAPI 3.1 document with info, a session security scheme and components', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(typeof doc.info.title).toBe('string');
    expect(typeof doc.info.version).toBe('string');
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(doc.components.schemas.Error).toMatchObject({ type: 'object', required: ['message', 'errors'] });
  });

  // Issue #9: a verb no role is granted (the audit log's writes) answers 403 to everyone and is left out.
  it('has list, create, read, update and delete paths for every register (each verb some role is granted), each with a success response', () => {
    for (const resource of coreResources) {
      const list = doc.paths[`/api/${resource.name}`];
      const one = doc.paths[`/api/${resource.name}/{id}`];
      expect(list, resource.name).toBeDefined();
      expect(one, resource.name).toBeDefined();
      const granted = (verb: Verb) => Object.keys(accessOf(resource)[verb]).length > 0;
      expect(Object.keys(list).sort()).toEqual(['get', ...(granted('create') ? ['post'] : [])]);
      expect(['get', 'put', 'delete'].every((m) => one[m])).toBe(granted('update') && granted('delete'));
      expect(Boolean(one.get)).toBe(true);
      expect(list.get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['filter', 'range', 'sort']);
      expect(list.get.responses['200'].headers['Content-Range']).toBeDefined();
      if (granted('create')) expect(list.post.responses['201']).toBeDefined();
      expect(one.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
      for (const operation of [list.get, list.post, one.get, one.put, one.delete].filter(Boolean)) {
        expect(Object.keys(operation.responses).some((s) => /^2\d\d$/.test(s))).toBe(true);
        expect(operation.tags).toEqual([resource.name]);
      }
    }
  });

  it('has a schema for every register with every field, its labels, its required fields and read-only flags; every $ref resolves', () => {
    for (const resource of coreResources) {
      const schema = doc.components.schemas[schemaName(resource.name)];
      expect(schema, resource.name).toBeDefined();
      const fields = allFields(resource);
      // The stored fields, then what the register adds as it answers (the audit log's readable view).
      expect(Object.keys(schema.properties)).toEqual([...Object.keys(fields), ...Object.keys(resource.presented ?? {})]);
      for (const [name, field] of Object.entries(fields)) {
        const property = schema.properties[name];
        expect(property.description).toContain(field.label.zh);
        expect(property.description).toContain(field.label.en);
        expect(Boolean(property.readOnly), name).toBe(Boolean(field.readOnly));
        const expectedType = { integer: 'integer', reference: 'integer', money: 'number', boolean: 'boolean', tags: 'array', referenceList: 'array', json: 'object' }[field.type as string] ?? 'string';
        expect([property.type].flat(), `${resource.name}.${name}`).toContain(expectedType);
      }
      expect([...schema.required].sort()).toEqual(Object.entries(resource.fields).filter(([, f]) => f.required).map(([n]) => n).sort());
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref.slice(8, -1);
      expect(target.startsWith('#/components/schemas/'), target).toBe(true);
      expect(doc.components.schemas[target.split('/').pop()!], target).toBeDefined();
    }
  });

  it('lists the allowed option keys of enum and tags fields (enum), so clients can validate', () => {
    const missing: string[] = [];
    for (const resource of coreResources) {
      const schema = doc.components.schemas[schemaName(resource.name)];
      for (const [name, field] of Object.entries(resource.fields)) {
        if (field.type !== 'enum' && field.type !== 'tags') continue;
        const property = schema.properties[name];
        // An optional enum also allows null, as its type does.
        const allowed = (field.type === 'enum' ? property.enum : property.items?.enum)?.filter((v: unknown) => v !== null);
        if (!Array.isArray(allowed) || [...allowed].sort().join() !== Object.keys(field.options).sort().join()) missing.push(`${resource.name}.${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('puts no "$schema" inside property schemas (JSON Schema 2020-12 allows it only at a schema resource root)', () => {
    const nested: string[] = [];
    for (const [name, schema] of Object.entries<any>(doc.components.schemas)) {
      for (const [property, sub] of Object.entries<any>(schema.properties ?? {})) if (sub && '$schema' in sub) nested.push(`${name}.${property}`);
    }
    expect(nested).toEqual([]);
  });

  it('describes real records truthfully: each value of each register has a type its schema allows (null included)', async () => {
    const problems = new Set<string>();
    const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
    for (const resource of coreResources) {
      const schema = doc.components.schemas[schemaName(resource.name)];
      const { body } = await json(`/api/${resource.name}${listQuery({ range: [0, 49] })}`, 'admin');
      for (const record of body) {
        for (const [name, value] of Object.entries(record)) {
          const property = schema.properties[name];
          if (!property) {
            problems.add(`${resource.name}.${name}: not in the schema`);
            continue;
          }
          const allowed = [property.type].flat();
          const actual = typeOf(value);
          const ok = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
          if (!ok) problems.add(`${resource.name}.${name}: ${actual} where the schema says ${allowed.join('|')}`);
        }
      }
    }
    expect([...problems]).toEqual([]);
  });
});

describe('/api/docs', () => {
  it('answers an HTML page that loads Swagger UI on /api/openapi.json, and serves its assets', async () => {
    const res = await t.api(null, '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<html/i);
    expect(html).toContain('/api/openapi.json');
    for (const asset of html.match(/\/api\/docs\/[\w.-]+\.(?:js|css)/g) ?? []) {
      const a = await t.api(null, asset);
      expect(a.status, asset).toBe(200);
      expect((await a.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
    expect(html.match(/\/api\/docs\/[\w.-]+\.(?:js|css)/g)?.length).toBeGreaterThanOrEqual(2);
  });
});

describe('without a session', () => {
  it('answers 401 JSON {message, errors} to every data request of every register, in Chinese or English', async () => {
    const paths = [...coreResources.map((r) => r.name), 'users', 'settings'];
    for (const name of paths) {
      for (const [method, path, body] of [
        ['GET', `/api/${name}`, undefined],
        ['GET', `/api/${name}/1`, undefined],
        ['POST', `/api/${name}`, { name: 'x' }],
        ['PUT', `/api/${name}/1`, { name: 'x' }],
        ['DELETE', `/api/${name}/1`, undefined],
      ] as const) {
        for (const [headers, pattern] of [[{}, CJK], [{ 'accept-language': 'en' }, /^[^\u3400-\u9fff]+$/]] as const) {
          const res = await t.api(null, path, { method, body, headers });
          expect(res.status, `${method} ${path}`).toBe(401);
          expect(res.headers.get('content-type')).toMatch(/application\/json/);
          const answer = await res.json();
          expect(answer.errors).toEqual({});
          expect(answer.message, `${method} ${path}`).toMatch(pattern);
          expect(Object.keys(answer).sort()).toEqual(['errors', 'message']);
        }
      }
    }
    expect((await t.api(null, '/api/cases/1/workflow')).status).toBe(401);
    expect((await t.api(null, '/api/cases/1/transitions/review', { method: 'POST', body: {} })).status).toBe(401);
  });

  it('refuses a forged or expired session cookie with 401', async () => {
    for (const cookie of ['better-auth.session_token=forged', 'better-auth.session_token=', (await t.cookieOf('admin')).replace(/=([^;.]{4})/, '=XXXX')]) {
      const res = await t.api(null, '/api/cases', { headers: { cookie } });
      expect(res.status, cookie).toBe(401);
    }
  });
});
