// The `forms` register (versioned definitions, refused with the JSON path of each error) and the
// shared sheet mechanism, on the hearing-observation register: scored by the server with the sheet's own revision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, listQuery, type TestFayuan } from '../../../test/support/fayuan.js';

type Json = Record<string, any>;
let t: TestFayuan;
let lawyerCase: number;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 30, plugins: ['hearing-observation'] });
  const lawyer = await t.database.db.selectFrom('user').select('lawyerId').where('email', '=', 'lawyer@fayuan.test').executeTakeFirstOrThrow();
  lawyerCase = Number((await t.database.db.selectFrom('cases').select('id').where('lawyerId', '=', lawyer.lawyerId).limit(1).executeTakeFirstOrThrow()).id);
});
afterAll(async () => t?.close());

const json = async (res: Response) => (await res.json()) as Json;
async function current(key: string): Promise<Json> {
  const rows = await json(await t.api('supervisor', `/api/forms${listQuery({ filter: { key, status: 'published' }, sort: ['revision', 'DESC'] })}`));
  return (rows as unknown as Json[])[0];
}
/** Every score item at its maximum. */
function fullMarks(definition: Json): Json {
  return Object.fromEntries(definition.sections.flatMap((s: Json) => s.items).filter((i: Json) => i.kind === 'score').map((i: Json) => [i.id, i.max]));
}

describe('the forms register', () => {
  it('holds the shipped definitions as revision 1, published, in an empty database', async () => {
    const rows = (await json(await t.api('lawyer', `/api/forms${listQuery({ sort: ['key', 'ASC'] })}`))) as unknown as Json[];
    expect(rows.map((r) => [r.key, r.revision, r.status])).toEqual([
      ['case-inspection', 1, 'published'], ['hearing-observation', 1, 'published'], ['peer-evaluation', 1, 'published'], ['return-visit', 1, 'published'],
    ]);
    expect(rows[1].title).toBe(rows[1].definition.title.zh);
  });

  it('refuses a bad definition with 400 and the JSON path of each error', async () => {
    const form = await current('hearing-observation');
    const bad = structuredClone(form.definition);
    bad.sections[0].items[0].max = 'ten';
    delete bad.sections[1].title;
    const res = await t.api('supervisor', '/api/forms', { method: 'POST', body: { key: 'hearing-observation', status: 'draft', definition: bad } });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(Object.keys(body.errors)).toEqual(expect.arrayContaining(['definition/sections/0/items/0/max', 'definition/sections/1/title']));
    const english = await json(await t.api('supervisor', '/api/forms', { method: 'POST', body: { key: 'hearing-observation', definition: bad }, headers: { 'accept-language': 'en' } }));
    expect(typeof english.errors['definition/sections/0/items/0/max']).toBe('string');
    // The key is the definition's: one sent beside it is ignored.
    const keyed = await json(await t.api('supervisor', '/api/forms', { method: 'POST', body: { key: 'other-key', definition: form.definition } }));
    expect([keyed.key, keyed.status, keyed.publishedAt]).toEqual(['hearing-observation', 'draft', null]);
    await t.api('admin', `/api/forms/${keyed.id}`, { method: 'DELETE' });
    expect((await t.api('lawyer', '/api/forms', { method: 'POST', body: { key: 'hearing-observation', definition: form.definition } })).status).toBe(403);
  });

  it('keeps a published revision as it is: editing it is refused, the change becomes a new revision', async () => {
    const form = await current('return-visit');
    const changed = structuredClone(form.definition);
    changed.title.zh = '回访表（修订）';
    const edit = await t.api('supervisor', `/api/forms/${form.id}`, { method: 'PUT', body: { ...form, definition: changed } });
    expect(edit.status).toBe(409);
    // Not even by way of a draft: once published, the definition stays.
    const drafted = await json(await t.api('supervisor', `/api/forms/${form.id}`, { method: 'PUT', body: { ...form, status: 'draft' } }));
    expect((await t.api('supervisor', `/api/forms/${form.id}`, { method: 'PUT', body: { ...drafted, definition: changed } })).status).toBe(409);
    await t.api('supervisor', `/api/forms/${form.id}`, { method: 'PUT', body: { ...drafted, status: 'published' } });
    const created = await json(await t.api('supervisor', '/api/forms', { method: 'POST', body: { key: 'return-visit', status: 'published', definition: changed, revision: 99 } }));
    expect([created.key, created.revision, created.title]).toEqual(['return-visit', 2, '回访表（修订）']);
    expect((await current('return-visit')).id).toBe(created.id);
    expect((await json(await t.api('lawyer', `/api/forms/${form.id}`))).definition.title.zh).toBe(form.definition.title.zh);
  });
});

