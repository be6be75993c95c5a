// Bad input, for every register and every parameter, generated from the declarations:
// always a 4xx with {message, errors} naming the field, in Chinese (English on request),
// never a database message or a stack trace, and nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreResources } from '../api/resources/index.js';
import { allFields, type Field, type ResourceDefinition, type Row } from '../api/resources/define.js';
import { listQuery, startTestFayuan, totalOf, type TestFayuan } from './support/fayuan.js';

let t: TestFayuan;
const existing = new Map<string, Row>();

beforeAll(async () => {
  t = await startTestFayuan({ cases: 30 });
  await t.cookieOf('admin');
  for (const resource of coreResources) {
    // For cases, one with an agent: the agent's fields are asked only then (the demo varies with the date).
    const filter = resource.name === 'cases' ? { hasAgent: true } : {};
    const res = await t.api('admin', `/api/${resource.name}${listQuery({ sort: ['id', 'ASC'], range: [0, 0], filter })}`);
    existing.set(resource.name, (await res.json())[0]);
  }
});
afterAll(async () => {
  await t?.close();
});

const CJK = /[\u3400-\u9fff]/;
const SQL_WORDS = /\b(select|insert|sqlite\w*|postgres\w*|constraint)\b/i;
const STACK = /\bat\s+\S*[/\\]\S+\.(?:ts|js|mjs|cjs)\b|\.(?:ts|js|mjs):\d+:\d+/;

const may = (resource: ResourceDefinition, verb: 'create' | 'update' | 'delete') =>
  resource.access === undefined || resource.access[verb].admin !== undefined;
const writableResources = coreResources.filter((r) => may(r, 'create') && may(r, 'update'));

/** Row totals of every register (the audit log included: a refused write must not be audited). */
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const resource of coreResources) {
    out[resource.name] = totalOf(await t.api('admin', `/api/${resource.name}${listQuery({ range: [0, 0] })}`));
  }
  return out;
}

interface Probe {
  method?: string;
  path: string;
  /** Sent as is when a string, JSON-encoded otherwise. */
  body?: unknown;
  /** Expected status; any 4xx when omitted. */
  status?: number;
  /** The key that `errors` must name. */
  field?: string;
  /** Text of the request that the answer may repeat (checked for SQL words only outside it). */
  echo?: string[];
  /** Check only the top-level message for English (the per-field message is checked in its own test). */
  looseEnglishField?: boolean;
}

function withoutEcho(text: string, echo: string[]): string {
  let out = text;
  for (const e of echo) {
    for (const form of [e, JSON.stringify(e).slice(1, -1)]) out = out.split(form).join('');
  }
  return out;
}

