import { describe, expect, it } from 'vitest';
import {
  allowedActions, caseActions, planTransition, terminationGrounds,
  type Actor, type CaseActionName, type CaseStatus,
} from '../api/cases/lifecycle.js';
import { caseDeadline, checkAssignment, checkMeansTest, overdueCondition, type AssignmentContext } from '../api/cases/rules.js';
import { ageOn, elapsedSince, toIsoDate } from '../api/cases/periods.js';
import { defaultSettings } from '../api/settings/settings.js';
import { addDays } from '../api/calendar.js';

const admin: Actor = { role: 'admin' };
const now = new Date('2026-03-10T02:30:00.000Z');

const allStatuses: CaseStatus[] = [
  'applied', 'reviewing', 'accepted', 'rejected', 'assigned', 'in_progress', 'closing_submitted', 'closed', 'archived', 'terminated',
];

// Written out by hand from the brief, independently of the table in lifecycle.ts.
const expectedMoves: Record<CaseActionName, { from: CaseStatus[]; to: CaseStatus | null }> = {
  review: { from: ['applied'], to: 'reviewing' },
  accept: { from: ['reviewing'], to: 'accepted' },
  reject: { from: ['reviewing'], to: 'rejected' },
  assign: { from: ['accepted'], to: 'assigned' },
  start: { from: ['assigned'], to: 'in_progress' },
  'submit-closing': { from: ['in_progress'], to: 'closing_submitted' },
  'return-closing': { from: ['closing_submitted'], to: 'in_progress' },
  close: { from: ['closing_submitted'], to: 'closed' },
  archive: { from: ['closed'], to: 'archived' },
  terminate: { from: ['applied', 'reviewing', 'accepted', 'assigned', 'in_progress', 'closing_submitted'], to: 'terminated' },
  // Issue 15: a change of lawyer keeps the case where it is.
  'change-lawyer': { from: ['assigned', 'in_progress'], to: null },
};

const validPayloads: Record<CaseActionName, unknown> = {
  review: {},
  accept: {},
  reject: { reason: '不符合经济困难条件' },
  assign: { lawyerId: 7, assignmentMethod: 'assigned' },
  start: {},
  'submit-closing': {},
  'return-closing': { reason: '缺少会见笔录' },
  close: { outcome: '调解结案', amountRecovered: 48000 },
  archive: {},
  terminate: { reason: 'own_lawyer' },
  'change-lawyer': { lawyerId: 8, reason: 'lawyer_withdrawal' },
};

function caseIn(status: CaseStatus, extra: Record<string, unknown> = {}) {
  return { id: 1, status, lawyerId: 7, ...extra };
}

