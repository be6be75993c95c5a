// Complaints about lawyers on the demo cases, in their workflow states. Part of the demo centre (../demo-centre.ts).
import type { Row } from '../../resources/define.js';
import type { CaseMeta } from './cases.js';
import { mobile, personName } from './people.js';
import { isoDate, isoDateTime, type Random } from './random.js';

export const COMPLAINT_TEXT: Record<string, readonly string[]> = {
  attitude: ['承办律师接听电话时态度生硬，对受援人提出的问题不耐烦。', '受援人反映承办律师会见时敷衍了事，不愿解释案件进展。'],
  quality: ['承办律师开庭前未与受援人沟通案情，代理意见未体现受援人的主要诉求。', '受援人认为承办律师未调取关键证据，导致诉讼请求未获全部支持。'],
  delay: ['案件指派后承办律师长时间未与受援人联系，未及时提起诉讼。', '承办律师多次推迟会见，受援人担心错过仲裁时效。'],
  fees: ['承办律师以差旅费名义向受援人收取费用两千元。', '受援人反映承办律师要求另行签订委托合同并支付代理费。'],
  gifts: ['反映承办律师接受受援人家属宴请并收受购物卡。'],
  refusal: ['投诉人反映承办律师以案情复杂为由拒绝继续代理。'],
  other: ['受援人对案件办理结果不满意，要求更换承办律师。', '受援人反映承办律师泄露其个人信息。'],
};
export const CONCLUSIONS = [
  '经调查核实，投诉事项部分属实，已责令承办律师向受援人道歉并限期整改，纳入年度考核。',
  '经调查，投诉事项不属实，已向投诉人说明情况，投诉人表示理解。',
  '投诉属实，责令承办律师退还所收费用，并暂停其承办法律援助案件六个月。',
  '经调查核实，承办律师未及时告知案件进展，已对其进行约谈并督促加快办理。',
  '投诉人与承办律师沟通后消除误会，投诉人撤回投诉要求，予以办结。',
];

export const REFUSALS = [
  '投诉事项不属于法律援助投诉受理范围，已告知投诉人向有关部门反映。',
  '投诉人未提供被投诉人的基本情况和投诉事实，经告知后仍未补正。',
  '同一事项已经处理并答复，投诉人未提出新的事实和理由。',
];

/** The number of items (sorted by key) whose key is below `value`. */
export function lowerBound(items: number[], value: number, key: (item: number) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function makeComplaints(rng: Random, caseRows: Row[], caseMetas: CaseMeta[], todayDay: number): Row[] {
  const m = Math.round(caseRows.length / 30);
  const withLawyer = caseRows.map((_, i) => i).filter((i) => caseMetas[i].assignedDay !== null);
  withLawyer.sort((a, b) => (caseMetas[a].assignedDay as number) - (caseMetas[b].assignedDay as number) || a - b);
  const used = new Set<number>();
  if (withLawyer.length === 0) return [];
  const statusCounts: [string, number][] = [
    ['received', Math.max(1, Math.round(m * 0.1))],
    ['accepted', Math.max(1, Math.round(m * 0.1))],
    ['investigating', Math.max(1, Math.round(m * 0.1))],
    ['not_accepted', Math.max(1, Math.round(m * 0.1))],
    ['concluded', Math.max(1, Math.round(m * 0.1))],
  ];
  const statuses: string[] = [];
  for (const [status, count] of statusCounts) for (let k = 0; k < count; k++) statuses.push(status);
  while (statuses.length < m) statuses.push('replied');
  statuses.length = m;

  const ageRange: Record<string, [number, number]> = {
    received: [0, 4], accepted: [3, 20], investigating: [10, 40], not_accepted: [8, 330], concluded: [25, 55], replied: [50, 340],
  };
  const reached = (status: string, step: string) => ({
    accepted: !['received', 'not_accepted'].includes(status),
    investigating: ['investigating', 'concluded', 'replied'].includes(status),
    concluded: ['concluded', 'replied'].includes(status),
  } as Record<string, boolean>)[step];
  const at = (day: number): string => isoDateTime({ day: Math.min(todayDay, day), minute: rng.int(540, 1020) });
  const complaints: { row: Row; day: number }[] = [];
  for (const status of statuses) {
    const [minAge, maxAge] = ageRange[status];
    let day = todayDay - rng.int(minAge, maxAge);
    // Cases assigned before that day (withLawyer is in assignment order), each complained of once.
    let before = lowerBound(withLawyer, day, (i) => caseMetas[i].assignedDay as number);
    if (before === 0) {
      day = Math.min(todayDay, (caseMetas[withLawyer[0]].assignedDay as number) + 1);
      before = lowerBound(withLawyer, day, (i) => caseMetas[i].assignedDay as number);
    }
    let caseIndex = withLawyer[rng.int(0, before - 1)];
    for (let attempt = 0; attempt < 20 && used.has(caseIndex); attempt++) caseIndex = withLawyer[rng.int(0, before - 1)];
    used.add(caseIndex);
    const c = caseRows[caseIndex];
    const category = rng.weighted([['attitude', 5], ['delay', 5], ['quality', 4], ['fees', 2], ['gifts', 1], ['refusal', 1], ['other', 2]] as const);
    const byApplicant = rng.chance(0.75);
    // The steps, each a few days after the one before (now and then past its deadline), never after today.
    const decidedDay = Math.min(todayDay, day + rng.int(1, 7));
    const investigatedDay = Math.min(todayDay, decidedDay + rng.int(0, 3));
    const concludedDay = Math.min(todayDay, investigatedDay + rng.int(12, 48));
    const replied = status === 'replied' ? Math.min(todayDay, concludedDay + rng.int(1, 8)) : null;
    complaints.push({
      day,
      row: {
        complainantName: byApplicant ? c.applicantName : personName(rng, rng.chance(0.5) ? 'male' : 'female').name,
        complainantPhone: byApplicant ? c.applicantPhone : mobile(rng),
        channel: rng.weighted([['phone', 35], ['visit', 20], ['letter', 15], ['online', 15], ['email', 10], ['fax', 5]] as const),
        receivedAt: isoDate(day),
        caseId: caseIndex,
        lawyerId: c.lawyerId,
        category,
        description: (byApplicant ? '' : '受援人家属代为投诉：') + rng.pick(COMPLAINT_TEXT[category]),
        status,
        acceptedAt: reached(status, 'accepted') ? at(decidedDay) : null,
        refusedAt: status === 'not_accepted' ? at(decidedDay) : null,
        refusalReason: status === 'not_accepted' ? rng.pick(REFUSALS) : null,
        investigationStartedAt: reached(status, 'investigating') ? at(investigatedDay) : null,
        concludedAt: reached(status, 'concluded') ? at(concludedDay) : null,
        findings: reached(status, 'concluded') ? '调阅案卷、询问承办律师和投诉人，核实投诉反映的情况。' : null,
        conclusion: reached(status, 'concluded') ? rng.pick(CONCLUSIONS) : null,
        outcome: reached(status, 'concluded') ? rng.weighted([['upheld', 3], ['partly_upheld', 3], ['not_upheld', 4]] as const) : null,
        repliedAt: replied === null ? null : isoDate(replied),
        replyMethod: replied === null ? null : rng.weighted([['letter', 5], ['phone', 3], ['visit', 2]] as const),
      },
    });
  }
  return complaints.sort((a, b) => a.day - b.day).map((c) => c.row);
}
