// Seed 001's yearly indicators, read from the running tallies the write path keeps (the case and
// consultation figures) and SQL aggregates (hearings, visits), on SQLite and PostgreSQL alike.
//
// The year Y is the calendar year [Y-01-01, Y+1-01-01). Definitions:
// - "cases of the year": cases whose applicationDate is in Y and that were granted aid, i.e.
//   whose status is neither applied, reviewing nor rejected (申请、审查中、不予受理 are not cases).
// - cases_per_10k      = cases of the year / (settings.registeredPopulation / 10,000).
// - criminal_share     = cases of the year of type criminal / cases of the year.
// - litigation_share   = cases closed in Y (closedAt in Y, status closed or archived) of a litigation
//                        type (criminal, civil, administrative) / all cases closed in Y.
// - law_firm_share     = cases of the year whose lawyer is a practising lawyer (社会律师) with a law
//                        firm / cases of the year that have a lawyer.
// - hearing_observation_rate (plugin hearing-observations) = distinct cases with an observation of a
//                        hearing held in Y / distinct cases with a hearing (case-activities kind
//                        hearing) held in Y. "Not available" without the plugin.
// - satisfaction_rate (plugin return-visits) = visits in Y answered 满意 or 基本满意 / visits in Y.
// - amount_recovered   = the sum of amountRecovered (yuan) over cases closed in Y; no denominator.
// - consultations (register consultations) = consultations whose occurredAt is in Y; no denominator.
// The monthly trend applies the same definition to each month of Y (month of the date named above).
import { expressionBuilder, sql, type Kysely, type RawBuilder } from 'kysely';
import type { Label, ResourceDefinition } from '../resources/define.js';
import type { DialectName } from '../db/connect.js';
import type { Records } from '../rest/records.js';
import { loadSettings, type Settings } from '../settings/settings.js';
import { today as todayOf } from '../calendar.js';
import { countIn, readTally, type TallyRow } from '../db/tallies.js';
import { CLOSED, LITIGATION_TYPES, SATISFIED } from './tallies.js';

export type IndicatorId = 'cases_per_10k' | 'criminal_share' | 'litigation_share' | 'law_firm_share'
  | 'hearing_observation_rate' | 'satisfaction_rate' | 'amount_recovered' | 'consultations';

export interface MonthFigure {
  month: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
}

export interface Indicator {
  id: IndicatorId;
  label: Label;
  /** How the value is read: a share (0–1), a count per 10,000, a sum of yuan or a count. */
  unit: 'share' | 'per10k' | 'yuan' | 'count';
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** null when the centre set no target. */
  target: number | null;
  /** null when there is no target or no value. */
  met: boolean | null;
  /** Why there is no value (the plugin or register is not enabled). */
  unavailable?: Label;
  trend: MonthFigure[];
  /** The list behind the figure, in the list-filter language. */
  link?: { resource: string; filter: Record<string, unknown> };
}

export interface Breakdown {
  key: string;
  label: Label;
  count: number;
  link: { resource: string; filter: Record<string, unknown> };
}

export interface YearFigures {
  year: number;
  indicators: Indicator[];
  byType: Breakdown[];
  byServicePoint: Breakdown[];
  byGroup: Breakdown[];
  byMonthAndType: { month: string; type: string; count: number }[];
  grades: Breakdown[];
  overdue: { count: number; link: { resource: string; filter: Record<string, unknown> } };
}

export { LITIGATION_TYPES, NOT_GRANTED } from './tallies.js';

export const indicatorLabels: Record<IndicatorId, Label> = {
  cases_per_10k: { zh: '每万户籍人口法律援助案件数', en: 'Cases per 10,000 registered residents' },
  criminal_share: { zh: '刑事法律援助案件占比', en: 'Criminal share of cases' },
  litigation_share: { zh: '诉讼案件占结案比例', en: 'Litigation share of closed cases' },
  law_firm_share: { zh: '社会律师承办案件占比', en: 'Share handled by law-firm lawyers' },
  hearing_observation_rate: { zh: '庭审旁听比例', en: 'Hearings observed' },
  satisfaction_rate: { zh: '受援人满意率', en: 'Client satisfaction' },
  amount_recovered: { zh: '挽回损失或取得利益（元）', en: 'Amount recovered (yuan)' },
  consultations: { zh: '法律咨询人次', en: 'Consultations' },
};