describe('the case state machine', () => {
  it('declares exactly the actions of the brief', () => {
    expect(Object.keys(caseActions).sort()).toEqual(Object.keys(expectedMoves).sort());
  });

  describe('every action from every state', () => {
    for (const action of Object.keys(expectedMoves) as CaseActionName[]) {
      for (const status of allStatuses) {
        const { from } = expectedMoves[action];
        const to = expectedMoves[action].to ?? status;
        if (from.includes(status)) {
          it(`lets an admin ${action} a case that is ${status}, moving it to ${to}`, () => {
            const plan = planTransition(caseIn(status), action, validPayloads[action], admin, now);
            expect(plan).toMatchObject({ ok: true, from: status, to, changes: { status: to } });
          });
        } else {
          it(`refuses to ${action} a case that is ${status} with 409`, () => {
            const plan = planTransition(caseIn(status), action, validPayloads[action], admin, now);
            expect(plan).toMatchObject({ ok: false, status: 409, rule: 'transition.wrong_state' });
          });
        }
      }
    }
  });

  it('names the current state and the action in Chinese when the state is wrong', () => {
    const plan = planTransition(caseIn('closed'), 'assign', validPayloads.assign, admin, now);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message.zh).toBe('案件当前状态为「结案」，不能执行「指派」');
  });

  it('stamps acceptedAt, assignedAt, closedAt and archivedAt with the given time', () => {
    const stamp = now.toISOString();
    const cases: Array<[CaseActionName, CaseStatus, string]> = [
      ['accept', 'reviewing', 'acceptedAt'], ['assign', 'accepted', 'assignedAt'],
      ['close', 'closing_submitted', 'closedAt'], ['archive', 'closed', 'archivedAt'],
    ];
    for (const [action, status, field] of cases) {
      const plan = planTransition(caseIn(status), action, validPayloads[action], admin, now);
      expect(plan.ok && plan.changes[field]).toBe(stamp);
    }
  });

  it('stamps nothing on actions without a timestamp field', () => {
    const plan = planTransition(caseIn('applied'), 'review', {}, admin, now);
    expect(plan.ok && plan.changes).toEqual({ status: 'reviewing' });
  });

  it('writes the lawyer and the assignment method on assignment, defaulting to 指派', () => {
    const chosen = planTransition(caseIn('accepted', { lawyerId: null }), 'assign', { lawyerId: '12', assignmentMethod: 'client_choice' }, admin, now);
    expect(chosen.ok && chosen.changes).toEqual({ status: 'assigned', lawyerId: 12, assignmentMethod: 'client_choice', assignedAt: now.toISOString() });
    const plain = planTransition(caseIn('accepted'), 'assign', { lawyerId: 12 }, admin, now);
    expect(plain.ok && plain.changes.assignmentMethod).toBe('assigned');
  });

  it('writes the outcome and the amount recovered on closing', () => {
    const plan = planTransition(caseIn('closing_submitted'), 'close', { outcome: ' 判决支持全部诉讼请求 ', amountRecovered: 12345.67 }, admin, now);
    expect(plan.ok && plan.changes).toEqual({ status: 'closed', closedAt: now.toISOString(), outcome: '判决支持全部诉讼请求', amountRecovered: 12345.67 });
  });

  it('closes without an amount recovered when none is given', () => {
    const plan = planTransition(caseIn('closing_submitted'), 'close', { outcome: '撤诉' }, admin, now);
    expect(plan.ok && plan.changes).toEqual({ status: 'closed', closedAt: now.toISOString(), outcome: '撤诉' });
  });

  it('returns the validated payload so that the route can audit reasons that have no column', () => {
    const plan = planTransition(caseIn('assigned'), 'terminate', { reason: 'fraud', note: '提供虚假收入证明' }, admin, now);
    expect(plan).toMatchObject({ ok: true, changes: { status: 'terminated' }, payload: { reason: 'fraud', note: '提供虚假收入证明' } });
  });

  it('refuses an unknown action with 422', () => {
    expect(planTransition(caseIn('applied'), 'approve', {}, admin, now)).toMatchObject({ ok: false, status: 422, rule: 'transition.unknown_action' });
  });

  it('refuses to act on a case whose status is unknown with 409', () => {
    expect(planTransition({ id: 1, status: null }, 'review', {}, admin, now)).toMatchObject({ ok: false, status: 409 });
  });
});

