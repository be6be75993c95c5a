// Property-based fuzzing of every register's list parameters and bodies, as every role and
// anonymously: whatever comes in, the answer is never a 5xx, and a 4xx is `{message, errors}`.
// FUZZ_RUNS sets the number of requests (a few thousand here; `npm run fuzz` runs 10,000).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFields } from '../../api/resources/define.js';
import { startTestFayuan, type Role, type TestFayuan } from '../support/fayuan.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 30, plugins: ['case-files'] });
  for (const role of ['admin', 'supervisor', 'lawyer', 'reviewer'] as const) await t.cookieOf(role);
});
afterAll(() => t?.close());

const prototypeNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__', 'prototype'];
const farDates = ['9999-12-31', '+275760-09-13', '-000001-01-01', '0000-00-00', '1899-12-31', '2101-01-01', '2100-12-31', '1900-01-01', '2026-02-29', '2024-02-29', '9999-12-31T23:59:59Z', '2026-13-01', '1e5', ''];
const hugeNumbers = [2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, 1e21, 0.1, -0, 1e-300];

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('a\u0000b', '\u0000', "'; drop table cases; --", '%_\\', '\u202Efdp.exe', '=1+1', '１２３'),
  fc.constantFrom(...farDates),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(...hugeNumbers),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), hostileText, fc.constantFrom(...hugeNumbers)), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...prototypeNames, 'a'), fc.oneof(fc.integer(), hostileText), { maxKeys: 2 }),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('fuzz', () => {
  it(`answers ${RUNS} random requests over every register, as every role, without a 5xx`, async () => {
    const registers = [...t.fayuan.resources.map((r) => ({ name: r.name, fields: Object.keys(allFields(r)) })),
      { name: 'users', fields: ['id', 'name', 'email', 'role', 'lawyerId', 'banned', 'password'] },
      { name: 'settings', fields: ['centreName', 'reviewDays', 'uploadLimitMb'] }];
    const suffixes = ['', '_gte', '_lte', '_gt', '_lt', '_neq'];
    const key = (fields: string[]) => fc.oneof(
      fc.constantFrom(...fields),
      fc.tuple(fc.constantFrom(...fields), fc.constantFrom(...suffixes)).map(([f, s]) => f + s),
      fc.constantFrom(...prototypeNames, 'q', 'overdue', 'id'),
      fc.string({ maxLength: 12 }),
    );
    const id = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom('0', '-1', '2147483648', '9999999999999999', '1e3', 'abc', '%00', '1.5', 'constructor', '__proto__'));
    const jsonParam = <T>(value: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: value.map((v) => JSON.stringify(v)) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });
    const request = fc.constantFrom(...registers).chain((register) => fc.record({
      register: fc.constant(register.name),
      role: fc.constantFrom<Role | null>('admin', 'supervisor', 'lawyer', 'reviewer', null),
      kind: fc.constantFrom('list', 'list', 'list', 'getOne', 'create', 'create', 'update', 'update', 'delete', 'transition'),
      id,
      sort: fc.option(jsonParam(fc.oneof(fc.tuple(key(register.fields), fc.constantFrom('ASC', 'DESC', 'asc', 'x')), fc.jsonValue({ maxDepth: 1 })))),
      range: fc.option(jsonParam(fc.oneof(fc.tuple(fc.oneof(fc.nat(2000), fc.constantFrom(...hugeNumbers, -1)), fc.oneof(fc.nat(2000), fc.constantFrom(...hugeNumbers, -1))), fc.jsonValue({ maxDepth: 1 })))),
      filter: fc.option(jsonParam(fc.oneof(fc.dictionary(key(register.fields), hostileValue, { maxKeys: 3 }), fc.jsonValue({ maxDepth: 1 })))),
      body: fc.oneof(
        { weight: 6, arbitrary: fc.dictionary(key(register.fields), hostileValue, { maxKeys: 6 }).map((b) => JSON.stringify(b)) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
      ),
      action: fc.constantFrom('review', 'accept', 'reject', 'assign', 'start', 'close', 'archive', 'terminate', 'constructor', '__proto__', 'nosuch'),
    }));

    let sent = 0;
    const began = Date.now();
    const fives: string[] = [];
    await fc.assert(fc.asyncProperty(request, async (r) => {
      const params = new URLSearchParams();
      if (r.sort !== null) params.set('sort', r.sort);
      if (r.range !== null) params.set('range', r.range);
      if (r.filter !== null) params.set('filter', r.filter);
      const path = {
        list: `/api/${r.register}?${params}`,
        getOne: `/api/${r.register}/${r.id}`,
        create: `/api/${r.register}`,
        update: `/api/${r.register}/${r.id}`,
        delete: `/api/${r.register}/${r.id}`,
        transition: `/api/cases/${r.id}/transitions/${r.action}`,
      }[r.kind]!;
      const method = { list: 'GET', getOne: 'GET', create: 'POST', update: 'PUT', delete: 'DELETE', transition: 'POST' }[r.kind]!;
      const withBody = method === 'POST' || method === 'PUT';
      const res = await t.api(r.role, path, { method, ...(withBody ? { body: r.body, headers: { 'content-type': 'application/json' } } : {}) });
      sent++;
      const text = await res.text();
      if (res.status >= 500) fives.push(`${method} ${path} ${withBody ? r.body : ''} → ${res.status} ${text}`);
      expect(res.status, `${method} ${path} ${withBody ? r.body : ''} as ${r.role}: ${text}`).toBeLessThan(500);
      if (res.status >= 400) {
        const body = JSON.parse(text);
        expect(typeof body.message).toBe('string');
        expect(typeof body.errors).toBe('object');
      }
    }), { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined });
    console.log(`fuzz (${t.dialect}): ${sent} requests, ${fives.length} 5xx, ${((Date.now() - began) / 1000).toFixed(1)} s`);
  }, 900_000);
});
