// The demo lawyers (the first one is the demo lawyer account's). Part of the demo centre (../demo-centre.ts).
import type { Row } from '../../resources/define.js';
import { FIRM_SIZES, FIRMS } from './firms.js';
import { type Gender, inOrder, mobile, personName, SPECIALTY_ORDER } from './people.js';
import { dayNumber, isoDate, pad, type Random, yearsFrom } from './random.js';

/** The demo lawyer account's e-mail; its lawyer record is `lawyers[0]`. */
export const DEMO_LAWYER_EMAIL = 'lawyer@fayuan.test';

export type LawyerType = 'practising' | 'legal_aid' | 'public' | 'grassroots';

export interface LawyerMeta {
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

export interface LawyerSet {
  rows: Row[];
  meta: LawyerMeta[];
}

export const DEMO_LAWYER_NAME = '王志远';

export function makeLawyers(rng: Random, firms: Row[], today: string, todayDay: number): LawyerSet {
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