/** Sends the request in Chinese (default) and in English and checks both answers. */
async function refused(probe: Probe) {
  const echo = probe.echo ?? [];
  const answers: Record<string, Row> = {};
  for (const language of ['zh', 'en'] as const) {
    const headers: Record<string, string> = language === 'en' ? { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' } : {};
    const res = await t.api('admin', probe.path, { method: probe.method ?? 'GET', body: probe.body, headers });
    const text = await res.text();
    const where = `${probe.method ?? 'GET'} ${probe.path} ${typeof probe.body === 'string' ? probe.body.slice(0, 80) : JSON.stringify(probe.body)?.slice(0, 200)} [${language}] → ${res.status} ${text.slice(0, 300)}`;
    if (probe.status) expect(res.status, where).toBe(probe.status);
    expect(res.status, where).toBeGreaterThanOrEqual(400);
    expect(res.status, where).toBeLessThan(500);
    expect(res.headers.get('content-type') ?? '', where).toMatch(/application\/json/);
    const body = JSON.parse(text);
    expect(typeof body.message, where).toBe('string');
    expect(body.message.length, where).toBeGreaterThan(0);
    expect(typeof body.errors, where).toBe('object');
    expect(body.errors, where).not.toBeNull();
    expect(Array.isArray(body.errors), where).toBe(false);
    const own = withoutEcho(text, echo);
    expect(own, where).not.toMatch(SQL_WORDS);
    expect(own, where).not.toMatch(STACK);
    if (probe.field) {
      expect(typeof body.errors[probe.field], `${where}: errors.${probe.field}`).toBe('string');
      expect(body.errors[probe.field].length, where).toBeGreaterThan(0);
    }
    const fieldMessages = probe.field && !(language === 'en' && probe.looseEnglishField) ? [body.errors[probe.field]] : [];
    const messages = [body.message, ...fieldMessages].map((m: string) => withoutEcho(m, echo));
    if (language === 'zh') for (const m of messages) expect(m, `${where}: not Chinese`).toMatch(CJK);
    else for (const m of messages) expect(m, `${where}: not English`).not.toMatch(CJK);
    answers[language] = body;
  }
  return answers;
}

/** Runs the probes and checks that no register gained or lost a row. */
async function nothingWritten(work: () => Promise<void>) {
  const before = await counts();
  await work();
  expect(await counts()).toEqual(before);
}

// ---------------------------------------------------------------------------------------------
// Wrong values for each field type, derived from the field's declaration

function wrongValues(field: Field): unknown[] {
  switch (field.type) {
    case 'text': return [
      12345, true, { zh: '对象' }, ['数组'],
      ...(field.maxLength ? ['长'.repeat(field.maxLength + 1)] : []),
      ...(field.pattern ? ['!!'] : []),
    ];
    case 'longText': return [123, false, ['数组'], ...(field.maxLength ? ['长'.repeat(field.maxLength + 1)] : [])];
    case 'integer': return [
      'abc', '12', 1.5, true, [1],
      ...(field.min !== undefined ? [field.min - 1] : []),
      ...(field.max !== undefined ? [field.max + 1] : []),
    ];
    case 'money': return [
      'abc', '12.50', 1.234, 0.001, true, 1e14,
      ...(field.min !== undefined ? [field.min - 0.01, -5] : []),
      ...(field.max !== undefined ? [field.max + 1] : []),
    ];
    case 'date': return ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '20260101', 'yesterday', '2026-01-15T10:00:00Z', 20260101];
    case 'datetime': return ['not a date', '2026-13-01T00:00:00Z', '2026-02-30T10:00:00Z', 1767225600000, 'yesterday'];
    case 'boolean': return ['yes', 'true', 1, 0];
    case 'enum': return ['no_such_option', 1, true, [Object.keys(field.options)[0]]];
    case 'tags': return [['no_such_tag'], [Object.keys(field.options)[0], 'no_such_tag'], Object.keys(field.options)[0], [1], { a: 1 }];
    case 'reference': return [99_999_999, 'abc', 0, -1, 1.5, '1', [1]];
    case 'referenceList': return [[99_999_999], 'abc', [0], [1.5], 5, ['1']];
    case 'json': return ['abc', 5, true, [1], ...(field.holds?.kind === 'form-definition' ? [{ key: 'no-sections' }] : [])];
  }
  throw new Error(`no wrong values for ${(field as Field).type}`);
}

/** A value of the field's pattern made unique by the suffix: letters and digits, or digits only (a licence number). */
function uniquePatterned(field: Field & { type: 'text' }, base: string, suffix: string): string {
  const lettered = `${base.slice(0, 8)}${suffix}`;
  if (field.pattern!.regex.test(lettered)) return lettered;
  const digits = Array.from(suffix, (c) => String(c.codePointAt(0)! % 10)).join('');
  return `${base.slice(0, 17 - digits.length)}${digits}`;
}

/** A body that creates a record: the existing first row's writable values, with unique fields made unique. */
function validBody(resource: ResourceDefinition, suffix: string): Row {
  const base = existing.get(resource.name)!;
  const body: Row = {};
  for (const [name, field] of Object.entries(resource.fields)) {
    if (field.readOnly) continue;
    body[name] = base[name];
    if (field.unique && typeof base[name] === 'string') {
      body[name] = field.type === 'text' && field.pattern ? uniquePatterned(field, String(base[name]), suffix) : `${base[name]}${suffix}`;
    }
  }
  return body;
}

// ---------------------------------------------------------------------------------------------

