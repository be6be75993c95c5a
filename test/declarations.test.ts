// A register is one declaration: a throwaway `training-sessions` declared here, with one field of
// every type, gets its table, its routes, its meta and OpenAPI entries; and a field added to the
// declaration later becomes a column on the next migration, keeping the rows.
import os from 'node:os';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFayuan, type Fayuan } from '../api/http/app.js';
import { readConfig } from '../api/config.js';
import { coreResources } from '../api/resources/index.js';
import { allFields, defineResource, type ResourceDefinition, type Row } from '../api/resources/define.js';
import { countTally } from '../api/reports/tallies.js';
import { withPlugins } from '../api/plugins/load.js';
import { definePlugin } from '../api/plugins/define.js';
import { listQuery, ORIGIN, startTestFayuan, totalOf, type TestFayuan } from './support/fayuan.js';

const trainingSessions = defineResource({
  name: 'training-sessions',
  label: { zh: '业务培训', en: 'Training sessions' },
  titleField: 'title',
  fields: {
    title: { type: 'text', label: { zh: '培训主题', en: 'Title' }, required: true, unique: true, maxLength: 80 },
    summary: { type: 'longText', label: { zh: '内容摘要', en: 'Summary' }, maxLength: 1000 },
    seats: { type: 'integer', label: { zh: '名额', en: 'Seats' }, min: 1, max: 500 },
    fee: { type: 'money', label: { zh: '讲课费（元）', en: 'Fee (yuan)' }, min: 0 },
    heldOn: { type: 'date', label: { zh: '培训日期', en: 'Held on' }, required: true },
    startsAt: { type: 'datetime', label: { zh: '开始时间', en: 'Starts at' } },
    mandatory: { type: 'boolean', label: { zh: '必修', en: 'Mandatory' }, default: false },
    format: {
      type: 'enum', label: { zh: '形式', en: 'Format' }, required: true, default: 'lecture',
      options: { lecture: { zh: '讲座', en: 'Lecture' }, workshop: { zh: '研讨', en: 'Workshop' }, moot_court: { zh: '模拟法庭', en: 'Moot court' } },
    },
    topics: {
      type: 'tags', label: { zh: '专题', en: 'Topics' },
      options: { criminal: { zh: '刑事辩护', en: 'Criminal defence' }, minors: { zh: '未成年人保护', en: 'Protection of minors' }, labour: { zh: '劳动争议', en: 'Labour disputes' } },
    },
    trainerId: { type: 'reference', to: 'lawyers', label: { zh: '主讲律师', en: 'Trainer' } },
    attendeeIds: { type: 'referenceList', to: 'lawyers', label: { zh: '参训律师', en: 'Attendees' } },
  },
  list: {
    columns: ['title', 'heldOn', 'format', 'trainerId', 'seats', 'fee'],
    sort: ['heldOn', 'DESC'],
    filters: ['format', 'trainerId', 'attendeeIds', 'topics', 'heldOn', 'mandatory'],
    search: ['title', 'summary'],
  },
});

let t: TestFayuan;
let lawyerIds: number[];

async function columnsOf(table: string): Promise<string[]> {
  const tables = await t.database.db.introspection.getTables();
  // On PostgreSQL the introspection lists every schema's tables: only this test file's own.
  const schema = t.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.database.db)).rows[0].s : undefined;
  return tables.find((x) => x.name === table && (schema === undefined || x.schema === schema))?.columns.map((c) => c.name) ?? [];
}

async function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await t.api('admin', path, init);
  return { status: res.status, total: totalOf(res), body: await res.json() };
}

beforeAll(async () => {
  t = await startTestFayuan({ cases: 10, resources: [...coreResources, trainingSessions] });
  const { body } = await call(`/api/lawyers${listQuery({ sort: ['id', 'ASC'], range: [0, 9] })}`);
  lawyerIds = body.map((l: Row) => Number(l.id));
});
afterAll(async () => {
  await t?.close();
});

const session = (title: string, extra: Row = {}): Row => ({
  title,
  summary: '《法律援助法》实施要点与案卷质量标准。',
  seats: 60,
  fee: 1500.5,
  heldOn: '2026-03-18',
  startsAt: '2026-03-18T01:30:00.000Z',
  mandatory: true,
  format: 'workshop',
  topics: ['criminal', 'minors'],
  trainerId: lawyerIds[0],
  attendeeIds: [lawyerIds[1], lawyerIds[2], lawyerIds[3]],
  ...extra,
});

