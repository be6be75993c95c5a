// The access matrix, generated from the declarations: every role × every register × every verb.
// The expectation of each cell is read from the register's `access` block; the rows a row rule
// admits are worked out here, by evaluating the rule's filter against the admin's unrestricted
// view of the data (never by asking the server's enforcement code).
import { isOperationNodeSource, type SelectQueryBuilder } from 'kysely';
import { applicability, holds } from '../api/resources/conditions.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreResources } from '../api/resources/index.js';
import usersDeclaration from '../api/users/declaration.js';
import { allFields, type Access, type Actor, type Field, type ResourceDefinition, type Role, type Row, type RowRule } from '../api/resources/define.js';
import { listQuery, startTestFayuan, totalOf, type TestFayuan } from './support/fayuan.js';
import { patternedTextCandidates, withValidIdNumbers } from './support/identifier-values.js';

const ROLES: Role[] = ['admin', 'supervisor', 'lawyer', 'reviewer'];
const VERBS = ['list', 'getOne', 'getMany', 'referenceFilter', 'search', 'create', 'update', 'delete'] as const;
type MatrixVerb = (typeof VERBS)[number];
type AccessVerb = 'read' | 'create' | 'update' | 'delete';

const registers: ResourceDefinition[] = [...coreResources, usersDeclaration];

/** A register without an access block is for admins only (define.ts). */
const accessOf = (r: ResourceDefinition): Access => r.access ?? {
  read: { admin: true }, create: { admin: true }, update: { admin: true }, delete: { admin: true },
};
const ruleOf = (r: ResourceDefinition, verb: AccessVerb, role: Role): RowRule | undefined => accessOf(r)[verb][role];
const isUsers = (r: ResourceDefinition) => r.name === 'users';
const referenceFields = (r: ResourceDefinition) =>
  Object.entries(r.fields).filter(([, f]) => f.type === 'reference' || f.type === 'referenceList').map(([n]) => n);
const hiddenFor = (r: ResourceDefinition, role: Role) =>
  new Set(Object.entries(accessOf(r).masked ?? {}).filter(([, m]) => !m.visibleTo.includes(role)).map(([f]) => f));

let checks = 0;
/** `expect`, counted. */
function check<T>(actual: T, message?: string) {
  checks++;
  return expect(actual, message);
}