describe('who may act on a case', () => {
  const ownLawyer: Actor = { role: 'lawyer', lawyerId: 7 };
  const otherLawyer: Actor = { role: 'lawyer', lawyerId: 8 };

  it('lets the case\'s own lawyer submit it for closing', () => {
    expect(planTransition(caseIn('in_progress'), 'submit-closing', {}, ownLawyer, now)).toMatchObject({ ok: true, to: 'closing_submitted' });
  });

  it('matches the lawyer by id even when one side is a string', () => {
    expect(planTransition(caseIn('in_progress', { lawyerId: '7' }), 'submit-closing', {}, ownLawyer, now).ok).toBe(true);
  });

  it('refuses with 403 when a lawyer submits another lawyer\'s case for closing', () => {
    const plan = planTransition(caseIn('in_progress'), 'submit-closing', {}, otherLawyer, now);
    expect(plan).toMatchObject({ ok: false, status: 403, rule: 'transition.forbidden' });
    if (!plan.ok) expect(plan.message.zh).toBe('只有中心管理员或本案承办律师可以执行「提交结案」');
  });

  it('refuses with 403 when a lawyer without a lawyer record submits a case with no lawyer', () => {
    expect(planTransition(caseIn('in_progress', { lawyerId: null }), 'submit-closing', {}, { role: 'lawyer' }, now)).toMatchObject({ status: 403 });
  });

  it('lets the case\'s own lawyer start work, but not another lawyer', () => {
    expect(planTransition(caseIn('assigned'), 'start', {}, ownLawyer, now).ok).toBe(true);
    expect(planTransition(caseIn('assigned'), 'start', {}, otherLawyer, now)).toMatchObject({ status: 403 });
  });

  it('refuses with 403 every admin-only action to the case\'s own lawyer, whatever the state', () => {
    const adminOnly = (Object.keys(expectedMoves) as CaseActionName[]).filter((a) => a !== 'start' && a !== 'submit-closing');
    for (const action of adminOnly) {
      for (const status of expectedMoves[action].from) {
        expect(planTransition(caseIn(status), action, validPayloads[action], ownLawyer, now)).toMatchObject({ ok: false, status: 403 });
      }
    }
  });

  it('refuses with 403 a quality supervisor who tries to close a case', () => {
    expect(planTransition(caseIn('closing_submitted'), 'close', validPayloads.close, { role: 'supervisor' }, now)).toMatchObject({ status: 403 });
  });

  it('lists for an admin the buttons of the case\'s state', () => {
    expect(allowedActions(caseIn('reviewing'), admin)).toEqual(['accept', 'reject', 'terminate']);
    expect(allowedActions(caseIn('closing_submitted'), admin)).toEqual(['return-closing', 'close', 'terminate']);
    expect(allowedActions(caseIn('archived'), admin)).toEqual([]);
  });

  it('lists for a lawyer only what they may do on their own case', () => {
    expect(allowedActions(caseIn('in_progress'), ownLawyer)).toEqual(['submit-closing']);
    expect(allowedActions(caseIn('assigned'), ownLawyer)).toEqual(['start']);
    expect(allowedActions(caseIn('in_progress'), otherLawyer)).toEqual([]);
  });

  it('agrees with planTransition for every state, action and actor', () => {
    for (const actor of [admin, ownLawyer, otherLawyer, { role: 'supervisor' }]) {
      for (const status of allStatuses) {
        const listed = allowedActions(caseIn(status), actor);
        for (const action of Object.keys(expectedMoves) as CaseActionName[]) {
          expect(planTransition(caseIn(status), action, validPayloads[action], actor, now).ok).toBe(listed.includes(action));
        }
      }
    }
  });
});

describe('action payloads', () => {
  it('refuses to reject without a reason with 422 and errors.reason', () => {
    const plan = planTransition(caseIn('reviewing'), 'reject', {}, admin, now);
    expect(plan).toMatchObject({ ok: false, status: 422, rule: 'transition.invalid_payload' });
    if (!plan.ok) expect(plan.errors?.reason).toBe('请填写不予受理的理由');
  });

  it('refuses to reject with a reason of blanks', () => {
    expect(planTransition(caseIn('reviewing'), 'reject', { reason: '   ' }, admin, now)).toMatchObject({ status: 422, errors: { reason: expect.any(String) } });
  });

  it('refuses a missing payload where one is required', () => {
    expect(planTransition(caseIn('reviewing'), 'reject', undefined, admin, now)).toMatchObject({ status: 422, errors: { reason: expect.any(String) } });
  });

  it('refuses to terminate on a ground that is not in art. 48', () => {
    const plan = planTransition(caseIn('in_progress'), 'terminate', { reason: 'bored' }, admin, now);
    expect(plan).toMatchObject({ ok: false, status: 422, errors: { reason: expect.stringContaining('第四十八条') } });
  });

  it('accepts every art. 48 ground for termination', () => {
    expect(Object.keys(terminationGrounds)).toEqual([
      'fraud', 'concealment', 'illegal_use', 'finances_improved', 'proceedings_ended', 'own_lawyer', 'client_request', 'other_statutory',
    ]);
    for (const reason of Object.keys(terminationGrounds)) {
      expect(planTransition(caseIn('applied'), 'terminate', { reason }, admin, now).ok).toBe(true);
    }
  });

  it('refuses to assign without a lawyer or with an unknown assignment method', () => {
    const plan = planTransition(caseIn('accepted'), 'assign', { assignmentMethod: 'lottery' }, admin, now);
    expect(plan).toMatchObject({ status: 422, errors: { lawyerId: '请选择承办律师', assignmentMethod: expect.any(String) } });
  });

  it('refuses to close without an outcome or with a negative amount recovered', () => {
    const plan = planTransition(caseIn('closing_submitted'), 'close', { amountRecovered: -1 }, admin, now);
    expect(plan).toMatchObject({ status: 422, errors: { outcome: '请填写办案结果', amountRecovered: '挽回损失或取得利益不能为负数' } });
  });

  it('refuses an amount recovered finer than one fen', () => {
    expect(planTransition(caseIn('closing_submitted'), 'close', { outcome: '胜诉', amountRecovered: 1.005 }, admin, now)).toMatchObject({ status: 422 });
    expect(planTransition(caseIn('closing_submitted'), 'close', { outcome: '胜诉', amountRecovered: 0 }, admin, now).ok).toBe(true);
  });

  it('refuses to return a closing submission without a reason', () => {
    expect(planTransition(caseIn('closing_submitted'), 'return-closing', {}, admin, now)).toMatchObject({ status: 422, errors: { reason: '请填写退回的理由' } });
  });

  it('checks the state before the payload', () => {
    expect(planTransition(caseIn('applied'), 'reject', {}, admin, now)).toMatchObject({ status: 409 });
  });
});

