// The demo cases: applications through closing with their paperwork, lawyers picked under the assignment rules, outcomes. Part of the demo centre (../demo-centre.ts).
import { creditCodeCheckCharacter, idCheckCharacter } from '../../identifiers.js';
import type { Row } from '../../resources/define.js';
import { CASE_TYPE_SHARES, type CaseType, type Cause, CAUSE_WEIGHTS, CRIMINAL_WEIGHTS, JUVENILE_CAUSES, SERIOUS_CAUSES } from './causes.js';
import type { LawyerMeta, LawyerSet } from './lawyers.js';
import { type Gender, GROUP_ORDER, idNumber, inOrder, LOCAL_REGIONS, MIGRANT_REGIONS, MINORITY_REGIONS, mobile, personName, SPECIALTY_ORDER } from './people.js';
import { ageOn, isoDate, isoDateTime, type Moment, OFFICE_CLOSE, OFFICE_OPEN, pad, Random, weekday, yuanText } from './random.js';
import { pointOf, SERVICE_POINTS } from './service-points.js';

/** Seed 000: 590 cases a year recovered 4.9 million yuan for the clients. */
export const RECOVERED_PER_CASE = 4_900_000 / 590;
/** Means test threshold: minimum living standard 900 × 2 (settings.ts). */
export const HARDSHIP_THRESHOLD = 1800;

export type Status = 'applied' | 'reviewing' | 'accepted' | 'rejected' | 'assigned' | 'in_progress'
  | 'closing_submitted' | 'closed' | 'archived' | 'terminated';

/** What the rest of the generation needs to know about a case beyond its row. */
export interface CaseMeta {
  type: CaseType;
  cause: Cause | null;
  minor: boolean;
  assignedDay: number | null;
  status: Status;
  rawAmount: number;
  criminalRole: string | null;
}

/** `[day, minute]` strictly after `previous`, `lagDays` days later, in office hours where possible. */
export function after(rng: Random, previous: Moment, lagDays: number): Moment {
  const day = previous.day + lagDays;
  let minute = rng.int(OFFICE_OPEN, OFFICE_CLOSE);
  if (day === previous.day && minute <= previous.minute) minute = Math.min(previous.minute + rng.int(10, 90), 1439);
  if (day === previous.day && minute <= previous.minute) minute = previous.minute + 1;
  return { day, minute };
}

export function applicationDays(rng: Random, n: number, todayDay: number): number[] {
  const days = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Demand grows over the year: 30 % of applications follow a density rising towards today.
    const age = rng.chance(0.3) ? Math.floor(365 * (1 - Math.sqrt(rng.next()))) : rng.int(0, 364);
    let day = todayDay - age;
    // Most applications come on working days; online and hotline ones also at weekends.
    const wd = weekday(day);
    if ((wd === 0 || wd === 6) && rng.chance(0.7)) day -= wd === 6 ? 1 : 2;
    if (day < todayDay - 364) day += 3;
    days[i] = day;
  }
  return Array.from(days.sort());
}

export function caseTypeQuota(rng: Random, n: number): CaseType[] {
  const types: CaseType[] = [];
  for (const [type, share] of CASE_TYPE_SHARES) {
    const count = type === 'civil' ? 0 : Math.round(n * share);
    for (let k = 0; k < count && types.length < n; k++) types.push(type);
  }
  while (types.length < n) types.push('civil');
  return rng.shuffle(types);
}

export interface ApplicantProfile {
  gender: Gender;
  age: number;
  groups: Set<string>;
}

export function applicantProfile(rng: Random, type: CaseType, cause: Cause | null, role: string | null, juvenile: boolean): ApplicantProfile {
  const groups = new Set<string>();
  let gender: Gender;
  let age: number;
  const kind = cause?.applicant ?? 'adult';
  if (juvenile) {
    gender = rng.chance(0.9) ? 'male' : 'female';
    age = rng.int(14, 17);
  } else if (type === 'criminal') {
    gender = role === 'defendant' ? (rng.chance(0.88) ? 'male' : 'female') : rng.chance(0.5) ? 'male' : 'female';
    age = rng.chance(0.04) ? rng.int(60, 72) : rng.int(19, 56);
    if (role === 'defendant' && age < 60 && rng.chance(0.25)) groups.add('migrant_worker');
  } else if (kind === 'child_or_mother') {
    if (rng.chance(0.55)) {
      gender = rng.chance(0.5) ? 'male' : 'female';
      age = rng.int(4, 17);
    } else {
      gender = 'female';
      age = rng.int(24, 45);
    }
  } else if (kind === 'elderly') {
    gender = rng.chance(0.6) ? 'female' : 'male';
    age = rng.int(62, 89);
  } else if (kind === 'woman') {
    gender = rng.chance(0.82) ? 'female' : 'male';
    age = rng.int(22, 58);
  } else if (kind === 'worker') {
    gender = rng.chance(0.78) ? 'male' : 'female';
    age = rng.chance(0.08) ? rng.int(60, 66) : rng.int(18, 58);
    if (age < 60 && rng.chance(0.68)) groups.add('migrant_worker');
  } else {
    gender = rng.chance(0.55) ? 'male' : 'female';
    age = rng.chance(0.14) ? rng.int(60, 84) : rng.int(18, 59);
    if (age < 60 && rng.chance(0.06)) groups.add('migrant_worker');
  }
  if (rng.chance(age >= 60 ? 0.09 : 0.035)) groups.add('disabled');
  if (gender === 'female' && age >= 18 && rng.chance(kind === 'woman' || kind === 'child_or_mother' ? 0.7 : 0.25)) groups.add('woman');
  if (age >= 18 && rng.chance(0.015)) groups.add('military');
  if (rng.chance(0.025)) groups.add('ethnic_minority');
  if (rng.chance(age >= 60 ? 0.2 : 0.09)) groups.add('low_income');
  return { gender, age, groups };
}

