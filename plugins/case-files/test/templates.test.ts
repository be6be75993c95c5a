// Case-file templates 卷宗模板 (DOMAIN.md, seed 001 item 12): the standard layouts shipped with the
// plugin, editing them in the console, template versions and archived cases, criminal stages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../../../test/support/fayuan.js';
import { checklist, finishedCase, json, newCase, templateNamed, uploadOk, type Json } from './support.js';

let t: TestFayuan;

beforeAll(async () => {
  t = await startTestFayuan({ cases: 20, plugins: ['case-files'] });
});
afterAll(async () => {
  await t?.close();
});

const CIVIL = '民事诉讼案件卷宗';
const CIVIL_ITEMS = [
  '目录', '申请表', '身份证明', '经济状况证明', '审批表', '给予法律援助决定书', '指派通知书', '法律援助公函',
  '受援人权利义务告知书', '诉讼风险告知书', '授权委托书', '起诉状/上诉状', '证据材料', '阅卷笔录', '会见笔录',
  '庭审笔录', '代理词', '判决书/裁定书/调解书', '结案报告表',
];
const CRIMINAL_ADDS = ['通知辩护公函', '委托辩护协议', '会见笔录', '阅卷笔录', '起诉书', '辩护词', '判决书', '结案报告表'];
const FILE_KINDS = ['pdf', 'jpeg', 'png', 'docx', 'ofd'];

async function templates(): Promise<Json[]> {
  const res = await t.api('admin', '/api/case-file-templates?range=[0,999]');
  expect(res.status).toBe(200);
  return json(res);
}

async function putTemplate(id: number, body: Json, role: 'admin' | 'lawyer' | 'supervisor' | 'reviewer' = 'admin') {
  const res = await t.api(role, `/api/case-file-templates/${id}`, { method: 'PUT', body });
  return { status: res.status, body: await json(res) };
}

const names = (items: Json[]) => items.map((i) => i.name);
const keys = (items: Json[]) => items.map((i) => i.key);