describe('a register declared in a test', () => {
  it('gets its table, with a column for every field and the system columns', async () => {
    const columns = await columnsOf('training_sessions');
    expect(columns.sort()).toEqual(Object.keys(allFields(trainingSessions)).sort());
  });

  it('creates (201) with every field type stored and answered as sent, and reads it back', async () => {
    const body = session('刑事辩护实务培训');
    const created = await call('/api/training-sessions', { method: 'POST', body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ ...body, version: 1 });
    expect((await call(`/api/training-sessions/${created.body.id}`)).body).toEqual(created.body);
  });

  it('applies defaults (boolean false, enum lecture) and leaves the rest empty', async () => {
    const created = await call('/api/training-sessions', { method: 'POST', body: { title: '未成年人案件办理规范', heldOn: '2026-04-02' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      mandatory: false, format: 'lecture', topics: [], attendeeIds: [], trainerId: null, seats: null, fee: null, startsAt: null, summary: null,
    });
  });

  it('lists with sort, range, every kind of filter, q and getMany', async () => {
    await call('/api/training-sessions', { method: 'POST', body: session('劳动争议调解技巧', { format: 'lecture', topics: ['labour'], trainerId: lawyerIds[4], attendeeIds: [lawyerIds[1]], heldOn: '2026-05-20', mandatory: false }) });
    const all = await call(`/api/training-sessions${listQuery({ sort: ['heldOn', 'ASC'], range: [0, 99] })}`);
    expect(all.status).toBe(200);
    expect(all.total).toBe(3);
    expect(all.body.map((r: Row) => r.heldOn)).toEqual(['2026-03-18', '2026-04-02', '2026-05-20']);

    const page = await t.api('admin', `/api/training-sessions${listQuery({ sort: ['heldOn', 'DESC'], range: [1, 1] })}`);
    expect(page.headers.get('content-range')).toBe('training-sessions 1-1/3');
    expect((await page.json())[0].heldOn).toBe('2026-04-02');

    const titles = async (filter: Row) => (await call(`/api/training-sessions${listQuery({ sort: ['title', 'ASC'], range: [0, 99], filter })}`)).body.map((r: Row) => r.title).sort();
    expect(await titles({ format: 'workshop' })).toEqual(['刑事辩护实务培训']);
    expect(await titles({ trainerId: lawyerIds[4] })).toEqual(['劳动争议调解技巧']);
    expect(await titles({ attendeeIds: lawyerIds[1] })).toEqual(['刑事辩护实务培训', '劳动争议调解技巧'].sort());
    expect(await titles({ attendeeIds: lawyerIds[3] })).toEqual(['刑事辩护实务培训']);
    expect(await titles({ topics: 'labour' })).toEqual(['劳动争议调解技巧']);
    expect(await titles({ mandatory: false })).toEqual(['劳动争议调解技巧', '未成年人案件办理规范'].sort());
    expect(await titles({ heldOn_gte: '2026-04-01', heldOn_lte: '2026-04-30' })).toEqual(['未成年人案件办理规范']);
    expect(await titles({ q: '调解' })).toEqual(['劳动争议调解技巧']);
    expect(await titles({ q: '质量标准' })).toEqual(['刑事辩护实务培训', '劳动争议调解技巧'].sort());
    const ids = all.body.slice(0, 2).map((r: Row) => r.id);
    expect((await call(`/api/training-sessions${listQuery({ filter: { id: ids } })}`)).body.map((r: Row) => r.id).sort()).toEqual([...ids].sort());
  });

  it('updates with the version, refuses a stale version (409), and deletes answering the record', async () => {
    const created = (await call('/api/training-sessions', { method: 'POST', body: session('临时培训') })).body;
    const updated = await call(`/api/training-sessions/${created.id}`, { method: 'PUT', body: { ...created, seats: 80, topics: ['labour'], attendeeIds: [lawyerIds[5]], version: 1 } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ seats: 80, topics: ['labour'], attendeeIds: [lawyerIds[5]], version: 2 });
    const stale = await call(`/api/training-sessions/${created.id}`, { method: 'PUT', body: { ...created, seats: 99, version: 1 } });
    expect(stale.status).toBe(409);
    expect((await call(`/api/training-sessions/${created.id}`)).body.seats).toBe(80);
    const deleted = await call(`/api/training-sessions/${created.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual(updated.body);
    expect((await call(`/api/training-sessions/${created.id}`)).status).toBe(404);
  });

  it('validates each field type from the declaration (400 naming the field)', async () => {
    const bad: Row = {
      title: 42, summary: ['x'], seats: 0, fee: 1.005, heldOn: '2026-02-30', startsAt: 'soon', mandatory: 'yes',
      format: 'seminar', topics: ['tax'], trainerId: 'abc', attendeeIds: 'abc',
    };
    const res = await call('/api/training-sessions', { method: 'POST', body: bad });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(Object.keys(bad).sort());
    const missing = await call('/api/training-sessions', { method: 'POST', body: { title: '没有日期' } });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors)).toEqual(['heldOn']);
    const ghost = await call('/api/training-sessions', { method: 'POST', body: session('幽灵讲师', { trainerId: 99_999, attendeeIds: [lawyerIds[0], 88_888] }) });
    expect(ghost.status).toBe(400);
    expect(Object.keys(ghost.body.errors).sort()).toEqual(['attendeeIds', 'trainerId']);
    const duplicate = await call('/api/training-sessions', { method: 'POST', body: session('刑事辩护实务培训') });
    expect(duplicate.status).toBe(409);
    expect(Object.keys(duplicate.body.errors)).toEqual(['title']);
  });

  it('refuses an impossible calendar day in a datetime field (2026-02-30T10:00:00Z) instead of storing another day', async () => {
    const res = await call('/api/training-sessions', { method: 'POST', body: session('二月三十日', { startsAt: '2026-02-30T10:00:00Z' }) });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['startsAt']);
  });

  it('protects its references: a lawyer it names (trainerId or attendeeIds) cannot be deleted', async () => {
    const refs = (await call('/api/training-sessions', { method: 'POST', body: session('引用保护', { trainerId: null, attendeeIds: [lawyerIds[6]] }) })).body;
    expect(refs.id).toEqual(expect.any(Number));
    const blocked = await call(`/api/lawyers/${lawyerIds[6]}`, { method: 'DELETE' });
    expect(blocked.status).toBe(409);
    expect((await call(`/api/lawyers/${lawyerIds[6]}`)).status).toBe(200);
  });

  it('follows the default access rule (admins only) when the declaration names none', async () => {
    for (const role of ['supervisor', 'lawyer', 'reviewer'] as const) {
      expect((await t.api(role, '/api/training-sessions')).status, role).toBe(403);
      expect((await t.api(role, '/api/training-sessions', { method: 'POST', body: session(`越权${role}`) })).status, role).toBe(403);
    }
  });

  it('is described by /api/meta with its labels, field types, options and reference target', async () => {
    const meta = (await call('/api/meta')).body;
    const described = meta.resources.find((r: { name: string }) => r.name === 'training-sessions');
    expect(described).toBeDefined();
    expect(described.label).toEqual(trainingSessions.label);
    const field = (name: string) => described.fields.find((f: { name: string }) => f.name === name);
    for (const [name, declared] of Object.entries(trainingSessions.fields)) {
      expect(field(name), name).toMatchObject({ type: declared.type, label: declared.label, required: Boolean(declared.required) });
    }
    expect(field('format').options).toEqual([
      { id: 'lecture', label: { zh: '讲座', en: 'Lecture' } },
      { id: 'workshop', label: { zh: '研讨', en: 'Workshop' } },
      { id: 'moot_court', label: { zh: '模拟法庭', en: 'Moot court' } },
    ]);
    expect(field('topics').options.map((o: { id: string }) => o.id)).toEqual(['criminal', 'minors', 'labour']);
    expect(field('trainerId').reference).toBe('lawyers');
    expect(field('attendeeIds').reference).toBe('lawyers');
    expect(field('mandatory').default).toBe(false);
    expect(described.list.filters).toEqual(trainingSessions.list.filters);
    const lawyerMeta = (await t.api('lawyer', '/api/meta').then((r) => r.json())).resources.map((r: { name: string }) => r.name);
    expect(lawyerMeta).not.toContain('training-sessions');
  });

  it('is in /api/openapi.json: its paths and a schema with every field', async () => {
    const doc = (await call('/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/training-sessions'])).toEqual(['get', 'post']);
    expect(doc.paths['/api/training-sessions/{id}']).toMatchObject({ get: expect.any(Object), put: expect.any(Object), delete: expect.any(Object) });
    const schema = doc.components.schemas.TrainingSessions;
    expect(Object.keys(schema.properties)).toEqual(Object.keys(allFields(trainingSessions)));
    // Optional fields may also be null.
    expect([schema.properties.topics.type].flat()).toContain('array');
    expect(schema.properties.attendeeIds.items.type).toBe('integer');
    expect([schema.properties.fee.type].flat()).toContain('number');
    expect([schema.properties.mandatory.type].flat()).toContain('boolean');
    expect([...schema.required].sort()).toEqual(['format', 'heldOn', 'title']);
  });
});

describe('a declaration whose tally keeps exact counts', () => {
  it('counts enum fields only, checked when declared and when a plugin adds the tally', () => {
    expect(() => defineResource({ ...trainingSessions, tallies: [countTally(['format'])] })).not.toThrow();
    expect(() => defineResource({ ...trainingSessions, tallies: [countTally(['format', 'title'])] }))
      .toThrow('resource training-sessions: tally count:format,title counts title, which is not an enum field');
    const plugin = definePlugin({ name: 'counting', label: { zh: '计数', en: 'Counting' }, tallies: { 'training-sessions': [countTally(['heldOn'])] } });
    expect(() => withPlugins([trainingSessions], [plugin])).toThrow('counts heldOn, which is not an enum field');
  });
});

describe('a declaration that gains fields', () => {
  let second: Fayuan;
  const extended: ResourceDefinition = defineResource({
    ...trainingSessions,
    fields: {
      ...trainingSessions.fields,
      room: { type: 'text', label: { zh: '培训地点', en: 'Room' }, maxLength: 50 },
      credits: { type: 'integer', label: { zh: '学时', en: 'Credit hours' }, min: 0, max: 40 },
      cancelled: { type: 'boolean', label: { zh: '已取消', en: 'Cancelled' }, default: false },
      coTrainerId: { type: 'reference', to: 'lawyers', label: { zh: '协讲律师', en: 'Co-trainer' } },
    },
    list: { ...trainingSessions.list, filters: [...trainingSessions.list.filters, 'room', 'cancelled'] },
  });
  const request = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await second.app.request(path, {
      method: init.method ?? 'GET',
      headers: { cookie: await t.cookieOf('admin'), origin: ORIGIN, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, body: await res.json() };
  };

  it('gets the new columns on the next migration of the same database, and every row is kept', async () => {
    const before = (await call(`/api/training-sessions${listQuery({ sort: ['id', 'ASC'], range: [0, 99] })}`)).body;
    expect(before.length).toBeGreaterThan(0);
    const config = readConfig({ PORT: '3000', DATA_DIR: os.tmpdir(), FAYUAN_RATE_LIMIT: 'off' });
    second = createFayuan({ database: t.database, config, resources: [...coreResources, extended] });
    await second.migrate();
    await second.migrate(); // idempotent
    const columns = await columnsOf('training_sessions');
    for (const name of ['room', 'credits', 'cancelled', 'coTrainerId']) expect(columns).toContain(name);
    const { count } = (await sql<{ count: number }>`select count(*) as count from training_sessions`.execute(t.database.db)).rows[0];
    expect(Number(count)).toBe(before.length);

    const after = (await request(`/api/training-sessions${listQuery({ sort: ['id', 'ASC'], range: [0, 99] })}`)).body;
    expect(after.map((r: Row) => ({ ...r, room: undefined, credits: undefined, cancelled: undefined, coTrainerId: undefined })))
      .toEqual(before.map((r: Row) => ({ ...r, room: undefined, credits: undefined, cancelled: undefined, coTrainerId: undefined })));
    for (const row of after) expect(row).toMatchObject({ room: null, credits: null, coTrainerId: null });
  });

  it('serves the new fields through the same protocol: write, read back, filter', async () => {
    const first = (await request(`/api/training-sessions${listQuery({ sort: ['id', 'ASC'], range: [0, 0] })}`)).body[0];
    const updated = await request(`/api/training-sessions/${first.id}`, { method: 'PUT', body: { ...first, room: '三楼会议室', credits: 4, cancelled: true, coTrainerId: lawyerIds[7] } });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ room: '三楼会议室', credits: 4, cancelled: true, coTrainerId: lawyerIds[7], version: first.version + 1 });
    const filtered = (await request(`/api/training-sessions${listQuery({ filter: { room: '三楼会议室' } })}`)).body;
    expect(filtered.map((r: Row) => r.id)).toEqual([first.id]);
    const created = await request('/api/training-sessions', { method: 'POST', body: { title: '新增字段后的培训', heldOn: '2026-06-01', credits: 41 } });
    expect(created.status).toBe(400);
    expect(Object.keys(created.body.errors)).toEqual(['credits']);
    const meta = (await request('/api/meta')).body.resources.find((r: { name: string }) => r.name === 'training-sessions');
    expect(meta.fields.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['room', 'credits', 'cancelled', 'coTrainerId']));
  });

  it('protects the new reference too: the co-trainer cannot be deleted', async () => {
    const blocked = await request(`/api/lawyers/${lawyerIds[7]}`, { method: 'DELETE' });
    expect(blocked.status).toBe(409);
  });
});
