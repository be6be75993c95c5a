// The ra-data-simple-rest protocol, for every register, derived from the declarations:
// sort, range, filters, search, getMany, create/read/update/delete with optimistic locking.
import { describe, expect, it } from 'vitest';
import { coreResources } from '../../api/resources/index.js';
import { allFields, type Row } from '../../api/resources/define.js';
import { listQuery } from '../support/fayuan.js';
import { codePointCompare, compareAs, fetchAll, titlesOf, get, isVirtual, matches, may, median, mostCommon, referenceIds, setUpProtocolCentre, sortable, t, validBody, validValue, writable } from '../support/rest-protocol.js';

setUpProtocolCentre();

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
