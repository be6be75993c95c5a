// Who may be assigned to a case (Legal Aid Law art. 26; seed 001 item 6). The same rules
// hold for an assignment by the centre (指派) and a lawyer of the client's choice (点援).
import type { Label, Row } from '../resources/define.js';
import { specialties } from '../resources/options.js';
import { ADULT_AGE, ageOn, elapsedSince, toIsoDate } from './periods.js';

export interface RuleProblem {
  rule: string;
  message: Label;
}

export interface AssignmentContext {
  caseRow: Row;
  lawyer: Row;
  /** The lawyer's law firm, or null when the lawyer has none (or it could not be found). */
  firm: Row | null;
  /** Lawyers complained of in complaints on this case that are not yet concluded. */
  openComplaintLawyerIds: Array<number | string>;
  /** Assignment date, YYYY-MM-DD. */
  on: string;
}

/** Years of practice a lawyer needs for a case that may end in life imprisonment or death. */
export const SERIOUS_CASE_PRACTICE_YEARS = 3;

function lawyerName(lawyer: Row): string {
  return String(lawyer.name ?? `#${String(lawyer.id)}`);
}

function isMinorCase(caseRow: Row, on: string): boolean {
  if (((caseRow.applicantGroups as string[] | null) ?? []).includes('minor')) return true;
  const birthDate = toIsoDate(caseRow.applicantBirthDate);
  return birthDate !== null && ageOn(birthDate, on) < ADULT_AGE;
}

function firmProblems(lawyer: Row, firm: Row | null, on: string): RuleProblem[] {
  if (lawyer.lawFirmId == null || lawyer.lawFirmId === '') return [];
  if (!firm) {
    return [{
      rule: 'assignment.firm_not_contracted',
      message: {
        zh: `未找到律师 ${lawyerName(lawyer)} 所属的律师事务所，无法确认其为政府购买法律援助服务承接主体`,
        en: `The law firm of ${lawyerName(lawyer)} was not found, so it cannot be shown to be contracted for legal aid`,
      },
    }];
  }
  const firmName = String(firm.name ?? `#${String(firm.id)}`);
  if (firm.isContracted !== true) {
    return [{
      rule: 'assignment.firm_not_contracted',
      message: {
        zh: `律师所在的「${firmName}」未纳入政府购买法律援助服务承接主体范围`,
        en: `${firmName} is not contracted to provide government-funded legal aid`,
      },
    }];
  }
  const start = toIsoDate(firm.contractStart);
  const end = toIsoDate(firm.contractEnd);
  if (start && on < start) {
    return [{
      rule: 'assignment.firm_contract_period',
      message: {
        zh: `「${firmName}」的法律援助服务合同自 ${start} 起生效，指派日期 ${on} 不在合同期内`,
        en: `The legal aid contract of ${firmName} starts on ${start}; the assignment date ${on} is outside it`,
      },
    }];
  }
  if (end && on > end) {
    return [{
      rule: 'assignment.firm_contract_period',
      message: {
        zh: `「${firmName}」的法律援助服务合同已于 ${end} 到期，指派日期 ${on} 不在合同期内`,
        en: `The legal aid contract of ${firmName} ended on ${end}; the assignment date ${on} is outside it`,
      },
    }];
  }
  return [];
}

function experienceProblem(lawyer: Row, on: string): RuleProblem | null {
  const practiceStart = toIsoDate(lawyer.practiceStartDate);
  const practised = practiceStart ? elapsedSince(practiceStart, on) : null;
  if (practised && practised.years >= SERIOUS_CASE_PRACTICE_YEARS) return null;
  const detail: Label = !practiceStart
    ? { zh: '未登记该律师的执业起始日期', en: "the lawyer's practice start date is not recorded" }
    : !practised
      ? { zh: `该律师执业起始日期 ${practiceStart} 晚于指派日期`, en: `the lawyer's practice starts on ${practiceStart}, after the assignment date` }
      : {
          zh: `该律师执业 ${practised.years} 年 ${practised.days} 天`,
          en: `the lawyer has practised ${practised.years} year${practised.years === 1 ? '' : 's'} ${practised.days} day${practised.days === 1 ? '' : 's'}`,
        };
  return {
    rule: 'assignment.practice_years',
    message: {
      zh: `可能判处无期徒刑、死刑的案件，应指派具有三年以上执业经历的律师（${detail.zh}）`,
      en: `A case that may end in life imprisonment or death needs a lawyer with at least 3 years of practice (${detail.en})`,
    },
  };
}

/** Every rule the lawyer would break by being assigned to the case on the given date; empty when eligible. */
export function checkAssignment({ caseRow, lawyer, firm, openComplaintLawyerIds, on }: AssignmentContext): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const name = lawyerName(lawyer);

  // `active` defaults to true in the lawyers register: only an explicit "no" makes a lawyer inactive.
  if (lawyer.active === false) {
    problems.push({
      rule: 'assignment.lawyer_inactive',
      message: { zh: `律师 ${name} 目前不在岗，不能指派`, en: `${name} is not active and cannot be assigned` },
    });
  }

  problems.push(...firmProblems(lawyer, firm, on));

  if (caseRow.maxPenalty === 'life' || caseRow.maxPenalty === 'death') {
    const problem = experienceProblem(lawyer, on);
    if (problem) problems.push(problem);
  }

  if (isMinorCase(caseRow, on) && !((lawyer.specialties as string[] | null) ?? []).includes('minors')) {
    problems.push({
      rule: 'assignment.minors_specialty',
      message: {
        zh: `未成年人案件应指派熟悉未成年人身心特点的律师（律师 ${name} 的专长不包括「${specialties.minors.zh}」）`,
        en: `A minor's case needs a lawyer with the specialty "${specialties.minors.en}" (${name} does not have it)`,
      },
    });
  }

  if (openComplaintLawyerIds.some((id) => Number(id) === Number(lawyer.id))) {
    problems.push({
      rule: 'assignment.open_complaint',
      message: {
        zh: `律师 ${name} 是本案尚未办结的投诉的被投诉人，不能指派其承办本案`,
        en: `${name} is the subject of an open complaint on this case and cannot be assigned to it`,
      },
    });
  }

  return problems;
}
