// The front door's demo data, added to a generated centre: opposing parties on the cases (some
// of them former clients, so the conflict check has something to find) and a year of
// consultations (seed 000: about 800 a year beside ~600 cases), some of which became the cases.
import type { Row } from '../resources/define.js';
import type { consultationCategories } from '../resources/consultations.js';
import type { DemoCentre } from './demo-centre.js';
import { idCheckCharacter } from '../identifiers.js';

export type DemoData = DemoCentre & { consultations: Row[] };

/** mulberry32, as the centre's generator uses: the same seed gives the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let r = next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof random>;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许'.split('');
const GIVEN = '伟芳娜敏静强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红'.split('');
const COMPANIES = ['台州市路桥恒达建筑工程有限公司', '浙江鑫源机械制造有限公司', '路桥区金诚物业管理有限公司', '台州宏远汽车运输有限公司', '浙江明阳电器有限公司', '路桥区新丰食品厂'];

const personName = (rng: Rng) => `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.6) ? rng.pick(GIVEN) : ''}`;
const mobile = (rng: Rng) => `1${rng.pick(['3', '5', '8'])}${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
function idNumber(rng: Rng): string {
  const first17 = `331004${rng.int(1950, 2000)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}${String(rng.int(0, 999)).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

const CATEGORY_WEIGHTS: Array<[keyof typeof consultationCategories, number]> = [
  ['labour', 30], ['family', 22], ['traffic', 10], ['neighbourhood', 8], ['land', 5], ['criminal', 6], ['consumer', 5], ['contract', 6], ['medical', 2], ['housing', 4], ['other', 2],
];
const CHANNEL_WEIGHTS: Array<[string, number]> = [['hotline_12348', 45], ['visit', 30], ['workstation', 12], ['online', 9], ['letter', 4]];
const QUESTIONS: Record<string, string[]> = {
  labour: ['公司拖欠工资三个月，如何讨要？', '工地受伤，老板不肯赔偿怎么办？', '被公司无故辞退能否要求赔偿？'],
  family: ['离婚时孩子抚养权如何确定？', '对方不支付抚养费怎么办？', '遭受家庭暴力如何申请人身安全保护令？'],
  traffic: ['交通事故对方全责但拒不赔偿怎么办？', '交通事故伤残鉴定怎么做？'],
  neighbourhood: ['邻居违章搭建影响采光怎么办？', '邻居家漏水损坏我家装修如何索赔？'],
  land: ['承包地被征收，补偿款如何分配？', '宅基地纠纷如何处理？'],
  criminal: ['家属被刑事拘留，能否申请法律援助律师？', '被害人如何提起附带民事诉讼？'],
  consumer: ['网购商品质量问题商家拒绝退货怎么办？', '预付卡商家跑路如何维权？'],
  contract: ['借钱给朋友不还，只有微信记录能起诉吗？', '装修合同纠纷如何处理？'],
  medical: ['怀疑医疗事故，如何申请鉴定？'],
  housing: ['房东不退押金怎么办？', '物业费纠纷如何处理？'],
  other: ['遗嘱如何写才有效？', '如何申请法律援助？'],
};

export function withFrontDoor(centre: DemoCentre, { today, seed = 2026 }: { today: string; seed?: number }): DemoData {
  const rng = random(seed ^ 0x15f00d);
  const cases = centre.cases.map((c) => ({ ...c }));
  // Civil and labour cases name the other side: a company or a person, sometimes with an ID number.
  for (const c of cases) {
    if (c.caseType === 'criminal' || !rng.chance(0.8)) continue;
    if (rng.chance(0.35)) c.opposingPartyName = rng.pick(COMPANIES);
    else {
      c.opposingPartyName = personName(rng);
      if (rng.chance(0.4)) c.opposingPartyIdNumber = idNumber(rng);
    }
  }
  // Some open applications are against a former client of the centre (the conflict check finds them).
  const byDate = cases.map((_c, i) => i).sort((a, b) => String(cases[a].applicationDate).localeCompare(String(cases[b].applicationDate)));
  const open = byDate.filter((i) => ['applied', 'reviewing', 'accepted'].includes(String(cases[i].status)));
  const former = byDate.filter((i) => cases[i].lawyerId != null && cases[i].applicantIdNumber);
  for (let k = 0; k < Math.min(3, open.length, former.length); k++) {
    const client = cases[former[k]];
    const target = cases[open[open.length - 1 - k]];
    target.opposingPartyName = client.applicantName;
    target.opposingPartyIdNumber = k === 0 ? client.applicantIdNumber : null; // one by ID, the others by name
  }

  const total = Math.min(20_000, Math.round((cases.length * 800) / 600));
  const points = centre['service-points'].length;
  const end = Date.parse(`${today}T00:00:00+08:00`);
  const consultations: Row[] = [];
  // The cases that came from a consultation: a few in each month.
  const convertible = cases.map((_c, i) => i).filter((i) => cases[i].channel === 'hotline_12348' || (cases[i].channel === 'window' && rng.chance(0.2)));
  let nextConvert = 0;
  for (let n = 0; n < total; n++) {
    const daysAgo = rng.int(1, 364);
    let at = new Date(end - daysAgo * 86_400_000 + rng.int(8 * 60, 17 * 60) * 60_000); // office hours, China time
    const weekday = new Date(at.getTime() + 8 * 3_600_000).getUTCDay();
    if (weekday === 0 || weekday === 6) at = new Date(at.getTime() - (weekday === 6 ? 1 : 2) * 86_400_000);
    const channel = rng.weighted(CHANNEL_WEIGHTS);
    const category = rng.weighted(CATEGORY_WEIGHTS);
    const written = channel === 'letter' || channel === 'online';
    const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    // Most written replies within the 7 working days (about 9 calendar days), some late.
    const repliedDays = rng.chance(0.85) ? rng.int(1, 8) : rng.int(12, 20);
    const replied = new Date(Date.parse(`${day}T00:00:00Z`) + repliedDays * 86_400_000).toISOString().slice(0, 10);
    const aidAdvised = rng.chance(0.25);
    const convert = aidAdvised && nextConvert < convertible.length && rng.chance(0.5);
    const caseIndex = convert ? convertible[nextConvert++] : null;
    const person = caseIndex === null ? { name: personName(rng), phone: rng.chance(0.85) ? mobile(rng) : null } : { name: cases[caseIndex].applicantName, phone: cases[caseIndex].applicantPhone ?? null };
    consultations.push({
      channel,
      servicePointId: points && rng.chance(0.8) ? rng.int(0, points - 1) : null,
      occurredAt: at.toISOString(),
      personName: person.name,
      personPhone: person.phone,
      personGroups: rng.chance(0.15) ? ['migrant_worker'] : rng.chance(0.1) ? ['elderly'] : [],
      category,
      question: rng.pick(QUESTIONS[category]),
      answer: '已告知相关法律规定及维权途径。',
      durationMinutes: channel === 'hotline_12348' ? rng.int(2, 25) : null,
      aidAdvised,
      repliedAt: written && replied < today ? replied : null,
      caseId: caseIndex,
    });
  }
  return { ...centre, cases, consultations };
}