/** A birth date giving exactly `age` 周岁 on `on`; never 29 February nor the same month-day as `on`. */
export function birthDateFor(rng: Random, age: number, on: string): string {
  const month = rng.int(1, 12);
  let day = rng.int(1, 28);
  const monthDay = `${pad(month, 2)}-${pad(day, 2)}`;
  if (monthDay === on.slice(5)) day = day === 28 ? 27 : day + 1;
  const md = `${pad(month, 2)}-${pad(day, 2)}`;
  // Born in year Y: age on `on` is (onYear − Y) if the birthday has passed, else one less.
  const onYear = Number(on.slice(0, 4));
  const year = on.slice(5) > md ? onYear - age : onYear - age - 1;
  return `${pad(year, 4)}-${md}`;
}

export const POINT = {
  court: pointOf('court'),
  procuratorate: pointOf('procuratorate'),
  detention: pointOf('detention_centre'),
  petition: pointOf('petition_bureau'),
  youth: pointOf('youth_league'),
  women: pointOf('womens_federation'),
  disabled: pointOf('disabled_federation'),
  aging: pointOf('aging_committee'),
  military: pointOf('military_unit'),
  township: pointOf('township'),
  minority: pointOf('ethnic_minority'),
  union: pointOf('other'),
  liaison: SERVICE_POINTS.findIndex((p) => p.kind === 'liaison_point'),
};
export const FIRM_INTAKE_POINTS = SERVICE_POINTS.flatMap((p, i) => (p.hostType === 'law_firm' ? [i] : []));
export const NOTIFIED_POINTS = [[POINT.detention, 4], [POINT.procuratorate, 3], [POINT.court, 3], [null, 2]] as const;
export const CRIMINAL_POINTS = [POINT.detention, POINT.procuratorate, POINT.court];
export const OTHER_POINTS = [
  [POINT.township, 4], [POINT.liaison, 2], [POINT.court, 2], [POINT.petition, 1], [POINT.women, 1], [POINT.union, 1],
  ...FIRM_INTAKE_POINTS.map((i) => [i, 1] as const),
] as const;

export function pickServicePoint(rng: Random, channel: string, type: CaseType, groups: Set<string>, cause: Cause | null): number | null {
  if (channel === 'notified') return rng.weighted(NOTIFIED_POINTS);
  if (channel === 'window') return rng.chance(0.35) ? rng.pick(FIRM_INTAKE_POINTS) : null;
  if (channel !== 'workstation') return null;
  if (groups.has('minor') && rng.chance(0.8)) return POINT.youth;
  if (groups.has('military') && rng.chance(0.8)) return POINT.military;
  if (groups.has('ethnic_minority') && rng.chance(0.8)) return POINT.minority;
  if (groups.has('disabled') && rng.chance(0.7)) return POINT.disabled;
  if (groups.has('elderly') && rng.chance(0.6)) return POINT.aging;
  if (groups.has('woman') && rng.chance(0.6)) return POINT.women;
  if (groups.has('migrant_worker') && cause?.labour && rng.chance(0.6)) return POINT.union;
  if (type === 'criminal') return rng.pick(CRIMINAL_POINTS);
  if (type === 'administrative' && rng.chance(0.4)) return POINT.petition;
  return rng.weighted(OTHER_POINTS);
}

/** Handling time from assignment to submitting for closing, in days. */
export function handlingDays(rng: Random, type: CaseType): number {
  const [min, max] = type === 'criminal' ? [20, 110]
    : type === 'civil' ? [25, 120]
      : type === 'administrative' ? [30, 120]
        : type === 'arbitration' ? [25, 80]
          : [7, 40];
  const base = min + Math.floor((max - min) * rng.next() * (0.5 + 0.5 * rng.next()));
  return rng.chance(0.05) ? base + rng.int(60, 200) : base;
}

