// Every malformed input is a 4xx: names of JavaScript's built-in members as keys, ids beyond the
// database's integer, NUL in text; and an unknown field is answered alike on every register and role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFields } from '../../api/resources/define.js';
import { newCase } from '../../plugins/case-files/test/support.js';
import { listQuery, startTestFayuan, type Role, type TestFayuan } from '../support/fayuan.js';

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 10, plugins: ['case-files'] });
});
afterAll(() => t?.close());

const memberNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];
const roles: (Role | null)[] = ['admin', 'supervisor', 'lawyer', 'reviewer', null];

async function expect4xx(res: Response, what: string) {
  const text = await res.text();
  expect(res.status, `${what}: ${text}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what}: ${text}`).toBeLessThan(500);
  const body = JSON.parse(text);
  expect(typeof body.message, what).toBe('string');
  expect(typeof body.errors, what).toBe('object');
}

describe('built-in member names as keys', () => {
  it('are refused as filter and sort keys, and ignored or refused as body keys, on every register', async () => {
    for (const resource of t.fayuan.resources) {
      for (const name of memberNames) {
        for (const key of [name, `${name}_gte`]) {
          await expect4xx(await t.api('admin', `/api/${resource.name}${listQuery({ filter: { [key]: 1 } })}`), `${resource.name} filter ${key}`);
        }
        await expect4xx(await t.api('admin', `/api/${resource.name}${listQuery({ sort: [name, 'ASC'] })}`), `${resource.name} sort ${name}`);
        const body = `{"${name}": {"zh": 1}, "id": 1}`;
        for (const [method, path] of [['POST', `/api/${resource.name}`], ['PUT', `/api/${resource.name}/1`]] as const) {
          const res = await t.api('supervisor', path, { method, body });
          expect(res.status, `${method} ${path} ${body}`).toBeLessThan(500);
        }
      }
    }
  });
});

describe('ids beyond the database integer', () => {
  it('name no record in paths (404), and are refused in filters, references and getMany (400)', async () => {
    for (const resource of t.fayuan.resources) {
      for (const id of ['2147483648', '9999999999999999', '99999999999']) {
        expect((await t.api('admin', `/api/${resource.name}/${id}`)).status, `${resource.name}/${id}`).toBe(404);
      }
      await expect4xx(await t.api('admin', `/api/${resource.name}${listQuery({ filter: { id: [1, 2 ** 31] } })}`), `${resource.name} getMany`);
      await expect4xx(await t.api('admin', `/api/${resource.name}${listQuery({ filter: { id_gte: 2 ** 40 } })}`), `${resource.name} id_gte`);
      for (const [name, field] of Object.entries(allFields(resource))) {
        if (field.type !== 'reference' && field.type !== 'referenceList' && field.type !== 'integer') continue;
        const huge = field.type === 'referenceList' ? [2 ** 31] : 2 ** 31;
        const res = await t.api('admin', `/api/${resource.name}`, { method: 'POST', body: { [name]: huge } });
        if (res.status === 403) continue;
        expect(res.status, `${resource.name}.${name}`).toBe(400);
        if (!field.readOnly) expect((await res.json()).errors[name], `${resource.name}.${name}`).toBeTruthy();
      }
    }
  });
});

describe('NUL in text', () => {
  it('is refused with 400 in every text field of every register, and in text filters and search', async () => {
    for (const resource of t.fayuan.resources) {
      for (const [name, field] of Object.entries(resource.fields)) {
        if ((field.type !== 'text' && field.type !== 'longText') || field.readOnly) continue;
        const res = await t.api('admin', `/api/${resource.name}`, { method: 'POST', body: { [name]: 'a\u0000b' } });
        if (res.status === 403) continue;
        expect(res.status, `${resource.name}.${name}`).toBe(400);
        expect((await res.json()).errors[name], `${resource.name}.${name}`).toBeTruthy();
        await expect4xx(await t.api('admin', `/api/${resource.name}${listQuery({ filter: { [name]: 'a\u0000b' } })}`), `${resource.name} filter ${name}`);
      }
      await expect4xx(await t.api('admin', `/api/${resource.name}${listQuery({ filter: { q: '\u0000' } })}`), `${resource.name} q`);
    }
    const open = await newCase(t, { caseType: 'civil', until: 'applied' });
    expect((await t.api('admin', `/api/cases/${open}/transitions/review`, { method: 'POST' })).status).toBe(200);
    const rejected = await t.api('admin', `/api/cases/${open}/transitions/reject`, { method: 'POST', body: { reason: 'x\u0000y' } });
    expect(rejected.status).toBe(422);
    expect(Object.keys((await rejected.json()).errors)).toEqual(['reason']);
  });
});

describe('an unknown field', () => {
  it('is answered with the same status and words on every register and for every role that may read it', async () => {
    const answers = new Set<string>();
    for (const name of [...t.fayuan.resources.map((r) => r.name), 'users']) {
      for (const role of roles) {
        const unknown = await t.api(role, `/api/${name}${listQuery({ filter: { nosuch: 1 } })}`);
        const plain = await t.api(role, `/api/${name}`);
        if (plain.status !== 200) {
          // No session (401) or no read access (403): the same answer with or without the unknown field.
          expect(`${unknown.status} ${await unknown.text()}`, `${name} as ${role}`).toBe(`${plain.status} ${await plain.text()}`);
          continue;
        }
        answers.add(`${unknown.status} ${await unknown.text()}`);
      }
    }
    expect([...answers], [...answers].join('\n')).toEqual([`400 ${JSON.stringify({ message: '参数 filter 有误', errors: { filter: '不能按 nosuch 筛选' } })}`]);
  });
});