let t: TestFayuan;
const actors = new Map<Role, Actor>();
let uniqueCounter = 0;
const fresh = () => `${Date.now().toString(36)}${(uniqueCounter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();

beforeAll(async () => {
  // Without plugins: the matrix is that of the core declarations.
  t = await startTestFayuan({ cases: 60, plugins: [] });
  // Sign everybody in first: a sign-in writes an audit entry, which would move the audit log under the checks.
  for (const role of ROLES) await t.cookieOf(role);
  const users = await adminRows(usersDeclaration);
  for (const role of ROLES) {
    const user = users.find((u) => u.email === `${role}@fayuan.test`);
    if (!user) throw new Error(`no demo account for ${role}`);
    actors.set(role, { id: String(user.id), email: String(user.email), role, lawyerId: user.lawyerId === null ? null : Number(user.lawyerId) });
  }
});

// ---------------------------------------------------------------------------------------------
// Requests

const base = (r: ResourceDefinition) => `/api/${r.name}`;
const get = (role: Role, path: string) => t.api(role, path);

async function json(res: Response): Promise<any> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Every row the role gets for a filter, page by page, with the Content-Range total of each page. */
async function fetchAll(role: Role, r: ResourceDefinition, filter: Record<string, unknown> = {}, texts?: string[]) {
  const rows: Row[] = [];
  const totals: number[] = [];
  for (let start = 0; ; start += 1000) {
    const res = await get(role, base(r) + listQuery({ range: [start, start + 999], filter, sort: ['id', 'ASC'] }));
    const body = await json(res);
    if (res.status !== 200) throw new Error(`${role} GET ${r.name} ${JSON.stringify(filter)} answered ${res.status}: ${JSON.stringify(body)}`);
    texts?.push(JSON.stringify(body));
    rows.push(...body);
    totals.push(totalOf(res));
    if (body.length < 1000) break;
  }
  return { rows, totals };
}

/** The admin's unrestricted view of a register. */
async function adminRows(r: ResourceDefinition): Promise<Row[]> {
  return (await fetchAll('admin', r)).rows;
}

async function adminRow(r: ResourceDefinition, id: unknown): Promise<Row | null> {
  const res = await get('admin', `${base(r)}/${id}`);
  return res.status === 200 ? await res.json() : null;
}

const idOf = (row: Row) => String(row.id);
const sortIds = (ids: Iterable<unknown>) => [...ids].map(String).sort();
function nonexistentId(r: ResourceDefinition, rows: Row[]) {
  return isUsers(r) ? 'no-such-user' : String(Math.max(0, ...rows.map((row) => Number(row.id))) + 100_000);
}
/** Up to n ids spread over the list. */
function sample<T>(list: T[], n: number): T[] {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]);
}

async function expectRefused(res: Response, status = 403) {
  const body = await json(res);
  check(res.status, JSON.stringify(body)).toBe(status);
  if (status === 403) check(String(body?.message ?? '')).toMatch(/[\u4e00-\u9fff]/);
  return body;
}

// ---------------------------------------------------------------------------------------------
// The rule's filter, evaluated here (the list-filter language: field = value, value lists, suffixes)

function same(field: Field, have: unknown, want: unknown): boolean {
  if (have === null || have === undefined) return false;
  if (['integer', 'reference', 'money'].includes(field.type)) return Number(have) === Number(want);
  if (field.type === 'boolean') return Boolean(have) === (want === true || want === 'true');
  return String(have) === String(want);
}

function compare(field: Field, have: unknown, want: unknown): number {
  if (['integer', 'reference', 'money'].includes(field.type)) return Number(have) - Number(want);
  return String(have).localeCompare(String(want));
}

function matchesFilter(r: ResourceDefinition, filter: Record<string, unknown>, row: Row): boolean {
  const fields = allFields(r);
  for (const [key, want] of Object.entries(filter)) {
    if (want === undefined) continue;
    const suffix = /_(gte|lte|gt|lt|neq)$/.exec(key)?.[1];
    const name = suffix && !fields[key] ? key.slice(0, -suffix.length - 1) : key;
    const field = fields[name];
    if (!field) throw new Error(`the test cannot evaluate a rule filtering by ${key} on ${r.name}`);
    const have = row[name] ?? null;
    if (want === null) {
      if ((suffix === 'neq') !== (have !== null)) return false;
      continue;
    }
    const wants = Array.isArray(want) ? want : [want];
    if (field.type === 'tags' || field.type === 'referenceList') {
      const list = ((have ?? []) as unknown[]).map(String);
      if (!wants.some((w) => list.includes(String(w)))) return false;
      continue;
    }
    if (!suffix) {
      if (!wants.some((w) => same(field, have, w))) return false;
      continue;
    }
    if (have === null) return false;
    const c = compare(field, have, wants[0]);
    const ok = { gte: c >= 0, lte: c <= 0, gt: c > 0, lt: c < 0, neq: c !== 0 }[suffix as 'gte'];
    if (!ok) return false;
  }
  return true;
}

/** The ids of `rows` the role's rule for the verb admits; null when the role is absent from the verb (403). */
async function admitted(r: ResourceDefinition, role: Role, verb: AccessVerb, rows: Row[]): Promise<Set<string> | null> {
  const rule = ruleOf(r, verb, role);
  if (rule === undefined) return null;
  if (rule === true) return new Set(rows.map(idOf));
  const filter = await rule(actors.get(role)!, t.database.db);
  // A rule's subquery (a lawyer's case ids) stands for the ids it selects.
  for (const [key, want] of Object.entries(filter)) {
    if (isOperationNodeSource(want)) filter[key] = (await (want as SelectQueryBuilder<any, any, { id: unknown }>).execute()).map((row) => row.id);
  }
  return new Set(rows.filter((row) => matchesFilter(r, filter, row)).map(idOf));
}

/** What a change (update/delete) of this row by the role must answer. */
async function expectedChangeStatus(r: ResourceDefinition, role: Role, verb: 'update' | 'delete', row: Row): Promise<200 | 403 | 404> {
  const mayVerb = await admitted(r, role, verb, [row]);
  if (!mayVerb) return 403; // absent from the verb's map
  const mayRead = await admitted(r, role, 'read', [row]);
  if (!mayRead) return 403;
  if (!mayRead.has(idOf(row))) return 404; // out of the role's read scope
  return mayVerb.has(idOf(row)) ? 200 : 403;
}

/** Rows as the role sees them must be the admin's rows, with the role's masked fields masked. */
function compareWithAdmin(r: ResourceDefinition, role: Role, got: Row[], admin: Map<string, Row>) {
  const hidden = hiddenFor(r, role);
  for (const row of got) {
    const truth = admin.get(idOf(row));
    check(truth, `${r.name} ${idOf(row)} exists for the admin`).toBeDefined();
    for (const [name, value] of Object.entries(truth!)) {
      if (hidden.has(name) && typeof value === 'string' && value) check(row[name], `${r.name}.${name} masked for ${role}`).not.toBe(value);
      else if (!hidden.has(name)) check(row[name], `${r.name}.${name} as ${role}`).toEqual(value);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Values for new and changed records, derived from the declaration

function patternValue(field: Field & { type: 'text' }, current: unknown): string | undefined {
  if (field.format) return undefined; // an ID number: its own checks (issue #10)
  const max = field.maxLength ?? Infinity;
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const candidates = field.pattern
    ? [...patternedTextCandidates(digits), `T${fresh()}`.slice(0, 20), `t${fresh().toLowerCase()}@example.cn`]
    : [`临时${fresh()}`, `${String(current ?? '')}（改）`];
  return candidates.find((v) => v.length <= max && v !== current && (!field.pattern || field.pattern.regex.test(v)));
}

/** A valid new value for the field, different from the current one; undefined when the test cannot make one. */
function changedValue(field: Field, current: unknown): unknown {
  switch (field.type) {
    case 'text': return patternValue(field, current);
    case 'longText': {
      const v = `${String(current ?? '')}（已修改 ${fresh()}）`;
      return field.maxLength && v.length > field.maxLength ? `修改 ${fresh()}` : v;
    }
    case 'enum': return Object.keys(field.options).find((o) => o !== current);
    case 'boolean': return !current;
    case 'integer': {
      const n = Number(current ?? field.min ?? 1);
      return field.max !== undefined && n + 1 > field.max ? n - 1 : n + 1;
    }
    case 'money': return Number(current ?? 0) + 1;
    case 'date': {
      const d = new Date(`${String(current ?? '2020-01-01').slice(0, 10)}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1);
      return d.toISOString().slice(0, 10);
    }
    case 'tags': {
      const list = (current ?? []) as string[];
      const first = Object.keys(field.options)[0];
      return list.includes(first) ? list.filter((v) => v !== first) : [...list, first];
    }
    default: return undefined;
  }
}