export const GRADE_WEIGHTS = [['excellent', 20], ['good', 45], ['pass', 30], ['fail', 5]] as const;
/** Differentiated subsidy (seed 000): base × grade factor, an excellent file at most 2500 yuan. */
export const GRADE_FACTORS: Record<string, number> = { excellent: 1.5, good: 1.2, pass: 1, fail: 0.5 };

export function subsidy(type: CaseType, grade: string): number {
  const base = type === 'criminal' ? 1200 : 1600;
  return Math.min(2500, Math.round(base * GRADE_FACTORS[grade]));
}

export const CRIMINAL_ROLES = [['defendant', 85], ['victim', 10], ['appellant', 5]] as const;
export const CRIMINAL_CHANNELS = [['window', 45], ['workstation', 30], ['hotline_12348', 15], ['online', 10]] as const;
export const CHANNELS = [['window', 40], ['workstation', 25], ['online', 20], ['hotline_12348', 15]] as const;
/** Days from application to the decision (within the 7 days of art. 43). */
export const DECISION_LAGS = [[0, 1], [1, 2], [2, 3], [3, 4], [4, 4], [5, 3], [6, 3]] as const;
/** Days from acceptance to assignment (within the 3 days of art. 43). */
export const ASSIGN_LAGS = [[0, 2], [1, 3], [2, 3], [3, 1]] as const;
/** Days from assignment until the lawyer takes the case up (meets the client, reads the file). */
export const START_LAGS = [[1, 2], [2, 3], [3, 3], [4, 2], [5, 1], [7, 1]] as const;

export interface Scenarios {
  /** Applications still undecided more than 7 days after they came in. */
  review: Set<number>;
  /** Those of them that nobody has even started to review (status `applied`). */
  reviewNotStarted: Set<number>;
  /** Accepted cases (with their acceptance day) still without a lawyer more than 3 days later. */
  accept: Map<number, number>;
  /** Recently assigned cases the lawyer has not taken up yet (status `assigned`). */
  awaitingStart: Set<number>;
  /** Cases accepted yesterday or the day before, to be assigned within the deadline. */
  freshAccept: Map<number, number>;
  /** Applications of the last 7 days still under review, within the deadline. */
  freshReview: Set<number>;
}

/**
 * Chooses the cases that show the deadlines at work: undecided applications > 7 days old,
 * unassigned acceptances > 3 days old, and a few fresh assignments not yet taken up.
 */
export function chooseScenarios(rng: Random, days: number[], todayDay: number): Scenarios {
  const n = days.length;
  const review = new Set<number>();
  const accept = new Map<number, number>();
  const reviewWanted = Math.max(5, Math.round(n / 120));
  const acceptWanted = Math.max(3, Math.round(n / 200));
  const reviewPool = rng.shuffle(days.map((d, i) => [d, i] as const).filter(([d]) => todayDay - d >= 9 && todayDay - d <= 30).map(([, i]) => i));
  for (const i of reviewPool.slice(0, reviewWanted)) review.add(i);
  const reviewNotStarted = new Set(reviewPool.slice(0, Math.ceil(reviewWanted * 0.4)));
  const acceptPool = rng.shuffle(days.map((d, i) => [d, i] as const).filter(([d, i]) => todayDay - d >= 6 && todayDay - d <= 24 && !review.has(i)).map(([, i]) => i));
  for (const i of acceptPool.slice(0, acceptWanted)) {
    const age = todayDay - days[i];
    // Accepted between 5 days ago and (at most) 6 days after the application.
    accept.set(i, todayDay - rng.int(5, Math.max(5, Math.min(age, 12))));
  }
  const awaitingWanted = Math.max(4, Math.round(n / 120));
  const awaitingPool = rng.shuffle(days.map((d, i) => [d, i] as const).filter(([d, i]) => todayDay - d >= 6 && todayDay - d <= 16 && !review.has(i) && !accept.has(i)).map(([, i]) => i));
  const awaitingStart = new Set(awaitingPool.slice(0, awaitingWanted));
  // The overdue ones above stay a minority of the open applications and acceptances.
  const taken = (i: number) => review.has(i) || accept.has(i) || awaitingStart.has(i);
  const freshAccept = new Map<number, number>();
  const acceptedPool = rng.shuffle(days.map((d, i) => [d, i] as const).filter(([d, i]) => todayDay - d >= 3 && todayDay - d <= 8 && !taken(i)).map(([, i]) => i));
  for (const i of acceptedPool.slice(0, Math.max(2, Math.round(n / 300)))) {
    // Accepted yesterday or the day before, within 7 days of the application.
    freshAccept.set(i, todayDay - rng.int(Math.max(1, todayDay - days[i] - 7), 2));
  }
  const recentPool = rng.shuffle(days.map((d, i) => [d, i] as const).filter(([d, i]) => todayDay - d <= 6 && !taken(i) && !freshAccept.has(i)).map(([, i]) => i));
  const freshReview = new Set(recentPool.slice(0, Math.max(reviewWanted + 1, Math.round(n / 90))));
  return { review, reviewNotStarted, accept, awaitingStart, freshAccept, freshReview };
}