describe('the means test', () => {
  const settings = { ...defaultSettings, minimumLivingStandard: 900, hardshipFactor: 2 };
  const application = { status: 'reviewing', channel: 'window', applicationDate: '2026-03-02' };

  it('needs no means test for a case the court, procuratorate or police notified', () => {
    expect(checkMeansTest({ ...application, channel: 'notified', householdMonthlyIncome: 99999 }, settings)).toEqual({ ok: true, basis: 'notified' });
  });

  it('refuses income exactly at the threshold, stating the threshold', () => {
    const result = checkMeansTest({ ...application, householdMonthlyIncome: 1800 }, settings);
    expect(result).toMatchObject({ ok: false, rule: 'means_test.income_not_below_threshold' });
    if (!result.ok) expect(result.message.zh).toBe('家庭人均月收入 1800 元，不低于经济困难标准 1800 元（当地最低生活保障标准 900 元 × 2），且无免予审查事由');
  });

  it('accepts income one fen below the threshold', () => {
    expect(checkMeansTest({ ...application, householdMonthlyIncome: 1799.99 }, settings)).toEqual({ ok: true, basis: 'income' });
  });

  it('reads income stored as text (a PostgreSQL numeric)', () => {
    expect(checkMeansTest({ ...application, householdMonthlyIncome: '1799.99' }, settings).ok).toBe(true);
    expect(checkMeansTest({ ...application, householdMonthlyIncome: '1800.00' }, settings).ok).toBe(false);
  });

  it('states the income above the threshold', () => {
    const result = checkMeansTest({ ...application, householdMonthlyIncome: 2000 }, settings);
    expect(!result.ok && result.message.zh).toBe('家庭人均月收入 2000 元，不低于经济困难标准 1800 元（当地最低生活保障标准 900 元 × 2），且无免予审查事由');
  });

  it('uses the deployment\'s own standard and factor', () => {
    const local = { minimumLivingStandard: 1020.5, hardshipFactor: 1.5 };
    expect(checkMeansTest({ ...application, householdMonthlyIncome: 1530.74 }, local).ok).toBe(true);
    const result = checkMeansTest({ ...application, householdMonthlyIncome: 1530.75 }, local);
    expect(!result.ok && result.message.zh).toContain('经济困难标准 1530.75 元（当地最低生活保障标准 1020.50 元 × 1.5）');
  });

  it('asks for the income when it is missing and there is no exemption', () => {
    for (const income of [null, undefined, '']) {
      const result = checkMeansTest({ ...application, householdMonthlyIncome: income }, settings);
      expect(result).toMatchObject({ ok: false, rule: 'means_test.income_missing' });
      if (!result.ok) expect(result.message.zh).toContain('请填写家庭人均月收入');
    }
  });

  it('accepts an income of zero', () => {
    expect(checkMeansTest({ ...application, householdMonthlyIncome: 0 }, settings).ok).toBe(true);
  });

  describe('exemptions (art. 32 and 42)', () => {
    const rich = { ...application, householdMonthlyIncome: 50000 };
    it('passes each exemption whose group the case shows, whatever the income', () => {
      const shown: Record<string, Record<string, unknown>> = {
        minor: { applicantGroups: ['minor'] },
        elderly_no_income: { applicantGroups: ['elderly'] },
        disabled_no_income: { applicantGroups: ['disabled'] },
        social_assistance: {},
        migrant_wages: { applicantGroups: ['migrant_worker'] },
        domestic_violence: {},
        martyr_relative: {},
        good_samaritan: {},
      };
      for (const [exemptionReason, extra] of Object.entries(shown)) {
        expect(checkMeansTest({ ...rich, exemptionReason, ...extra }, settings), exemptionReason).toEqual({ ok: true, basis: 'exempt' });
      }
    });

    it('refuses the minor exemption for an applicant who was 18 on the application date', () => {
      const result = checkMeansTest({ ...rich, exemptionReason: 'minor', applicantBirthDate: '2008-03-01', applicationDate: '2026-03-02' }, settings);
      expect(result).toMatchObject({ ok: false, rule: 'means_test.exemption_not_shown' });
      if (!result.ok) expect(result.message.zh).toBe('免予经济困难审查事由为「未成年人」，但申请人于申请日期 2026-03-02 已满 18 周岁（出生日期 2008-03-01，18 周岁）');
    });

    it('grants the minor exemption to an applicant applying on the 18th birthday (周岁 counts from the next day)', () => {
      expect(checkMeansTest({ ...rich, exemptionReason: 'minor', applicantBirthDate: '2008-03-02', applicationDate: '2026-03-02' }, settings).ok).toBe(true);
    });

    it('trusts the birth date over a contradicting minor tag', () => {
      expect(checkMeansTest({ ...rich, exemptionReason: 'minor', applicantGroups: ['minor'], applicantBirthDate: '1990-01-01' }, settings).ok).toBe(false);
    });

    it('refuses the minor exemption when the case shows neither a birth date nor the minor group', () => {
      const result = checkMeansTest({ ...rich, exemptionReason: 'minor', applicantGroups: ['woman'] }, settings);
      expect(!result.ok && result.message.zh).toContain('请填写申请人出生日期，或在特殊群体中选择「未成年人」');
    });

    it('refuses the elderly exemption for an applicant under 60 on the application date', () => {
      const result = checkMeansTest({ ...rich, exemptionReason: 'elderly_no_income', applicantBirthDate: '1970-05-01' }, settings);
      expect(!result.ok && result.message.zh).toContain('未满 60 周岁');
      expect(checkMeansTest({ ...rich, exemptionReason: 'elderly_no_income', applicantBirthDate: '1966-03-01' }, settings).ok).toBe(true);
    });

    it('refuses the migrant-worker exemption when the applicant is not recorded as a migrant worker', () => {
      expect(checkMeansTest({ ...rich, exemptionReason: 'migrant_wages', applicantGroups: [] }, settings)).toMatchObject({ ok: false, rule: 'means_test.exemption_not_shown' });
    });

    it('reads tags stored as JSON text', () => {
      expect(checkMeansTest({ ...rich, exemptionReason: 'disabled_no_income', applicantGroups: '["disabled","woman"]' }, settings).ok).toBe(true);
    });

    it('refuses an exemption reason the law does not provide', () => {
      expect(checkMeansTest({ ...rich, exemptionReason: 'friend_of_director' }, settings)).toMatchObject({ ok: false, rule: 'means_test.unknown_exemption' });
    });
  });
});