/** One field among `candidates` the test can give a new valid value, with that value. */
function pickChange(r: ResourceDefinition, row: Row, candidates: string[]): { field: string; value: unknown } {
  for (const name of candidates) {
    const field = r.fields[name];
    if (!field || field.readOnly || field.unique) continue;
    const value = changedValue(field, row[name]);
    if (value !== undefined) return { field: name, value };
  }
  throw new Error(`no changeable field among ${candidates.join(', ')} of ${r.name}`);
}

/** A change to send for a write that must be refused; on a register with no writable field (the audit log), a forged one. */
function anyChange(r: ResourceDefinition, row: Row, role: Role): { field: string; value: unknown } {
  const candidates = Object.keys(r.fields).filter((f) => !r.fields[f].readOnly && !hiddenFor(r, role).has(f));
  if (candidates.length) return pickChange(r, row, candidates);
  const forged = Object.keys(r.fields).find((f) => r.fields[f].type === 'text' || r.fields[f].type === 'longText')!;
  return { field: forged, value: `伪造${fresh()}` };
}

/** A body for a new record: the writable fields of an existing record, with fresh unique values. */
function newRecordBody(r: ResourceDefinition, template: Row | undefined): Row {
  if (isUsers(r)) {
    return { name: `临时用户${fresh()}`, email: `tmp-${fresh().toLowerCase()}@example.cn`, role: 'supervisor', password: `Pw-${fresh()}-long` };
  }
  if (!template) return { note: 'no template' };
  const body: Row = {};
  for (const [name, field] of Object.entries(r.fields)) {
    if (field.readOnly) continue;
    body[name] = field.unique && template[name] !== null ? changedValue(field, template[name]) : template[name];
  }
  return withValidIdNumbers(r, body);
}

const canCreate = (r: ResourceDefinition) => ruleOf(r, 'create', 'admin') === true;

/** A record made by the admin for a write check; deleted again by `discard`. */
async function throwaway(r: ResourceDefinition, template?: Row): Promise<Row> {
  const rows = template ? [template] : await adminRows(r);
  const res = await t.api('admin', base(r), { method: 'POST', body: newRecordBody(r, rows[0]) });
  const body = await json(res);
  if (res.status !== 201) throw new Error(`admin could not create a throwaway ${r.name}: ${res.status} ${JSON.stringify(body)}`);
  return (await adminRow(r, body.id))!;
}