export const TOWNS = ['路桥街道', '路南街道', '路北街道', '螺洋街道', '桐屿街道', '峰江街道', '新桥镇', '横街镇', '金清镇', '蓬街镇'];
export const VILLAGE_ROADS = ['兴中路', '商城街', '富仁路', '石曲街', '同心路', '长浦路', '卖芝桥路', '三桥路'];
export const COMPANIES = ['台州市路桥区宏达机械有限公司', '台州市路桥区永盛塑料制品厂', '浙江金桥建设有限公司', '台州市路桥区恒通物流有限公司', '台州市路桥区新锐服装厂', '台州市路桥区鑫源五金有限公司'];
export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * What an application form records beyond the case itself: where the applicant lives, who
 * applies for them, whom the case is against and what it is about. Drawn from a random stream
 * of its own, so the rest of the demo centre stays as it was.
 */
export function paperwork(rng: Random, c: { type: CaseType; region: string; minor: boolean; criminalRole: string | null; causeOfAction: string; labour: boolean; applicantName: string }): Row {
  const local = c.region.startsWith('3310');
  const address = local
    ? `浙江省台州市路桥区${rng.pick(TOWNS)}${rng.pick(VILLAGE_ROADS)}${rng.int(1, 399)}号`
    : `浙江省台州市路桥区${rng.pick(TOWNS)}（暂住；户籍地区划代码 ${c.region}）`;
  const guardian = c.minor ? personName(rng, rng.chance(0.5) ? 'male' : 'female') : null;
  const entrusted = !guardian && rng.chance(0.06) ? personName(rng, rng.chance(0.5) ? 'male' : 'female') : null;
  const agent = guardian ?? entrusted;
  const againstCompany = c.type !== 'criminal' && (c.labour || rng.chance(0.35));
  const againstPerson = c.type === 'criminal' ? c.criminalRole === 'victim' : !againstCompany && rng.chance(0.8);
  const uscc = () => { let code = '91331004'; for (let i = 0; i < 9; i++) code += rng.pick([...USCC_CHARS]); return code + creditCodeCheckCharacter(code); };
  const personId = () => { const first17 = `3310041${rng.int(960, 999)}${pad(rng.int(1, 12), 2)}${pad(rng.int(1, 28), 2)}${rng.digits(3)}`.slice(0, 17); return first17 + idCheckCharacter(first17); };
  const opposingName = againstCompany ? rng.pick(COMPANIES) : againstPerson ? personName(rng, rng.chance(0.6) ? 'male' : 'female').name : null;
  const summary = c.type === 'criminal'
    ? (c.criminalRole === 'victim' ? `申请人系${c.causeOfAction}案被害人，请求指派律师担任诉讼代理人，依法追究被告人刑事责任并赔偿损失。` : `申请人涉嫌${c.causeOfAction}，经济困难无力委托辩护人，申请法律援助。`)
    : `申请人${c.applicantName}与${opposingName ?? '对方'}因${c.causeOfAction}发生争议，协商未果，请求法律援助代为主张权利。`;
  return {
    applicantAddress: address,
    hasAgent: agent !== null,
    agentName: agent?.name ?? null,
    agentRelation: guardian ? 'guardian' : entrusted ? rng.pick(['relative', 'entrusted']) : null,
    agentPhone: agent ? mobile(rng) : null,
    caseSummary: summary,
    opposingPartyName: opposingName,
    opposingPartyIdNumber: againstCompany ? uscc() : againstPerson && rng.chance(0.7) ? personId() : null,
  };
}

