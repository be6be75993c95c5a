// Names, phones and PRC ID numbers of people in the demo. Part of the demo centre (../demo-centre.ts).
import { idCheckCharacter } from '../../identifiers.js';
import type { Random } from './random.js';

export const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 10], ['陈', 'chen', 10], ['林', 'lin', 8], ['张', 'zhang', 7], ['李', 'li', 7],
  ['黄', 'huang', 5], ['徐', 'xu', 5], ['周', 'zhou', 5], ['郑', 'zheng', 5], ['叶', 'ye', 4],
  ['蒋', 'jiang', 4], ['杨', 'yang', 4], ['金', 'jin', 4], ['吴', 'wu', 4], ['应', 'ying', 3],
  ['梁', 'liang', 3], ['潘', 'pan', 3], ['项', 'xiang', 2], ['卢', 'lu', 3], ['罗', 'luo', 2],
  ['章', 'zhang', 2], ['陶', 'tao', 2], ['颜', 'yan', 2], ['管', 'guan', 2], ['泮', 'pan', 1],
  ['牟', 'mou', 1], ['赵', 'zhao', 3], ['刘', 'liu', 4], ['许', 'xu', 3], ['何', 'he', 2],
  ['朱', 'zhu', 3], ['胡', 'hu', 3], ['蔡', 'cai', 2], ['阮', 'ruan', 2], ['程', 'cheng', 1],
  ['任', 'ren', 1], ['彭', 'peng', 1], ['丁', 'ding', 2], ['鲍', 'bao', 1], ['戴', 'dai', 1],
  ['毛', 'mao', 1], ['江', 'jiang', 1], ['冯', 'feng', 1], ['谢', 'xie', 1], ['方', 'fang', 2],
];
export const SURNAME_WEIGHTS = SURNAMES.map((s) => [s, s[2]] as const);

export const MALE_CHARS = '伟强军磊勇杰涛斌浩鹏超明华建国志海峰平辉文俊林宇晨东龙波刚阳立新荣成忠兵和福根德云飞亮胜瑞'.split('');
export const FEMALE_CHARS = '芳娜敏静丽艳霞燕玲婷娟萍红梅琴英慧佳雪颖莉倩欣怡秀兰凤丹蕾洁珍素月'.split('');
export const BOY_CHARS = '宇轩浩然子梓睿博泽俊晨嘉一航奕辰铭逸'.split('');
export const GIRL_CHARS = '涵萱怡欣雨桐诺可馨琪悦思语妍彤梦'.split('');

export type Gender = 'male' | 'female';

export function personName(rng: Random, gender: Gender, birthYear = 1980): { name: string; pinyin: string } {
  const [surname, pinyin] = rng.weighted(SURNAME_WEIGHTS);
  const chars = birthYear >= 2003
    ? (gender === 'male' ? BOY_CHARS : GIRL_CHARS)
    : (gender === 'male' ? MALE_CHARS : FEMALE_CHARS);
  const length = birthYear >= 2003 ? 2 : rng.chance(0.3) ? 1 : 2;
  let given = rng.pick(chars);
  if (length === 2) {
    let second = rng.pick(chars);
    while (second === given) second = rng.pick(chars);
    given += second;
  }
  return { name: surname + given, pinyin };
}

export const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '180', '181', '187', '188', '189'];

export function mobile(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** A 台州 landline, 0576-8xxxxxxx. */
export function landline(rng: Random): string {
  return `0576-8${rng.digits(7)}`;
}

/** 台州: 路桥 (most), 椒江, 黄岩, 温岭, 临海, 玉环. */
export const LOCAL_REGIONS = [['331004', 12], ['331002', 2], ['331003', 2], ['331081', 2], ['331082', 1], ['331083', 1]] as const;
/** Home counties of migrant workers (河南, 安徽, 四川, 重庆, 贵州, 江西). */
export const MIGRANT_REGIONS = ['411521', '411522', '341221', '342221', '510722', '500233', '522426', '362427'];
/** Ethnic-minority autonomous counties (贵州威宁, 湖南永顺, 湖北恩施, 广西融水). */
export const MINORITY_REGIONS = ['522427', '433127', '422801', '450225'];

export function idNumber(rng: Random, region: string, birthDate: string, gender: Gender): string {
  const sequence = rng.digits(2) + String(rng.int(0, 4) * 2 + (gender === 'male' ? 1 : 0));
  const first17 = region + birthDate.slice(0, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10) + sequence;
  return first17 + idCheckCharacter(first17);
}

/** Specialty keys in declaration order (api/resources/options.ts). */
export const SPECIALTY_ORDER = ['criminal', 'minors', 'labour', 'family', 'administrative', 'contract', 'tort', 'land', 'petition'];
export const GROUP_ORDER = ['migrant_worker', 'elderly', 'disabled', 'minor', 'woman', 'military', 'ethnic_minority', 'low_income'];

export function inOrder(tags: Set<string>, order: readonly string[]): string[] {
  const sorted: string[] = [];
  for (const tag of order) if (tags.has(tag)) sorted.push(tag);
  return sorted;
}