async function discard(r: ResourceDefinition, id: unknown) {
  const row = await adminRow(r, id);
  if (row === null || r.undeletableWhen?.(row)) return; // a numbered case stays (issue #10)
  const res = await t.api('admin', `${base(r)}/${id}`, { method: 'DELETE' });
  if (res.status !== 200) throw new Error(`admin could not delete throwaway ${r.name} ${id}: ${res.status} ${await res.text()}`);
}

/**
 * A record inside the role's scope for the verb, with how to put it back: a throwaway when one can
 * be brought into scope (a case assigned to the lawyer through the transitions), otherwise an
 * existing admitted record that is restored afterwards.
 */
async function inScopeTarget(r: ResourceDefinition, role: Role, verb: 'update' | 'delete'): Promise<{ row: Row; cleanUp: () => Promise<void> }> {
  const rows = await adminRows(r);
  const scope = (await admitted(r, role, verb, rows))!;
  const readable = (await admitted(r, role, 'read', rows))!;
  const inReach = rows.filter((row) => scope.has(idOf(row)) && readable.has(idOf(row)));
  if (canCreate(r)) {
    const made = await throwaway(r, inReach[0] ?? rows[0]);
    if (await expectedChangeStatus(r, role, verb, made) === 200) return { row: made, cleanUp: () => discard(r, made.id) };
    const lawyerId = actors.get(role)!.lawyerId;
    if (r.name === 'cases' && lawyerId !== null) {
      for (const template of inReach.slice(0, 5)) {
        const candidate = template === inReach[0] ? made : await throwaway(r, template);
        const moved = await assignThroughTransitions(candidate.id, lawyerId);
        const row = (await adminRow(r, candidate.id))!;
        if (moved && await expectedChangeStatus(r, role, verb, row) === 200) {
          if (candidate !== made) await discard(r, made.id);
          return { row, cleanUp: () => discard(r, row.id) };
        }
        if (candidate !== made) await discard(r, candidate.id);
      }
    }
    await discard(r, made.id);
  }
  const existing = inReach[0];
  if (!existing) throw new Error(`no ${r.name} record within ${role}'s ${verb} scope`);
  return {
    row: existing,
    cleanUp: async () => {
      const now = (await adminRow(r, existing.id))!;
      const restore = Object.fromEntries(Object.keys(r.fields).filter((n) => !r.fields[n].readOnly).map((n) => [n, existing[n]]));
      const res = await t.api('admin', `${base(r)}/${existing.id}`, { method: 'PUT', body: { ...now, ...restore } });
      if (res.status !== 200) throw new Error(`could not restore ${r.name} ${existing.id}: ${await res.text()}`);
    },
  };
}

async function assignThroughTransitions(caseId: unknown, lawyerId: number): Promise<boolean> {
  for (const [action, payload] of [['review', {}], ['accept', {}], ['assign', { lawyerId, assignmentMethod: 'assigned' }]] as const) {
    const res = await t.api('admin', `/api/cases/${caseId}/transitions/${action}`, { method: 'POST', body: payload });
    if (res.status !== 200) return false;
  }
  return true;
}

/** Sends the record back as the role sees it with one allowed field changed, then with one refused field. */
async function allowedUpdate(r: ResourceDefinition, role: Role, id: unknown) {
  const hidden = hiddenFor(r, role);
  const writable = accessOf(r).writableFields?.[role];
  const seen = await json(await get(role, `${base(r)}/${id}`));
  const writableNow = (writable ?? Object.keys(r.fields)).filter((f) => !hidden.has(f));
  // Issue #10: a field that does not apply to the record yet (a quality grade before closing) is dropped, not stored.
  const allowed = writableNow.filter((f) => holds(applicability(r.fields[f], r.stages), seen));
  if (!allowed.length) {
    const early = pickChange(r, seen, writableNow);
    const res = await t.api(role, `${base(r)}/${id}`, { method: 'PUT', body: { ...seen, [early.field]: early.value } });
    check(res.status, `${role} changes ${r.name}.${early.field} before it applies`).toBe(200);
    check((await adminRow(r, id))![early.field] ?? null).toBeNull();
    return;
  }
  const change = pickChange(r, seen, allowed);
  const res = await t.api(role, `${base(r)}/${id}`, { method: 'PUT', body: { ...seen, [change.field]: change.value } });
  const answer = await json(res);
  check(res.status, `${role} changes ${r.name}.${change.field}: ${JSON.stringify(answer)}`).toBe(200);
  const stored = (await adminRow(r, id))!;
  check(stored[change.field]).toEqual(change.value);
  // The answer to the write is masked like a read.
  compareWithAdmin(r, role, [answer], new Map([[idOf(stored), stored]]));

  if (!writable) return;
  const refusedFields = Object.keys(r.fields).filter((f) => !writable.includes(f) && !hidden.has(f) && !r.fields[f].readOnly);
  const now = await json(await get(role, `${base(r)}/${id}`));
  const refused = pickChange(r, now, refusedFields);
  const before = await adminRow(r, id);
  const res2 = await t.api(role, `${base(r)}/${id}`, { method: 'PUT', body: { ...now, [refused.field]: refused.value } });
  const body = await expectRefused(res2);
  check(Object.keys(body.errors ?? {}), `errors name ${refused.field}`).toContain(refused.field);
  check(await adminRow(r, id), `${r.name} ${id} unchanged after a refused field write`).toEqual(before);
}