export function makeCases(rng: Random, n: number, todayDay: number, lawyers: LawyerSet, points: number): { rows: Row[]; meta: CaseMeta[] } {
  const paperRng = new Random(0x5eed_10);
  const lastDay = todayDay - 1; // events recorded up to yesterday: nothing lies in the future
  const days = applicationDays(rng, n, todayDay);
  const types = caseTypeQuota(rng, n);
  // ~5 % of criminal cases may end in life imprisonment or death.
  const criminalIndices = types.flatMap((t, i) => (t === 'criminal' ? [i] : []));
  const serious = new Set(rng.shuffle(criminalIndices).slice(0, Math.round(criminalIndices.length * 0.05)));
  const scenario = chooseScenarios(rng, days, todayDay);
  const { meta: lawyerMeta } = lawyers;

  const rows: Row[] = new Array(n);
  const metas: CaseMeta[] = new Array(n);
  const picker = new LawyerPicker(lawyerMeta);
  for (let i = 0; i < n; i++) {
    const appDay = days[i];
    const applicationDate = isoDate(appDay);
    const type = types[i];

    // What the case is about
    let cause: Cause | null = null;
    let causeOfAction: string;
    let criminalRole: string | null = null;
    let maxPenalty: string | null = null;
    let juvenile = false;
    let channel: string;
    if (type === 'criminal') {
      criminalRole = serious.has(i) ? 'defendant' : rng.weighted(CRIMINAL_ROLES);
      if (serious.has(i)) maxPenalty = rng.chance(0.4) ? 'death' : 'life';
      else if (criminalRole === 'defendant' && rng.chance(0.07)) juvenile = true;
      causeOfAction = maxPenalty ? rng.pick(SERIOUS_CAUSES) : juvenile ? rng.pick(JUVENILE_CAUSES) : rng.weighted(CRIMINAL_WEIGHTS).name;
      // Minors and possible life/death sentences are always notified defences (art. 25).
      channel = criminalRole === 'defendant' && (juvenile || maxPenalty || rng.chance(0.72))
        ? 'notified'
        : rng.weighted(CRIMINAL_CHANNELS);
    } else {
      cause = rng.weighted(CAUSE_WEIGHTS[type]);
      causeOfAction = cause.name;
      channel = rng.weighted(CHANNELS);
    }
    const notified = channel === 'notified';

    // Who applies
    const profile = applicantProfile(rng, type, cause, criminalRole, juvenile);
    const birthDate = birthDateFor(rng, profile.age, applicationDate);
    const age = ageOn(birthDate, applicationDate);
    const groups = profile.groups;
    if (age < 18) groups.add('minor');
    if (age >= 60) groups.add('elderly');
    if (age < 18) groups.delete('migrant_worker');
    const minor = age < 18;
    const region = groups.has('ethnic_minority') ? rng.pick(MINORITY_REGIONS)
      : groups.has('migrant_worker') && rng.chance(0.85) ? rng.pick(MIGRANT_REGIONS)
        : rng.weighted(LOCAL_REGIONS);
    const applicant = personName(rng, profile.gender, Number(birthDate.slice(0, 4)));

    // Means test
    const householdSize = minor ? rng.int(2, 5) : age >= 60 ? rng.int(1, 3) : rng.int(1, 6);
    let exemptionReason: string | null = null;
    let householdMonthlyIncome: number | null = null;
    if (notified) {
      householdMonthlyIncome = rng.chance(0.25) ? rng.int(4, 30) * 100 : null;
    } else {
      if (minor) exemptionReason = 'minor';
      else if (groups.has('migrant_worker') && cause?.labour && rng.chance(0.9)) exemptionReason = 'migrant_wages';
      else if (groups.has('elderly') && rng.chance(0.5)) exemptionReason = 'elderly_no_income';
      else if (groups.has('disabled') && rng.chance(0.5)) exemptionReason = 'disabled_no_income';
      else if (groups.has('low_income') && rng.chance(0.7)) exemptionReason = 'social_assistance';
      else if (groups.has('woman') && cause?.specialty === 'family' && rng.chance(0.3)) exemptionReason = 'domestic_violence';
      else if (groups.has('military') && rng.chance(0.3)) exemptionReason = 'martyr_relative';
      else if (cause?.name === '人身损害赔偿纠纷' && rng.chance(0.15)) exemptionReason = 'good_samaritan';
      householdMonthlyIncome = exemptionReason
        ? (rng.chance(0.6) ? null : rng.int(3, 45) * 100)
        : Math.min(HARDSHIP_THRESHOLD - 10, rng.int(3, 17) * 100 + rng.int(0, 9) * 10);
    }

    // The case's life: review, decision, assignment, handling, closing, archiving.
    let reviewStartDay = appDay + (notified ? 0 : rng.int(0, 2));
    let decisionLag: number = notified ? rng.int(0, 1) : rng.weighted(DECISION_LAGS);
    let assignLag: number = rng.weighted(ASSIGN_LAGS);
    const rejected = !notified && !scenario.review.has(i) && !scenario.accept.has(i) && !scenario.freshAccept.has(i) && !scenario.awaitingStart.has(i) && rng.chance(0.06);
    const freshReview = scenario.freshReview.has(i);
    if (freshReview) decisionLag = Math.max(decisionLag, todayDay - appDay);
    if (scenario.review.has(i)) {
      decisionLag = todayDay - appDay + 30;
      if (scenario.reviewNotStarted.has(i)) reviewStartDay = todayDay + 30; // still waiting in the in-tray
    }
    const forcedAccept = scenario.accept.get(i) ?? scenario.freshAccept.get(i);
    if (forcedAccept !== undefined) {
      decisionLag = forcedAccept - appDay;
      assignLag = todayDay - forcedAccept + 30;
    }
    const awaiting = scenario.awaitingStart.has(i);
    if (awaiting) {
      // Decided and assigned by yesterday; the lawyer takes the case up in the coming days.
      const age = todayDay - appDay;
      decisionLag = Math.min(decisionLag, age - 2);
      assignLag = Math.min(assignLag, age - 1 - decisionLag);
    }
    const accepted: Moment = { day: appDay + decisionLag, minute: rng.int(OFFICE_OPEN, OFFICE_CLOSE) };
    const assigned = after(rng, accepted, assignLag);
    const startDay = awaiting ? todayDay + rng.int(1, 3) : assigned.day + rng.weighted(START_LAGS);
    const submitDay = Math.max(assigned.day + handlingDays(rng, type), startDay + 5);
    const closed = after(rng, { day: submitDay, minute: OFFICE_OPEN }, rng.int(2, 15));
    const archiveLag = rng.next();
    const archived = after(rng, closed, archiveLag < 0.5 ? rng.int(3, 15) : archiveLag < 0.83 ? rng.int(16, 45) : rng.int(46, 90));
    const terminationDay = !rejected && !scenario.review.has(i) && !freshReview && forcedAccept === undefined && !awaiting && rng.chance(0.04)
      ? appDay + 1 + Math.floor(rng.next() * Math.max(1, closed.day - appDay - 1))
      : null;
    // Events happen only up to yesterday, and only before a termination.
    const limit = terminationDay !== null && terminationDay <= lastDay ? terminationDay - 1 : lastDay;

    let status: Status;
    if (rejected) status = accepted.day <= limit ? 'rejected' : reviewStartDay <= todayDay ? 'reviewing' : 'applied';
    else if (limit < lastDay) status = 'terminated';
    else if (archived.day <= limit) status = 'archived';
    else if (closed.day <= limit) status = 'closed';
    else if (assigned.day <= limit && submitDay <= todayDay) status = 'closing_submitted';
    else if (assigned.day <= limit) status = startDay <= todayDay ? 'in_progress' : 'assigned';
    else if (accepted.day <= limit) status = 'accepted';
    else status = reviewStartDay <= todayDay ? 'reviewing' : 'applied';

    const hasAccepted = !rejected && accepted.day <= limit;
    const hasAssigned = hasAccepted && assigned.day <= limit;
    const hasClosed = status === 'closed' || status === 'archived';
    const isArchived = status === 'archived';

    // The lawyer, chosen among those the rules allow on the assignment date.
    let lawyerId: number | null = null;
    let assignmentMethod: string | null = null;
    if (hasAssigned) {
      const clientChoice = rng.chance(0.1);
      assignmentMethod = clientChoice ? 'client_choice' : 'assigned';
      const on = isoDate(assigned.day);
      const specialty = cause?.specialty ?? 'criminal';
      lawyerId = picker.pick(rng, { on, minor, serious: maxPenalty !== null, criminal: type === 'criminal', specialty, clientChoice });
    }

    // Closing: outcome (written later, once amounts are final), grade, subsidy.
    let qualityGrade: string | null = null;
    let subsidyAmount: number | null = null;
    if (isArchived || (hasClosed && rng.chance(0.5))) {
      qualityGrade = rng.weighted(GRADE_WEIGHTS);
      subsidyAmount = subsidy(type, qualityGrade);
    }
    let rawAmount = 0;
    if (hasClosed && cause?.amount && !rng.chance(0.1)) {
      const [min, max] = cause.amount;
      const r = rng.next();
      rawAmount = min + (max - min) * r * r * r * r;
    }

    const servicePointId = pickServicePoint(rng, channel, type, groups, cause);
    rows[i] = {
      applicantName: applicant.name,
      applicantIdNumber: idNumber(rng, region, birthDate, profile.gender),
      applicantGender: profile.gender,
      applicantBirthDate: birthDate,
      applicantPhone: mobile(rng),
      applicantGroups: inOrder(groups, GROUP_ORDER),
      caseType: type,
      criminalRole,
      maxPenalty,
      causeOfAction,
      channel,
      servicePointId,
      applicationDate,
      // Income is asked only without an exemption (the cases declaration's visibleWhen).
      householdMonthlyIncome: exemptionReason ? null : householdMonthlyIncome,
      householdSize,
      exemptionReason,
      status,
      lawyerId,
      assignmentMethod,
      acceptedAt: hasAccepted ? isoDateTime(accepted) : null,
      assignedAt: hasAssigned ? isoDateTime(assigned) : null,
      closedAt: hasClosed ? isoDateTime(closed) : null,
      outcome: null,
      amountRecovered: null,
      qualityGrade,
      subsidyAmount,
      archivedAt: isArchived ? isoDateTime(archived) : null,
      ...paperwork(paperRng, { type, region, minor, criminalRole, causeOfAction, labour: Boolean(cause?.labour), applicantName: applicant.name }),
    };
    metas[i] = { type, cause, minor, assignedDay: hasAssigned ? assigned.day : null, status, rawAmount, criminalRole };
  }

  coverServicePoints(rng, rows, points);
  return { rows, meta: metas };
}

