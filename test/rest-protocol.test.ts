// The ra-data-simple-rest protocol, for every register, derived from the declarations:
// sort, range, filters, search, getMany, create/read/update/delete with optimistic locking,
// and the real ra-data-simple-rest client over a real HTTP server.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'ra-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreResources } from '../api/resources/index.js';
import { allFields, type Field, type ResourceDefinition, type Row } from '../api/resources/define.js';
import { listQuery, ORIGIN, startTestFayuan, totalOf, type TestFayuan } from './support/fayuan.js';
import { patternedTextCandidates, withValidIdNumbers } from './support/identifier-values.js';

let t: TestFayuan;

beforeAll(async () => {
  t = await startTestFayuan({ cases: 90 });
  await t.cookieOf('admin'); // the sign-in writes an audit entry: do it before any count is taken
});
afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers, all driven by the declarations

const byName = new Map(coreResources.map((r) => [r.name, r]));
const may = (resource: ResourceDefinition, verb: 'create' | 'update' | 'delete') =>
  resource.access === undefined || resource.access[verb].admin !== undefined;
const writable = (resource: ResourceDefinition) => Object.entries(resource.fields).filter(([, f]) => !f.readOnly);
const sortable = (field: Field) => field.type !== 'tags' && field.type !== 'referenceList';
const isVirtual = (resource: ResourceDefinition, name: string) => Boolean(resource.virtualFilters?.[name]);

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await t.api('admin', path, { headers });
  const body = await res.json();
  return { status: res.status, body, range: res.headers.get('content-range'), total: totalOf(res) };
}

