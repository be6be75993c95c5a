// The case rules as pure functions (no database): assignment eligibility.
// (Shared fixtures: test/support/case-rules.ts; through the API: test/case-lifecycle/.)
import { describe, expect, it } from 'vitest';
import { planTransition } from '../../api/cases/lifecycle.js';
import { checkAssignment, type AssignmentContext } from '../../api/cases/rules.js';
import { admin, caseIn, now } from '../support/case-rules.js';

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
    expect(rules({ lawyer: { ...lawyer, active: false } })).toEqual(['assignment.lawyer_inactive']);
  });

  it('refuses a lawyer of a firm that is not contracted', () => {
    const problems = checkAssignment(context({ firm: { ...firm, isContracted: false } }));
    expect(problems.map((p) => p.rule)).toEqual(['assignment.firm_not_contracted']);
    expect(problems[0].message.zh).toBe('律师所在的「明德律师事务所」未纳入政府购买法律援助服务承接主体范围');
    expect(rules({ firm: { ...firm, isContracted: false } })).toEqual(['assignment.firm_not_contracted']);
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