export interface LawyerNeed {
  on: string;
  minor: boolean;
  serious: boolean;
  criminal: boolean;
  specialty: string;
  clientChoice: boolean;
}

/** The lawyers a kind of case may go to, with cumulative weights for a weighted draw. */
export interface LawyerPool {
  indices: number[];
  cumulative: number[];
}

/** Picks lawyers the assignment rules allow; the demo lawyer (index 0) gets cases separately. */
export class LawyerPicker {
  private pools = new Map<number, LawyerPool>();
  constructor(private readonly lawyers: LawyerMeta[]) {}

  pick(rng: Random, need: LawyerNeed): number {
    let pool: LawyerPool;
    if (need.serious) {
      pool = this.build(need); // depends on the assignment date; rare
    } else {
      const key = SPECIALTY_ORDER.indexOf(need.specialty) * 8 + (need.minor ? 4 : 0) + (need.criminal ? 2 : 0) + (need.clientChoice ? 1 : 0);
      pool = this.pools.get(key) ?? this.build(need);
      this.pools.set(key, pool);
    }
    const { indices, cumulative } = pool;
    if (indices.length === 0) return 0; // the demo lawyer meets every rule
    const r = rng.next() * cumulative[cumulative.length - 1];
    let k = 0;
    while (k < cumulative.length - 1 && cumulative[k] <= r) k++;
    return indices[k];
  }