/** The targets as settings keys (settings/declaration.ts); 0 means "no target". */
export const targetSetting: Record<IndicatorId, keyof Settings> = {
  cases_per_10k: 'targetCasesPer10k',
  criminal_share: 'targetCriminalSharePct',
  litigation_share: 'targetLitigationSharePct',
  law_firm_share: 'targetLawFirmSharePct',
  hearing_observation_rate: 'hearingObservationTargetPercent',
  satisfaction_rate: 'satisfactionTargetPercent',
  amount_recovered: 'targetAmountRecovered',
  consultations: 'targetConsultations',
};

const unitOf: Record<IndicatorId, Indicator['unit']> = {
  cases_per_10k: 'per10k', criminal_share: 'share', litigation_share: 'share', law_firm_share: 'share',
  hearing_observation_rate: 'share', satisfaction_rate: 'share', amount_recovered: 'yuan', consultations: 'count',
};

function targetOf(id: IndicatorId, settings: Settings): number | null {
  const raw = Number(settings[targetSetting[id]] ?? 0);
  if (!(raw > 0)) return null;
  return unitOf[id] === 'share' ? raw / 100 : raw;
}

export function yearBounds(year: number) {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  return { from, to, fromInstant: `${from}T00:00:00.000Z`, toInstant: `${to}T00:00:00.000Z`, last: `${year}-12-31` };
}

export const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** 'YYYY-MM' of a date or timestamp column (timestamps by their UTC day, as in calendar.ts). */
function monthOf(column: string, dialect: DialectName): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM')`
    : sql<string>`substr(${sql.ref(column)}, 1, 7)`;
}

const num = (value: unknown) => Number(value ?? 0);

interface Tally { numerator: Map<string, number>; denominator: Map<string, number> | null }

/** The year's figure and its months; cases_per_10k divides by the population in ten thousands. */
function figure(id: IndicatorId, year: number, tally: Tally, per10k: number): Pick<Indicator, 'numerator' | 'denominator' | 'value' | 'trend'> {
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const ratioOf = (n: number, d: number | null) => (d === null ? n : d > 0 ? n / d : null);
  const fixed = id === 'cases_per_10k' ? per10k : null;
  const trend = monthsOf(year).map((month) => {
    const n = tally.numerator.get(month) ?? 0;
    const d = fixed ?? (tally.denominator ? tally.denominator.get(month) ?? 0 : null);
    return { month, numerator: n, denominator: d, value: ratioOf(n, d) };
  });
  const numerator = sum(tally.numerator);
  const denominator = fixed ?? (tally.denominator ? sum(tally.denominator) : null);
  return { numerator, denominator, value: ratioOf(numerator, denominator), trend };
}

const byMonth = (rows: { month: string; n: unknown }[]) => new Map(rows.map((r) => [String(r.month), num(r.n)]));