describe('assignment eligibility', () => {
  const firm = { id: 3, name: '明德律师事务所', isContracted: true, contractStart: '2026-01-01', contractEnd: '2026-12-31' };
  const lawyer = {
    id: 7, name: '王律师', active: true, lawFirmId: 3, practiceStartDate: '2023-11-22', specialties: ['criminal'],
  };
  const deathCase = { id: 1, status: 'accepted', caseType: 'criminal', criminalRole: 'defendant', maxPenalty: 'death', applicantBirthDate: '1980-01-01' };
  const civilCase = { id: 2, status: 'accepted', caseType: 'civil', applicantBirthDate: '1980-01-01' };
  const context = (over: Partial<AssignmentContext>): AssignmentContext => ({
    caseRow: civilCase, lawyer, firm, openComplaintLawyerIds: [], on: '2026-06-01', ...over,
  });
  const rules = (over: Partial<AssignmentContext>) => checkAssignment(context(over)).map((p) => p.rule);

  it('finds nothing wrong with an active lawyer of a contracted firm on a civil case', () => {
    expect(checkAssignment(context({}))).toEqual([]);
  });

  it('refuses to assign a lawyer with 2 years 364 days of practice to a death-penalty case', () => {
    const problems = checkAssignment(context({ caseRow: deathCase, on: '2026-11-21' }));
    expect(problems).toEqual([{
      rule: 'assignment.practice_years',
      message: {
        zh: '可能判处无期徒刑、死刑的案件，应指派具有三年以上执业经历的律师（该律师执业 2 年 364 天）',
        en: 'A case that may end in life imprisonment or death needs a lawyer with at least 3 years of practice (the lawyer has practised 2 years 364 days)',
      },
    }]);
  });

  it('assigns a lawyer with exactly 3 years of practice to a death-penalty case', () => {
    expect(checkAssignment(context({ caseRow: deathCase, on: '2026-11-22' }))).toEqual([]);
  });

  it('applies the same rule to a case that may end in life imprisonment', () => {
    expect(rules({ caseRow: { ...deathCase, maxPenalty: 'life' }, on: '2026-11-21' })).toEqual(['assignment.practice_years']);
  });

  it('does not ask for 3 years of practice on a case without life or death at stake', () => {
    expect(rules({ caseRow: { ...deathCase, maxPenalty: null }, lawyer: { ...lawyer, practiceStartDate: '2026-05-01' } })).toEqual([]);
  });

  it('counts a missing practice start date as unproven experience', () => {
    const problems = checkAssignment(context({ caseRow: deathCase, lawyer: { ...lawyer, practiceStartDate: null } }));
    expect(problems.map((p) => p.rule)).toEqual(['assignment.practice_years']);
    expect(problems[0].message.zh).toContain('未登记该律师的执业起始日期');
  });

  it('counts practice begun on 29 February as 3 years on 1 March of the third common year, not before', () => {
    const leapLawyer = { ...lawyer, practiceStartDate: '2024-02-29' };
    const firm2027 = { ...firm, contractStart: null, contractEnd: null };
    expect(rules({ caseRow: deathCase, lawyer: leapLawyer, firm: firm2027, on: '2027-02-28' })).toEqual(['assignment.practice_years']);
    expect(checkAssignment(context({ caseRow: deathCase, lawyer: leapLawyer, firm: firm2027, on: '2027-02-28' }))[0].message.zh).toContain('执业 2 年 364 天');
    expect(rules({ caseRow: deathCase, lawyer: leapLawyer, firm: firm2027, on: '2027-03-01' })).toEqual([]);
  });

  it('refuses a minor\'s case to a lawyer without the minors specialty', () => {
    const minorCase = { ...civilCase, applicantGroups: ['minor'] };
    const problems = checkAssignment(context({ caseRow: minorCase }));
    expect(problems.map((p) => p.rule)).toEqual(['assignment.minors_specialty']);
    expect(problems[0].message.zh).toBe('未成年人案件应指派熟悉未成年人身心特点的律师（律师 王律师 的专长不包括「未成年人」）');
    expect(rules({ caseRow: minorCase, lawyer: { ...lawyer, specialties: ['criminal', 'minors'] } })).toEqual([]);
  });

  it('recognises a minor by birth date on the assignment date, the 18th birthday included', () => {
    const teen = { ...civilCase, applicantBirthDate: '2008-06-01', applicantGroups: [] };
    expect(rules({ caseRow: teen, on: '2026-06-01' })).toEqual(['assignment.minors_specialty']);
    expect(rules({ caseRow: teen, on: '2026-06-02' })).toEqual([]);
  });

  it('refuses an inactive lawyer', () => {
    expect(rules({ lawyer: { ...lawyer, active: false } })).toEqual(['assignment.lawyer_inactive']);
    expect(rules({ lawyer: { ...lawyer, active: 0 } })).toEqual(['assignment.lawyer_inactive']);
  });

  it('refuses a lawyer of a firm that is not contracted', () => {
    const problems = checkAssignment(context({ firm: { ...firm, isContracted: false } }));
    expect(problems.map((p) => p.rule)).toEqual(['assignment.firm_not_contracted']);
    expect(problems[0].message.zh).toBe('律师所在的「明德律师事务所」未纳入政府购买法律援助服务承接主体范围');
    expect(rules({ firm: { ...firm, isContracted: 0 } })).toEqual(['assignment.firm_not_contracted']);
  });

  it('refuses a lawyer whose firm cannot be found', () => {
    expect(rules({ firm: null })).toEqual(['assignment.firm_not_contracted']);
  });

  it('accepts a lawyer without a firm (a legal aid or public lawyer)', () => {
    expect(rules({ lawyer: { ...lawyer, lawFirmId: null, lawyerType: 'legal_aid' }, firm: null })).toEqual([]);
  });

  it('refuses a lawyer whose firm\'s contract expired before the assignment date, but not on its last day', () => {
    expect(rules({ on: '2026-12-31' })).toEqual([]);
    const problems = checkAssignment(context({ on: '2027-01-01' }));
    expect(problems.map((p) => p.rule)).toEqual(['assignment.firm_contract_period']);
    expect(problems[0].message.zh).toBe('「明德律师事务所」的法律援助服务合同已于 2026-12-31 到期，指派日期 2027-01-01 不在合同期内');
  });

  it('refuses a lawyer whose firm\'s contract has not started yet, but not on its first day', () => {
    expect(rules({ on: '2025-12-31' })).toEqual(['assignment.firm_contract_period']);
    expect(rules({ on: '2026-01-01' })).toEqual([]);
  });

  it('refuses a lawyer who is the subject of an open complaint on the case', () => {
    const problems = checkAssignment(context({ openComplaintLawyerIds: [9, 7] }));
    expect(problems.map((p) => p.rule)).toEqual(['assignment.open_complaint']);
    expect(rules({ openComplaintLawyerIds: [9] })).toEqual([]);
  });

  it('reports every rule broken at once', () => {
    expect(rules({
      caseRow: { ...deathCase, applicantGroups: ['minor'] },
      lawyer: { ...lawyer, active: false, practiceStartDate: '2025-01-01' },
      firm: { ...firm, isContracted: false },
      openComplaintLawyerIds: [7],
    })).toEqual([
      'assignment.lawyer_inactive', 'assignment.firm_not_contracted', 'assignment.practice_years',
      'assignment.minors_specialty', 'assignment.open_complaint',
    ]);
  });

  it('holds a lawyer of the client\'s choice (点援) to the same rules: planTransition validates the method, the rules do not depend on it', () => {
    const plan = planTransition(caseIn('accepted'), 'assign', { lawyerId: 7, assignmentMethod: 'client_choice' }, admin, now);
    expect(plan.ok).toBe(true);
    expect(rules({ caseRow: { ...deathCase, assignmentMethod: 'client_choice' }, on: '2026-11-21' })).toEqual(['assignment.practice_years']);
  });
});

