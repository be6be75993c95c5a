// Which hearings to attend: this year's coverage (cases observed / cases with a hearing in the
// work log) against the target, and the upcoming hearings ranked so the target is reached with
// the cases that matter most — life or death at stake, minors, a lawyer's first legal aid cases.
import type { Kysely } from 'kysely';

/** A lawyer's first cases (by application date) count as "first legal aid cases". */
export const FIRST_CASES = 3;

export type Priority = 'life_death' | 'minor' | 'first_case';

export interface UpcomingHearing {
  activityId: number;
  caseId: number;
  caseNumber: string | null;
  lawyerId: number | null;
  occurredAt: string;
  court: string | null;
  courtroom: string | null;
  priorities: Priority[];
  suggested: boolean;
}

export interface HearingPlan {
  year: number;
  targetPercent: number;
  heardCases: number;
  observedCases: number;
  coveragePercent: number | null;
  /** Cases still to observe this year to reach the target. */
  needed: number;
  upcoming: UpcomingHearing[];
}

const parseList = (value: unknown): string[] => (Array.isArray(value) ? value : typeof value === 'string' ? JSON.parse(value) : []) as string[];

export async function hearingPlan(db: Kysely<any>, { year, now, targetPercent }: { year: number; now: string; targetPercent: number }): Promise<HearingPlan> {
  const from = new Date(`${year}-01-01T00:00:00+08:00`).toISOString();
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString();
  const hearings = await db.selectFrom('case_activities as a').innerJoin('cases as c', 'c.id', 'a.caseId')
    .select(['a.id', 'a.caseId', 'a.occurredAt', 'a.court', 'a.courtroom', 'c.caseNumber', 'c.lawyerId', 'c.maxPenalty', 'c.applicantGroups', 'c.applicationDate'])
    .where('a.kind', '=', 'hearing').where('a.occurredAt', '>=', from).where('a.occurredAt', '<', to)
    .orderBy('a.occurredAt').orderBy('a.id').execute();
  const observed = new Set((await db.selectFrom('hearing_observations').select('caseId')
    .where('observedOn', '>=', `${year}-01-01`).where('observedOn', '<=', `${year}-12-31`).execute()).map((r) => Number(r.caseId)));
  const heard = new Set(hearings.map((h) => Number(h.caseId)));
  const observedCases = [...observed].filter((id) => heard.has(id)).length;
  const target = Math.ceil((heard.size * targetPercent) / 100);
  const needed = Math.max(0, target - observedCases);

  const nowMs = Date.parse(now);
  const upcoming: UpcomingHearing[] = [];
  for (const h of hearings) {
    if (Date.parse(new Date(h.occurredAt).toISOString()) < nowMs || observed.has(Number(h.caseId))) continue;
    const priorities: Priority[] = [];
    if (h.maxPenalty === 'life' || h.maxPenalty === 'death') priorities.push('life_death');
    if (parseList(h.applicantGroups).includes('minor')) priorities.push('minor');
    if (h.lawyerId !== null && (await earlierCases(db, Number(h.lawyerId), h.applicationDate)) < FIRST_CASES) priorities.push('first_case');
    upcoming.push({
      activityId: Number(h.id), caseId: Number(h.caseId), caseNumber: h.caseNumber ?? null, lawyerId: h.lawyerId === null ? null : Number(h.lawyerId),
      occurredAt: new Date(h.occurredAt).toISOString(), court: h.court ?? null, courtroom: h.courtroom ?? null, priorities, suggested: false,
    });
  }
  // The most important cases first, the sooner hearing among equals; one suggestion per case.
  const ranked = [...upcoming].sort((a, b) => b.priorities.length - a.priorities.length || a.occurredAt.localeCompare(b.occurredAt));
  const chosen = new Set<number>();
  for (const hearing of ranked) {
    if (chosen.size >= needed) break;
    if (chosen.has(hearing.caseId)) continue;
    chosen.add(hearing.caseId);
    hearing.suggested = true;
  }
  return {
    year, targetPercent, heardCases: heard.size, observedCases,
    coveragePercent: heard.size ? Math.round((observedCases / heard.size) * 1000) / 10 : null,
    needed, upcoming,
  };
}

async function earlierCases(db: Kysely<any>, lawyerId: number, applicationDate: unknown): Promise<number> {
  const day = applicationDate instanceof Date ? applicationDate.toISOString().slice(0, 10) : String(applicationDate);
  const row = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('lawyerId', '=', lawyerId).where('applicationDate', '<', day).executeTakeFirstOrThrow();
  return Number(row.n);
}