/** Every figure of the dashboard and the yearly report for `year`. */
export async function yearFigures(records: Records, year: number): Promise<YearFigures> {
  const { db, dialect } = records.database;
  const settings = await loadSettings(db);
  const bounds = yearBounds(year);
  const yearFilter = { applicationDate_gte: bounds.from, applicationDate_lte: bounds.last };
  const grantedFilter = { ...yearFilter, status: ['accepted', 'assigned', 'in_progress', 'closing_submitted', 'closed', 'archived', 'terminated'] };
  const closedFilter = { status: CLOSED, closedAt_gte: bounds.fromInstant, closedAt_lt: bounds.toInstant };

  // The case-based figures from the running tallies (api/reports/tallies.ts): no case row is read.
  const [first, last] = [`${year}-01`, `${year}-12`];
  const tally = (name: string) => readTally(db, 'cases', name, first, last);
  const [byPoint, byLawyer, byGroupRows, closed] = await Promise.all([
    tally('granted-by-type-and-point'),
    lawFirmShareByMonth(db, dialect, first, last),
    tally('granted-by-group'),
    tally('closed-by-type-and-grade'),
  ]);
  const groups = Object.keys((records.resource('cases').fields.applicantGroups as { options: Record<string, Label> }).options);

  const monthly = (rows: TallyRow[], where: (r: TallyRow) => boolean = () => true, value: (r: TallyRow) => number = (r) => r.n) => {
    const out = new Map<string, number>();
    for (const r of rows) if (where(r)) out.set(r.bucket, (out.get(r.bucket) ?? 0) + value(r));
    return out;
  };

  const tallies: Partial<Record<IndicatorId, Tally | null>> = {
    cases_per_10k: { numerator: monthly(byPoint), denominator: null },
    criminal_share: { numerator: monthly(byPoint, (r) => r.key[0] === 'criminal'), denominator: monthly(byPoint) },
    litigation_share: { numerator: monthly(closed, (r) => LITIGATION_TYPES.includes(String(r.key[0]))), denominator: monthly(closed) },
    law_firm_share: { numerator: new Map(byLawyer.filter((r) => r.firm).map((r) => [r.bucket, r.firm])), denominator: new Map(byLawyer.filter((r) => r.assigned).map((r) => [r.bucket, r.assigned])) },
    amount_recovered: { numerator: monthly(closed, () => true, (r) => r.amount / 100), denominator: null },
  };
  const unavailable: Partial<Record<IndicatorId, Label>> = {};

  if (records.resources.has('hearing-observations') && records.resources.has('case-activities')) {
    const heardMonth = monthOf('occurredAt', dialect);
    const hearings = db.selectFrom('case_activities').where('kind', '=', 'hearing')
      .where('occurredAt', '>=', bounds.fromInstant as any).where('occurredAt', '<', bounds.toInstant as any);
    // A case heard in several months counts in each of them, and once in the year.
    const heard = await hearings.select([heardMonth.as('month'), sql<number>`count(distinct "caseId")`.as('n')]).groupBy(heardMonth).execute();
    const observed = await hearings.where('id', 'in', db.selectFrom('hearing_observations').select('activityId'))
      .select([heardMonth.as('month'), sql<number>`count(distinct "caseId")`.as('n')]).groupBy(heardMonth).execute();
    const [yearHeard, yearObserved] = await Promise.all([
      hearings.select(sql<number>`count(distinct "caseId")`.as('n')).executeTakeFirst(),
      hearings.where('id', 'in', db.selectFrom('hearing_observations').select('activityId')).select(sql<number>`count(distinct "caseId")`.as('n')).executeTakeFirst(),
    ]);
    tallies.hearing_observation_rate = { numerator: byMonth(observed), denominator: byMonth(heard) };
    (tallies.hearing_observation_rate as Tally & { year?: [number, number] }).year = [num(yearObserved?.n), num(yearHeard?.n)];
  } else {
    unavailable.hearing_observation_rate = { zh: '未启用庭审旁听插件，暂无数据', en: 'Not available: the hearing observation plugin is not enabled' };
  }

  if (records.resources.has('return-visits')) {
    const visits = await readTally(db, 'return-visits', 'by-month', first, last);
    tallies.satisfaction_rate = { numerator: monthly(visits, (r) => SATISFIED.includes(String(r.key[0]))), denominator: monthly(visits) };
  } else {
    unavailable.satisfaction_rate = { zh: '未启用回访插件，暂无数据', en: 'Not available: the return visit plugin is not enabled' };
  }

  if (records.resources.has('consultations') && records.resource('consultations').tallies?.length) {
    tallies.consultations = { numerator: monthly(await readTally(db, 'consultations', 'by-month', first, last)), denominator: null };
  } else {
    unavailable.consultations = { zh: '未登记法律咨询（咨询登记簿未启用），暂无数据', en: 'Not available: consultations are not registered' };
  }

  const links: Partial<Record<IndicatorId, Indicator['link']>> = {
    cases_per_10k: { resource: 'cases', filter: grantedFilter },
    criminal_share: { resource: 'cases', filter: { ...grantedFilter, caseType: 'criminal' } },
    litigation_share: { resource: 'cases', filter: { ...closedFilter, caseType: LITIGATION_TYPES } },
    law_firm_share: { resource: 'cases', filter: grantedFilter },
    amount_recovered: { resource: 'cases', filter: closedFilter },
    ...(tallies.hearing_observation_rate ? { hearing_observation_rate: { resource: 'hearing-observations', filter: {} } } : {}),
    ...(tallies.satisfaction_rate ? { satisfaction_rate: { resource: 'return-visits', filter: { visitedAt_gte: bounds.fromInstant, visitedAt_lt: bounds.toInstant } } } : {}),
    ...(tallies.consultations ? { consultations: { resource: 'consultations', filter: { occurredAt_gte: bounds.fromInstant, occurredAt_lt: bounds.toInstant } } } : {}),
  };

  const ids = Object.keys(indicatorLabels) as IndicatorId[];
  const indicators: Indicator[] = ids.map((id) => {
    const target = targetOf(id, settings);
    const tally = tallies[id];
    if (!tally) {
      return { id, label: indicatorLabels[id], unit: unitOf[id], numerator: null, denominator: null, value: null, target, met: null, unavailable: unavailable[id], trend: [] };
    }
    const computed = figure(id, year, tally, Number(settings.registeredPopulation) / 10_000);
    const whole = (tally as { year?: [number, number] }).year;
    if (whole) {
      computed.numerator = whole[0];
      computed.denominator = whole[1];
      computed.value = whole[1] > 0 ? whole[0] / whole[1] : null;
    }
    const met = target === null || computed.value === null ? null : computed.value >= target;
    return { id, label: indicatorLabels[id], unit: unitOf[id], ...computed, target, met, link: links[id] };
  });

  return {
    year,
    indicators,
    byType: breakdown(byPoint, 0, optionsOf(records.resource('cases'), 'caseType'), (key) => ({ ...grantedFilter, caseType: key })),
    byServicePoint: await servicePointBreakdown(records, byPoint, grantedFilter),
    byGroup: groups.map((g) => ({
      key: g,
      label: optionsOf(records.resource('cases'), 'applicantGroups')[g],
      count: countIn(byGroupRows, (r) => r.key[0] === g),
      link: { resource: 'cases', filter: { ...grantedFilter, applicantGroups: g } },
    })),
    byMonthAndType: byPoint.filter((r) => r.n > 0).reduce((out, r) => {
      const found = out.find((o) => o.month === r.bucket && o.type === r.key[0]);
      if (found) found.count += r.n;
      else out.push({ month: r.bucket, type: String(r.key[0]), count: r.n });
      return out;
    }, [] as { month: string; type: string; count: number }[]).sort((a, b) => a.month.localeCompare(b.month) || a.type.localeCompare(b.type)),
    grades: gradeBreakdown(records, closed, closedFilter),
    overdue: await overdueWork(records, settings),
  };
}

