// Economic hardship (Legal Aid Law art. 34), its exemptions (art. 32 and 42) and the
// notified cases that need no means test at all (art. 25 and 28).
import type { Label, Row } from '../resources/define.js';
import cases, { exemptionReasons } from '../resources/cases.js';
import type { Settings } from '../settings/settings.js';
import { ADULT_AGE, ELDERLY_AGE, ageOn, toIsoDate } from './periods.js';

export type ExemptionReason = keyof typeof exemptionReasons;

export type MeansTestResult =
  | { ok: true; basis: 'notified' | 'exempt' | 'income' }
  | { ok: false; rule: string; message: Label };

export type MeansTestSettings = Pick<Settings, 'minimumLivingStandard' | 'hardshipFactor'>;

/** Yuan to whole fen, so that money is compared without floating-point error. */
function fen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** 1800 → "1800", 1799.9 → "1799.90". */
export function formatYuan(yuan: number): string {
  const cents = fen(yuan);
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** The hardship threshold in yuan per head per month: minimum living standard × factor. */
export function hardshipThreshold(settings: MeansTestSettings): number {
  return fen(Number(settings.minimumLivingStandard) * Number(settings.hardshipFactor)) / 100;
}

/**
 * What the record must show for an exemption that the case's own data can confirm:
 * an age bound checked against the birth date when there is one, otherwise a group tag.
 */
const exemptionEvidence: Partial<Record<ExemptionReason, { group: string; age?: { atLeast?: number; under?: number } }>> = {
  minor: { group: 'minor', age: { under: ADULT_AGE } },
  elderly_no_income: { group: 'elderly', age: { atLeast: ELDERLY_AGE } },
  disabled_no_income: { group: 'disabled' },
  migrant_wages: { group: 'migrant_worker' },
};

const groupsField = cases.fields.applicantGroups;
const groupLabels: Record<string, Label> = groupsField.type === 'tags' ? groupsField.options : {};

function exemptionProblem(caseRow: Row, reason: ExemptionReason): Label | null {
  const evidence = exemptionEvidence[reason];
  if (!evidence) return null;
  const exemption = exemptionReasons[reason];
  const birthDate = toIsoDate(caseRow.applicantBirthDate);
  const applicationDate = toIsoDate(caseRow.applicationDate);

  if (evidence.age && birthDate && applicationDate) {
    const age = ageOn(birthDate, applicationDate);
    const { atLeast, under } = evidence.age;
    if (under !== undefined && age >= under) {
      return {
        zh: `免予经济困难审查事由为「${exemption.zh}」，但申请人于申请日期 ${applicationDate} 已满 ${under} 周岁（出生日期 ${birthDate}，${age} 周岁）`,
        en: `The means-test exemption is "${exemption.en}", but the applicant (born ${birthDate}) was ${age} on the application date ${applicationDate}`,
      };
    }
    if (atLeast !== undefined && age < atLeast) {
      return {
        zh: `免予经济困难审查事由为「${exemption.zh}」，但申请人于申请日期 ${applicationDate} 未满 ${atLeast} 周岁（出生日期 ${birthDate}，${age} 周岁）`,
        en: `The means-test exemption is "${exemption.en}", but the applicant (born ${birthDate}) was ${age}, under ${atLeast}, on the application date ${applicationDate}`,
      };
    }
    return null;
  }

  if (((caseRow.applicantGroups as string[] | null) ?? []).includes(evidence.group)) return null;
  const group = groupLabels[evidence.group] ?? { zh: evidence.group, en: evidence.group };
  return evidence.age
    ? {
        zh: `免予经济困难审查事由为「${exemption.zh}」，但案件未记载申请人属于${group.zh}：请填写申请人出生日期，或在特殊群体中选择「${group.zh}」`,
        en: `The means-test exemption is "${exemption.en}", but the case does not show the applicant as ${group.en.toLowerCase()}: record the date of birth or tick the group "${group.en}"`,
      }
    : {
        zh: `免予经济困难审查事由为「${exemption.zh}」，但案件未记载申请人属于${group.zh}：请在特殊群体中选择「${group.zh}」`,
        en: `The means-test exemption is "${exemption.en}", but the case does not show the applicant as ${group.en.toLowerCase()}: tick the group "${group.en}"`,
      };
}

/**
 * Whether the applicant qualifies economically. Notified cases need no means test;
 * otherwise a recorded exemption (checked against the case's data where it can be)
 * or a household income per head strictly below the hardship threshold.
 */
export function checkMeansTest(caseRow: Row, settings: MeansTestSettings): MeansTestResult {
  if (caseRow.channel === 'notified') return { ok: true, basis: 'notified' };

  const reason = caseRow.exemptionReason;
  if (reason != null && reason !== '') {
    if (!Object.hasOwn(exemptionReasons, String(reason))) {
      return {
        ok: false, rule: 'means_test.unknown_exemption',
        message: { zh: `免予经济困难审查事由「${String(reason)}」不在法定事由之列`, en: `"${String(reason)}" is not a means-test exemption the law provides` },
      };
    }
    const problem = exemptionProblem(caseRow, reason as ExemptionReason);
    if (problem) return { ok: false, rule: 'means_test.exemption_not_shown', message: problem };
    return { ok: true, basis: 'exempt' };
  }

  const rawIncome = caseRow.householdMonthlyIncome;
  const income = rawIncome == null || rawIncome === '' ? NaN : Number(rawIncome);
  if (!Number.isFinite(income)) {
    return {
      ok: false, rule: 'means_test.income_missing',
      message: {
        zh: '未填写家庭人均月收入，无法审查经济困难状况：请填写家庭人均月收入，或选择免予经济困难审查事由',
        en: 'The household income per head is missing, so economic hardship cannot be assessed: enter it or choose a means-test exemption',
      },
    };
  }

  const threshold = hardshipThreshold(settings);
  if (fen(income) < fen(threshold)) return { ok: true, basis: 'income' };
  const standard = formatYuan(Number(settings.minimumLivingStandard));
  const factor = String(settings.hardshipFactor);
  return {
    ok: false, rule: 'means_test.income_not_below_threshold',
    message: {
      zh: `家庭人均月收入 ${formatYuan(income)} 元，不低于经济困难标准 ${formatYuan(threshold)} 元（当地最低生活保障标准 ${standard} 元 × ${factor}），且无免予审查事由`,
      en: `Household income per head of ${formatYuan(income)} yuan a month is not below the hardship threshold of ${formatYuan(threshold)} yuan (local minimum living standard ${standard} yuan × ${factor}), and no means-test exemption applies`,
    },
  };
}