// ---------------------------------------------------------------------------------------------
// The cells

/** The term matching the share of rows closest to a half, from the fields the role may search. */
/** What `q` reads of a row's searched field: a reference's record by its title (a case's lawyer by name), any other as text. */
type SearchedText = (row: Row, field: string) => string;
async function searchedText(r: ResourceDefinition): Promise<SearchedText> {
  const titles = new Map<string, Map<string, string>>();
  for (const field of r.list.search) {
    const declared = r.fields[field];
    if (declared?.type !== 'reference') continue;
    const target = registers.find((x) => x.name === declared.to)!;
    titles.set(field, new Map((await adminRows(target)).map((row) => [idOf(row), String(row[target.titleField] ?? '')])));
  }
  return (row, field) => {
    const value = row[field];
    if (value === null || value === undefined) return '';
    return titles.get(field)?.get(String(value)) ?? String(value);
  };
}

function searchTerm(r: ResourceDefinition, role: Role, rows: Row[], text: SearchedText): string | null {
  const fields = r.list.search.filter((f) => !hiddenFor(r, role).has(f));
  const candidates = new Set<string>();
  for (const row of rows.slice(0, 200)) {
    for (const f of fields) {
      const v = text(row, f);
      for (const at of [0, Math.floor(v.length / 2)]) {
        const term = v.slice(at, at + 2);
        if (term.length === 2 && !/[\s%_\\]/.test(term)) candidates.add(term);
      }
    }
  }
  let best: string | null = null;
  let bestScore = Infinity;
  for (const term of candidates) {
    const share = rows.filter((row) => searchMatches(fields, row, term, text)).length / rows.length;
    if (Math.abs(share - 0.5) < bestScore) [best, bestScore] = [term, Math.abs(share - 0.5)];
  }
  return best;
}

function searchMatches(fields: string[], row: Row, term: string, text: SearchedText) {
  return fields.some((f) => text(row, f).toLowerCase().includes(term.toLowerCase()));
}