describe('filled sheets', () => {
  it('scores on the server: a client-sent score and grade are ignored on create, refused on update', async () => {
    const form = await current('hearing-observation');
    const res = await t.api('supervisor', '/api/hearing-observations', {
      method: 'POST', body: { caseId: lawyerCase, observers: '主任', answers: fullMarks(form.definition), score: 12, grade: 'fail' },
    });
    expect(res.status).toBe(201);
    const sheet = await json(res);
    expect([sheet.formId, sheet.score, sheet.grade]).toEqual([form.id, 100, 'excellent']);
    const update = await t.api('supervisor', `/api/hearing-observations/${sheet.id}`, { method: 'PUT', body: { ...sheet, score: 40 } });
    expect(update.status).toBe(422);
    expect(Object.keys((await json(update)).errors)).toEqual(['score']);
  });

  it('refuses answers that do not fit the form, keyed by item', async () => {
    const res = await t.api('supervisor', '/api/hearing-observations', { method: 'POST', body: { caseId: lawyerCase, observers: '主任', answers: { materials: 99, nosuch: 1 } } });
    expect(res.status).toBe(400);
    expect(Object.keys((await json(res)).errors)).toEqual(expect.arrayContaining(['answers.materials', 'answers.nosuch']));
  });

  it('keeps an old sheet on its revision and score after the form changes', async () => {
    const old = await current('hearing-observation');
    const answers = { ...fullMarks(old.definition), materials: 0 }; // 10 of 100 weight lost
    const before = await json(await t.api('supervisor', '/api/hearing-observations', { method: 'POST', body: { caseId: lawyerCase, observers: '主任', answers } }));
    expect(before.score).toBe(90);
    // The new revision doubles the weight of "materials" (20 of 110).
    const revised = structuredClone(old.definition);
    revised.sections[0].items[0].weight = 20;
    const next = await json(await t.api('supervisor', '/api/forms', { method: 'POST', body: { key: 'hearing-observation', status: 'published', definition: revised } }));
    expect(next.revision).toBe(old.revision + 1);
    const fresh = await json(await t.api('supervisor', '/api/hearing-observations', { method: 'POST', body: { caseId: lawyerCase, observers: '主任', answers } }));
    expect([fresh.formId, fresh.score]).toEqual([next.id, 81.8]); // 90 / 110
    // The old sheet, read and saved again, stays on its own revision and score.
    const reread = await json(await t.api('supervisor', `/api/hearing-observations/${before.id}`));
    expect([reread.formId, reread.score]).toEqual([old.id, 90]);
    const saved = await json(await t.api('supervisor', `/api/hearing-observations/${before.id}`, { method: 'PUT', body: { ...reread, feedback: '再看' } }));
    expect([saved.formId, saved.score, saved.feedback]).toEqual([old.id, 90, '再看']);
  });

  it('refuses a draft revision and a hearing from another case', async () => {
    const form = await current('hearing-observation');
    const draft = await json(await t.api('supervisor', '/api/forms', { method: 'POST', body: { key: 'hearing-observation', status: 'draft', definition: form.definition } }));
    const res = await t.api('supervisor', '/api/hearing-observations', { method: 'POST', body: { caseId: lawyerCase, observers: '主任', formId: draft.id, answers: {} } });
    expect(Object.keys((await json(res)).errors)).toEqual(['formId']);
    const other = await t.database.db.selectFrom('cases').select('id').where('id', '<>', lawyerCase).limit(1).executeTakeFirstOrThrow();
    const hearing = await json(await t.api('admin', '/api/case-activities', { method: 'POST', body: { caseId: other.id, kind: 'hearing', occurredAt: '2026-03-01T09:00:00.000Z', court: '示例区人民法院' } }));
    const wrong = await t.api('supervisor', '/api/hearing-observations', { method: 'POST', body: { caseId: lawyerCase, activityId: hearing.id, observers: '主任', answers: {} } });
    expect(Object.keys((await json(wrong)).errors)).toEqual(['activityId']);
  });
});

describe('POST /api/forms/check (the console editor validates through the server)', () => {
  it('answers the errors at their paths, or ok; only for those who may edit forms', async () => {
    const form = await current('peer-evaluation');
    expect((await json(await t.api('supervisor', '/api/forms/check', { method: 'POST', body: { definition: form.definition } }))).ok).toBe(true);
    const bad = structuredClone(form.definition);
    bad.scoring.bands = [];
    const res = await t.api('supervisor', '/api/forms/check', { method: 'POST', body: { definition: bad } });
    expect(res.status).toBe(400);
    expect(Object.keys((await json(res)).errors).some((k) => k.startsWith('definition/scoring/bands'))).toBe(true);
    expect((await t.api('lawyer', '/api/forms/check', { method: 'POST', body: { definition: form.definition } })).status).toBe(403);
  });
});