describe('the standard templates', () => {
  it('ships seven templates: civil, administrative, arbitration, non-litigation and one per criminal stage', async () => {
    const list = await templates();
    expect(list).toHaveLength(7);
    const shapes = list.map((x) => `${x.caseType}/${x.criminalStage ?? '-'}`).sort();
    expect(shapes).toEqual([
      'administrative/-', 'arbitration/-', 'civil/-', 'criminal/investigation', 'criminal/prosecution', 'criminal/trial', 'non_litigation/-',
    ]);
    expect(list.every((x) => x.active === true && x.version === 1)).toBe(true);
  });

  it('lays out the civil file in the 19 materials of the county layout, in binding order', async () => {
    const civil = await templateNamed(t, CIVIL);
    expect(civil.caseType).toBe('civil');
    expect(names(civil.items)).toEqual(CIVIL_ITEMS);
  });

  it('gives every standard item a unique key, a supplier, required or optional, and the five file kinds', async () => {
    for (const template of await templates()) {
      expect(new Set(keys(template.items)).size, template.name).toBe(template.items.length);
      for (const item of template.items) {
        expect(item.key, `${template.name} ${item.name}`).toMatch(/^[a-z0-9_]+$/);
        expect(['centre', 'lawyer']).toContain(item.suppliedBy);
        expect(typeof item.required).toBe('boolean');
        expect([...item.acceptedTypes].sort()).toEqual([...FILE_KINDS].sort());
      }
    }
  });

  it('has the centre supply the intake documents and the lawyer the case work', async () => {
    const civil = await templateNamed(t, CIVIL);
    const byName = Object.fromEntries(civil.items.map((i: Json) => [i.name, i]));
    for (const name of ['目录', '申请表', '审批表', '给予法律援助决定书', '指派通知书']) expect(byName[name].suppliedBy, name).toBe('centre');
    for (const name of ['会见笔录', '代理词', '判决书/裁定书/调解书', '结案报告表']) expect(byName[name].suppliedBy, name).toBe('lawyer');
  });

  it('has administrative cases follow the civil layout', async () => {
    const civil = await templateNamed(t, CIVIL);
    const administrative = (await templates()).find((x) => x.caseType === 'administrative');
    expect(names(administrative.items)).toEqual(names(civil.items));
  });

  it('puts the criminal materials into the criminal trial file, in binding order, without the civil pleadings', async () => {
    const trial = (await templates()).find((x) => x.caseType === 'criminal' && x.criminalStage === 'trial');
    const itemNames = names(trial.items);
    const positions = CRIMINAL_ADDS.map((name) => itemNames.indexOf(name));
    expect(positions.every((p) => p >= 0), JSON.stringify(itemNames)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(itemNames).not.toContain('起诉状/上诉状');
    expect(itemNames).not.toContain('代理词');
    expect(itemNames[0]).toBe('目录');
    expect(itemNames.at(-1)).toBe('结案报告表');
  });

  it('gives a new civil case a checklist of the civil template, in order, with nothing uploaded yet', async () => {
    const id = await newCase(t, { caseType: 'civil' });
    const list = await checklist(t, id, 'lawyer');
    expect(list.template).toMatchObject({ name: CIVIL, version: 1, frozen: false });
    expect(names(list.items)).toEqual(CIVIL_ITEMS);
    expect(list.progress).toEqual({ done: 0, total: 19 });
    expect(list.items.every((i: Json) => i.files.length === 0)).toBe(true);
  });
});

describe('editing templates', () => {
  it('lets an admin create a template; items get keys and defaults (required, supplied by the lawyer, every file kind)', async () => {
    const res = await t.api('admin', '/api/case-file-templates', {
      method: 'POST',
      body: { name: '法律咨询卷宗（试行）', caseType: 'non_litigation', active: false, items: [{ name: '咨询登记表' }, { name: '答复意见', required: false, suppliedBy: 'centre', acceptedTypes: ['pdf'] }] },
    });
    const created = await json(res);
    expect(res.status, JSON.stringify(created)).toBe(201);
    expect(created.version).toBe(1);
    const [first, second] = created.items;
    expect(first).toMatchObject({ name: '咨询登记表', required: true, suppliedBy: 'lawyer' });
    expect([...first.acceptedTypes].sort()).toEqual([...FILE_KINDS].sort());
    expect(second).toMatchObject({ name: '答复意见', required: false, suppliedBy: 'centre', acceptedTypes: ['pdf'] });
    expect(first.key).toMatch(/^[a-z0-9_]+$/);
    expect(second.key).toMatch(/^[a-z0-9_]+$/);
    expect(first.key).not.toBe(second.key);
  });

  it('reorders items: the checklist of a case of that type follows the new order, files staying with their item', async () => {
    const id = await newCase(t, { caseType: 'non_litigation' });
    const file = await uploadOk(t, 'lawyer', id, 'interview');
    const template = await templateNamed(t, '非诉讼案件卷宗');
    const reordered = [...template.items].reverse();
    const { status, body } = await putTemplate(template.id, { ...template, items: reordered });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(keys(body.items)).toEqual(keys(reordered));
    const list = await checklist(t, id, 'lawyer');
    expect(keys(list.items)).toEqual(keys(reordered));
    const interview = list.items.find((i: Json) => i.key === 'interview');
    expect(interview.files.map((f: Json) => f.id)).toEqual([file.id]);
  });

  it('refuses an item without a name with 400, naming the item', async () => {
    const template = await templateNamed(t, CIVIL);
    const items = [...template.items.slice(0, 2), { required: true, suppliedBy: 'lawyer' }, ...template.items.slice(2)];
    const { status, body } = await putTemplate(template.id, { ...template, items });
    expect(status).toBe(400);
    expect(body.errors.items).toContain('第 3 项');
    expect(body.errors.items).toContain('name');
    expect((await templateNamed(t, CIVIL)).version).toBe(template.version);
  });

  it('refuses an item whose name is blank with 400, naming the item', async () => {
    const created = await json(await t.api('admin', '/api/case-file-templates', {
      method: 'POST', body: { name: '空名测试模板', caseType: 'non_litigation', active: false, items: [{ name: '甲' }, { name: '乙' }] },
    }));
    const items = [...created.items, { name: '   ', required: true }];
    const { status, body } = await putTemplate(created.id, { ...created, items });
    expect(status, `a nameless item was stored: ${JSON.stringify(body.items?.at(-1))}`).toBe(400);
    expect(body.errors.items).toContain('第 3 项');
    const blankOnCreate = await t.api('admin', '/api/case-file-templates', {
      method: 'POST', body: { name: '空名测试模板二', caseType: 'non_litigation', active: false, items: [{ name: '' }] },
    });
    expect(blankOnCreate.status).toBe(400);
  });

  it('refuses a template without items, and an item key other than lowercase letters, digits and _', async () => {
    const template = await templateNamed(t, CIVIL);
    const empty = await putTemplate(template.id, { ...template, items: [] });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.errors)).toContain('items');
    const badKey = await putTemplate(template.id, { ...template, items: [{ ...template.items[0], key: '目录 1' }, ...template.items.slice(1)] });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors.items).toContain('第 1 项');
  });

  it('keeps the keys of existing items when a new item without a key is inserted before them', async () => {
    const created = await json(await t.api('admin', '/api/case-file-templates', {
      method: 'POST', body: { name: '插入测试模板', caseType: 'non_litigation', active: false, items: [{ name: '甲' }, { name: '乙' }] },
    }));
    const [a, b] = created.items;
    const { status, body } = await putTemplate(created.id, { ...created, items: [{ name: '丙（新增）' }, a, b] });
    expect(status).toBe(200);
    const byName = Object.fromEntries(body.items.map((i: Json) => [i.name, i.key]));
    // Files point at item keys: an existing item must keep its key, and a new one must not take it.
    expect(byName['甲']).toBe(a.key);
    expect(byName['乙']).toBe(b.key);
    expect([a.key, b.key]).not.toContain(byName['丙（新增）']);
  });

  it('lets lawyers, supervisors and reviewers read templates but not create, change or delete them (403)', async () => {
    const template = await templateNamed(t, CIVIL);
    for (const role of ['lawyer', 'supervisor', 'reviewer'] as const) {
      const read = await t.api(role, `/api/case-file-templates/${template.id}`);
      expect(read.status, role).toBe(200);
      expect(names((await json(read)).items)).toEqual(names(template.items));
      const put = await putTemplate(template.id, { ...template, description: `${role} was here` }, role);
      expect(put.status, role).toBe(403);
      const post = await t.api(role, '/api/case-file-templates', { method: 'POST', body: { name: `${role} 的模板`, caseType: 'civil', items: [{ name: '甲' }] } });
      expect(post.status, role).toBe(403);
      const del = await t.api(role, `/api/case-file-templates/${template.id}`, { method: 'DELETE' });
      expect(del.status, role).toBe(403);
    }
    const after = await templateNamed(t, CIVIL);
    expect(after.version).toBe(template.version);
    expect(after.description).toBe(template.description);
  });

  it('shows templates in /api/meta as writable to the admin only', async () => {
    const permissions = async (role: 'admin' | 'lawyer') => (await json(await t.api(role, '/api/meta'))).resources.find((r: Json) => r.name === 'case-file-templates')?.permissions;
    expect(await permissions('admin')).toMatchObject({ read: true, create: true, update: true, delete: true });
    expect(await permissions('lawyer')).toMatchObject({ read: true, create: false, update: false, delete: false });
  });
});

