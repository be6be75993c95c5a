// Causes of action by case type, with their weights. Part of the demo centre (../demo-centre.ts).

export type CaseType = 'criminal' | 'civil' | 'administrative' | 'arbitration' | 'non_litigation';

export interface Cause {
  name: string;
  weight: number;
  /** Wage or work-injury claim: migrant workers need no means test. */
  labour?: 'wages' | 'injury';
  /** Who typically applies. */
  applicant?: 'child_or_mother' | 'elderly' | 'woman' | 'worker' | 'adult';
  /** Raw amount range in yuan; scaled later so that the year's total matches seed 000. */
  amount?: readonly [number, number];
  specialty: string;
}

export const CRIMINAL_CAUSES: readonly Cause[] = [
  { name: '盗窃罪', weight: 24, specialty: 'criminal' },
  { name: '故意伤害罪', weight: 18, specialty: 'criminal' },
  { name: '诈骗罪', weight: 14, specialty: 'criminal' },
  { name: '危险驾驶罪', weight: 10, specialty: 'criminal' },
  { name: '寻衅滋事罪', weight: 8, specialty: 'criminal' },
  { name: '帮助信息网络犯罪活动罪', weight: 8, specialty: 'criminal' },
  { name: '交通肇事罪', weight: 6, specialty: 'criminal' },
  { name: '开设赌场罪', weight: 4, specialty: 'criminal' },
  { name: '抢劫罪', weight: 4, specialty: 'criminal' },
  { name: '拒不支付劳动报酬罪', weight: 2, specialty: 'criminal' },
];
export const JUVENILE_CAUSES = ['盗窃罪', '寻衅滋事罪', '抢劫罪', '故意伤害罪', '帮助信息网络犯罪活动罪'];
export const SERIOUS_CAUSES = ['故意杀人罪', '故意杀人罪', '抢劫罪', '故意伤害罪', '贩卖毒品罪'];

export const CAUSES: Record<Exclude<CaseType, 'criminal'>, readonly Cause[]> = {
  civil: [
    { name: '劳动报酬纠纷', weight: 16, labour: 'wages', applicant: 'worker', amount: [2000, 60000], specialty: 'labour' },
    { name: '工伤赔偿', weight: 9, labour: 'injury', applicant: 'worker', amount: [10000, 200000], specialty: 'labour' },
    { name: '提供劳务者受害责任纠纷', weight: 5, labour: 'injury', applicant: 'worker', amount: [5000, 150000], specialty: 'tort' },
    { name: '离婚纠纷', weight: 12, applicant: 'woman', amount: [0, 80000], specialty: 'family' },
    { name: '抚养费纠纷', weight: 7, applicant: 'child_or_mother', amount: [6000, 100000], specialty: 'family' },
    { name: '赡养纠纷', weight: 6, applicant: 'elderly', amount: [3000, 36000], specialty: 'family' },
    { name: '机动车交通事故责任纠纷', weight: 12, applicant: 'adult', amount: [10000, 200000], specialty: 'tort' },
    { name: '民间借贷纠纷', weight: 7, applicant: 'adult', amount: [5000, 120000], specialty: 'contract' },
    { name: '土地承包经营权纠纷', weight: 4, applicant: 'adult', amount: [0, 50000], specialty: 'land' },
    { name: '人身损害赔偿纠纷', weight: 5, applicant: 'adult', amount: [5000, 100000], specialty: 'tort' },
    { name: '医疗损害责任纠纷', weight: 3, applicant: 'adult', amount: [10000, 200000], specialty: 'tort' },
    { name: '继承纠纷', weight: 3, applicant: 'adult', amount: [0, 150000], specialty: 'family' },
  ],
  administrative: [
    { name: '工伤认定', weight: 8, labour: 'injury', applicant: 'worker', amount: [0, 0], specialty: 'administrative' },
    { name: '行政复议', weight: 6, applicant: 'adult', amount: [0, 0], specialty: 'administrative' },
    { name: '行政赔偿', weight: 3, applicant: 'adult', amount: [5000, 80000], specialty: 'administrative' },
    { name: '最低生活保障行政给付', weight: 3, applicant: 'adult', amount: [2000, 12000], specialty: 'administrative' },
  ],
  arbitration: [
    { name: '劳动争议仲裁', weight: 10, labour: 'wages', applicant: 'worker', amount: [5000, 80000], specialty: 'labour' },
    { name: '追索劳动报酬仲裁', weight: 6, labour: 'wages', applicant: 'worker', amount: [3000, 50000], specialty: 'labour' },
    { name: '工伤保险待遇仲裁', weight: 4, labour: 'injury', applicant: 'worker', amount: [15000, 200000], specialty: 'labour' },
  ],
  non_litigation: [
    { name: '劳动报酬调解', weight: 10, labour: 'wages', applicant: 'worker', amount: [2000, 40000], specialty: 'labour' },
    { name: '交通事故赔偿调解', weight: 6, applicant: 'adult', amount: [5000, 100000], specialty: 'tort' },
    { name: '婚姻家庭纠纷调解', weight: 4, applicant: 'woman', amount: [0, 0], specialty: 'family' },
    { name: '邻里纠纷调解', weight: 3, applicant: 'adult', amount: [0, 10000], specialty: 'tort' },
  ],
};
export const CAUSE_WEIGHTS = Object.fromEntries(
  Object.entries(CAUSES).map(([type, causes]) => [type, causes.map((c) => [c, c.weight] as const)]),
) as Record<Exclude<CaseType, 'criminal'>, (readonly [Cause, number])[]>;
export const CRIMINAL_WEIGHTS = CRIMINAL_CAUSES.map((c) => [c, c.weight] as const);

/** Shares of the case types (seed 001: criminal ≥ 19 %). */
export const CASE_TYPE_SHARES: readonly (readonly [CaseType, number])[] = [
  ['criminal', 0.26], ['civil', 0.44], ['administrative', 0.06], ['arbitration', 0.12], ['non_litigation', 0.12],
];
