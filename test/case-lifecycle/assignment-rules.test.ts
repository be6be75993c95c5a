// The case's life through the HTTP API and the real database: the assignment rules, as a guard on assign.
// (Shared fixtures: test/support/case-lifecycle.ts; the rules themselves are unit-tested in case-rules.test.ts.)
import { describe, expect, it } from 'vitest';
import { listQuery } from '../support/fayuan.js';
import { act, auditOf, call, caseIn, create, demoLawyerId, expectUnchanged, lawyer, type Row, setUpLifecycleCentre, TODAY, TOMORROW, yearsBefore, YESTERDAY } from '../support/case-lifecycle.js';

setUpLifecycleCentre();

describe('the assignment rules, as a guard on assign', () => {
  const minorApplicant = { applicantBirthDate: yearsBefore(TODAY, 15), applicantGroups: ['minor'], exemptionReason: 'minor', householdMonthlyIncome: null };
  const deathCase = { caseType: 'criminal', criminalRole: 'defendant', maxPenalty: 'death', channel: 'notified', causeOfAction: '故意杀人', householdMonthlyIncome: null };
  const lifeCase = { ...deathCase, maxPenalty: 'life', causeOfAction: '抢劫' };
  const ordinaryCriminal = { ...deathCase, maxPenalty: null, causeOfAction: '盗窃' };

  interface Scenario {
    name: string;
    caseAttrs: Row;
    lawyer: string;
    method?: 'assigned' | 'client_choice';
    /** The rules broken, or [] when the lawyer may be assigned. */
    rules: string[];
    /** Words of the Chinese message. */
    words?: string[];
  }

  const scenarios: Scenario[] = [
    { name: 'assigns a lawyer with exactly 3 years of practice to a death-penalty case', caseAttrs: deathCase, lawyer: 'threeYears', rules: [] },
    { name: 'refuses a lawyer with 3 years less one day of practice (2 years 364 days) to a death-penalty case', caseAttrs: deathCase, lawyer: 'threeYearsLessADay', rules: ['assignment.practice_years'], words: ['三年以上执业经历', '2 年 364 天'] },
    { name: 'refuses a lawyer with 2 years 364 days of practice to a case that may end in life imprisonment', caseAttrs: lifeCase, lawyer: 'threeYearsLessADay', rules: ['assignment.practice_years'], words: ['无期徒刑、死刑', '三年以上执业经历'] },
    { name: 'assigns a lawyer with exactly 3 years of practice to a life-imprisonment case', caseAttrs: lifeCase, lawyer: 'threeYears', rules: [] },
    { name: 'refuses a lawyer without a recorded practice start date to a death-penalty case', caseAttrs: deathCase, lawyer: 'noPracticeDate', rules: ['assignment.practice_years'], words: ['未登记该律师的执业起始日期'] },
    { name: 'does not ask for 3 years of practice on a criminal case without life or death at stake', caseAttrs: ordinaryCriminal, lawyer: 'threeYearsLessADay', rules: [] },
    { name: 'refuses a minor applicant\'s case to a lawyer without the minors specialty', caseAttrs: minorApplicant, lawyer: 'notMinorsSpecialist', rules: ['assignment.minors_specialty'], words: ['未成年人案件', '「未成年人」'] },
    { name: 'assigns a minor applicant\'s case to a lawyer with the minors specialty', caseAttrs: minorApplicant, lawyer: 'minorsSpecialist', rules: [] },
    { name: 'recognises a minor by the birth date alone, without the minor tag', caseAttrs: { ...minorApplicant, applicantGroups: [] }, lawyer: 'notMinorsSpecialist', rules: ['assignment.minors_specialty'] },
    { name: 'refuses an inactive lawyer', caseAttrs: {}, lawyer: 'inactive', rules: ['assignment.lawyer_inactive'], words: ['不在岗'] },
    { name: 'refuses a lawyer of a firm that is not contracted', caseAttrs: {}, lawyer: 'uncontracted', rules: ['assignment.firm_not_contracted'], words: ['未纳入政府购买法律援助服务承接主体范围'] },
    { name: 'refuses a lawyer of a firm whose contract ended yesterday', caseAttrs: {}, lawyer: 'endedYesterday', rules: ['assignment.firm_contract_period'], words: [`已于 ${YESTERDAY} 到期`, '不在合同期内'] },
    { name: 'assigns a lawyer of a firm whose contract ends today (its last day)', caseAttrs: {}, lawyer: 'endsToday', rules: [] },
    { name: 'refuses a lawyer of a firm whose contract starts tomorrow', caseAttrs: {}, lawyer: 'startsTomorrow', rules: ['assignment.firm_contract_period'], words: [`自 ${TOMORROW} 起生效`] },
    { name: 'assigns a legal aid lawyer who belongs to no firm', caseAttrs: {}, lawyer: 'legalAid', rules: [] },
    { name: 'holds a lawyer of the client\'s choice (点援) to the practice rule', caseAttrs: deathCase, lawyer: 'threeYearsLessADay', method: 'client_choice', rules: ['assignment.practice_years'] },
    { name: 'holds a lawyer of the client\'s choice (点援) to the minors rule', caseAttrs: minorApplicant, lawyer: 'notMinorsSpecialist', method: 'client_choice', rules: ['assignment.minors_specialty'] },
    { name: 'holds a lawyer of the client\'s choice (点援) to the firm rule', caseAttrs: {}, lawyer: 'uncontracted', method: 'client_choice', rules: ['assignment.firm_not_contracted'] },
    { name: 'holds a lawyer of the client\'s choice (点援) to the active rule', caseAttrs: {}, lawyer: 'inactive', method: 'client_choice', rules: ['assignment.lawyer_inactive'] },
    { name: 'assigns an eligible lawyer of the client\'s choice (点援), recording the method', caseAttrs: deathCase, lawyer: 'threeYears', method: 'client_choice', rules: [] },
    {
      name: 'reports every rule a lawyer breaks at once',
      caseAttrs: { ...deathCase, ...minorApplicant, channel: 'notified' },
      lawyer: 'everythingWrong',
      rules: ['assignment.lawyer_inactive', 'assignment.firm_not_contracted', 'assignment.practice_years', 'assignment.minors_specialty'],
      words: ['不在岗', '未纳入', '三年以上', '未成年人', '；'],
    },
  ];

  async function eligibilityOf(caseId: number, lawyerId: number): Promise<Row | undefined> {
    const res = await call('admin', `/api/cases/${caseId}/eligible-lawyers`);
    expect(res.status).toBe(200);
    return (res.body as Row[]).find((l) => l.id === lawyerId);
  }

  for (const s of scenarios) {
    it(`${s.name}; the eligible-lawyers list says the same`, async () => {
      const before = await caseIn('accepted', s.caseAttrs);
      const chosen = lawyer[s.lawyer];
      const listed = await eligibilityOf(before.id, chosen.id);
      expect(listed, 'listed by eligible-lawyers').toBeDefined();
      expect(listed!.eligible).toBe(s.rules.length === 0);
      expect(listed!.problems.map((p: Row) => p.rule)).toEqual(s.rules);

      const res = await act(before.id, 'assign', { lawyerId: chosen.id, assignmentMethod: s.method ?? 'assigned' });
      if (s.rules.length === 0) {
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.status).toBe('assigned');
        expect(res.body.lawyerId).toBe(chosen.id);
        expect(res.body.assignmentMethod).toBe(s.method ?? 'assigned');
      } else {
        expect(res.status, JSON.stringify(res.body)).toBe(422);
        expect(res.body.rules.map((r: Row) => r.rule)).toEqual(s.rules);
        expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
        for (const word of s.words ?? []) expect(res.body.message).toContain(word);
        // The same sentences as the eligible-lawyers list gives.
        expect(res.body.rules.map((r: Row) => r.message.zh)).toEqual(listed!.problems.map((p: Row) => p.message.zh));
        await expectUnchanged(before);
        expect(await auditOf(before.id, 'transition:assign')).toEqual([]);
      }
    });
  }

  it('refuses a lawyer who is the subject of an open complaint on the case, for as long as it is open', async () => {
    const before = await caseIn('accepted');
    const complainedOf = lawyer.complainedOf;
    const complaint = await create('complaints', {
      complainantName: before.applicantName, channel: 'visit', receivedAt: TODAY, caseId: before.id,
      lawyerId: complainedOf.id, category: 'attitude', description: '申请人反映该律师在咨询时态度恶劣', status: 'received',
    });
    // Its open states, reached by the complaint's actions (status is never edited directly).
    for (const [status, action] of [['received', null], ['accepted', 'accept'], ['investigating', 'investigate']] as const) {
      if (action) {
        const moved = await call('admin', `/api/complaints/${complaint.id}/transitions/${action}`, 'POST', {});
        expect(moved.status, JSON.stringify(moved.body)).toBe(200);
        expect(moved.body.status).toBe(status);
      }
      const listed = await eligibilityOf(before.id, complainedOf.id);
      expect(listed!.eligible).toBe(false);
      expect(listed!.problems.map((p: Row) => p.rule)).toEqual(['assignment.open_complaint']);
      for (const method of ['assigned', 'client_choice']) {
        const res = await act(before.id, 'assign', { lawyerId: complainedOf.id, assignmentMethod: method });
        expect(res.status, `${status} ${method}`).toBe(422);
        expect(res.body.message).toContain('尚未办结的投诉');
        expect(res.body.message).toContain(complainedOf.name);
      }
      // The complaint concerns only that lawyer.
      expect((await eligibilityOf(before.id, lawyer.standard.id))!.eligible).toBe(true);
    }
    await expectUnchanged(before);

    const concluded = await call('admin', `/api/complaints/${complaint.id}/transitions/conclude`, 'POST', { findings: '调阅案卷并询问双方', conclusion: '经调查，投诉不属实', outcome: 'not_upheld' });
    expect(concluded.status, JSON.stringify(concluded.body)).toBe(200);
    expect((await eligibilityOf(before.id, complainedOf.id))!.eligible).toBe(true);
    const res = await act(before.id, 'assign', { lawyerId: complainedOf.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('does not hold an open complaint on another case against the lawyer', async () => {
    const other = await caseIn('accepted');
    const before = await caseIn('accepted');
    await create('complaints', {
      complainantName: other.applicantName, channel: 'phone', receivedAt: TODAY, caseId: other.id,
      lawyerId: lawyer.legalAid.id, category: 'delay', description: '迟迟未与申请人联系', status: 'received',
    });
    expect((await eligibilityOf(other.id, lawyer.legalAid.id))!.eligible).toBe(false);
    expect((await eligibilityOf(before.id, lawyer.legalAid.id))!.eligible).toBe(true);
    expect((await act(before.id, 'assign', { lawyerId: lawyer.legalAid.id })).status).toBe(200);
  });

  it('marks every fixture lawyer eligible or not on a minor\'s death-penalty case, with the reasons', async () => {
    const before = await caseIn('accepted', { ...deathCase, ...minorApplicant, channel: 'notified' });
    const res = await call('admin', `/api/cases/${before.id}/eligible-lawyers`);
    expect(res.status).toBe(200);
    const byId = new Map((res.body as Row[]).map((l) => [l.id, l]));
    const expected: Record<string, string[]> = {
      standard: ['assignment.minors_specialty'],
      threeYears: ['assignment.minors_specialty'],
      threeYearsLessADay: ['assignment.practice_years', 'assignment.minors_specialty'],
      minorsSpecialist: [],
      notMinorsSpecialist: ['assignment.minors_specialty'],
      uncontracted: ['assignment.firm_not_contracted', 'assignment.minors_specialty'],
      endedYesterday: ['assignment.firm_contract_period', 'assignment.minors_specialty'],
    };
    for (const [key, rules] of Object.entries(expected)) {
      const row = byId.get(lawyer[key].id);
      expect(row, key).toBeDefined();
      expect(row!.eligible, key).toBe(rules.length === 0);
      expect(row!.problems.map((p: Row) => p.rule), key).toEqual(rules);
    }
    // An inactive lawyer, if listed at all, is never eligible.
    const inactive = byId.get(lawyer.inactive.id);
    if (inactive) expect(inactive.problems.map((p: Row) => p.rule)).toContain('assignment.lawyer_inactive');
    const assigned = await act(before.id, 'assign', { lawyerId: lawyer.minorsSpecialist.id });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  });

  it('does not show a lawyer, on their own case, the other lawyers or the complaints against them, which they may not read', async () => {
    // Assignment is the admin's business: the lawyers register shows a lawyer only their own
    // record, and complaints are for admins and supervisors.
    const own = await caseIn('assigned', {}, { assign: { lawyerId: demoLawyerId } });
    await create('complaints', {
      complainantName: own.applicantName, channel: 'letter', receivedAt: TODAY, caseId: own.id,
      lawyerId: lawyer.standard.id, category: 'fees', description: '反映该律师曾私自收费', status: 'received',
    });
    const visibleLawyers = await call('lawyer', `/api/lawyers${listQuery({ range: [0, 999] })}`);
    expect(visibleLawyers.body.map((l: Row) => l.id)).toEqual([demoLawyerId]);
    expect((await call('lawyer', `/api/complaints${listQuery({ filter: { caseId: own.id } })}`)).status).toBe(403);

    const res = await call('lawyer', `/api/cases/${own.id}/eligible-lawyers`);
    if (res.status === 200) {
      const others = (res.body as Row[]).filter((l) => l.id !== demoLawyerId);
      expect.soft(others.map((l) => l.name), 'other lawyers shown to the lawyer').toEqual([]);
      expect.soft(JSON.stringify(res.body), 'complaints shown to the lawyer').not.toContain('投诉');
    } else {
      expect([403, 404]).toContain(res.status);
    }
  });

  it('does not show the eligible-lawyers list to the peer reviewer, nor to a lawyer for a case not theirs', async () => {
    const before = await caseIn('accepted');
    expect((await call('reviewer', `/api/cases/${before.id}/eligible-lawyers`)).status).toBe(404);
    expect((await call('lawyer', `/api/cases/${before.id}/eligible-lawyers`)).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------
