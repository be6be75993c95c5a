// The half-year report of complaints (seed 001 item 13: reported to the next level up every half
// year): the complaints received in the half, counted by category, channel and outcome, and
// whether each step was taken within its deadline (deadlines.ts).
import type { Kysely } from 'kysely';
import type { Label, ResourceDefinition } from '../resources/define.js';
import { toIsoDate } from '../cases/periods.js';
import { badInput } from '../rest/errors.js';

export interface Half {
  id: string;
  from: string;
  to: string;
  label: Label;
}

/** `2026-H1` → 1 January to 30 June 2026; anything else is refused. */
export function parseHalf(text: unknown): Half {
  const match = /^(\d{4})-H([12])$/.exec(String(text ?? ''));
  const year = match ? Number(match[1]) : NaN;
  if (!match || year < 1900 || year > 2100) {
    throw badInput({ half: { zh: '半年度应写作「2026-H1」或「2026-H2」', en: 'Give the half year as 2026-H1 or 2026-H2' } });
  }
  const first = match[2] === '1';
  return {
    id: `${year}-H${match[2]}`,
    from: `${year}-${first ? '01-01' : '07-01'}`,
    to: `${year}-${first ? '06-30' : '12-31'}`,
    label: { zh: `${year} 年${first ? '上' : '下'}半年`, en: `${first ? 'First' : 'Second'} half of ${year}` },
  };
}

export interface Count {
  key: string;
  label: Label;
  count: number;
}

/** On time: done by the deadline; late: done after it, or not done and the deadline has passed; pending: neither yet. */
export interface Timeliness {
  onTime: number;
  late: number;
  pending: number;
}

export interface ComplaintReport {
  half: string;
  label: Label;
  from: string;
  to: string;
  total: number;
  byCategory: Count[];
  byChannel: Count[];
  byOutcome: Count[];
  timeliness: { accepted: Timeliness; concluded: Timeliness; replied: Timeliness };
}

function counted(field: string, resource: ResourceDefinition, rows: { key: unknown; n: unknown }[]): Count[] {
  const definition = resource.fields[field];
  const options = definition.type === 'enum' ? definition.options : {};
  const byKey = new Map(rows.map((r) => [String(r.key), Number(r.n)]));
  const out = Object.entries(options).map(([key, label]) => ({ key, label, count: byKey.get(key) ?? 0 }));
  const unset = byKey.get('null') ?? 0;
  if (unset) out.push({ key: 'none', label: { zh: '未填', en: 'Not given' }, count: unset });
  return out;
}

function timely(done: string | null, due: string | null, today: string, applies: boolean, t: Timeliness) {
  if (!applies || !due) return;
  if (done) t[done <= due ? 'onTime' : 'late']++;
  else t[today > due ? 'late' : 'pending']++;
}

export async function complaintReport(db: Kysely<any>, resource: ResourceDefinition, half: Half, today: string): Promise<ComplaintReport> {
  const inHalf = (q: any) => q.where('receivedAt', '>=', half.from).where('receivedAt', '<=', half.to);
  const grouped = (field: string) => inHalf(db.selectFrom('complaints'))
    .select([`${field} as key`, (eb: any) => eb.fn.countAll().as('n')]).groupBy(field).execute();
  const [categories, channels, outcomes] = await Promise.all([grouped('category'), grouped('channel'), grouped('outcome')]);
  // The dates of each step, one row per complaint of the half (a few hundred at most).
  const steps = await inHalf(db.selectFrom('complaints'))
    .select(['status', 'acceptDeadline', 'acceptedAt', 'refusedAt', 'concludeDeadline', 'concludedAt', 'replyDeadline', 'repliedAt']).execute();
  const timeliness = {
    accepted: { onTime: 0, late: 0, pending: 0 },
    concluded: { onTime: 0, late: 0, pending: 0 },
    replied: { onTime: 0, late: 0, pending: 0 },
  };
  for (const row of steps) {
    timely(toIsoDate(row.acceptedAt) ?? toIsoDate(row.refusedAt), toIsoDate(row.acceptDeadline), today, true, timeliness.accepted);
    timely(toIsoDate(row.concludedAt), toIsoDate(row.concludeDeadline), today, row.acceptedAt != null, timeliness.concluded);
    timely(toIsoDate(row.repliedAt), toIsoDate(row.replyDeadline), today, row.concludedAt != null, timeliness.replied);
  }
  return {
    half: half.id, label: half.label, from: half.from, to: half.to,
    total: steps.length,
    byCategory: counted('category', resource, categories),
    byChannel: counted('channel', resource, channels),
    byOutcome: counted('outcome', resource, outcomes),
    timeliness,
  };
}
