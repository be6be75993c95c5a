// The running tallies the yearly figures read (api/db/tallies.ts keeps them in step with every
// write), so the dashboard answers from a few thousand tally rows at any register size.
import type { Row, TallyDefinition } from '../resources/define.js';
import { ISO_INSTANT } from '../db/codec.js';

export const LITIGATION_TYPES = ['criminal', 'civil', 'administrative'];
/** Statuses of applications that were not (yet) granted aid. */
export const NOT_GRANTED = ['applied', 'reviewing', 'rejected'];
export const CLOSED = ['closed', 'archived'];

const granted = (r: Row) => typeof r.status === 'string' && !NOT_GRANTED.includes(r.status);
const applicationMonth = (r: Row) => (typeof r.applicationDate === 'string' ? r.applicationDate.slice(0, 7) : null);
/** 'YYYY-MM' of an instant by its UTC day (as the lists' date filters read it). */
const utcMonth = (v: unknown) => {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' && ISO_INSTANT.test(v)) return v.slice(0, 7); // as stored: no Date made and printed
  const time = new Date(v as string).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 7);
};
const idOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Exact counts of the register's rows by the values of `fields` (enum fields, few values each): the
 * total of a list filtered by those fields alone is then a sum over a few dozen tally rows instead of
 * a count over the rows, which at a million cases costs tens of milliseconds on either database.
 */
export function countTally(fields: string[]): TallyDefinition {
  return {
    name: `count:${fields.join(',')}`,
    version: 1,
    reads: fields,
    counts: fields,
    of: (row) => [{ bucket: '', key: fields.map((f) => (row[f] === undefined || row[f] === null ? null : String(row[f]))) }],
  };
}

/** Whether a case still lacks the outcome its lawyer must write before closing. */
export const missesOutcome = (r: Row) => ['in_progress', 'closing_submitted'].includes(String(r.status)) && (r.outcome === null || r.outcome === undefined || r.outcome === '');

/** A lawyer's own cases (the bucket is the lawyer's id) by state, grade once closed and a missing outcome;
 *  the amount is the subsidy in fen: the lawyer's home page figures. */
export const lawyerWorkTally: TallyDefinition = {
  name: 'lawyer-work',
  version: 1,
  reads: ['lawyerId', 'status', 'qualityGrade', 'outcome', 'subsidyAmount'],
  of: (r) => (r.lawyerId === null || r.lawyerId === undefined ? [] : [{
    bucket: String(r.lawyerId),
    key: [String(r.status), CLOSED.includes(String(r.status)) ? ((r.qualityGrade as string | null) ?? null) : null, missesOutcome(r) ? 1 : 0],
    amount: Math.round(Number(r.subsidyAmount ?? 0) * 100),
  }]),
};

/** Granted cases by the month of application. */
export const caseTallies: TallyDefinition[] = [
  {
    name: 'granted-by-type-and-point',
    version: 1,
    reads: ['status', 'applicationDate', 'caseType', 'servicePointId'],
    of: (r) => (granted(r) && applicationMonth(r) ? [{ bucket: applicationMonth(r)!, key: [String(r.caseType), idOrNull(r.servicePointId)] }] : []),
  },
  {
    name: 'granted-by-type-and-lawyer',
    version: 1,
    reads: ['status', 'applicationDate', 'caseType', 'lawyerId'],
    of: (r) => (granted(r) && applicationMonth(r) ? [{ bucket: applicationMonth(r)!, key: [String(r.caseType), idOrNull(r.lawyerId)] }] : []),
  },
  {
    name: 'granted-by-group',
    version: 1,
    reads: ['status', 'applicationDate', 'applicantGroups'],
    of: (r) => (granted(r) && applicationMonth(r) && Array.isArray(r.applicantGroups)
      ? [...new Set(r.applicantGroups.map(String))].map((group) => ({ bucket: applicationMonth(r)!, key: [group] }))
      : []),
  },
  {
    // Closed cases by the (UTC) month of closing; the amount is the amount recovered in fen.
    name: 'closed-by-type-and-grade',
    version: 1,
    reads: ['status', 'closedAt', 'caseType', 'qualityGrade', 'amountRecovered'],
    of: (r) => (CLOSED.includes(String(r.status)) && utcMonth(r.closedAt)
      ? [{ bucket: utcMonth(r.closedAt)!, key: [String(r.caseType), (r.qualityGrade as string | null) ?? null], amount: Math.round(Number(r.amountRecovered ?? 0) * 100) }]
      : []),
  },
  lawyerWorkTally,
];

/** Return visits (the return-visits plugin's register) by the month of their date, by satisfaction and
 *  whether the visit opened a complaint: the satisfaction indicator and the plugin's summary. */
export const returnVisitTallies: TallyDefinition[] = [
  {
    name: 'by-month',
    version: 1,
    reads: ['visitedAt', 'satisfaction', 'complaintId'],
    of: (r) => (typeof r.visitedAt === 'string' && r.visitedAt.length >= 7
      ? [{ bucket: r.visitedAt.slice(0, 7), key: [(r.satisfaction as string | null) ?? null, r.complaintId === null || r.complaintId === undefined ? 0 : 1] }]
      : []),
  },
];
export const SATISFIED = ['satisfied', 'basically_satisfied'];

/** Consultations by the (UTC) month they took place. */
export const consultationTallies: TallyDefinition[] = [
  { name: 'by-month', version: 1, reads: ['occurredAt'], of: (r) => (utcMonth(r.occurredAt) ? [{ bucket: utcMonth(r.occurredAt)!, key: [] }] : []) },
];