  private build(need: LawyerNeed): LawyerPool {
    const indices: number[] = [];
    const cumulative: number[] = [];
    let total = 0;
    this.lawyers.forEach((l, i) => {
      if (i === 0 || !l.eligible) return;
      if (need.minor && !l.specialties.has('minors')) return;
      if (need.serious && !(l.threeYearsOn < need.on)) return;
      if (need.criminal && l.type === 'grassroots') return;
      let w = 1;
      if (!need.clientChoice) {
        if (l.specialties.has(need.specialty)) w *= 3;
        if (need.criminal && !l.specialties.has('criminal')) w *= 0.3;
        if (l.type === 'legal_aid') w *= 1.6;
      }
      total += w;
      indices.push(i);
      cumulative.push(total);
    });
    return { indices, cumulative };
  }
}

/** Every service point has at least one case (a walk-in or workstation application). */
export function coverServicePoints(rng: Random, rows: Row[], points: number): void {
  const used = new Array<number>(points).fill(0);
  for (const row of rows) if (typeof row.servicePointId === 'number') used[row.servicePointId]++;
  for (let p = 0; p < points; p++) {
    if (used[p] > 0) continue;
    const candidates = rows
      .map((row, i) => [row, i] as const)
      .filter(([row]) => row.channel !== 'notified' && (row.servicePointId == null || used[row.servicePointId as number] > 1));
    if (candidates.length === 0) return;
    const [row] = rng.pick(candidates);
    if (typeof row.servicePointId === 'number') used[row.servicePointId]--;
    row.channel = SERVICE_POINTS[p].kind === 'intake_point' && SERVICE_POINTS[p].hostType === 'law_firm' ? 'window' : 'workstation';
    row.servicePointId = p;
    used[p]++;
  }
}

/** The demo lawyer gets ~15 cases per 600, at least 4 in progress and 2 assigned. */
export function giveDemoLawyerCases(rng: Random, rows: Row[], metas: CaseMeta[]): void {
  const target = Math.max(7, Math.round(rows.length / 40));
  const withLawyer = rows.map((_, i) => i).filter((i) => rows[i].lawyerId != null && rows[i].lawyerId !== 0);
  const byStatus = (status: Status) => rng.shuffle(withLawyer.filter((i) => metas[i].status === status));
  const chosen = new Set<number>([...byStatus('in_progress').slice(0, 5), ...byStatus('assigned').slice(0, 2)]);
  for (const i of rng.shuffle([...withLawyer])) {
    if (chosen.size >= target) break;
    chosen.add(i);
  }
  for (const i of chosen) rows[i].lawyerId = 0;
}