describe.each(coreResources.map((r) => [r.name, r] as const))('%s', (name, resource) => {
  const fields = allFields(resource);
  const list = (query: string) => `/api/${name}?${query}`;
  const param = (key: string, raw: string) => `${key}=${encodeURIComponent(raw)}`;

  it('refuses malformed or impossible `sort` with 400 naming sort', async () => {
    const tagField = Object.entries(fields).find(([, f]) => f.type === 'tags' || f.type === 'referenceList')?.[0];
    const bad = ['[', '{"id":"ASC"}', '"id"', '["id"]', '["id","ASC","x"]', '["id","UP"]', '[1,"ASC"]', '["no_such_field","ASC"]', '["ID","ASC"]',
      ...(tagField ? [JSON.stringify([tagField, 'ASC'])] : [])];
    await nothingWritten(async () => {
      for (const raw of bad) await refused({ path: list(param('sort', raw)), status: 400, field: 'sort', echo: [raw] });
    });
  });

  it('refuses SQL-looking sort fields with 400, answering nothing from the database', async () => {
    const attacks = [
      'id; DROP TABLE cases; --',
      'id) UNION SELECT password FROM account --',
      '(select 1)',
      'applicantName DESC, (SELECT CASE WHEN 1=1 THEN 1 ELSE 1/0 END)',
      '"id"',
      'id asc',
    ];
    await nothingWritten(async () => {
      for (const field of attacks) {
        const raw = JSON.stringify([field, 'ASC']);
        await refused({ path: list(param('sort', raw)), status: 400, field: 'sort', echo: [field] });
      }
    });
    expect((await t.api('admin', `/api/${name}`)).status).toBe(200);
  });

  it('refuses malformed, reversed, negative, fractional or oversized `range` with 400 naming range', async () => {
    const bad = ['[0,', '"0-9"', '[0]', '[0,9,1]', '{"start":0}', '[10,5]', '[-1,5]', '[-10,-1]', '[0.5,3]', '[0,9.5]', '["0","9"]', '[null,9]', '[0,1000]', '[5,1005]', '[0,1e20]'];
    await nothingWritten(async () => {
      for (const raw of bad) await refused({ path: list(param('range', raw)), status: 400, field: 'range', echo: [raw] });
    });
    expect((await t.api('admin', list(param('range', '[0,999]')))).status).toBe(200);
  });

  it('refuses malformed `filter`, filters on unknown fields, and unknown operators with 400 naming filter', async () => {
    const bad = ['{', '[1]', '"status"', '1', '{"no_such_field":1}', '{"id_like":1}', '{"id_in":[1]}', '{"q_gte":"a"}', '{"ID":1}', '{"1=1; --":1}'];
    await nothingWritten(async () => {
      for (const raw of bad) await refused({ path: list(param('filter', raw)), status: 400, field: 'filter', echo: [raw] });
    });
  });

  it('refuses filter values of the wrong kind for each declared filter, and for id', async () => {
    const wrong = (field: Field): unknown[] => {
      const always = [{ nested: 1 }, [{ nested: 1 }]];
      switch (field.type) {
        case 'integer': case 'reference': case 'referenceList': return [...always, 'abc', '', true, 1.5];
        case 'money': return [...always, 'abc', true];
        case 'boolean': return [...always, 'maybe', 1];
        case 'date': case 'datetime': return [...always, 'not-a-date', 20260101];
        default: return [...always, true];
      }
    };
    const targets = [...resource.list.filters.filter((f) => !resource.virtualFilters?.[f]), 'id'];
    await nothingWritten(async () => {
      for (const filter of targets) {
        for (const value of wrong(fields[filter])) {
          const raw = JSON.stringify({ [filter]: value });
          await refused({ path: list(param('filter', raw)), status: 400, field: 'filter', echo: [raw, JSON.stringify(value)] });
        }
        if (fields[filter].type === 'date' || fields[filter].type === 'datetime') {
          for (const suffix of ['_gte', '_lte']) {
            const raw = JSON.stringify({ [`${filter}${suffix}`]: 'not-a-date' });
            await refused({ path: list(param('filter', raw)), status: 400, field: 'filter', echo: [raw, 'not-a-date'] });
          }
        }
      }
    });
  });

  if (resource.list.search.length) {
    it('treats an SQL-looking `q` as text: 200, no rows, nothing changed', async () => {
      const attacks = ["' OR '1'='1", "%' OR 1=1 --", "'; DROP TABLE cases; --", "\\' UNION SELECT * FROM account --", '"; DELETE FROM lawyers; --'];
      await nothingWritten(async () => {
        for (const q of attacks) {
          const res = await t.api('admin', list(param('filter', JSON.stringify({ q }))));
          expect(res.status, q).toBe(200);
          expect(await res.json(), q).toEqual([]);
          expect(totalOf(res), q).toBe(0);
        }
      });
    });
  }

  it('answers 404 with {message, errors} for non-numeric and unknown ids, for GET, PUT and DELETE', async () => {
    const ids = ['abc', '0', '-1', '1.5', '1abc', '%20', '99999999', '9007199254740993', 'undefined', "1'%20OR%20'1'='1"];
    await nothingWritten(async () => {
      for (const id of ids) {
        await refused({ path: `/api/${name}/${id}`, status: 404, echo: [id] });
        await refused({ method: 'PUT', path: `/api/${name}/${id}`, body: {}, status: may(resource, 'update') ? 404 : undefined, echo: [id] });
        await refused({ method: 'DELETE', path: `/api/${name}/${id}`, status: may(resource, 'delete') ? 404 : undefined, echo: [id] });
      }
    });
  });

  if (!may(resource, 'create')) {
    it('refuses any write to this server-kept register with 403', async () => {
      const row = existing.get(name)!;
      await nothingWritten(async () => {
        await refused({ method: 'POST', path: `/api/${name}`, body: { ...row }, status: 403 });
        await refused({ method: 'PUT', path: `/api/${name}/${row.id}`, body: { ...row, action: 'forged' }, status: 403 });
        await refused({ method: 'DELETE', path: `/api/${name}/${row.id}`, status: 403 });
      });
    });
    return;
  }

  it('refuses bodies that are not JSON objects with 400 naming body (POST and PUT)', async () => {
    const row = existing.get(name)!;
    const bodies = ['not json', '{"name":', '', '[]', '[{"name":"x"}]', 'null', '"text"', '42', 'true', '{"a":1}{"b":2}'];
    await nothingWritten(async () => {
      for (const body of bodies) {
        await refused({ method: 'POST', path: `/api/${name}`, body, status: 400, field: 'body', echo: [body] });
        await refused({ method: 'PUT', path: `/api/${name}/${row.id}`, body, status: 400, field: 'body', echo: [body] });
      }
    });
    expect(await (await t.api('admin', `/api/${name}/${row.id}`)).json()).toEqual(row);
  });

  it('refuses a body over 1 MB with 413 (POST and PUT)', async () => {
    const row = existing.get(name)!;
    const huge = JSON.stringify({ ...validBody(resource, 'big'), padding: 'x'.repeat(1024 * 1024 + 10) });
    await nothingWritten(async () => {
      await refused({ method: 'POST', path: `/api/${name}`, body: huge, status: 413, echo: [] });
      await refused({ method: 'PUT', path: `/api/${name}/${row.id}`, body: huge, status: 413, echo: [] });
    });
  });

  it('accepts the base body used below (so each refusal below is caused by the one bad field)', async () => {
    const res = await t.api('admin', `/api/${name}`, { method: 'POST', body: validBody(resource, 'ok1') });
    const created = await res.json();
    expect(res.status, JSON.stringify(created)).toBe(201);
    // A numbered case is never deleted (issue #10).
    expect((await t.api('admin', `/api/${name}/${created.id}`, { method: 'DELETE' })).status).toBe(resource.undeletableWhen?.(created) ? 422 : 200);
  });

  for (const [fieldName, field] of Object.entries(resource.fields)) {
    if (field.readOnly) continue;
    it(`refuses wrong values for ${fieldName} (${field.type}) with 400 naming it, on create and on update`, async () => {
      const row = existing.get(name)!;
      await nothingWritten(async () => {
        for (const value of wrongValues(field)) {
          const echo = typeof value === 'string' ? [value] : [JSON.stringify(value)];
          const loose = field.type === 'enum'; // see 'words every per-field message in English' below
          await refused({ method: 'POST', path: `/api/${name}`, body: { ...validBody(resource, 'w'), [fieldName]: value }, status: 400, field: fieldName, echo, looseEnglishField: loose });
          await refused({ method: 'PUT', path: `/api/${name}/${row.id}`, body: { ...row, [fieldName]: value }, status: 400, field: fieldName, echo, looseEnglishField: loose });
        }
      });
      expect(await (await t.api('admin', `/api/${name}/${row.id}`)).json()).toEqual(row);
    });

    if (field.required) {
      it(`refuses a missing or empty required ${fieldName} with 400 naming it`, async () => {
        const row = existing.get(name)!;
        await nothingWritten(async () => {
          const body = validBody(resource, 'm');
          if (field.default === undefined) {
            const { [fieldName]: _omitted, ...without } = body;
            await refused({ method: 'POST', path: `/api/${name}`, body: without, status: 400, field: fieldName });
          }
          // On creation an empty string means "not given", so a declared default then applies.
          for (const empty of field.default === undefined ? [null, '', '   '] : [null, '   ']) {
            await refused({ method: 'POST', path: `/api/${name}`, body: { ...body, [fieldName]: empty }, status: 400, field: fieldName });
          }
          for (const empty of [null, '', '   ']) {
            await refused({ method: 'PUT', path: `/api/${name}/${row.id}`, body: { ...row, [fieldName]: empty }, status: 400, field: fieldName });
          }
        });
        expect(await (await t.api('admin', `/api/${name}/${row.id}`)).json()).toEqual(row);
      });
    }
  }

  it('words every per-field message in English with Accept-Language: en (enum options included)', async () => {
    const row = existing.get(name)!;
    const problems: string[] = [];
    for (const [fieldName, field] of Object.entries(resource.fields)) {
      if (field.readOnly) continue;
      for (const value of wrongValues(field)) {
        const res = await t.api('admin', `/api/${name}/${row.id}`, { method: 'PUT', body: { ...row, [fieldName]: value }, headers: { 'accept-language': 'en' } });
        const body = await res.json();
        const message = withoutEcho(String(body.errors?.[fieldName] ?? ''), typeof value === 'string' ? [value] : []);
        if (res.status !== 400 || CJK.test(message)) problems.push(`${fieldName}=${JSON.stringify(value).slice(0, 40)}: ${res.status} ${message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names every bad field at once', async () => {
    // Type errors (not the existence of referenced records, which is checked once the types are right).
    const bad = Object.entries(resource.fields).filter(([, f]) => !f.readOnly)
      .map(([n, f]) => [n, wrongValues(f)[f.type === 'reference' || f.type === 'referenceList' ? 1 : 0]] as const);
    await nothingWritten(async () => {
      const { zh } = await refused({ method: 'POST', path: `/api/${name}`, body: Object.fromEntries(bad), status: 400 });
      expect(Object.keys(zh.errors as object).sort()).toEqual(bad.map(([n]) => n).sort());
    });
  });
});

describe('anything else', () => {
  it('answers 404 for ids not written as plain decimal digits (0x1, 0b1, 1e0, +1, 1.0, 01, " 1" are not aliases of record 1), in every register', async () => {
    const answered: string[] = [];
    for (const resource of coreResources) {
      expect((await t.api('admin', `/api/${resource.name}/1`)).status, resource.name).toBe(200); // record 1 exists
      for (const alias of ['0x1', '0b1', '1e0', '+1', '1.0', '01', '%201']) {
        const res = await t.api('admin', `/api/${resource.name}/${alias}`);
        if (res.status !== 404) answered.push(`GET /api/${resource.name}/${alias} → ${res.status}`);
      }
    }
    expect(answered).toEqual([]);
  });

  it('answers 404 JSON for an unknown register and an unknown path under /api', async () => {
    await refused({ path: '/api/no-such-register', status: 404 });
    await refused({ method: 'POST', path: '/api/no-such-register', body: {}, status: 404 });
    await refused({ path: '/api/cases/1/no-such-thing', status: 404 });
  });

  it('refuses a body over 1 MB on every register even when it claims to be multipart/form-data (the JSON routes take no uploads), writing nothing', async () => {
    const headers = { 'content-type': 'multipart/form-data; boundary=----fayuan' };
    const accepted: string[] = [];
    const before = await counts();
    for (const resource of writableResources) {
      const huge = JSON.stringify({ ...validBody(resource, 'mp'), padding: 'x'.repeat(1024 * 1024 + 10) });
      for (const method of ['POST', 'PUT']) {
        const path = method === 'POST' ? `/api/${resource.name}` : `/api/${resource.name}/${existing.get(resource.name)!.id}`;
        const res = await t.api('admin', path, { method, body: huge, headers });
        if (res.status < 400 || res.status >= 500) accepted.push(`${method} ${path} → ${res.status}`);
        if (res.status === 201) await t.api('admin', `/api/${resource.name}/${(await res.json()).id}`, { method: 'DELETE' });
      }
    }
    expect(accepted).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a duplicate unique value with 409 naming the field, in both languages', async () => {
    for (const resource of writableResources) {
      const row = await (await t.api('admin', `/api/${resource.name}/${existing.get(resource.name)!.id}`)).json();
      const unique = Object.entries(resource.fields).find(([, f]) => f.unique && !f.readOnly)?.[0];
      if (!unique) continue;
      await nothingWritten(async () => {
        await refused({ method: 'POST', path: `/api/${resource.name}`, body: { ...validBody(resource, 'dup'), [unique]: row[unique] }, status: 409, field: unique, echo: [String(row[unique])] });
      });
    }
  });
});