/** Every row of a register (at most one page of 1000), in the given order. */
async function fetchAll(resource: ResourceDefinition, sort: [string, string] = ['id', 'ASC'], filter?: Row): Promise<{ rows: Row[]; total: number }> {
  const res = await get(`/api/${resource.name}${listQuery({ sort, range: [0, 999], filter })}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.total).toBeLessThanOrEqual(1000);
  expect(res.body).toHaveLength(res.total);
  return { rows: res.body, total: res.total };
}

/** Each record's title by id, in a register others refer to. */
async function titlesOf(name: string): Promise<Map<number, unknown>> {
  const target = coreResources.find((r) => r.name === name)!;
  return new Map((await fetchAll(target)).rows.map((r) => [Number(r.id), r[target.titleField]]));
}

/** Unicode code point order: what SQLite's BINARY and PostgreSQL's C.UTF-8 collations use. */
function codePointCompare(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function compareAs(field: Field, a: unknown, b: unknown): number {
  switch (field.type) {
    case 'integer': case 'reference': case 'money': return Number(a) - Number(b);
    case 'boolean': return Number(a) - Number(b);
    case 'datetime': return Date.parse(String(a)) - Date.parse(String(b));
    default: return codePointCompare(String(a), String(b)); // text, longText, enum keys, ISO dates
  }
}

/** The rows a filter value must select, computed in JS from a full fetch. */
function matches(field: Field, value: unknown, op: '=' | '>=' | '<=', rowValue: unknown): boolean {
  if (field.type === 'tags' || field.type === 'referenceList') {
    return Array.isArray(rowValue) && (rowValue as unknown[]).some((v) => v === value);
  }
  if (rowValue === null || rowValue === undefined) return false;
  const c = compareAs(field, rowValue, value);
  return op === '=' ? c === 0 : op === '>=' ? c >= 0 : c <= 0;
}

function mostCommon(values: unknown[]): unknown {
  const counts = new Map<string, { value: unknown; n: number }>();
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const key = JSON.stringify(v);
    const entry = counts.get(key) ?? { value: v, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.value;
}

function median(field: Field, values: unknown[]): unknown {
  const present = values.filter((v) => v !== null && v !== undefined).sort((a, b) => compareAs(field, a, b));
  return present[Math.floor(present.length / 2)];
}

let serial = 0;
/** A value that satisfies a text field's pattern and length, unique within the run. */
/** A real definition for the forms register's `definition`. */
const shippedForm = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'forms', 'hearing-observation.json'), 'utf8'));

function textValue(field: Extract<Field, { type: 'text' }>): string {
  const n = String(++serial).padStart(4, '0');
  const token = `${String(process.pid % 10000).padStart(4, '0')}${n}`; // 8 digits
  const candidates = [`法援测试${token}`, `FY${token}`, ...patternedTextCandidates(token)];
  const fit = candidates.find((c) => (!field.pattern || field.pattern.regex.test(c)) && (!field.maxLength || c.length <= field.maxLength));
  if (!fit) throw new Error(`no candidate text fits ${field.label.en}`);
  return fit;
}

/** Ids that exist in each register, for reference fields. */
async function referenceIds(): Promise<Record<string, number[]>> {
  const ids: Record<string, number[]> = {};
  for (const resource of coreResources) {
    const { body } = await get(`/api/${resource.name}${listQuery({ sort: ['id', 'ASC'], range: [0, 4] })}`);
    ids[resource.name] = body.map((r: Row) => Number(r.id));
  }
  return ids;
}

/** A valid value of the field's type; variant 1 differs from variant 0. */
function validValue(field: Field, variant: 0 | 1, refs: Record<string, number[]>): unknown {
  switch (field.type) {
    case 'text': return textValue(field);
    case 'longText': return variant ? '第二次修改后的说明。' : '由协议测试创建的说明。';
    case 'integer': {
      const low = field.min ?? 0;
      return Math.min(field.max ?? Number.MAX_SAFE_INTEGER, low + 2 + variant);
    }
    case 'money': {
      const low = field.min ?? 0;
      const value = low + (variant ? 2345.67 : 1234.5);
      return field.max !== undefined && value > field.max ? Math.round(((low + field.max) / 2) * 100) / 100 : value;
    }
    case 'date': return variant ? '2025-06-30' : '2026-01-15';
    case 'datetime': return variant ? '2025-06-30T08:00:00.000Z' : '2026-01-15T02:30:00.000Z';
    case 'boolean': return variant === 0;
    case 'enum': {
      const keys = Object.keys(field.options);
      return keys[variant % keys.length];
    }
    case 'tags': {
      const keys = Object.keys(field.options);
      return variant ? [keys[keys.length - 1]] : [keys[0], keys[1 % keys.length]].filter((k, i, a) => a.indexOf(k) === i);
    }
    case 'reference': return refs[field.to][variant];
    case 'referenceList': return variant ? [refs[field.to][2]] : [refs[field.to][0], refs[field.to][1]];
    case 'json': return field.holds?.kind === 'form-definition'
      ? { ...shippedForm, key: `protocol-test-${++serial}`, title: { zh: variant ? '协议测试表（二）' : '协议测试表', en: 'Protocol test' } }
      : { note: variant ? '二' : '一' };
  }
}

function validBody(resource: ResourceDefinition, refs: Record<string, number[]>, variant: 0 | 1 = 0): Row {
  return withValidIdNumbers(resource, Object.fromEntries(writable(resource).map(([name, field]) => [name, validValue(field, variant, refs)])));
}

const caseNumberPattern = /^（(\d{4})）援字第(\d{4})号$/;

// ---------------------------------------------------------------------------------------------

describe.each(coreResources.map((r) => [r.name, r] as const))('%s', (name, resource) => {
  const fields = allFields(resource);

  describe('sort', () => {
    const columns = resource.list.columns.filter((c) => sortable(fields[c]));
    for (const column of columns) {
      for (const order of ['ASC', 'DESC'] as const) {
        it(`orders the whole list by ${column} ${order} (nulls together at one end)`, async () => {
          const field = fields[column];
          const { rows } = await fetchAll(resource, [column, order]);
          expect(rows.length).toBeGreaterThan(0);
          // A reference sorts by the referenced record's title (issue #10), not by its id.
          const titles = field.type === 'reference' ? await titlesOf(field.to) : undefined;
          const values = rows.map((r) => (titles && r[column] !== null ? titles.get(Number(r[column])) : r[column]));
          const nulls = values.map((v, i) => (v === null ? i : -1)).filter((i) => i >= 0);
          if (nulls.length) {
            const first = nulls[0] === 0;
            const contiguous = nulls.every((p, k) => p === (first ? k : values.length - nulls.length + k));
            expect(contiguous, `nulls of ${column} are not grouped at one end`).toBe(true);
          }
          const present = values.filter((v) => v !== null);
          for (let i = 1; i < present.length; i++) {
            const c = titles ? codePointCompare(String(present[i - 1]), String(present[i])) : compareAs(field, present[i - 1], present[i]);
            if (order === 'ASC') expect(c, `${JSON.stringify(present[i - 1])} before ${JSON.stringify(present[i])}`).toBeLessThanOrEqual(0);
            else expect(c, `${JSON.stringify(present[i - 1])} before ${JSON.stringify(present[i])}`).toBeGreaterThanOrEqual(0);
          }
        });
      }
      it(`answers the same rows for ${column} ASC and DESC, in a different order when the values differ`, async () => {
        const asc = (await fetchAll(resource, [column, 'ASC'])).rows.map((r) => r.id);
        const desc = (await fetchAll(resource, [column, 'DESC'])).rows.map((r) => r.id);
        expect(new Set(asc)).toEqual(new Set(desc));
        const distinct = new Set((await fetchAll(resource)).rows.map((r) => JSON.stringify(r[column])));
        if (distinct.size > 1) expect(asc).not.toEqual(desc);
      });
    }

    it('has at least one sortable list column with two distinct values (so the checks above bite)', async () => {
      const { rows } = await fetchAll(resource);
      const varied = columns.filter((c) => new Set(rows.map((r) => JSON.stringify(r[c]))).size > 1);
      expect(varied.length).toBeGreaterThan(0);
    });

    it('sorts by id and by the declared default sort when none is given', async () => {
      const byId = (await fetchAll(resource, ['id', 'DESC'])).rows.map((r) => Number(r.id));
      expect(byId).toEqual([...byId].sort((a, b) => b - a));
      const res = await get(`/api/${name}${listQuery({ range: [0, 999] })}`);
      const declared = await fetchAll(resource, resource.list.sort);
      expect(res.body.map((r: Row) => r.id)).toEqual(declared.rows.map((r) => r.id));
    });
  });

  describe('range', () => {
    it('pages through the list: Content-Range "name start-end/total", full pages, a last partial page, the same rows as one fetch', async () => {
      const all = await fetchAll(resource, resource.list.sort);
      const total = all.total;
      expect(total).toBeGreaterThan(1);
      const size = [2, 3, 5, 7, 10, 11, 13].filter((p) => p < total && total % p !== 0).pop()!;
      expect(size).toBeDefined();
      const seen: unknown[] = [];
      for (let start = 0; start < total; start += size) {
        const end = start + size - 1;
        const page = await get(`/api/${name}${listQuery({ sort: resource.list.sort, range: [start, end] })}`);
        expect(page.status).toBe(200);
        const length = Math.min(size, total - start);
        expect(page.body).toHaveLength(length);
        expect(page.range).toBe(`${name} ${start}-${start + length - 1}/${total}`);
        if (end >= total) expect(length).toBeLessThan(size); // the last page is partial
        seen.push(...page.body.map((r: Row) => r.id));
      }
      expect(seen).toEqual(all.rows.map((r) => r.id));
    });

    it('answers an empty page beyond the end with "name */total"', async () => {
      const { total } = await fetchAll(resource);
      const page = await get(`/api/${name}${listQuery({ range: [total + 5, total + 14] })}`);
      expect(page.status).toBe(200);
      expect(page.body).toEqual([]);
      expect(page.range).toBe(`${name} */${total}`);
    });

    it('answers 25 rows (0-24) when no range is given', async () => {
      const { total } = await fetchAll(resource);
      const page = await get(`/api/${name}`);
      expect(page.body).toHaveLength(Math.min(25, total));
      expect(page.range).toBe(`${name} 0-${Math.min(25, total) - 1}/${total}`);
    });
  });

  describe('filter', () => {
    for (const filterName of resource.list.filters) {
      if (isVirtual(resource, filterName)) continue;
      const field = fields[filterName];
      it(`filters on ${filterName} (${field.type}) with a value from the data: every row matches, the total is the true count`, async () => {
        const all = await fetchAll(resource);
        const values = field.type === 'tags' || field.type === 'referenceList' ? all.rows.flatMap((r) => r[filterName] as unknown[]) : all.rows.map((r) => r[filterName]);
        const value = mostCommon(values);
        expect(value, `no ${filterName} value in the data to filter on`).not.toBeUndefined();
        const expected = all.rows.filter((r) => matches(field, value, '=', r[filterName])).map((r) => r.id);
        const res = await fetchAll(resource, ['id', 'ASC'], { [filterName]: value });
        expect(res.rows.every((r) => matches(field, value, '=', r[filterName]))).toBe(true);
        expect(res.total).toBe(expected.length);
        expect(res.rows.map((r) => r.id)).toEqual(expected);
      });

      if (field.type === 'enum' || field.type === 'reference' || field.type === 'text') {
        it(`filters on ${filterName} with an array of values (IN)`, async () => {
          const all = await fetchAll(resource);
          const distinct: unknown[] = [...new Set(all.rows.map((r) => r[filterName]).filter((v) => v !== null))].slice(0, 2);
          const expected = all.rows.filter((r) => distinct.includes(r[filterName])).map((r) => r.id);
          const res = await fetchAll(resource, ['id', 'ASC'], { [filterName]: distinct });
          expect(res.rows.map((r) => r.id)).toEqual(expected);
        });
      }

      if (field.type === 'date' || field.type === 'datetime') {
        for (const op of ['gte', 'lte'] as const) {
          it(`filters on ${filterName}_${op} with the median value: the true rows and count`, async () => {
            const all = await fetchAll(resource);
            const pivot = median(field, all.rows.map((r) => r[filterName]));
            expect(pivot).toBeDefined();
            const expected = all.rows.filter((r) => matches(field, pivot, op === 'gte' ? '>=' : '<=', r[filterName])).map((r) => r.id);
            const res = await fetchAll(resource, ['id', 'ASC'], { [`${filterName}_${op}`]: pivot });
            expect(res.rows.map((r) => r.id)).toEqual(expected);
            expect(expected.length).toBeGreaterThan(0);
            expect(expected.length).toBeLessThanOrEqual(all.total);
          });
        }
        it(`combines ${filterName}_gte and ${filterName}_lte into a range`, async () => {
          const all = await fetchAll(resource);
          const sorted = all.rows.map((r) => r[filterName]).filter((v) => v !== null).sort((a, b) => compareAs(field, a, b));
          const low = sorted[Math.floor(sorted.length / 4)];
          const high = sorted[Math.floor((sorted.length * 3) / 4)];
          const expected = all.rows.filter((r) => matches(field, low, '>=', r[filterName]) && matches(field, high, '<=', r[filterName])).map((r) => r.id);
          const res = await fetchAll(resource, ['id', 'ASC'], { [`${filterName}_gte`]: low, [`${filterName}_lte`]: high });
          expect(res.rows.map((r) => r.id)).toEqual(expected);
        });
      }
    }

    it('combines two filters with AND', async () => {
      const usable = resource.list.filters.filter((f) => !isVirtual(resource, f) && ['enum', 'boolean', 'reference', 'text'].includes(fields[f].type));
      if (usable.length < 2) return;
      const all = await fetchAll(resource);
      const [a, b] = usable;
      const sample = all.rows.find((r) => r[a] !== null && r[b] !== null)!;
      const expected = all.rows.filter((r) => r[a] === sample[a] && r[b] === sample[b]).map((r) => r.id);
      const res = await fetchAll(resource, ['id', 'ASC'], { [a]: sample[a], [b]: sample[b] });
      expect(res.rows.map((r) => r.id)).toEqual(expected);
    });

    if (resource.list.search.length) {
      it(`searches with q over ${resource.list.search.join(', ')}: every row contains the text, the total is the true count`, async () => {
        const all = await fetchAll(resource);
        const source = all.rows.map((r) => resource.list.search.map((f) => r[f]).find((v) => typeof v === 'string' && v.length >= 3) as string | undefined).find(Boolean);
        expect(source).toBeDefined();
        const text = source!.slice(1, 3);
        const hit = (r: Row) => resource.list.search.some((f) => typeof r[f] === 'string' && (r[f] as string).toLowerCase().includes(text.toLowerCase()));
        const expected = all.rows.filter(hit).map((r) => r.id);
        const res = await fetchAll(resource, ['id', 'ASC'], { q: text });
        expect(res.rows.every(hit)).toBe(true);
        expect(res.rows.map((r) => r.id)).toEqual(expected);
      });
    }

    it('fetches several records by id (getMany: filter={"id":[…]})', async () => {
      const all = await fetchAll(resource);
      const ids = all.rows.filter((_, i) => i % 2 === 0).slice(0, 5).map((r) => r.id);
      const res = await fetchAll(resource, ['id', 'ASC'], { id: ids });
      expect(res.rows.map((r) => r.id)).toEqual(ids);
      expect(res.rows).toEqual(all.rows.filter((r) => ids.includes(r.id)));
    });

    it('answers every id of getMany even when there are more than 25 (no range is sent)', async () => {
      const all = await fetchAll(resource);
      const ids = all.rows.map((r) => r.id).slice(0, 40);
      const res = await get(`/api/${name}?filter=${encodeURIComponent(JSON.stringify({ id: ids }))}`);
      expect(res.status).toBe(200);
      expect(res.body.map((r: Row) => r.id).sort((a: number, b: number) => a - b)).toEqual(ids);
    });

    it('answers no rows for filter={"id":[]}', async () => {
      const res = await fetchAll(resource, ['id', 'ASC'], { id: [] });
      expect(res.rows).toEqual([]);
    });
  });

  describe('create, read, update, delete', () => {
    if (!may(resource, 'create')) {
      it('refuses every write with 403 (the register is kept by the server)', async () => {
        const before = (await fetchAll(resource)).total;
        const some = (await fetchAll(resource)).rows[0];
        const post = await t.api('admin', `/api/${name}`, { method: 'POST', body: { ...some, id: undefined } });
        expect(post.status).toBe(403);
        const put = await t.api('admin', `/api/${name}/${some.id}`, { method: 'PUT', body: some });
        expect(put.status).toBe(403);
        const del = await t.api('admin', `/api/${name}/${some.id}`, { method: 'DELETE' });
        expect(del.status).toBe(403);
        expect((await fetchAll(resource)).total).toBe(before);
        expect((await get(`/api/${name}/${some.id}`)).body).toEqual(some);
      });
      return;
    }

    it('creates (201) with every writable field stored as sent, answers the record, and reads it back', async () => {
      const refs = await referenceIds();
      const body = validBody(resource, refs);
      const before = (await fetchAll(resource)).total;
      const res = await t.api('admin', `/api/${name}`, { method: 'POST', body });
      const created = await res.json();
      expect(res.status, JSON.stringify(created)).toBe(201);
      for (const [field, value] of Object.entries(body)) expect(created[field], field).toEqual(value);
      expect(created.version).toBe(1);
      expect(Number.isSafeInteger(created.id)).toBe(true);
      expect(Math.abs(Date.parse(created.createdAt) - Date.now())).toBeLessThan(60_000);
      expect(created.updatedAt).toBe(created.createdAt);
      expect((await fetchAll(resource)).total).toBe(before + 1);
      const one = await get(`/api/${name}/${created.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(created);
    });

    it('applies the declared defaults to omitted fields and leaves the others empty', async () => {
      const refs = await referenceIds();
      const body = Object.fromEntries(writable(resource)
        .filter(([, f]) => f.required && f.default === undefined)
        .map(([n, f]) => [n, validValue(f, 0, refs)]));
      const res = await t.api('admin', `/api/${name}`, { method: 'POST', body });
      const created = await res.json();
      expect(res.status, JSON.stringify(created)).toBe(201);
      for (const [field, declared] of Object.entries(resource.fields)) {
        if (field in body) continue;
        if (declared.default !== undefined) {
          const expected = typeof declared.default === 'function' ? (declared.default as () => unknown)() : declared.default;
          expect(created[field], `default of ${field}`).toEqual(expected);
        } else if (!declared.readOnly) {
          expect(created[field], `${field} without a default`).toEqual(declared.type === 'tags' || declared.type === 'referenceList' ? [] : null);
        }
      }
    });

    it('ignores read-only and system fields sent on creation', async () => {
      const refs = await referenceIds();
      const readOnly = Object.entries(resource.fields).filter(([, f]) => f.readOnly);
      const sent: Row = Object.fromEntries(readOnly.map(([n, f]) => [n, f.type === 'enum' ? Object.keys(f.options).at(-1) : f.type === 'text' ? 'FORGED-0001' : validValue(f, 1, refs)]));
      const body = { ...validBody(resource, refs), ...sent, id: 987654, version: 42, createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' };
      const res = await t.api('admin', `/api/${name}`, { method: 'POST', body });
      const created = await res.json();
      expect(res.status, JSON.stringify(created)).toBe(201);
      expect(created.id).not.toBe(987654);
      expect(created.version).toBe(1);
      expect(created.createdAt).not.toBe('2000-01-01T00:00:00.000Z');
      for (const [field, declared] of readOnly) {
        expect(created[field], `${field} was taken from the input`).not.toEqual(sent[field]);
        if (declared.default !== undefined && typeof declared.default !== 'function') expect(created[field]).toEqual(declared.default);
      }
    });

    it('updates every writable field, increments the version, and a stale version then answers 409 leaving the record unchanged', async () => {
      const refs = await referenceIds();
      const created = await (await t.api('admin', `/api/${name}`, { method: 'POST', body: validBody(resource, refs) })).json();
      const changes = validBody(resource, refs, 1);
      const res = await t.api('admin', `/api/${name}/${created.id}`, { method: 'PUT', body: { ...created, ...changes, version: created.version } });
      const updated = await res.json();
      expect(res.status, JSON.stringify(updated)).toBe(200);
      for (const [field, value] of Object.entries(changes)) expect(updated[field], field).toEqual(value);
      expect(updated.version).toBe(created.version + 1);
      expect(updated.createdAt).toBe(created.createdAt);
      expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
      expect((await get(`/api/${name}/${created.id}`)).body).toEqual(updated);

      const [firstField, firstDeclared] = writable(resource)[0];
      const stale = await t.api('admin', `/api/${name}/${created.id}`, {
        method: 'PUT',
        body: { ...updated, [firstField]: validValue(firstDeclared, 0, refs), version: created.version },
      });
      const refusal = await stale.json();
      expect(stale.status).toBe(409);
      expect(typeof refusal.message).toBe('string');
      expect(refusal.message).toMatch(/[\u4e00-\u9fff]/);
      expect((await get(`/api/${name}/${created.id}`)).body).toEqual(updated);
    });

    it('deletes: answers the deleted record {id, …}, then the record is 404 and the total drops', async () => {
      const refs = await referenceIds();
      const created = await (await t.api('admin', `/api/${name}`, { method: 'POST', body: validBody(resource, refs) })).json();
      const before = (await fetchAll(resource)).total;
      const res = await t.api('admin', `/api/${name}/${created.id}`, { method: 'DELETE' });
      if (resource.undeletableWhen?.(created)) {
        // A numbered case is never deleted (issue #10): 422 with the way out, and it stays.
        expect(res.status).toBe(422);
        expect((await res.json()).message).toMatch(/[\u4e00-\u9fff]/);
        expect((await get(`/api/${name}/${created.id}`)).body).toEqual(created);
        expect((await fetchAll(resource)).total).toBe(before);
        return;
      }
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(created);
      expect((await get(`/api/${name}/${created.id}`)).status).toBe(404);
      expect((await t.api('admin', `/api/${name}/${created.id}`, { method: 'DELETE' })).status).toBe(404);
      expect((await t.api('admin', `/api/${name}/${created.id}`, { method: 'PUT', body: created })).status).toBe(404);
      expect((await fetchAll(resource)).total).toBe(before - 1);
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('the registers\' own rules over the protocol', () => {
  const cases = byName.get('cases')!;
  const lawyers = byName.get('lawyers')!;
  const complaints = byName.get('complaints')!;
  const teams = byName.get('volunteer-teams')!;
  const firms = byName.get('law-firms')!;

  it('gives every case a number （YYYY）援字第NNNN号 of its application year, unique across the register', async () => {
    const { rows } = await fetchAll(cases);
    for (const row of rows) {
      const m = caseNumberPattern.exec(String(row.caseNumber));
      expect(m, String(row.caseNumber)).not.toBeNull();
      // The number is issued once; a later correction of the application date keeps it.
      if (row.version === 1) expect(m![1], String(row.caseNumber)).toBe(String(row.applicationDate).slice(0, 4));
    }
    expect(new Set(rows.map((r) => r.caseNumber)).size).toBe(rows.length);
  });

  it('numbers new cases of one year consecutively after the highest number of that year', async () => {
    const { rows } = await fetchAll(cases);
    const year = '2024';
    const highest = Math.max(0, ...rows.filter((r) => String(r.caseNumber).includes(`（${year}）`)).map((r) => Number(caseNumberPattern.exec(String(r.caseNumber))![2])));
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.api('admin', '/api/cases', { method: 'POST', body: { applicantName: `编号测试${i}`, caseType: 'civil', applicationDate: `${year}-05-0${i + 1}`, caseNumber: '（2024）援字第9999号' } });
      expect(res.status).toBe(201);
      numbers.push((await res.json()).caseNumber);
    }
    expect(numbers).toEqual([1, 2, 3].map((k) => `（${year}）援字第${String(highest + k).padStart(4, '0')}号`));
  });

  it('filters cases by lawyerId: exactly that lawyer\'s cases', async () => {
    const all = await fetchAll(cases);
    const lawyerId = mostCommon(all.rows.map((r) => r.lawyerId));
    const res = await fetchAll(cases, ['id', 'ASC'], { lawyerId });
    expect(res.total).toBeGreaterThan(0);
    expect(res.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => r.lawyerId === lawyerId).map((r) => r.id));
  });

  it('filters complaints by caseId: exactly the complaints about that case', async () => {
    const all = await fetchAll(complaints);
    const caseId = all.rows[0].caseId;
    const res = await fetchAll(complaints, ['id', 'ASC'], { caseId });
    expect(res.total).toBeGreaterThan(0);
    expect(res.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => r.caseId === caseId).map((r) => r.id));
  });

  it('filters volunteer teams by memberIds "contains": id 1 does not match 11 or 21', async () => {
    const all = await fetchAll(teams);
    const lawyerIds = (await fetchAll(lawyers)).rows.map((r) => Number(r.id));
    for (const id of lawyerIds.slice(0, 12)) {
      const res = await fetchAll(teams, ['id', 'ASC'], { memberIds: id });
      expect(res.rows.map((r) => r.id), `memberIds contains ${id}`).toEqual(all.rows.filter((r) => (r.memberIds as number[]).includes(id)).map((r) => r.id));
    }
    const member = (all.rows[0].memberIds as number[])[0];
    expect((await fetchAll(teams, ['id', 'ASC'], { memberIds: member })).total).toBeGreaterThan(0);
  });

  it('filters lawyers by specialties "minors": exactly the lawyers with that tag', async () => {
    const all = await fetchAll(lawyers);
    const expected = all.rows.filter((r) => (r.specialties as string[]).includes('minors')).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    const res = await fetchAll(lawyers, ['id', 'ASC'], { specialties: 'minors' });
    expect(res.rows.map((r) => r.id)).toEqual(expected);
  });

  it('filters cases by applicationDate_gte and _lte', async () => {
    const all = await fetchAll(cases);
    const res = await fetchAll(cases, ['id', 'ASC'], { applicationDate_gte: '2026-03-01', applicationDate_lte: '2026-06-30' });
    expect(res.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => String(r.applicationDate) >= '2026-03-01' && String(r.applicationDate) <= '2026-06-30').map((r) => r.id));
  });

  it('finds the overdue cases (virtual filter): undecided after reviewDays, unassigned after assignDays', async () => {
    const all = await fetchAll(cases);
    const settings = (await get('/api/settings/1')).body;
    const today = new Date().toISOString().slice(0, 10);
    const days = (from: string) => Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
    const overdue = (r: Row) => (['applied', 'reviewing'].includes(String(r.status)) && days(String(r.applicationDate)) > settings.reviewDays)
      || (r.status === 'accepted' && r.acceptedAt !== null && days(new Date(String(r.acceptedAt)).toISOString()) > settings.assignDays);
    const res = await fetchAll(cases, ['id', 'ASC'], { overdue: true });
    expect(res.rows.map((r) => r.id)).toEqual(all.rows.filter(overdue).map((r) => r.id));
    expect((await fetchAll(cases, ['id', 'ASC'], { overdue: false })).total).toBe(all.total);
  });

  it('searches case-insensitively and treats % and _ literally', async () => {
    const all = await fetchAll(lawyers);
    const withEmail = all.rows.find((r) => typeof r.email === 'string')!;
    const part = String(withEmail.email).split('@')[1].slice(0, 6).toUpperCase();
    const res = await fetchAll(lawyers, ['id', 'ASC'], { q: part });
    expect(res.rows.map((r) => r.id)).toContain(withEmail.id);
    for (const wildcard of ['%', '_', '\\']) {
      const literal = await fetchAll(lawyers, ['id', 'ASC'], { q: wildcard });
      expect(literal.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => lawyers.list.search.some((f) => String(r[f] ?? '').includes(wildcard))).map((r) => r.id));
    }
  });

  it('refuses (409) to delete a law firm that lawyers refer to, and deletes nothing', async () => {
    const allLawyers = await fetchAll(lawyers);
    const firmId = mostCommon(allLawyers.rows.map((r) => r.lawFirmId));
    const firm = (await get(`/api/law-firms/${firmId}`)).body;
    const firmsBefore = (await fetchAll(firms)).total;
    const res = await t.api('admin', `/api/law-firms/${firmId}`, { method: 'DELETE' });
    const body = await res.json();
    expect(res.status).toBe(409);
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await get(`/api/law-firms/${firmId}`)).body).toEqual(firm);
    expect((await fetchAll(firms)).total).toBe(firmsBefore);
    expect((await fetchAll(lawyers)).rows).toEqual(allLawyers.rows);
  });

  it('refuses (409) to delete a lawyer who is only referred to by a volunteer team\'s memberIds, and deletes nothing', async () => {
    const refs = await referenceIds();
    const lawyer = await (await t.api('admin', '/api/lawyers', { method: 'POST', body: validBody(lawyers, refs) })).json();
    const team = (await fetchAll(teams)).rows[0];
    const put = await t.api('admin', `/api/volunteer-teams/${team.id}`, { method: 'PUT', body: { ...team, memberIds: [...(team.memberIds as number[]), lawyer.id] } });
    expect(put.status).toBe(200);
    const res = await t.api('admin', `/api/lawyers/${lawyer.id}`, { method: 'DELETE' });
    expect(res.status).toBe(409);
    expect((await get(`/api/lawyers/${lawyer.id}`)).body).toEqual(lawyer);
    const restore = await t.api('admin', `/api/volunteer-teams/${team.id}`, { method: 'PUT', body: { ...(await put.json()), memberIds: team.memberIds } });
    expect(restore.status).toBe(200);
    expect((await t.api('admin', `/api/lawyers/${lawyer.id}`, { method: 'DELETE' })).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the real ra-data-simple-rest client over HTTP', () => {
  let server: ServerType;
  let provider: DataProvider;
  let refs: Record<string, number[]>;

  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: t.fayuan.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
    });
    expect((server.address() as AddressInfo).port).toBe(port);
    const cookie = await t.cookieOf('admin');
    const httpClient = (url: string, options: fetchUtils.Options = {}) => {
      const headers = new Headers(options.headers ?? { Accept: 'application/json' });
      headers.set('Cookie', cookie);
      headers.set('Origin', ORIGIN);
      return fetchUtils.fetchJson(url, { ...options, headers });
    };
    provider = simpleRestProvider(`http://127.0.0.1:${port}/api`, httpClient);
    refs = await referenceIds();
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  for (const resource of coreResources) {
    const name = resource.name;
    const fields = allFields(resource);

    it(`${name}: getMany answers every requested record (up to 30 ids)`, async () => {
      const all = await fetchAll(resource);
      const ids = all.rows.slice(0, 30).map((r) => r.id as number);
      const many = await provider.getMany(name, { ids });
      expect(many.data.map((r) => r.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
      for (const record of many.data) expect(record).toEqual(all.rows.find((r) => r.id === record.id));
    });

    it(`${name}: getList, getOne and getManyReference answer what the API holds`, async () => {
      const all = await fetchAll(resource, resource.list.sort);
      const sortField = resource.list.columns.find((c) => sortable(fields[c]))!;
      const list = await provider.getList(name, { pagination: { page: 2, perPage: 5 }, sort: { field: resource.list.sort[0], order: resource.list.sort[1] }, filter: {} });
      expect(list.total).toBe(all.total);
      expect(list.data).toEqual(all.rows.slice(5, 10));

      const sorted = await provider.getList(name, { pagination: { page: 1, perPage: 1000 }, sort: { field: sortField, order: 'DESC' }, filter: {} });
      expect(sorted.data.map((r) => r.id)).toEqual((await fetchAll(resource, [sortField, 'DESC'])).rows.map((r) => r.id));

      const one = await provider.getOne(name, { id: all.rows[0].id as number });
      expect(one.data).toEqual(all.rows[0]);

      const target = resource.list.filters.find((f) => !isVirtual(resource, f) && (fields[f].type === 'reference' || fields[f].type === 'referenceList'))
        ?? resource.list.filters.find((f) => !isVirtual(resource, f) && ['enum', 'boolean', 'text'].includes(fields[f].type))!;
      const field = fields[target];
      const value = mostCommon(all.rows.flatMap((r) => (Array.isArray(r[target]) ? r[target] : [r[target]]) as unknown[]));
      const reference = await provider.getManyReference(name, {
        target, id: value as number, pagination: { page: 1, perPage: 1000 }, sort: { field: 'id', order: 'ASC' }, filter: {},
      });
      const expected = all.rows.filter((r) => matches(field, value, '=', r[target])).map((r) => r.id).sort((a, b) => Number(a) - Number(b));
      expect(reference.total).toBe(expected.length);
      expect(reference.data.map((r) => r.id)).toEqual(expected);
    });

    if (!may(resource, 'create')) {
      it(`${name}: create, update and delete are refused with an HttpError 403 carrying the server's message`, async () => {
        const some = (await fetchAll(resource)).rows[0];
        const attempts: Array<() => Promise<unknown>> = [
          () => provider.create(name, { data: { ...some, id: undefined } }),
          () => provider.update(name, { id: some.id as number, data: some, previousData: some as { id: number } }),
          () => provider.delete(name, { id: some.id as number, previousData: some as { id: number } }),
        ];
        for (const attempt of attempts) {
          const error = await attempt().then(() => null, (e) => e);
          expect(error).toBeInstanceOf(HttpError);
          expect(error.status).toBe(403);
          expect(error.message).toMatch(/[\u4e00-\u9fff]/);
        }
      });
      continue;
    }

    it(`${name}: create, update (with version), updateMany, delete and deleteMany`, async () => {
      const before = (await fetchAll(resource)).total;
      const created = await provider.create(name, { data: validBody(resource, refs) });
      expect(created.data.id).toEqual(expect.any(Number));
      expect(created.data.version).toBe(1);

      const changes = validBody(resource, refs, 1);
      const updated = await provider.update(name, { id: created.data.id, data: { ...created.data, ...changes }, previousData: created.data });
      for (const [field, value] of Object.entries(changes)) expect(updated.data[field], field).toEqual(value);
      expect(updated.data.version).toBe(2);

      const stale = await provider.update(name, { id: created.data.id, data: { ...updated.data, version: 1 }, previousData: updated.data }).then(() => null, (e) => e);
      expect(stale).toBeInstanceOf(HttpError);
      expect(stale.status).toBe(409);

      const second = await provider.create(name, { data: validBody(resource, refs) });
      const third = await provider.create(name, { data: validBody(resource, refs) });
      // Not an ID number, its birth date or gender: they must agree (issue #10).
      const spelled = new Set(writable(resource).flatMap(([name, f]) => (f.type === 'text' && f.format ? [name, ...Object.values(f.derives ?? {})] : [])));
      const [patchField, patchDeclared] = writable(resource).find(([name, f]) => !f.unique && !f.required && f.type !== 'reference' && !spelled.has(name))
        ?? writable(resource).find(([, f]) => !f.unique)!;
      const patch = { [patchField]: validValue(patchDeclared, 1, refs) };
      const many = await provider.updateMany(name, { ids: [second.data.id, third.data.id], data: patch });
      expect(many.data).toEqual([second.data.id, third.data.id]);
      for (const id of [second.data.id, third.data.id]) {
        const { data } = await provider.getOne(name, { id });
        expect(data[patchField]).toEqual(patch[patchField]);
        expect(data.version).toBe(2);
      }

      if (resource.undeletableWhen?.(updated.data)) {
        // A numbered case is never deleted (issue #10): the client hears 422 with the server's message.
        for (const attempt of [
          () => provider.delete(name, { id: created.data.id, previousData: updated.data }),
          () => provider.deleteMany(name, { ids: [second.data.id, third.data.id] }),
        ]) {
          const refused = await attempt().then(() => null, (e) => e);
          expect(refused).toBeInstanceOf(HttpError);
          expect(refused.status).toBe(422);
          expect(refused.message).toMatch(/[\u4e00-\u9fff]/);
        }
        expect((await fetchAll(resource)).total).toBe(before + 3);
        return;
      }
      const deleted = await provider.delete(name, { id: created.data.id, previousData: updated.data });
      expect(deleted.data).toEqual(updated.data);
      const gone = await provider.getOne(name, { id: created.data.id }).then(() => null, (e) => e);
      expect(gone.status).toBe(404);

      const deletedMany = await provider.deleteMany(name, { ids: [second.data.id, third.data.id] });
      expect(deletedMany.data).toEqual([second.data.id, third.data.id]);
      expect((await provider.getMany(name, { ids: [second.data.id, third.data.id] })).data).toEqual([]);
      expect((await fetchAll(resource)).total).toBe(before);
    });
  }

  it('surfaces a validation error as HttpError with the server\'s message and per-field errors', async () => {
    const error = await provider.create('cases', { data: { applicantName: '', caseType: 'nonsense' } }).then(() => null, (e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('提交的数据有误');
    expect(Object.keys(error.body.errors)).toEqual(expect.arrayContaining(['applicantName', 'caseType']));
  });
});