/** Scales the recovered amounts so the year's total matches seed 000, then writes the outcomes. */
export function closeCases(rng: Random, rows: Row[], metas: CaseMeta[]): void {
  let rawTotal = 0;
  for (const m of metas) rawTotal += m.rawAmount;
  const target = RECOVERED_PER_CASE * rows.length;
  const scale = rawTotal > 0 ? target / rawTotal : 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const m = metas[i];
    if (row.closedAt == null) continue;
    if (m.type !== 'criminal') {
      const amount = Math.min(200_000, Math.round((m.rawAmount * scale) / 100) * 100);
      row.amountRecovered = amount;
      row.outcome = civilOutcome(rng, m, amount);
    } else {
      row.outcome = criminalOutcome(rng, row, m);
    }
  }
}

export const PRISON_TERMS = ['拘役四个月', '有期徒刑六个月', '有期徒刑十个月', '有期徒刑一年', '有期徒刑一年六个月', '有期徒刑二年', '有期徒刑三年', '有期徒刑三年六个月', '有期徒刑五年'];
export const DEFENCE_POINTS = ['自首', '坦白', '初犯、偶犯', '认罪认罚', '积极退赃并取得被害人谅解', '从犯', '犯罪未遂'];

export function criminalOutcome(rng: Random, row: Row, m: CaseMeta): string {
  const cause = String(row.causeOfAction);
  if (m.criminalRole === 'victim') {
    return rng.pick([
      `代理被害人参加诉讼并提起附带民事诉讼，法院以${cause}追究被告人刑事责任，并判令赔偿被害人经济损失。`,
      `代理被害人参加诉讼，促成被告人赔偿并取得谅解，法院以${cause}依法判处。`,
    ]);
  }
  if (m.criminalRole === 'appellant') {
    return rng.pick([
      '代理申诉，检察院依法复查后维持原处理决定，承办律师做好释法说理工作，申诉人息诉罢访。',
      '代理申诉，法院立案复查，部分采纳申诉意见。',
    ]);
  }
  const point = rng.pick(DEFENCE_POINTS);
  if (row.maxPenalty === 'death' || row.maxPenalty === 'life') {
    const sentence = row.maxPenalty === 'death'
      ? rng.pick(['死刑，缓期二年执行', '无期徒刑', '有期徒刑十五年'])
      : rng.pick(['无期徒刑', '有期徒刑十五年', '有期徒刑十二年']);
    return `法院部分采纳辩护人关于${point}的辩护意见，以${cause}判处被告人${sentence}。`;
  }
  if (m.minor) {
    return rng.pick([
      `检察院采纳辩护意见，对未成年犯罪嫌疑人作出附条件不起诉决定。`,
      `法院采纳辩护人关于未成年人犯罪、${point}的辩护意见，以${cause}判处被告人${rng.pick(PRISON_TERMS.slice(0, 5))}，缓刑一年。`,
    ]);
  }
  if (rng.chance(0.1)) return '检察院采纳辩护意见，以犯罪情节轻微为由对犯罪嫌疑人作出不起诉决定。';
  const term = rng.pick(PRISON_TERMS);
  const probation = rng.chance(0.35) && !term.includes('五年') && !term.includes('三年六') ? `，缓刑${rng.pick(['一年', '一年六个月', '二年'])}` : '';
  return `法院采纳辩护人关于${point}的辩护意见，以${cause}判处被告人${term}${probation}。`;
}

export function civilOutcome(rng: Random, m: CaseMeta, amount: number): string {
  const money = `${yuanText(amount)}元`;
  const cause = m.cause?.name ?? '';
  if (amount === 0) {
    if (cause === '工伤认定') return '人力资源和社会保障局作出认定工伤决定，为受援人后续主张工伤保险待遇奠定基础。';
    if (cause === '行政复议') return rng.pick(['复议机关撤销原行政行为，责令被申请人重新作出处理。', '复议机关维持原行政行为，承办律师向受援人释法说理。']);
    if (cause.includes('离婚') || cause.includes('婚姻')) return '经调解，双方自愿离婚，子女由受援人抚养，受援人的合法权益得到维护。';
    return rng.pick(['经调解，双方达成和解协议，受援人的合理诉求得到支持。', '法院判决驳回对方诉讼请求，受援人的合法权益得到维护。', '受援人的诉讼请求未获支持，承办律师做好释法说理工作。']);
  }
  switch (m.type) {
    case 'arbitration':
      return `劳动人事争议仲裁委员会裁决用人单位支付受援人${cause.includes('工伤') ? '工伤保险待遇' : '拖欠工资及经济补偿金'}共计${money}。`;
    case 'non_litigation':
      return `经人民调解委员会调解，双方达成调解协议，对方当场支付${money}。`;
    case 'administrative':
      return `行政机关依法作出给付（赔偿）决定，受援人获得${money}。`;
    default:
      return rng.pick([
        `经法院主持调解，双方达成调解协议，对方当事人支付受援人${money}。`,
        `法院判决支持受援人的主要诉讼请求，判令对方支付${money}，已执行到位。`,
        `一审判决对方赔偿受援人${money}，对方未上诉，判决已生效。`,
      ]);
  }
}
