// What the ra-data-simple-rest protocol specs (test/rest-protocol/*.test.ts) share: the centre they
// run on and helpers driven by the declarations (valid bodies, comparisons, filters as the server means them).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, afterAll, expect } from 'vitest';
import { coreResources } from '../../api/resources/index.js';
import type { Field, ResourceDefinition, Row } from '../../api/resources/define.js';
import { listQuery, startTestFayuan, totalOf, type TestFayuan } from './fayuan.js';
import { patternedTextCandidates, withValidIdNumbers } from './identifier-values.js';
import { applicability, holds } from '../../api/resources/conditions.js';

const isListField = (field: Field) => field.type === 'tags' || field.type === 'referenceList' || field.type === 'list';

export let t: TestFayuan;

// ---------------------------------------------------------------------------------------------
// Helpers, all driven by the declarations

export const byName = new Map(coreResources.map((r) => [r.name, r]));
export const may = (resource: ResourceDefinition, verb: 'create' | 'update' | 'delete') =>
  resource.access === undefined || resource.access[verb].admin !== undefined;
export const writable = (resource: ResourceDefinition) => Object.entries(resource.fields).filter(([, f]) => !f.readOnly);
export const sortable = (field: Field) => field.type !== 'tags' && field.type !== 'referenceList';
export const isVirtual = (resource: ResourceDefinition, name: string) => Boolean(resource.virtualFilters?.[name]);

export async function get(path: string, headers: Record<string, string> = {}) {
  const res = await t.api('admin', path, { headers });
  const body = await res.json();
  return { status: res.status, body, range: res.headers.get('content-range'), total: totalOf(res) };
}

/** Every row of a register (at most one page of 1000), in the given order. */
export async function fetchAll(resource: ResourceDefinition, sort: [string, string] = ['id', 'ASC'], filter?: Row): Promise<{ rows: Row[]; total: number }> {
  const res = await get(`/api/${resource.name}${listQuery({ sort, range: [0, 999], filter })}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.total).toBeLessThanOrEqual(1000);
  expect(res.body).toHaveLength(res.total);
  return { rows: res.body, total: res.total };
}

/** Each record's title by id, in a register others refer to. */
export async function titlesOf(name: string): Promise<Map<number, unknown>> {
  const target = coreResources.find((r) => r.name === name)!;
  return new Map((await fetchAll(target)).rows.map((r) => [Number(r.id), r[target.titleField]]));
}

/** Unicode code point order: what SQLite's BINARY and PostgreSQL's C.UTF-8 collations use. */
export function codePointCompare(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

export function compareAs(field: Field, a: unknown, b: unknown): number {
  switch (field.type) {
    case 'integer': case 'reference': case 'money': return Number(a) - Number(b);
    case 'boolean': return Number(a) - Number(b);
    case 'datetime': return Date.parse(String(a)) - Date.parse(String(b));
    default: return codePointCompare(String(a), String(b)); // text, longText, enum keys, ISO dates
  }
}

/** The rows a filter value must select, computed in JS from a full fetch. */
export function matches(field: Field, value: unknown, op: '=' | '>=' | '<=', rowValue: unknown): boolean {
  if (field.type === 'tags' || field.type === 'referenceList') {
    return Array.isArray(rowValue) && (rowValue as unknown[]).some((v) => v === value);
  }
  if (rowValue === null || rowValue === undefined) return false;
  const c = compareAs(field, rowValue, value);
  return op === '=' ? c === 0 : op === '>=' ? c >= 0 : c <= 0;
}

export function mostCommon(values: unknown[]): unknown {
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

export function median(field: Field, values: unknown[]): unknown {
  const present = values.filter((v) => v !== null && v !== undefined).sort((a, b) => compareAs(field, a, b));
  return present[Math.floor(present.length / 2)];
}

export let serial = 0;
/** A real definition for the forms register's `definition`. */
const shippedForm = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'forms', 'hearing-observation.json'), 'utf8'));

/** A value that satisfies a text field's pattern and length, unique within the run. */
export function textValue(field: Extract<Field, { type: 'text' }>): string {
  const n = String(++serial).padStart(4, '0');
  const token = `${String(process.pid % 10000).padStart(4, '0')}${n}`; // 8 digits
  const candidates = [`法援测试${token}`, `FY${token}`, ...patternedTextCandidates(token)];
  const fit = candidates.find((c) => (!field.pattern || field.pattern.regex.test(c)) && (!field.maxLength || c.length <= field.maxLength));
  if (!fit) throw new Error(`no candidate text fits ${field.label.en}`);
  return fit;
}

/** Ids that exist in each register, for reference fields. */
export async function referenceIds(): Promise<Record<string, number[]>> {
  const ids: Record<string, number[]> = {};
  for (const resource of coreResources) {
    const { body } = await get(`/api/${resource.name}${listQuery({ sort: ['id', 'ASC'], range: [0, 4] })}`);
    ids[resource.name] = body.map((r: Row) => Number(r.id));
  }
  return ids;
}

/** A valid value of the field's type; variant 1 differs from variant 0. */
export function validValue(field: Field, variant: 0 | 1, refs: Record<string, number[]>): unknown {
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

export function validBody(resource: ResourceDefinition, refs: Record<string, number[]>, variant: 0 | 1 = 0): Row {
  const body = withValidIdNumbers(resource, Object.fromEntries(writable(resource).map(([name, field]) => [name, validValue(field, variant, refs)])));
  // A field that does not apply to this record (its visibleWhen, its stage) is sent empty: the server drops it (issue #10).
  const record = { status: resource.fields.status?.default ?? null, ...body };
  for (const [name, field] of writable(resource)) {
    if (!holds(applicability(field, resource.stages), record)) body[name] = isListField(field) ? [] : null;
  }
  return body;
}

export const caseNumberPattern = /^（(\d{4})）援字第(\d{4})号$/;
/** Starts a demo centre of 90 cases for the calling spec file, the admin signed in before any count is taken. */
export function setUpProtocolCentre() {
  beforeAll(async () => {
    t = await startTestFayuan({ cases: 90 });
    await t.cookieOf('admin'); // the sign-in writes an audit entry: do it before any count is taken
  });
  afterAll(async () => {
    await t?.close();
  });
}