describe('deadlines (art. 43)', () => {
  const settings = { ...defaultSettings, reviewDays: 7, assignDays: 3 };

  it('gives 3 days to assign across the end of January', () => {
    const deadline = caseDeadline({ status: 'accepted', acceptedAt: '2026-01-29T03:00:00.000Z' }, settings, '2026-01-30');
    expect(deadline).toEqual({ kind: 'assign', due: '2026-02-01', overdue: false, daysLeft: 2 });
  });

  it('gives 7 days to decide across 29 February of a leap year', () => {
    expect(caseDeadline({ status: 'applied', applicationDate: '2028-02-27' }, settings, '2028-03-05'))
      .toEqual({ kind: 'review', due: '2028-03-05', overdue: false, daysLeft: 0 });
    expect(caseDeadline({ status: 'reviewing', applicationDate: '2028-02-27' }, settings, '2028-03-06'))
      .toEqual({ kind: 'review', due: '2028-03-05', overdue: true, daysLeft: -1 });
  });

  it('gives 7 days to decide across the end of the year', () => {
    expect(caseDeadline({ status: 'applied', applicationDate: '2026-12-30' }, settings, '2026-12-31'))
      .toEqual({ kind: 'review', due: '2027-01-06', overdue: false, daysLeft: 6 });
  });

  it('reads dates that PostgreSQL returns as Date objects', () => {
    const deadline = caseDeadline({ status: 'accepted', acceptedAt: new Date('2026-01-29T03:00:00.000Z') }, settings, '2026-02-02');
    expect(deadline).toEqual({ kind: 'assign', due: '2026-02-01', overdue: true, daysLeft: -1 });
  });

  it('runs no deadline once a lawyer is assigned, or after a decision to reject', () => {
    for (const status of ['assigned', 'in_progress', 'closing_submitted', 'closed', 'archived', 'rejected', 'terminated']) {
      expect(caseDeadline({ status, applicationDate: '2020-01-01', acceptedAt: '2020-01-02' }, settings, '2026-01-01'))
        .toEqual({ kind: null, due: null, overdue: false, daysLeft: null });
    }
  });

  it('has no due date for an accepted case without an acceptance time', () => {
    expect(caseDeadline({ status: 'accepted', acceptedAt: null }, settings, '2026-01-01')).toEqual({ kind: 'assign', due: null, overdue: false, daysLeft: null });
  });

  it('follows the configured numbers of days', () => {
    expect(caseDeadline({ status: 'applied', applicationDate: '2026-03-01' }, { reviewDays: 5, assignDays: 2 }, '2026-03-01').due).toBe('2026-03-06');
  });

  it('gives the cutoff dates for the overdue filter', () => {
    expect(overdueCondition(settings, '2026-03-02')).toEqual({ reviewDueBefore: '2026-02-23', assignDueBefore: '2026-02-27' });
    expect(overdueCondition(settings, '2028-03-05')).toEqual({ reviewDueBefore: '2028-02-27', assignDueBefore: '2028-03-02' });
  });

  it('marks as overdue by the filter exactly the cases caseDeadline marks overdue', () => {
    const today = '2026-03-02';
    const { reviewDueBefore, assignDueBefore } = overdueCondition(settings, today);
    for (let offset = -15; offset <= 2; offset++) {
      const day = addDays(today, offset);
      const applied = { status: 'applied', applicationDate: day };
      expect(day < reviewDueBefore, `applied ${day}`).toBe(caseDeadline(applied, settings, today).overdue);
      const acceptedAt = `${day}T15:59:59.000Z`;
      const accepted = { status: 'accepted', acceptedAt };
      // the SQL compares the stored ISO text (or timestamp) with the cutoff day
      expect(acceptedAt < assignDueBefore, `accepted ${acceptedAt}`).toBe(caseDeadline(accepted, settings, today).overdue);
    }
  });
});

describe('calendar years for ages and practice', () => {
  it('counts 2 years 364 days from 2023-11-22 to 2026-11-21 and 3 years on 2026-11-22', () => {
    expect(elapsedSince('2023-11-22', '2026-11-21')).toEqual({ years: 2, days: 364 });
    expect(elapsedSince('2023-11-22', '2026-11-22')).toEqual({ years: 3, days: 0 });
    expect(elapsedSince('2023-11-22', '2023-11-21')).toBeNull();
  });

  it('makes a person born on 29 February 18 on 1 March of a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
  });

  it('reads the day of ISO text, of a DATE at local midnight and of a timestamp', () => {
    expect(toIsoDate('2026-03-02')).toBe('2026-03-02');
    expect(toIsoDate('2026-03-02T23:59:00.000Z')).toBe('2026-03-02');
    expect(toIsoDate(new Date(2026, 2, 2))).toBe('2026-03-02');
    expect(toIsoDate(null)).toBeNull();
  });
});
