// 差别化补贴 (seed 000): base per case type × the grade's factor, capped; early ends a share of the base.
// Every number is a setting (the `subsidy*` keys this plugin adds to the settings register).
import type { Field, Row } from '../../../api/plugin-kit.js';

export const subsidyDefaults = {
  subsidyBaseCivil: 1600,
  subsidyBaseAdministrative: 1600,
  subsidyBaseCriminal: 1200,
  subsidyBaseArbitration: 1600,
  subsidyBaseNonLitigation: 1600,
  subsidyFactorExcellent: 1.5,
  subsidyFactorGood: 1.2,
  subsidyFactorPass: 1,
  subsidyFactorFail: 0.5,
  subsidyCap: 2500,
  subsidyTerminatedPercent: 50,
};
export type SubsidySettings = typeof subsidyDefaults;
export const subsidyKeys = Object.keys(subsidyDefaults) as (keyof SubsidySettings)[];

const BASE_KEY: Record<string, keyof SubsidySettings> = {
  civil: 'subsidyBaseCivil', administrative: 'subsidyBaseAdministrative', criminal: 'subsidyBaseCriminal',
  arbitration: 'subsidyBaseArbitration', non_litigation: 'subsidyBaseNonLitigation',
};
const FACTOR_KEY: Record<string, keyof SubsidySettings> = {
  excellent: 'subsidyFactorExcellent', good: 'subsidyFactorGood', pass: 'subsidyFactorPass', fail: 'subsidyFactorFail',
};
const TYPE_ZH: Record<string, string> = { civil: '民事', administrative: '行政', criminal: '刑事', arbitration: '仲裁', non_litigation: '非诉讼' };
export const GRADE_ZH: Record<string, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/** The settings' subsidy keys, stored values over the defaults. */
export function subsidySettings(settings: Record<string, unknown>): SubsidySettings {
  const out = { ...subsidyDefaults };
  for (const key of subsidyKeys) if (typeof settings[key] === 'number') out[key] = settings[key] as number;
  return out;
}

const money = (label: Field['label']): Field => ({ type: 'money', label, required: true, min: 0, max: 1_000_000, section: 'quality' } as Field);
const factor = (zh: string, en: string): Field => ({ type: 'money', label: { zh, en }, required: true, min: 0, max: 10, unit: { zh: '倍', en: '×' }, section: 'quality' } as Field);

/** The settings this plugin adds (section 办案补贴 of 系统设置). */
export const subsidySettingFields: Record<keyof SubsidySettings, Field> = {
  subsidyBaseCivil: { ...money({ zh: '补贴基数：民事（元）', en: 'Base subsidy: civil (yuan)' }), default: subsidyDefaults.subsidyBaseCivil },
  subsidyBaseAdministrative: { ...money({ zh: '补贴基数：行政（元）', en: 'Base subsidy: administrative (yuan)' }), default: subsidyDefaults.subsidyBaseAdministrative },
  subsidyBaseCriminal: { ...money({ zh: '补贴基数：刑事（元）', en: 'Base subsidy: criminal (yuan)' }), default: subsidyDefaults.subsidyBaseCriminal },
  subsidyBaseArbitration: { ...money({ zh: '补贴基数：仲裁（元）', en: 'Base subsidy: arbitration (yuan)' }), default: subsidyDefaults.subsidyBaseArbitration },
  subsidyBaseNonLitigation: { ...money({ zh: '补贴基数：非诉讼（元）', en: 'Base subsidy: non-litigation (yuan)' }), default: subsidyDefaults.subsidyBaseNonLitigation },
  subsidyFactorExcellent: { ...factor('等次系数：优秀', 'Factor: excellent'), default: subsidyDefaults.subsidyFactorExcellent },
  subsidyFactorGood: { ...factor('等次系数：良好', 'Factor: good'), default: subsidyDefaults.subsidyFactorGood },
  subsidyFactorPass: { ...factor('等次系数：合格', 'Factor: pass'), default: subsidyDefaults.subsidyFactorPass },
  subsidyFactorFail: { ...factor('等次系数：不合格（0 为不予发放）', 'Factor: fail (0 withholds it)'), default: subsidyDefaults.subsidyFactorFail },
  subsidyCap: { ...money({ zh: '单案补贴上限（元）', en: 'Cap per case (yuan)' }), default: subsidyDefaults.subsidyCap, help: { zh: '优秀案件最高 2500 元（seed 000）', en: 'An excellent file earns at most 2500 yuan' } },
  subsidyTerminatedPercent: {
    type: 'integer', label: { zh: '指派后终止的案件：按基数的比例（%）', en: 'Terminated after assignment: share of the base (%)' }, required: true, min: 0, max: 100,
    default: subsidyDefaults.subsidyTerminatedPercent, section: 'quality',
  } as Field,
};

export interface Computed {
  /** yuan; null: nothing to pay yet (not ended, or closed but not graded). */
  amount: number | null;
  basis: string | null;
}

const yuan = (n: number) => `${Math.round(n * 100) / 100} 元`;

/** The subsidy of a case as it stands, with how it was computed in the centre's words. */
export function computeSubsidy(row: Row, s: SubsidySettings): Computed {
  const type = String(row.caseType ?? '');
  const base = s[BASE_KEY[type] ?? 'subsidyBaseCivil'];
  const typeZh = TYPE_ZH[type] ?? '其他';
  if (row.status === 'terminated') {
    if (!row.assignedAt) return { amount: null, basis: null };
    const amount = Math.round(base * s.subsidyTerminatedPercent) / 100;
    return { amount, basis: `指派后终止：${typeZh}案件基数 ${yuan(base)} × ${s.subsidyTerminatedPercent}% = ${yuan(amount)}` };
  }
  if (row.status !== 'closed' && row.status !== 'archived') return { amount: null, basis: null };
  const grade = row.qualityGrade as string | null;
  if (!grade || !FACTOR_KEY[grade]) return { amount: null, basis: `已结案，尚未评定质量等次：${typeZh}案件基数 ${yuan(base)}，待评定后计算` };
  const f = s[FACTOR_KEY[grade]];
  const raw = Math.round(base * f * 100) / 100;
  const amount = Math.min(raw, s.subsidyCap);
  const capped = raw > s.subsidyCap ? `，超过上限按 ${yuan(s.subsidyCap)}` : '';
  const withheld = amount === 0 ? '（不予发放）' : '';
  return { amount, basis: `${typeZh}案件基数 ${yuan(base)} × ${GRADE_ZH[grade]}系数 ${f} = ${yuan(raw)}${capped}；补贴 ${yuan(amount)}${withheld}` };
}