const cells: Record<MatrixVerb, (r: ResourceDefinition, role: Role) => Promise<void>> = {
  async list(r, role) {
    const rows = await adminRows(r);
    const ok = await admitted(r, role, 'read', rows);
    if (!ok) {
      await expectRefused(await get(role, base(r) + listQuery({ range: [0, 24] })));
      return;
    }
    if (role === 'admin') {
      const table = isUsers(r) ? 'user' : r.name.replace(/-/g, '_');
      const { n } = await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      check(rows.length, `the admin sees every ${r.name} row in the table`).toBe(Number(n));
    }
    const { rows: got, totals } = await fetchAll(role, r);
    check(sortIds(got.map(idOf))).toEqual(sortIds(ok));
    for (const total of totals) check(total, 'Content-Range total').toBe(ok.size);
    compareWithAdmin(r, role, got, new Map(rows.map((row) => [idOf(row), row])));
    // The console's first page: 25 rows at most, the total still counting only admitted rows.
    const page = await get(role, base(r));
    check(page.status).toBe(200);
    check((await page.json()).length).toBe(Math.min(25, ok.size));
    check(totalOf(page)).toBe(ok.size);
  },

  async getOne(r, role) {
    const rows = await adminRows(r);
    const ok = await admitted(r, role, 'read', rows);
    if (!ok) {
      await expectRefused(await get(role, `${base(r)}/${rows[0]?.id ?? 1}`));
      return;
    }
    const admin = new Map(rows.map((row) => [idOf(row), row]));
    for (const id of sample([...ok], 30)) {
      const res = await get(role, `${base(r)}/${id}`);
      check(res.status, `${role} reads ${r.name} ${id}`).toBe(200);
      const row = await res.json();
      check(idOf(row)).toBe(id);
      compareWithAdmin(r, role, [row], admin);
    }
    const outside = [...sample(rows.map(idOf).filter((id) => !ok.has(id)), 30), nonexistentId(r, rows)];
    for (const id of outside) check((await get(role, `${base(r)}/${id}`)).status, `${role} reads ${r.name} ${id} outside its scope`).toBe(404);
  },

  async getMany(r, role) {
    const rows = await adminRows(r);
    const ok = await admitted(r, role, 'read', rows);
    const ids = rows.map(idOf);
    if (!ok) {
      await expectRefused(await get(role, base(r) + listQuery({ filter: { id: ids.slice(0, 5) } })));
      return;
    }
    const asked = [...sample(ids.filter((id) => ok.has(id)), 15), ...sample(ids.filter((id) => !ok.has(id)), 15), nonexistentId(r, rows)];
    const filterIds = isUsers(r) ? asked : asked.map(Number);
    const { rows: got, totals } = await fetchAll(role, r, { id: filterIds });
    const expected = asked.filter((id) => ok.has(id));
    check(sortIds(got.map(idOf))).toEqual(sortIds(expected));
    for (const total of totals) check(total).toBe(expected.length);
    compareWithAdmin(r, role, got, new Map(rows.map((row) => [idOf(row), row])));
  },

  async referenceFilter(r, role) {
    const rows = await adminRows(r);
    const ok = await admitted(r, role, 'read', rows);
    for (const name of referenceFields(r)) {
      if (!ok) {
        await expectRefused(await get(role, base(r) + listQuery({ filter: { [name]: 1 } })));
        continue;
      }
      const valuesOf = (list: Row[]) => list.flatMap((row) => [row[name]].flat()).filter((v) => v !== null && v !== undefined).map(Number);
      const mostFrequent = (values: number[]) => {
        const counts = new Map<number, number>();
        for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
        return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
      };
      const values = new Set([mostFrequent(valuesOf(rows)), mostFrequent(valuesOf(rows.filter((row) => ok.has(idOf(row)))))]);
      for (const value of [...values].filter((v) => v !== undefined)) {
        const expected = rows.filter((row) => ok.has(idOf(row)) && matchesFilter(r, { [name]: value }, row)).map(idOf);
        const { rows: got, totals } = await fetchAll(role, r, { [name]: value });
        check(sortIds(got.map(idOf)), `${role} filters ${r.name} by ${name}=${value}`).toEqual(sortIds(expected));
        for (const total of totals) check(total).toBe(expected.length);
      }
    }
  },

  async search(r, role) {
    const rows = await adminRows(r);
    const ok = await admitted(r, role, 'read', rows);
    if (!ok) {
      await expectRefused(await get(role, base(r) + listQuery({ filter: { q: 'a' } })));
      return;
    }
    const text = await searchedText(r);
    const term = searchTerm(r, role, rows, text);
    if (!term) throw new Error(`no search term for ${r.name}`);
    const fields = r.list.search.filter((f) => !hiddenFor(r, role).has(f));
    const expected = rows.filter((row) => ok.has(idOf(row)) && searchMatches(fields, row, term, text)).map(idOf);
    const { rows: got, totals } = await fetchAll(role, r, { q: term });
    check(sortIds(got.map(idOf)), `${role} searches ${r.name} for "${term}"`).toEqual(sortIds(expected));
    for (const total of totals) check(total).toBe(expected.length);
  },

  async create(r, role) {
    const rows = await adminRows(r);
    const body = newRecordBody(r, rows[0]);
    const rule = ruleOf(r, 'create', role);
    const res = await t.api(role, base(r), { method: 'POST', body });
    const answer = await json(res);
    if (rule === undefined) {
      check(res.status, JSON.stringify(answer)).toBe(403);
      check(String(answer.message)).toMatch(/[\u4e00-\u9fff]/);
      check((await adminRows(r)).length, `no ${r.name} created`).toBe(rows.length);
      return;
    }
    const admits = rule === true || matchesFilter(r, await rule(actors.get(role)!, t.database.db), body);
    check(res.status, JSON.stringify(answer)).toBe(admits ? 201 : 403);
    if (res.status === 201) {
      check(await adminRow(r, answer.id), `the new ${r.name} is stored`).not.toBeNull();
      await discard(r, answer.id);
    }
  },

  async update(r, role) {
    const rule = ruleOf(r, 'update', role);
    if (rule === undefined) {
      // A record the role can read: 403, unchanged.
      const rows = await adminRows(r);
      const readable = await admitted(r, role, 'read', rows);
      const visible = rows.find((row) => readable?.has(idOf(row)));
      if (readable && visible) {
        const seen = await json(await get(role, `${base(r)}/${visible.id}`));
        const change = anyChange(r, seen, role);
        await expectRefused(await t.api(role, `${base(r)}/${visible.id}`, { method: 'PUT', body: { ...seen, [change.field]: change.value } }));
        check(await adminRow(r, visible.id)).toEqual(visible);
      }
    }
    // A record in no role's special reach: made by the admin (the audit log cannot be written, so an existing entry).
    const target = canCreate(r) ? await throwaway(r) : (await adminRows(r))[0];
    try {
      const expected = await expectedChangeStatus(r, role, 'update', target);
      if (expected === 200) await allowedUpdate(r, role, target.id);
      else {
        const change = anyChange(r, target, role);
        const res = await t.api(role, `${base(r)}/${target.id}`, { method: 'PUT', body: { ...target, [change.field]: change.value } });
        await expectRefused(res, expected);
        check(await adminRow(r, target.id), `${r.name} ${target.id} unchanged`).toEqual(target);
      }
    } finally {
      if (canCreate(r)) await discard(r, target.id);
    }
    if (rule !== undefined && rule !== true) {
      // A row rule: a record inside the role's reach may be changed (within the role's fields).
      const { row, cleanUp } = await inScopeTarget(r, role, 'update');
      try {
        await allowedUpdate(r, role, row.id);
      } finally {
        await cleanUp();
      }
    }
  },

  async delete(r, role) {
    if (ruleOf(r, 'delete', role) === undefined) {
      // A record the role can read: 403, still there.
      const rows = await adminRows(r);
      const readable = await admitted(r, role, 'read', rows);
      const visible = rows.find((row) => readable?.has(idOf(row)));
      if (readable && visible) {
        await expectRefused(await t.api(role, `${base(r)}/${visible.id}`, { method: 'DELETE' }));
        check(await adminRow(r, visible.id)).toEqual(visible);
      }
    }
    const target = canCreate(r) ? await throwaway(r) : (await adminRows(r))[0];
    try {
      const expected = await expectedChangeStatus(r, role, 'delete', target);
      const res = await t.api(role, `${base(r)}/${target.id}`, { method: 'DELETE' });
      if (expected === 200 && r.undeletableWhen?.(target)) {
        check(res.status, `${r.name} ${target.id} is never deleted`).toBe(422); // issue #10: a numbered case
        check(await adminRow(r, target.id), `${r.name} ${target.id} still there`).toEqual(target);
      } else if (expected === 200) {
        const body = await json(res);
        check(res.status, JSON.stringify(body)).toBe(200);
        check(idOf(body)).toBe(idOf(target));
        check(await adminRow(r, target.id), `${r.name} ${target.id} is gone`).toBeNull();
      } else {
        await expectRefused(res, expected);
        check(await adminRow(r, target.id), `${r.name} ${target.id} still there`).toEqual(target);
      }
    } finally {
      if (canCreate(r)) await discard(r, target.id);
    }
  },
};