function optionsOf(resource: ResourceDefinition, field: string): Record<string, Label> {
  return (resource.fields[field] as { options: Record<string, Label> }).options;
}

function breakdown(rows: TallyRow[], at: number, options: Record<string, Label>, filter: (key: string) => Record<string, unknown>): Breakdown[] {
  return Object.entries(options).map(([value, label]) => ({
    key: value, label,
    count: countIn(rows, (r) => r.key[at] === value),
    link: { resource: 'cases', filter: filter(value) },
  }));
}

async function servicePointBreakdown(records: Records, rows: TallyRow[], filter: Record<string, unknown>): Promise<Breakdown[]> {
  const totals = new Map<number | null, number>();
  for (const r of rows) {
    const id = r.key[1] === null ? null : Number(r.key[1]);
    totals.set(id, (totals.get(id) ?? 0) + r.n);
  }
  const points = await records.database.db.selectFrom('service_points').select(['id', 'name']).orderBy('name').execute();
  const out: Breakdown[] = points.map((p) => ({
    key: String(p.id), label: { zh: String(p.name), en: String(p.name) }, count: totals.get(Number(p.id)) ?? 0,
    link: { resource: 'cases', filter: { ...filter, servicePointId: Number(p.id) } },
  }));
  if (totals.get(null)) out.push({ key: 'none', label: { zh: '未经服务点', en: 'No service point' }, count: totals.get(null)!, link: { resource: 'cases', filter: { ...filter, servicePointId: null } } });
  return out;
}

