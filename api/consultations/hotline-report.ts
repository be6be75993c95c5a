// 12348 季度报告 (seed 001 item 11: 数据统计和舆情分析，按季度报送): what the consultations of one
// quarter add up to. Pure: the route reads the quarter's rows, this counts them.
import type { Row } from '../resources/define.js';
import { badInput } from '../rest/errors.js';
import { consultationCategories, consultationChannels, replyOverdue } from '../resources/consultations.js';

export interface Quarter {
  label: string;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** First day of the next quarter (exclusive). */
  until: string;
  months: string[];
}

export function parseQuarter(text: string | undefined): Quarter {
  const match = /^([0-9]{4})-Q([1-4])$/.exec(text ?? '');
  if (!match) throw badInput({ quarter: { zh: '季度应写作 YYYY-Qn，例如 2026-Q1', en: 'Write the quarter as YYYY-Qn, e.g. 2026-Q1' } });
  const year = Number(match[1]);
  const q = Number(match[2]);
  const month = (m: number) => `${year + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`;
  const first = (q - 1) * 3 + 1;
  return {
    label: `${year}-Q${q}`,
    from: `${month(first)}-01`,
    until: `${month(first + 3)}-01`,
    months: [month(first), month(first + 1), month(first + 2)],
  };
}

export interface HotlineReport {
  quarter: string;
  from: string;
  until: string;
  total: number;
  byChannel: Record<string, number>;
  byCategory: Record<string, number>;
  byServicePoint: Array<{ servicePointId: number | null; name: string; count: number }>;
  byMonth: Array<{ month: string; count: number }>;
  aidAdvised: number;
  converted: number;
  /** converted / total, four decimals (0 when there were none). */
  convertedShare: number;
  topTopics: Array<{ category: string; label: string; count: number }>;
  hotline: { calls: number; totalMinutes: number; averageMinutes: number };
  replies: { due: number; repliedOnTime: number; repliedLate: number; open: number; openOverdue: number; onTimeShare: number };
}

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10000) / 10000 : 0);

export function hotlineReport(quarter: Quarter, rows: Row[], servicePointNames: Map<number, string>, on: string): HotlineReport {
  const count = <K extends string>(keys: K[], keyOf: (r: Row) => string) =>
    Object.fromEntries(keys.map((k) => [k, rows.filter((r) => keyOf(r) === k).length])) as Record<K, number>;
  const byCategory = count(Object.keys(consultationCategories), (r) => String(r.category));
  const points = new Map<number | null, number>();
  for (const row of rows) {
    const id = row.servicePointId == null ? null : Number(row.servicePointId);
    points.set(id, (points.get(id) ?? 0) + 1);
  }
  const calls = rows.filter((r) => r.channel === 'hotline_12348');
  const totalMinutes = calls.reduce((sum, r) => sum + (Number(r.durationMinutes) || 0), 0);
  const written = rows.filter((r) => r.replyDueDate);
  const replied = written.filter((r) => r.repliedAt);
  const repliedLate = replied.filter((r) => replyOverdue(r, on)).length;
  const open = written.filter((r) => !r.repliedAt);
  const converted = rows.filter((r) => r.caseId != null).length;
  return {
    quarter: quarter.label,
    from: quarter.from,
    until: quarter.until,
    total: rows.length,
    byChannel: count(Object.keys(consultationChannels), (r) => String(r.channel)),
    byCategory,
    byServicePoint: [...points].map(([id, n]) => ({ servicePointId: id, name: id == null ? '未注明' : servicePointNames.get(id) ?? `#${id}`, count: n }))
      .sort((a, b) => b.count - a.count || String(a.servicePointId).localeCompare(String(b.servicePointId))),
    byMonth: quarter.months.map((month) => ({ month, count: rows.filter((r) => monthOf(r.occurredAt) === month).length })),
    aidAdvised: rows.filter((r) => r.aidAdvised === true).length,
    converted,
    convertedShare: share(converted, rows.length),
    topTopics: Object.entries(byCategory).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, 5)
      .map(([category, n]) => ({ category, label: consultationCategories[category as keyof typeof consultationCategories].zh, count: n })),
    hotline: { calls: calls.length, totalMinutes, averageMinutes: calls.length ? Math.round((totalMinutes / calls.length) * 10) / 10 : 0 },
    replies: {
      due: written.length,
      repliedOnTime: replied.length - repliedLate,
      repliedLate,
      open: open.length,
      openOverdue: open.filter((r) => replyOverdue(r, on)).length,
      onTimeShare: share(replied.length - repliedLate, written.length),
    },
  };
}

/** The local (China Standard Time) month of a stored instant. */
function monthOf(value: unknown): string {
  const instant = new Date(String(value));
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}