function describeRule(rule: RowRule | undefined, kind: 'read' | 'write'): string {
  if (rule === undefined) return 'refused with 403';
  if (rule === true) return kind === 'read' ? 'every row' : 'allowed';
  return kind === 'read' ? 'only the rows its rule admits (others 404)' : 'allowed within its rule (others 404/403)';
}

function cellName(r: ResourceDefinition, role: Role, verb: MatrixVerb): string {
  const read = ruleOf(r, 'read', role);
  switch (verb) {
    case 'list': return `lists ${r.name} as ${role}: ${describeRule(read, 'read')}, with Content-Range counting only those`;
    case 'getOne': return `reads one ${r.name} record as ${role}: ${describeRule(read, 'read')}`;
    case 'getMany': return `reads many ${r.name} by id as ${role}: ${describeRule(read, 'read')}`;
    case 'referenceFilter': return `filters ${r.name} by ${referenceFields(r).join(', ')} as ${role}: ${describeRule(read, 'read')}`;
    case 'search': return `searches ${r.name} as ${role}: ${describeRule(read, 'read')}`;
    case 'create': return `creates ${r.name} as ${role}: ${describeRule(ruleOf(r, 'create', role), 'write')}`;
    case 'update': {
      const fields = accessOf(r).writableFields?.[role];
      return `changes ${r.name} as ${role}: ${describeRule(ruleOf(r, 'update', role), 'write')}${fields && ruleOf(r, 'update', role) ? `, only ${fields.join(', ')} (others 403 naming the field)` : ''}`;
    }
    case 'delete': return `deletes ${r.name} as ${role}: ${describeRule(ruleOf(r, 'delete', role), 'write')}`;
  }
}

