// The ra-data-simple-rest protocol through the real ra-data-simple-rest client over a real HTTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'ra-core';
import { coreResources } from '../../api/resources/index.js';
import { allFields } from '../../api/resources/define.js';
import { ORIGIN } from '../support/fayuan.js';
import { fetchAll, isVirtual, matches, may, mostCommon, referenceIds, setUpProtocolCentre, sortable, t, validBody, validValue, writable } from '../support/rest-protocol.js';

setUpProtocolCentre();

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
