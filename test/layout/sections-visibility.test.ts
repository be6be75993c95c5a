// Sections and "when a field applies", declared once: carried in /api/meta, checked by
// defineResource, and applied by the server's validator exactly as the console applies them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../support/fayuan.js';
import { defineResource } from '../../api/resources/define.js';
import { holds } from '../../api/resources/conditions.js';
import type { Meta, ResourceMeta } from '../../api/meta/types.js';

let t: TestFayuan;
let meta: Meta;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 5, plugins: ['case-files'] });
  meta = await (await t.api('admin', '/api/meta')).json();
});
afterAll(() => t.close());

const register = (name: string): ResourceMeta => meta.resources.find((r) => r.name === name)!;
const field = (r: string, f: string) => register(r).fields.find((x) => x.name === f)!;

const minorCriminalCase = {
  applicantName: '陈小明', applicantBirthDate: '2010-04-02', applicantGroups: ['minor'],
  applicantAddress: '浙江省台州市路桥区路桥街道兴中路 12 号',
  caseType: 'criminal', criminalRole: 'defendant', causeOfAction: '盗窃罪', channel: 'notified',
  applicationDate: '2026-03-02', exemptionReason: 'minor',
  hasAgent: true, agentName: '陈建国', agentRelation: 'guardian', agentPhone: '13805761234',
  opposingPartyName: null, caseSummary: '申请人涉嫌盗窃，经济困难，申请指派辩护人。',
};

describe('sections in /api/meta', () => {
  it('places every declared field of every register in exactly one section', () => {
    for (const r of meta.resources) {
      const placed = r.sections.flatMap((s) => s.fields);
      const declared = r.fields.map((f) => f.name).filter((n) => !['id', 'version', 'createdAt', 'updatedAt'].includes(n));
      expect(new Set(placed).size, r.name).toBe(placed.length);
      expect([...placed].sort(), r.name).toEqual([...declared].sort());
    }
  });

  it("draws a case as the centre's form: 申请人信息 · 案件信息 · 经济状况 · 指派与承办 · 结案与质量", () => {
    const titles = register('cases').sections.map((s) => s.label.zh);
    for (const title of ['申请人信息', '案件信息', '经济状况', '指派与承办', '结案与质量', '代理人', '对方当事人']) expect(titles).toContain(title);
    expect(register('cases').sections.find((s) => s.id === 'case')!.fields).toContain('criminalStage'); // the plugin's field joins its section
    expect(register('lawyers').sections.map((s) => s.label.zh)).toEqual(['基本信息', '执业信息', '联系方式']);
  });

  it('carries each condition as JSON that the shared evaluator reads', () => {
    const role = field('cases', 'criminalRole').appliesWhen!;
    expect(role).toEqual({ caseType: 'criminal' });
    expect(holds(role, { caseType: 'criminal' })).toBe(true);
    expect(holds(role, { caseType: 'civil' })).toBe(false);
    expect(field('cases', 'criminalStage').appliesWhen).toEqual({ caseType: 'criminal' });
    expect(holds(field('cases', 'householdMonthlyIncome').appliesWhen, { exemptionReason: 'minor' })).toBe(false);
    expect(holds(field('cases', 'householdMonthlyIncome').appliesWhen, { exemptionReason: null })).toBe(true);
    const outcome = field('cases', 'outcome');
    expect(outcome.stage).toBe('closing_submitted');
    expect(['applied', 'in_progress', 'rejected', 'terminated'].map((status) => holds(outcome.appliesWhen, { status }))).toEqual([false, false, false, false]);
    expect(['closing_submitted', 'closed', 'archived'].map((status) => holds(outcome.appliesWhen, { status }))).toEqual([true, true, true]);
    expect(field('settings', 'hardshipFactor').unit).toEqual({ zh: '倍', en: '×' });
  });

  it('refuses a declaration whose sections miss or repeat a field', () => {
    const base = { name: 'x', label: { zh: 'x', en: 'x' }, titleField: 'a', list: { columns: [], sort: ['a', 'ASC'] as ['a', 'ASC'], filters: [], search: [] } };
    const fields = { a: { type: 'text' as const, label: { zh: 'a', en: 'a' } }, b: { type: 'text' as const, label: { zh: 'b', en: 'b' } } };
    expect(() => defineResource({ ...base, fields, sections: [{ id: 's', label: base.label, fields: ['a'] }] })).toThrow(/field b is in no section/);
    expect(() => defineResource({ ...base, fields, sections: [{ id: 's', label: base.label, fields: ['a', 'b'] }, { id: 't', label: base.label, fields: ['b'] }] })).toThrow(/in sections s and t/);
    expect(() => defineResource({ ...base, fields: { ...fields, b: { ...fields.b, visibleWhen: { nope: 1 } } } })).toThrow(/unknown field nope/);
  });
});

describe('the server applies the same conditions', () => {
  it('registers a criminal case for a minor with only what applies', async () => {
    const res = await t.api('admin', '/api/cases', { method: 'POST', body: minorCriminalCase });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ criminalRole: 'defendant', agentName: '陈建国', applicantAddress: minorCriminalCase.applicantAddress, householdMonthlyIncome: null });
  });

  it('does not require a required field that does not apply (an agent’s name without an agent)', async () => {
    const res = await t.api('admin', '/api/cases', { method: 'POST', body: { ...minorCriminalCase, hasAgent: false, agentName: null } });
    expect(res.status).toBe(201);
    const withAgent = await t.api('admin', '/api/cases', { method: 'POST', body: { ...minorCriminalCase, agentName: null } });
    expect(withAgent.status).toBe(400);
    expect((await withAgent.json()).errors).toHaveProperty('agentName');
  });

  it('drops (stores as null) a value given for a field that does not apply', async () => {
    const res = await t.api('admin', '/api/cases', {
      method: 'POST',
      body: { ...minorCriminalCase, caseType: 'civil', criminalRole: 'defendant', maxPenalty: 'life', criminalStage: 'trial', householdMonthlyIncome: 900, hasAgent: false, outcome: '胜诉', qualityGrade: 'excellent', subsidyAmount: 1200 },
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({
      caseType: 'civil', criminalRole: null, maxPenalty: null, criminalStage: null, householdMonthlyIncome: null,
      agentName: null, agentPhone: null, outcome: null, qualityGrade: null, subsidyAmount: null,
    });
  });

  it('clears a criminal role when an edit turns the case civil', async () => {
    const created = await (await t.api('admin', '/api/cases', { method: 'POST', body: minorCriminalCase })).json();
    const res = await t.api('admin', `/api/cases/${created.id}`, { method: 'PUT', body: { ...created, caseType: 'civil' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ caseType: 'civil', criminalRole: null });
  });

  it('masks the opposing party’s ID number where the applicant’s is masked', async () => {
    const created = await (await t.api('admin', '/api/cases', { method: 'POST', body: { ...minorCriminalCase, caseType: 'civil', opposingPartyName: '台州市路桥区宏达机械有限公司', opposingPartyIdNumber: '91331004MA2AB1234T' } })).json();
    expect(created.opposingPartyIdNumber).toBe('91331004MA2AB1234T');
    const seen = await (await t.api('supervisor', `/api/cases/${created.id}`)).json();
    expect(seen.opposingPartyIdNumber).toBe('9133**********234T');
    const bad = await t.api('admin', '/api/cases', { method: 'POST', body: { ...minorCriminalCase, opposingPartyIdNumber: '12345' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toHaveProperty('opposingPartyIdNumber');
  });
});
