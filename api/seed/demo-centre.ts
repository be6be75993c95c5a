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
import { closeCases, giveDemoLawyerCases, makeCases } from './demo/cases.js';
import { makeComplaints } from './demo/complaints.js';
import { makeLawFirms } from './demo/firms.js';
import { makeLawyers } from './demo/lawyers.js';
import { dayNumber, Random } from './demo/random.js';
import { makeServicePoints } from './demo/service-points.js';
import { makeVolunteerTeams } from './demo/volunteer-teams.js';

export { DEMO_LAWYER_EMAIL } from './demo/lawyers.js';

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
