// A demo legal aid centre: a district 法律援助中心 (路桥, 台州 flavour) over the twelve months
// before `today`. Pure and deterministic: the same options give the same data.
//
// Rows use the API shape of the declarations in api/resources: camelCase fields, enum option
// keys, dates 'YYYY-MM-DD', datetimes full ISO strings, money in yuan. A reference field holds
// the 0-based index of a row in the referenced array of the same DemoCentre (the loader maps
// indices to database ids); a referenceList holds an array of indices. Fields the server sets
// (id, version, createdAt, updatedAt, caseNumber, complaint deadlines) are never emitted.
//
// Every case with a lawyer satisfies the assignment rules on its assignment date (lawyer active,
// firm contracted for the whole period, ≥ 3 years of practice for life/death cases, the `minors`
// specialty for minors); the means test holds (income per head < 1800 yuan, a recorded
// exemption consistent with the applicant, or a notified criminal case); timestamps follow the
// case's life and none lies in the future (events are recorded up to yesterday, in office hours
// Beijing time, stored as UTC). Cases come in application order. A few cases are placed on
// purpose so that the demo shows the deadlines at work: applications undecided after 7 days,
// acceptances unassigned after 3, fresh assignments not yet taken up.
import type { Row } from '../resources/define.js';
import { creditCodeCheckCharacter, idCheckCharacter } from '../identifiers.js';

export interface DemoCentre {
  'law-firms': Row[];
  lawyers: Row[];
  'volunteer-teams': Row[];
  'service-points': Row[];
  cases: Row[];
  complaints: Row[];
}

export interface DemoCentreOptions {
  /** Number of cases to generate (the seed document's district handles ~600 a year). */
  cases: number;
  seed?: number;
  /** The day the demo is seen from, YYYY-MM-DD; every date lies in the 12 months before it. */
  today: string;
}

/** The demo lawyer account's e-mail; its lawyer record is `lawyers[0]`. */
export const DEMO_LAWYER_EMAIL = 'lawyer@fayuan.test';

/** Seed 000: 590 cases a year recovered 4.9 million yuan for the clients. */
const RECOVERED_PER_CASE = 4_900_000 / 590;
/** Means test threshold: minimum living standard 900 × 2 (settings.ts). */
const HARDSHIP_THRESHOLD = 1800;

// ---------------------------------------------------------------------------------------------
// Randomness and dates

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: a uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** One of the items, each as likely as its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (let i = 0; i < items.length; i++) total += items[i][1];
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= items[i][1];
      if (r < 0) return items[i][0];
    }
    return items[items.length - 1][0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  /** `count` random decimal digits (count ≤ 9). */
  digits(count: number): string {
    return String(Math.floor(this.next() * 10 ** count)).padStart(count, '0');
  }
}

const DAY_MS = 86_400_000;
/** Office hours 08:30–17:30 Beijing time, in minutes after 00:00 UTC. */
const OFFICE_OPEN = 30;
const OFFICE_CLOSE = 570;

function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** YYYY-MM-DD of a day number (days from the civil date algorithm; much faster than Date for 100k cases). */
const isoDates = new Map<number, string>();

function isoDate(day: number): string {
  let text = isoDates.get(day);
  if (text === undefined) {
    text = civilDate(day);
    isoDates.set(day, text);
  }
  return text;
}

function civilDate(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Weekday of a day number, 0 = Sunday (1970-01-01 was a Thursday). */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** A moment: whole days since 1970-01-01 plus minutes after 00:00 UTC. */
interface Moment {
  day: number;
  minute: number;
}

/** 'T09:30:00.000Z' for each minute of the day, shared by every datetime string. */
const TIMES_OF_DAY = Array.from({ length: 1440 }, (_, minute) => {
  const h = Math.floor(minute / 60);
  const min = minute % 60;
  return `T${h < 10 ? '0' : ''}${h}:${min < 10 ? '0' : ''}${min}:00.000Z`;
});

function isoDateTime(m: Moment): string {
  return isoDate(m.day) + TIMES_OF_DAY[m.minute];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `date` moved by whole years, keeping month and day (29 February becomes the 28th). */
function yearsFrom(date: string, years: number): string {
  const monthDay = date.slice(5, 10) === '02-29' ? '02-28' : date.slice(5, 10);
  return `${pad(Number(date.slice(0, 4)) + years, 4)}-${monthDay}`;
}

/** Age in 周岁 on `on`: a birthday completes the year the day after it (periods.ts). */
function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) > birthDate.slice(5) ? years : years - 1;
}