describe('template versions', () => {
  const ARBITRATION = '仲裁案件卷宗';
  let archived: number;
  let closed: number;
  let open: number;
  let before: Json;
  let after: Json;

  beforeAll(async () => {
    archived = await finishedCase(t, 'arbitration', 'archived');
    closed = await finishedCase(t, 'arbitration', 'closed');
    open = await newCase(t, { caseType: 'arbitration' });
    before = await templateNamed(t, ARBITRATION);
    // The change: rename an item, move the closing report to the front, add a required item.
    const items = before.items.map((i: Json) => (i.key === 'statement' ? { ...i, name: '代理意见书' } : i));
    const report = items.findIndex((i: Json) => i.key === 'closing_report');
    const moved = [items[report], ...items.slice(0, report), ...items.slice(report + 1)];
    const res = await putTemplate(before.id, { ...before, items: [...moved, { key: 'visit_record', name: '回访记录', required: true, suppliedBy: 'centre' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    after = res.body;
  });

  it('counts a version up on each change', () => {
    expect(after.version).toBe(before.version + 1);
  });

  it("applies the change to a not-yet-archived case's checklist at once", async () => {
    const list = await checklist(t, open, 'lawyer');
    expect(list.template).toMatchObject({ id: before.id, version: after.version, frozen: false });
    expect(keys(list.items)).toEqual(keys(after.items));
    expect(names(list.items)).toContain('代理意见书');
    expect(names(list.items)).toContain('回访记录');
  });

  it('applies it to a closed case that is not archived yet', async () => {
    const list = await checklist(t, closed);
    expect(list.template).toMatchObject({ version: after.version, frozen: false });
    expect(list.missingCentreItems.map((i: Json) => i.name)).toEqual(['回访记录']);
  });

  it('keeps, for a case archived before the change, the items and the template version it was archived with', async () => {
    const list = await checklist(t, archived);
    expect(list.template).toMatchObject({ id: before.id, name: ARBITRATION, version: before.version, frozen: true });
    expect(list.items.map(({ files, ...item }: Json) => item)).toEqual(before.items);
    expect(names(list.items)).toContain('代理词');
    expect(names(list.items)).not.toContain('回访记录');
    // Its file is as complete as when it was archived.
    expect(list.missingLawyerItems).toEqual([]);
    expect(list.missingCentreItems).toEqual([]);
    expect(list.progress.total).toBe(before.items.length);
  });

  it('keeps the archived checklist through later changes too', async () => {
    const current = await templateNamed(t, ARBITRATION);
    const res = await putTemplate(current.id, { ...current, items: current.items.filter((i: Json) => i.key !== 'evidence') });
    expect(res.status).toBe(200);
    const list = await checklist(t, archived, 'supervisor');
    expect(list.template.version).toBe(before.version);
    expect(keys(list.items)).toContain('evidence');
  });

  it('freezes a case archived after the change with the version current when it is archived', async () => {
    const res = await t.api('admin', `/api/cases/${closed}/transitions/archive`, { method: 'POST', body: {} });
    expect(res.status).toBe(200);
    const current = await templateNamed(t, ARBITRATION);
    const list = await checklist(t, closed);
    expect(list.template).toMatchObject({ version: current.version, frozen: true });
  });
});

describe('criminal stages', () => {
  it('adds a criminal stage field to cases, with the three stages', async () => {
    const meta = await json(await t.api('admin', '/api/meta'));
    const field = meta.resources.find((r: Json) => r.name === 'cases').fields.find((f: Json) => f.name === 'criminalStage');
    expect(field.type).toBe('enum');
    expect(field.options.map((o: Json) => o.id).sort()).toEqual(['investigation', 'prosecution', 'trial']);
  });

  it("selects the template of the case's stage", async () => {
    for (const [stage, name] of [['investigation', '刑事案件卷宗（侦查阶段）'], ['prosecution', '刑事案件卷宗（审查起诉阶段）'], ['trial', '刑事案件卷宗（审判阶段）']]) {
      const id = await newCase(t, { caseType: 'criminal', criminalStage: stage });
      const list = await checklist(t, id, 'lawyer');
      const template = await templateNamed(t, name);
      expect(list.template.name, stage).toBe(name);
      expect(keys(list.items), stage).toEqual(keys(template.items));
    }
  });

  it("switches the checklist when the admin records the case's next stage", async () => {
    const id = await newCase(t, { caseType: 'criminal', criminalStage: 'investigation' });
    expect((await checklist(t, id)).template.name).toBe('刑事案件卷宗（侦查阶段）');
    const row = await json(await t.api('admin', `/api/cases/${id}`));
    const res = await t.api('admin', `/api/cases/${id}`, { method: 'PUT', body: { ...row, criminalStage: 'prosecution' } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await checklist(t, id)).template.name).toBe('刑事案件卷宗（审查起诉阶段）');
  });

  it("prefers a template written for the case's stage over one for every stage", async () => {
    const created = await json(await t.api('admin', '/api/case-file-templates', {
      method: 'POST', body: { name: '刑事案件卷宗（通用）', caseType: 'criminal', items: [{ name: '通用材料' }] },
    }));
    try {
      const id = await newCase(t, { caseType: 'criminal', criminalStage: 'trial' });
      expect((await checklist(t, id)).template.name).toBe('刑事案件卷宗（审判阶段）');
    } finally {
      await t.api('admin', `/api/case-file-templates/${created.id}`, { method: 'DELETE' });
    }
  });
});

describe('the demo centre', () => {
  it('keeps its archived cases at the template version they were archived with', async () => {
    const archived = await json(await t.api('admin', `/api/cases?filter=${encodeURIComponent(JSON.stringify({ status: 'archived' }))}&range=[0,999]`));
    const demo = archived.find((c: Json) => c.caseType !== 'arbitration' && c.caseType !== 'non_litigation');
    expect(demo, 'the demo centre has an archived case').toBeDefined();
    const before = await checklist(t, demo.id);
    const template = await json(await t.api('admin', `/api/case-file-templates/${before.template.id}`));
    const res = await putTemplate(template.id, { ...template, items: [...template.items, { key: 'extra_check', name: '补充材料（测试）', required: true, suppliedBy: 'centre' }] });
    expect(res.status).toBe(200);
    const after = await checklist(t, demo.id);
    expect(after.template, `archived demo case ${demo.id}`).toMatchObject({ version: before.template.version, frozen: true });
    expect(keys(after.items)).toEqual(keys(before.items));
    expect(after.missingCentreItems).toEqual([]);
  });
});