let cellsTested = 0;
let cellsSkipped = 0;
for (const r of registers) {
  describe(`the ${r.name} register`, () => {
    for (const role of ROLES) {
      for (const verb of VERBS) {
        if (verb === 'referenceFilter' && referenceFields(r).length === 0) {
          cellsSkipped++; // no reference field to filter by
          continue;
        }
        cellsTested++;
        it(cellName(r, role, verb), () => cells[verb](r, role));
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Masked personal data

let maskingCells = 0;
for (const r of registers) {
  for (const [field, { visibleTo }] of Object.entries(accessOf(r).masked ?? {})) {
    describe(`${r.name}.${field}, masked for every role but ${visibleTo.join(', ')}`, () => {
      for (const role of ROLES) {
        maskingCells++;
        if (visibleTo.includes(role)) {
          it(`shows ${role} the unmasked ${field} and lets it filter and sort by it`, async () => {
            const rows = await adminRows(r);
            const ok = await admitted(r, role, 'read', rows);
            if (!ok) return;
            const { rows: got } = await fetchAll(role, r);
            const admin = new Map(rows.map((row) => [idOf(row), row]));
            for (const row of got) check(row[field]).toEqual(admin.get(idOf(row))![field]);
            const value = rows.find((row) => ok.has(idOf(row)) && row[field])?.[field];
            if (value === undefined) return;
            const { rows: filtered } = await fetchAll(role, r, { [field]: value });
            check(sortIds(filtered.map(idOf))).toEqual(sortIds(rows.filter((row) => ok.has(idOf(row)) && row[field] === value).map(idOf)));
            check((await get(role, base(r) + listQuery({ sort: [field, 'ASC'] }))).status).toBe(200);
          });
          continue;
        }
        it(`never shows ${role} the unmasked ${field} of any record (list, one, many, search)`, async () => {
          const rows = await adminRows(r);
          const secrets = rows.map((row) => row[field]).filter((v): v is string => typeof v === 'string' && v.length > 0);
          check(secrets.length, `the demo data has ${field} values to hide`).toBeGreaterThan(0);
          const texts: string[] = [];
          const ok = await admitted(r, role, 'read', rows);
          const collect = async (path: string) => texts.push(await (await get(role, path)).text());
          await collect(base(r) + listQuery({ range: [0, 999] }));
          await collect(base(r));
          for (const row of rows) await collect(`${base(r)}/${row.id}`);
          await collect(base(r) + listQuery({ range: [0, 999], filter: { id: rows.map((row) => Number(row.id)) } }));
          const text = await searchedText(r);
          const term = searchTerm(r, role, rows, text);
          if (term) await collect(base(r) + listQuery({ range: [0, 999], filter: { q: term } }));
          // Searching for the secret itself finds nothing through the masked field.
          for (const secret of sample(secrets, 5)) {
            const res = await get(role, base(r) + listQuery({ range: [0, 999], filter: { q: secret } }));
            const body = await res.text();
            texts.push(body);
            if (ok && res.status === 200) {
              const fields = r.list.search.filter((f) => !hiddenFor(r, role).has(f));
              check(sortIds(JSON.parse(body).map(idOf)), `search for a ${field} as ${role}`)
                .toEqual(sortIds(rows.filter((row) => ok.has(idOf(row)) && searchMatches(fields, row, secret, text)).map(idOf)));
            }
          }
          for (const text of texts) check(secrets.filter((s) => text.includes(s)), `a response to ${role} shows an unmasked ${field}`).toEqual([]);
        });
        it(`refuses ${role} filtering or sorting ${r.name} by ${field} with 403`, async () => {
          const rows = await adminRows(r);
          const value = rows.find((row) => row[field])?.[field] ?? '1';
          for (const filter of [{ [field]: value }, { [`${field}_gte`]: value }, { [`${field}_neq`]: value }]) {
            await expectRefused(await get(role, base(r) + listQuery({ filter })));
          }
          await expectRefused(await get(role, base(r) + listQuery({ sort: [field, 'ASC'] })));
          await expectRefused(await get(role, base(r) + listQuery({ sort: [field, 'DESC'] })));
        });
      }
    });
  }
}

afterAll(async () => {
  await t?.close();
  const size = ROLES.length * registers.length * VERBS.length;
  console.log(
    `access matrix: ${ROLES.length} roles × ${registers.length} registers × ${VERBS.length} verbs = ${size} cells ` +
    `(${cellsTested} tested, ${cellsSkipped} skipped: reference filter on registers without a reference field); ` +
    `${maskingCells} role × masked-field cells; ${checks} checks performed`,
  );
});