function yuanText(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// ---------------------------------------------------------------------------------------------
// Names, phones, ID numbers

const SURNAMES: readonly (readonly [string, string, number])[] = [
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
const SURNAME_WEIGHTS = SURNAMES.map((s) => [s, s[2]] as const);

const MALE_CHARS = '伟强军磊勇杰涛斌浩鹏超明华建国志海峰平辉文俊林宇晨东龙波刚阳立新荣成忠兵和福根德云飞亮胜瑞'.split('');
const FEMALE_CHARS = '芳娜敏静丽艳霞燕玲婷娟萍红梅琴英慧佳雪颖莉倩欣怡秀兰凤丹蕾洁珍素月'.split('');
const BOY_CHARS = '宇轩浩然子梓睿博泽俊晨嘉一航奕辰铭逸'.split('');
const GIRL_CHARS = '涵萱怡欣雨桐诺可馨琪悦思语妍彤梦'.split('');

type Gender = 'male' | 'female';

function personName(rng: Random, gender: Gender, birthYear = 1980): { name: string; pinyin: string } {
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

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '180', '181', '187', '188', '189'];

function mobile(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** A 台州 landline, 0576-8xxxxxxx. */
function landline(rng: Random): string {
  return `0576-8${rng.digits(7)}`;
}

/** 台州: 路桥 (most), 椒江, 黄岩, 温岭, 临海, 玉环. */
const LOCAL_REGIONS = [['331004', 12], ['331002', 2], ['331003', 2], ['331081', 2], ['331082', 1], ['331083', 1]] as const;
/** Home counties of migrant workers (河南, 安徽, 四川, 重庆, 贵州, 江西). */
const MIGRANT_REGIONS = ['411521', '411522', '341221', '342221', '510722', '500233', '522426', '362427'];
/** Ethnic-minority autonomous counties (贵州威宁, 湖南永顺, 湖北恩施, 广西融水). */
const MINORITY_REGIONS = ['522427', '433127', '422801', '450225'];

function idNumber(rng: Random, region: string, birthDate: string, gender: Gender): string {
  const sequence = rng.digits(2) + String(rng.int(0, 4) * 2 + (gender === 'male' ? 1 : 0));
  const first17 = region + birthDate.slice(0, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10) + sequence;
  return first17 + idCheckCharacter(first17);
}

/** Specialty keys in declaration order (api/resources/options.ts). */
const SPECIALTY_ORDER = ['criminal', 'minors', 'labour', 'family', 'administrative', 'contract', 'tort', 'land', 'petition'];
const GROUP_ORDER = ['migrant_worker', 'elderly', 'disabled', 'minor', 'woman', 'military', 'ethnic_minority', 'low_income'];

function inOrder(tags: Set<string>, order: readonly string[]): string[] {
  const sorted: string[] = [];
  for (const tag of order) if (tags.has(tag)) sorted.push(tag);
  return sorted;
}

// ---------------------------------------------------------------------------------------------
// Law firms

const FIRMS = [
  { name: '浙江南官律师事务所', slug: 'nanguanlaw', road: '南官大道' },
  { name: '浙江路桥明正律师事务所', slug: 'mingzhenglaw', road: '路桥大道' },
  { name: '浙江衡川律师事务所', slug: 'hengchuanlaw', road: '腾达路' },
  { name: '浙江泽桥律师事务所', slug: 'zeqiaolaw', road: '商海街' },
  { name: '浙江东瓯明理律师事务所', slug: 'minglilaw', road: '银座街' },
  { name: '浙江金清律师事务所', slug: 'jinqinglaw', road: '金清大道' },
  { name: '浙江致衡律师事务所', slug: 'zhihenglaw', road: '西路桥大道' },
  { name: '浙江桐屿律师事务所', slug: 'tongyulaw', road: '桐屿大道' },
  { name: '浙江澄江律师事务所', slug: 'chengjianglaw', road: '富仕路' },
  { name: '浙江螺洋律师事务所', slug: 'luoyanglaw', road: '螺洋路' },
  { name: '浙江上嘉律师事务所', slug: 'shangjialaw', road: '财富大道' },
  { name: '浙江立衡律师事务所', slug: 'lihenglaw', road: '数码街' },
] as const;
/** The last two firms are not contracted for legal aid: one's contract ran out, one never had one. */
const CONTRACTED_FIRMS = 10;
/** Lawyers per firm (firm 0 includes the demo lawyer). */
const FIRM_SIZES = [9, 7, 7, 6, 6, 5, 5, 4, 4, 3, 3, 3];

function makeLawFirms(rng: Random, today: string): Row[] {
  const year = Number(today.slice(0, 4));
  return FIRMS.map((firm, i) => {
    let contractStart: string | null = null;
    let contractEnd: string | null = null;
    if (i < CONTRACTED_FIRMS) {
      // Contracts run from 1 January of an earlier year to 31 December of this year or the next:
      // they cover every assignment of the last 12 months.
      contractStart = `${year - 1 - rng.int(0, 1)}-01-01`;
      contractEnd = `${year + rng.int(0, 1)}-12-31`;
    } else if (i === CONTRACTED_FIRMS) {
      contractStart = `${year - 4}-01-01`;
      contractEnd = `${year - 2}-12-31`;
    }
    return {
      name: firm.name,
      licenseNo: `3133100${pad(200 + i * 37 + rng.int(0, 36), 4)}${rng.digits(6)}`,
      address: `台州市路桥区${firm.road}${rng.int(8, 688)}号${rng.int(2, 18)}楼`,
      phone: landline(rng),
      isContracted: i < CONTRACTED_FIRMS,
      contractStart,
      contractEnd,
      active: true,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Lawyers

type LawyerType = 'practising' | 'legal_aid' | 'public' | 'grassroots';

interface LawyerMeta {
  type: LawyerType;
  firm: number | null;
  active: boolean;
  /** Active and (no firm or a contracted firm): may be assigned. */
  eligible: boolean;
  specialties: Set<string>;
  practiceStartDate: string;
  /** The first day with 3 full years of practice (periods.ts yearsCompleteOn). */
  threeYearsOn: string;
}

interface LawyerSet {
  rows: Row[];
  meta: LawyerMeta[];
}

const DEMO_LAWYER_NAME = '王志远';

function makeLawyers(rng: Random, firms: Row[], today: string, todayDay: number): LawyerSet {
  // Who is who: index 0 is the demo lawyer (firm 0), then firm lawyers, legal aid, public and grassroots.
  const slots: { type: LawyerType; firm: number | null }[] = [];
  FIRM_SIZES.forEach((size, firm) => {
    for (let k = firm === 0 ? 1 : 0; k < size; k++) slots.push({ type: 'practising', firm });
  });
  for (let k = 0; k < 9; k++) slots.push({ type: 'legal_aid', firm: null });
  for (let k = 0; k < 4; k++) slots.push({ type: 'public', firm: null });
  for (let k = 0; k < 5; k++) slots.push({ type: 'grassroots', firm: null });
  rng.shuffle(slots);
  slots.unshift({ type: 'practising', firm: 0 });
  const count = slots.length;

  const isContracted = (firm: number | null) => firm === null || firms[firm].isContracted === true;
  const active = slots.map(() => true);
  // A few inactive (retired, moved away, suspended); never the demo lawyer.
  for (const i of rng.shuffle(Array.from({ length: count - 1 }, (_, k) => k + 1)).slice(0, 4)) active[i] = false;
  const eligible = slots.map((s, i) => active[i] && isContracted(s.firm));

  // Years of practice: several juniors (1–3 years), two right at the 3-year line, the rest 3.5–25.
  const years: number[] = new Array(count).fill(0);
  const exactDays: (number | null)[] = new Array(count).fill(null);
  const threeYearsAgo = dayNumber(yearsFrom(today, -3));
  const others = rng.shuffle(Array.from({ length: count - 1 }, (_, k) => k + 1));
  const eligibleOthers = others.filter((i) => eligible[i]);
  const aroundThree = eligibleOthers.slice(0, 2);
  exactDays[aroundThree[0]] = threeYearsAgo - rng.int(12, 40); // just past 3 years
  exactDays[aroundThree[1]] = threeYearsAgo + rng.int(10, 40); // just short of 3 years
  const rest = others.filter((i) => !aroundThree.includes(i));
  rest.forEach((i, k) => {
    years[i] = k < 7 ? 1.1 + rng.next() * 1.8 : 3.5 + rng.next() * 21.5;
  });
  years[0] = 9.4;

  // Specialties: criminal for ~25 (never grassroots workers), minors for ≥ 12.
  const specialties = slots.map(() => new Set<string>());
  const notGrassroots = others.filter((i) => slots[i].type !== 'grassroots');
  for (const i of rng.shuffle([...notGrassroots]).slice(0, 24)) specialties[i].add('criminal');
  for (const i of rng.shuffle(notGrassroots.filter((k) => eligible[k])).slice(0, 11)) specialties[i].add('minors');
  for (const i of rng.shuffle(notGrassroots.filter((k) => !eligible[k])).slice(0, 1)) specialties[i].add('minors');
  const otherSpecialties = [['labour', 5], ['family', 5], ['contract', 4], ['tort', 3], ['administrative', 2], ['land', 2]] as const;
  for (let i = 1; i < count; i++) {
    const wanted = rng.int(1, 3);
    while (specialties[i].size < wanted + (specialties[i].has('criminal') ? 1 : 0) + (specialties[i].has('minors') ? 1 : 0)) {
      specialties[i].add(rng.weighted(otherSpecialties));
    }
    if (slots[i].type === 'public') specialties[i].add('administrative');
    if (slots[i].type === 'grassroots') specialties[i].add(rng.pick(['land', 'labour', 'contract']));
  }
  for (const s of ['criminal', 'minors', 'labour', 'family']) specialties[0].add(s);

  const rows: Row[] = [];
  const meta: LawyerMeta[] = [];
  const names = new Set<string>();
  const licences = new Set<string>();
  for (let i = 0; i < count; i++) {
    const slot = slots[i];
    const gender: Gender = i === 0 ? 'male' : rng.chance(0.38) ? 'female' : 'male';
    let person = personName(rng, gender);
    if (i === 0) person = { name: DEMO_LAWYER_NAME, pinyin: 'wang' };
    while (names.has(person.name)) person = personName(rng, gender);
    names.add(person.name);

    let startDay = exactDays[i] ?? todayDay - Math.round(years[i] * 365.25) - rng.int(0, 20);
    if (isoDate(startDay).endsWith('-02-29')) startDay -= 1;
    const practiceStartDate = isoDate(startDay);
    const typeDigit = slot.type === 'grassroots' ? '5' : slot.type === 'public' ? '3' : '1';
    let licenseNo = '';
    do {
      licenseNo = `13310${practiceStartDate.slice(0, 4)}${typeDigit}${gender === 'male' ? '1' : '0'}${rng.digits(6)}`.slice(0, 17);
    } while (licences.has(licenseNo));
    licences.add(licenseNo);

    const domain = slot.firm !== null ? `${FIRMS[slot.firm].slug}.example.cn` : slot.type === 'grassroots' ? 'lqflfw.example.cn' : 'lqfy.example.cn';
    const email = i === 0 ? DEMO_LAWYER_EMAIL : `${person.pinyin}${pad(i, 2)}${rng.digits(2)}@${domain}`;
    const tags = inOrder(specialties[i], SPECIALTY_ORDER);
    rows.push({
      name: person.name,
      gender,
      licenseNo,
      lawyerType: slot.type,
      lawFirmId: slot.firm,
      practiceStartDate,
      specialties: tags,
      phone: mobile(rng),
      email,
      active: active[i],
    });
    meta.push({
      type: slot.type,
      firm: slot.firm,
      active: active[i],
      eligible: eligible[i],
      specialties: specialties[i],
      practiceStartDate,
      threeYearsOn: yearsFrom(practiceStartDate, 3),
    });
  }
  return { rows, meta };
}

// ---------------------------------------------------------------------------------------------
// Volunteer teams

function makeVolunteerTeams(rng: Random, lawyers: LawyerSet, today: string): Row[] {
  const { meta, rows } = lawyers;
  const indices = meta.map((_, i) => i);
  const seniority = (i: number) => meta[i].practiceStartDate;
  const year = Number(today.slice(0, 4));

  // 涉法涉诉信访律师团 (seed 000: a team of 100 lawyers; this district's share is ~40).
  const petitionPool = rng.shuffle(indices.filter((i) => meta[i].type !== 'grassroots' && meta[i].active));
  const petition = petitionPool.slice(0, 40).sort((a, b) => a - b);
  for (const i of petition) {
    if (rng.chance(0.4) && !meta[i].specialties.has('petition')) {
      meta[i].specialties.add('petition');
      rows[i].specialties = inOrder(meta[i].specialties, SPECIALTY_ORDER);
    }
  }
  const petitionLeader = [...petition].sort((a, b) => seniority(a).localeCompare(seniority(b)))[0];

  const labour = indices.filter((i) => meta[i].specialties.has('labour') && meta[i].active);
  const migrant = [...rng.shuffle(labour).slice(0, 12), ...indices.filter((i) => meta[i].type === 'grassroots' && meta[i].active).slice(0, 3)];
  const migrantMembers = [...new Set(migrant)].sort((a, b) => a - b);
  const migrantLeader = [...migrantMembers].sort((a, b) => seniority(a).localeCompare(seniority(b)))[0];

  const minors = indices.filter((i) => meta[i].specialties.has('minors') && meta[i].active);

  return [
    {
      name: '路桥区涉法涉诉信访律师团',
      focus: 'petition',
      leaderId: petitionLeader,
      memberIds: petition,
      establishedAt: `${year - 6}-03-${pad(rng.int(1, 28), 2)}`,
      description: '由全区律师事务所、法律援助中心选派的执业律师组成，参与信访局涉法涉诉信访案件的接待、评析和化解，引导群众依法理性表达诉求。',
    },
    {
      name: '农民工讨薪法律援助律师服务团',
      focus: 'migrant_workers',
      leaderId: migrantLeader,
      memberIds: migrantMembers,
      establishedAt: `${year - 4}-01-${pad(rng.int(1, 28), 2)}`,
      description: '专办农民工追索劳动报酬、工伤赔偿案件，岁末年初开设讨薪绿色通道，实行优先受理、优先指派、优先办理。',
    },
    {
      name: '未成年人法律援助律师团',
      focus: 'minors',
      leaderId: 0,
      memberIds: minors,
      establishedAt: `${year - 3}-06-01`,
      description: '由熟悉未成年人身心特点的律师组成，承办未成年人刑事案件通知辩护和抚养费、监护等民事案件，联合团委开展青少年法治宣传。',
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Service points

type HostType = 'law_firm' | 'youth_league' | 'womens_federation' | 'disabled_federation' | 'aging_committee' | 'court'
  | 'procuratorate' | 'petition_bureau' | 'detention_centre' | 'military_unit' | 'township' | 'ethnic_minority' | 'other';

const SERVICE_POINTS: readonly { name: string; kind: 'intake_point' | 'workstation' | 'liaison_point'; hostType: HostType; address: string }[] = [
  { name: `${FIRMS[0].name}法律援助受理点`, kind: 'intake_point', hostType: 'law_firm', address: `台州市路桥区${FIRMS[0].road}` },
  { name: `${FIRMS[1].name}法律援助受理点`, kind: 'intake_point', hostType: 'law_firm', address: `台州市路桥区${FIRMS[1].road}` },
  { name: `${FIRMS[5].name}法律援助受理点`, kind: 'intake_point', hostType: 'law_firm', address: `台州市路桥区${FIRMS[5].road}` },
  { name: '团区委青少年法律援助受理点', kind: 'intake_point', hostType: 'youth_league', address: '台州市路桥区路桥大道行政中心' },
  { name: '区妇联妇女儿童维权法律援助受理点', kind: 'intake_point', hostType: 'womens_federation', address: '台州市路桥区路桥大道行政中心' },
  { name: '区残联残疾人法律援助受理点', kind: 'intake_point', hostType: 'disabled_federation', address: '台州市路桥区银安街' },
  { name: '区老龄委老年人法律援助受理点', kind: 'intake_point', hostType: 'aging_committee', address: '台州市路桥区腾达路' },
  { name: '区人民法院法律援助工作站', kind: 'workstation', hostType: 'court', address: '台州市路桥区南官大道诉讼服务中心' },
  { name: '区人民检察院法律援助工作站', kind: 'workstation', hostType: 'procuratorate', address: '台州市路桥区西路桥大道' },
  { name: '区信访局法律援助工作站', kind: 'workstation', hostType: 'petition_bureau', address: '台州市路桥区人民信访接待中心' },
  { name: '区看守所法律援助工作站', kind: 'workstation', hostType: 'detention_centre', address: '台州市路桥区峰江街道' },
  { name: '驻区部队军人军属法律援助工作站', kind: 'workstation', hostType: 'military_unit', address: '台州市路桥区螺洋街道' },
  { name: '金清镇法律援助工作站', kind: 'workstation', hostType: 'township', address: '台州市路桥区金清镇政府便民服务中心' },
  { name: '区总工会农民工法律援助工作站', kind: 'workstation', hostType: 'other', address: '台州市路桥区职工服务中心' },
  { name: '横街镇法律援助联系点', kind: 'liaison_point', hostType: 'township', address: '台州市路桥区横街镇便民服务中心' },
  { name: '少数民族流动人口法律援助联系点', kind: 'liaison_point', hostType: 'ethnic_minority', address: '台州市路桥区桐屿街道' },
];

function makeServicePoints(rng: Random): Row[] {
  return SERVICE_POINTS.map((p) => ({
    name: p.name,
    kind: p.kind,
    hostType: p.hostType,
    address: p.address.match(/号|中心|街道$/) ? p.address : `${p.address}${rng.int(1, 300)}号`,
    contactName: personName(rng, rng.chance(0.5) ? 'female' : 'male').name,
    phone: landline(rng),
    active: true,
  }));
}

/** Index of the first service point with this host type. */
function pointOf(host: HostType): number {
  return SERVICE_POINTS.findIndex((p) => p.hostType === host);
}

// ---------------------------------------------------------------------------------------------
// Causes of action

type CaseType = 'criminal' | 'civil' | 'administrative' | 'arbitration' | 'non_litigation';

interface Cause {
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

const CRIMINAL_CAUSES: readonly Cause[] = [
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
const JUVENILE_CAUSES = ['盗窃罪', '寻衅滋事罪', '抢劫罪', '故意伤害罪', '帮助信息网络犯罪活动罪'];
const SERIOUS_CAUSES = ['故意杀人罪', '故意杀人罪', '抢劫罪', '故意伤害罪', '贩卖毒品罪'];

const CAUSES: Record<Exclude<CaseType, 'criminal'>, readonly Cause[]> = {
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
const CAUSE_WEIGHTS = Object.fromEntries(
  Object.entries(CAUSES).map(([type, causes]) => [type, causes.map((c) => [c, c.weight] as const)]),
) as Record<Exclude<CaseType, 'criminal'>, (readonly [Cause, number])[]>;
const CRIMINAL_WEIGHTS = CRIMINAL_CAUSES.map((c) => [c, c.weight] as const);

/** Shares of the case types (seed 001: criminal ≥ 19 %). */
const CASE_TYPE_SHARES: readonly (readonly [CaseType, number])[] = [
  ['criminal', 0.26], ['civil', 0.44], ['administrative', 0.06], ['arbitration', 0.12], ['non_litigation', 0.12],
];

// ---------------------------------------------------------------------------------------------
// Cases

type Status = 'applied' | 'reviewing' | 'accepted' | 'rejected' | 'assigned' | 'in_progress'
  | 'closing_submitted' | 'closed' | 'archived' | 'terminated';

/** What the rest of the generation needs to know about a case beyond its row. */
interface CaseMeta {
  type: CaseType;
  cause: Cause | null;
  minor: boolean;
  assignedDay: number | null;
  status: Status;
  rawAmount: number;
  criminalRole: string | null;
}

/** `[day, minute]` strictly after `previous`, `lagDays` days later, in office hours where possible. */
function after(rng: Random, previous: Moment, lagDays: number): Moment {
  const day = previous.day + lagDays;
  let minute = rng.int(OFFICE_OPEN, OFFICE_CLOSE);
  if (day === previous.day && minute <= previous.minute) minute = Math.min(previous.minute + rng.int(10, 90), 1439);
  if (day === previous.day && minute <= previous.minute) minute = previous.minute + 1;
  return { day, minute };
}

function applicationDays(rng: Random, n: number, todayDay: number): number[] {
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

function caseTypeQuota(rng: Random, n: number): CaseType[] {
  const types: CaseType[] = [];
  for (const [type, share] of CASE_TYPE_SHARES) {
    const count = type === 'civil' ? 0 : Math.round(n * share);
    for (let k = 0; k < count && types.length < n; k++) types.push(type);
  }
  while (types.length < n) types.push('civil');
  return rng.shuffle(types);
}

interface ApplicantProfile {
  gender: Gender;
  age: number;
  groups: Set<string>;
}

function applicantProfile(rng: Random, type: CaseType, cause: Cause | null, role: string | null, juvenile: boolean): ApplicantProfile {
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
function birthDateFor(rng: Random, age: number, on: string): string {
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

const POINT = {
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
const FIRM_INTAKE_POINTS = SERVICE_POINTS.flatMap((p, i) => (p.hostType === 'law_firm' ? [i] : []));
const NOTIFIED_POINTS = [[POINT.detention, 4], [POINT.procuratorate, 3], [POINT.court, 3], [null, 2]] as const;
const CRIMINAL_POINTS = [POINT.detention, POINT.procuratorate, POINT.court];
const OTHER_POINTS = [
  [POINT.township, 4], [POINT.liaison, 2], [POINT.court, 2], [POINT.petition, 1], [POINT.women, 1], [POINT.union, 1],
  ...FIRM_INTAKE_POINTS.map((i) => [i, 1] as const),
] as const;

function pickServicePoint(rng: Random, channel: string, type: CaseType, groups: Set<string>, cause: Cause | null): number | null {
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
function handlingDays(rng: Random, type: CaseType): number {
  const [min, max] = type === 'criminal' ? [20, 110]
    : type === 'civil' ? [25, 120]
      : type === 'administrative' ? [30, 120]
        : type === 'arbitration' ? [25, 80]
          : [7, 40];
  const base = min + Math.floor((max - min) * rng.next() * (0.5 + 0.5 * rng.next()));
  return rng.chance(0.05) ? base + rng.int(60, 200) : base;
}

const GRADE_WEIGHTS = [['excellent', 20], ['good', 45], ['pass', 30], ['fail', 5]] as const;
/** Differentiated subsidy (seed 000): base × grade factor, an excellent file at most 2500 yuan. */
const GRADE_FACTORS: Record<string, number> = { excellent: 1.5, good: 1.2, pass: 1, fail: 0.5 };

function subsidy(type: CaseType, grade: string): number {
  const base = type === 'criminal' ? 1200 : 1600;
  return Math.min(2500, Math.round(base * GRADE_FACTORS[grade]));
}

const CRIMINAL_ROLES = [['defendant', 85], ['victim', 10], ['appellant', 5]] as const;
const CRIMINAL_CHANNELS = [['window', 45], ['workstation', 30], ['hotline_12348', 15], ['online', 10]] as const;
const CHANNELS = [['window', 40], ['workstation', 25], ['online', 20], ['hotline_12348', 15]] as const;
/** Days from application to the decision (within the 7 days of art. 43). */
const DECISION_LAGS = [[0, 1], [1, 2], [2, 3], [3, 4], [4, 4], [5, 3], [6, 3]] as const;
/** Days from acceptance to assignment (within the 3 days of art. 43). */
const ASSIGN_LAGS = [[0, 2], [1, 3], [2, 3], [3, 1]] as const;
/** Days from assignment until the lawyer takes the case up (meets the client, reads the file). */
const START_LAGS = [[1, 2], [2, 3], [3, 3], [4, 2], [5, 1], [7, 1]] as const;

interface Scenarios {
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
function chooseScenarios(rng: Random, days: number[], todayDay: number): Scenarios {
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

const TOWNS = ['路桥街道', '路南街道', '路北街道', '螺洋街道', '桐屿街道', '峰江街道', '新桥镇', '横街镇', '金清镇', '蓬街镇'];
const VILLAGE_ROADS = ['兴中路', '商城街', '富仁路', '石曲街', '同心路', '长浦路', '卖芝桥路', '三桥路'];
const COMPANIES = ['台州市路桥区宏达机械有限公司', '台州市路桥区永盛塑料制品厂', '浙江金桥建设有限公司', '台州市路桥区恒通物流有限公司', '台州市路桥区新锐服装厂', '台州市路桥区鑫源五金有限公司'];
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * What an application form records beyond the case itself: where the applicant lives, who
 * applies for them, whom the case is against and what it is about. Drawn from a random stream
 * of its own, so the rest of the demo centre stays as it was.
 */
function paperwork(rng: Random, c: { type: CaseType; region: string; minor: boolean; criminalRole: string | null; causeOfAction: string; labour: boolean; applicantName: string }): Row {
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

function makeCases(rng: Random, n: number, todayDay: number, lawyers: LawyerSet, points: number): { rows: Row[]; meta: CaseMeta[] } {
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

interface LawyerNeed {
  on: string;
  minor: boolean;
  serious: boolean;
  criminal: boolean;
  specialty: string;
  clientChoice: boolean;
}

/** The lawyers a kind of case may go to, with cumulative weights for a weighted draw. */
interface LawyerPool {
  indices: number[];
  cumulative: number[];
}

/** Picks lawyers the assignment rules allow; the demo lawyer (index 0) gets cases separately. */
class LawyerPicker {
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
function coverServicePoints(rng: Random, rows: Row[], points: number): void {
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
function giveDemoLawyerCases(rng: Random, rows: Row[], metas: CaseMeta[]): void {
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
function closeCases(rng: Random, rows: Row[], metas: CaseMeta[]): void {
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

const PRISON_TERMS = ['拘役四个月', '有期徒刑六个月', '有期徒刑十个月', '有期徒刑一年', '有期徒刑一年六个月', '有期徒刑二年', '有期徒刑三年', '有期徒刑三年六个月', '有期徒刑五年'];
const DEFENCE_POINTS = ['自首', '坦白', '初犯、偶犯', '认罪认罚', '积极退赃并取得被害人谅解', '从犯', '犯罪未遂'];

function criminalOutcome(rng: Random, row: Row, m: CaseMeta): string {
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

function civilOutcome(rng: Random, m: CaseMeta, amount: number): string {
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

// ---------------------------------------------------------------------------------------------
// Complaints

const COMPLAINT_TEXT: Record<string, readonly string[]> = {
  attitude: ['承办律师接听电话时态度生硬，对受援人提出的问题不耐烦。', '受援人反映承办律师会见时敷衍了事，不愿解释案件进展。'],
  quality: ['承办律师开庭前未与受援人沟通案情，代理意见未体现受援人的主要诉求。', '受援人认为承办律师未调取关键证据，导致诉讼请求未获全部支持。'],
  delay: ['案件指派后承办律师长时间未与受援人联系，未及时提起诉讼。', '承办律师多次推迟会见，受援人担心错过仲裁时效。'],
  fees: ['承办律师以差旅费名义向受援人收取费用两千元。', '受援人反映承办律师要求另行签订委托合同并支付代理费。'],
  gifts: ['反映承办律师接受受援人家属宴请并收受购物卡。'],
  refusal: ['投诉人反映承办律师以案情复杂为由拒绝继续代理。'],
  other: ['受援人对案件办理结果不满意，要求更换承办律师。', '受援人反映承办律师泄露其个人信息。'],
};
const CONCLUSIONS = [
  '经调查核实，投诉事项部分属实，已责令承办律师向受援人道歉并限期整改，纳入年度考核。',
  '经调查，投诉事项不属实，已向投诉人说明情况，投诉人表示理解。',
  '投诉属实，责令承办律师退还所收费用，并暂停其承办法律援助案件六个月。',
  '经调查核实，承办律师未及时告知案件进展，已对其进行约谈并督促加快办理。',
  '投诉人与承办律师沟通后消除误会，投诉人撤回投诉要求，予以办结。',
];

const REFUSALS = [
  '投诉事项不属于法律援助投诉受理范围，已告知投诉人向有关部门反映。',
  '投诉人未提供被投诉人的基本情况和投诉事实，经告知后仍未补正。',
  '同一事项已经处理并答复，投诉人未提出新的事实和理由。',
];

/** The number of items (sorted by key) whose key is below `value`. */
function lowerBound(items: number[], value: number, key: (item: number) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function makeComplaints(rng: Random, caseRows: Row[], caseMetas: CaseMeta[], todayDay: number): Row[] {
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

// ---------------------------------------------------------------------------------------------

export function generateDemoCentre(options: DemoCentreOptions): DemoCentre {
  const { today } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    throw new Error(`generateDemoCentre: today must be YYYY-MM-DD, not ${String(today)}`);
  }
  const n = Math.max(0, Math.floor(options.cases));
  const rng = new Random(options.seed ?? 2026);
  const todayDay = dayNumber(today);

  const lawFirms = makeLawFirms(rng, today);
  const lawyers = makeLawyers(rng, lawFirms, today, todayDay);
  const volunteerTeams = makeVolunteerTeams(rng, lawyers, today);
  const servicePoints = makeServicePoints(rng);
  const { rows: cases, meta } = makeCases(rng, n, todayDay, lawyers, servicePoints.length);
  giveDemoLawyerCases(rng, cases, meta);
  closeCases(rng, cases, meta);
  const complaints = makeComplaints(rng, cases, meta, todayDay);

  return {
    'law-firms': lawFirms,
    lawyers: lawyers.rows,
    'volunteer-teams': volunteerTeams,
    'service-points': servicePoints,
    cases,
    complaints,
  };
}