function gradeBreakdown(records: Records, rows: TallyRow[], filter: Record<string, unknown>): Breakdown[] {
  const options = optionsOf(records.resource('cases'), 'qualityGrade');
  const entries: [string, Label][] = [...Object.entries(options), ['none', { zh: '未评定', en: 'Not graded' }]];
  return entries.map(([key, label]) => ({
    key, label,
    count: countIn(rows, (r) => (r.key[1] ?? 'none') === key),
    link: { resource: 'cases', filter: { ...filter, qualityGrade: key === 'none' ? null : key } },
  }));
}

/**
 * law_firm_share by month, summed by the database from the granted-by-type-and-lawyer tally: granted
 * cases with a lawyer, and those whose lawyer is now a 社会律师 with a firm. The tally keeps a row per
 * lawyer, type and month (thousands a year): summed here, they are not each read and parsed.
 */
async function lawFirmShareByMonth(db: Kysely<any>, dialect: DialectName, from: string, to: string): Promise<{ bucket: string; assigned: number; firm: number }[]> {
  // The tally's key is the JSON text [caseType, lawyerId].
  const lawyerId = dialect === 'postgres' ? sql`(cast("key" as json) ->> 1)::bigint` : sql`json_extract("key", '$[1]')`;
  const firmLawyers = db.selectFrom('lawyers').select('id').where('lawyerType', '=', 'practising').where('lawFirmId', 'is not', null);
  const rows = await db.selectFrom('tallies')
    .select((eb) => [
      'bucket',
      sql<number>`sum(case when ${lawyerId} is not null then "n" else 0 end)`.as('assigned'),
      sql<number>`sum(case when ${eb(lawyerId, 'in', firmLawyers)} then "n" else 0 end)`.as('firm'),
    ])
    .where('register', '=', 'cases').where('tally', '=', 'granted-by-type-and-lawyer').where('bucket', '>=', from).where('bucket', '<=', to)
    .groupBy('bucket')
    .execute();
  return rows.map((r) => ({ bucket: String(r.bucket), assigned: num(r.assigned), firm: num(r.firm) }));
}

/** The year's granted cases by type and by the type of their lawyer (null: none assigned), for the Ministry's table. */
export async function grantedByLawyerType(records: Records, year: number): Promise<{ caseType: string; lawyerType: string | null; n: number }[]> {
  const { db } = records.database;
  const rows = await readTally(db, 'cases', 'granted-by-type-and-lawyer', `${year}-01`, `${year}-12`);
  const lawyers = new Map((await db.selectFrom('lawyers').select(['id', 'lawyerType']).execute()).map((l) => [Number(l.id), l.lawyerType as string | null]));
  return rows.map((r) => ({ caseType: String(r.key[0]), lawyerType: r.key[1] === null ? null : lawyers.get(Number(r.key[1])) ?? null, n: r.n }));
}

/** Today's overdue work, by the cases register's own `overdue` condition. */
async function overdueWork(records: Records, settings: Settings): Promise<YearFigures['overdue']> {
  const cases = records.resource('cases');
  const overdue = cases.virtualFilters?.overdue;
  let n = 0;
  if (overdue) {
    // Branch by branch, each counted from its own index (VirtualFilter.anyOf).
    const context = { settings, today: todayOf() };
    for (const branch of overdue.anyOf(expressionBuilder<any, any>(), context)) {
      const row = await records.database.db.selectFrom('cases').where(branch).select(sql<number>`count(*)`.as('n')).executeTakeFirst();
      n += num(row?.n);
    }
  }
  return { count: n, link: { resource: 'cases', filter: { overdue: true } } };
}
