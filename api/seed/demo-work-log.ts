// A year of the demo lawyers' work logs: a meeting and a file reading on every assigned case,
// evidence on some, a hearing on most court cases (the open ones' hearings still ahead), mediation on some civil ones.
import type { Fayuan } from '../http/app.js';
import type { Database } from '../db/connect.js';
import type { Row } from '../resources/define.js';

const COURTS = ['示例区人民法院', '示例市中级人民法院', '示例区人民法院城东法庭'];
const HANDLED = ['assigned', 'in_progress', 'closing_submitted', 'closed', 'archived'];
const OPEN = ['assigned', 'in_progress', 'closing_submitted'];
const DAY = 86_400_000;

/** A fixed stand-in for randomness, so every demo database holds the same log. */
const pick = (id: number, salt: number, n: number) => ((id * 2654435761 + salt * 40503) >>> 0) % n;

function at(base: number, days: number, hour: number): string {
  const d = new Date(base + days * DAY);
  d.setUTCHours(hour - 8, 30, 0, 0); // office hours in China
  return d.toISOString();
}

export function workLogFor(c: Row, now: number): Row[] {
  const id = Number(c.id);
  const start = Date.parse(String(c.assignedAt ?? c.applicationDate));
  const end = c.closedAt ? Date.parse(String(c.closedAt)) : now;
  const span = Math.max(3, Math.floor((end - start) / DAY));
  const log: Row[] = [
    { caseId: id, kind: 'meeting', occurredAt: at(start, 1, 10), place: c.caseType === 'criminal' ? '示例区看守所' : '法律援助中心接待室', participants: '承办律师、受援人', notes: '了解案情，告知权利义务' },
    { caseId: id, kind: 'file_review', occurredAt: at(start, Math.min(span, 3 + pick(id, 1, 5)), 14), place: c.caseType === 'criminal' ? '示例区人民检察院' : '示例区人民法院', participants: '承办律师', notes: '查阅、复制案卷材料' },
  ];
  if (pick(id, 2, 3) === 0) log.push({ caseId: id, kind: 'evidence', occurredAt: at(start, Math.min(span, 6 + pick(id, 3, 10)), 9), place: '证人住所', participants: '承办律师、证人', notes: '调查取证，制作调查笔录' });
  const inCourt = ['criminal', 'civil', 'administrative'].includes(String(c.caseType)) && pick(id, 4, 5) > 0;
  if (inCourt) {
    const open = OPEN.includes(String(c.status));
    // An open case's hearing is still ahead (for the observation plan); a closed one's came before the closing.
    const day = open ? Math.floor((now - start) / DAY) + 2 + pick(id, 5, 40) : Math.max(2, span - 5 - pick(id, 6, 10));
    log.push({ caseId: id, kind: 'hearing', occurredAt: at(start, day, 9), place: null, participants: '审判人员、公诉人或对方当事人、承办律师', court: COURTS[pick(id, 8, COURTS.length)], courtroom: `第${1 + pick(id, 7, 6)}法庭`, notes: open ? null : '出庭发表辩护（代理）意见' });
  }
  if (c.caseType === 'civil' && pick(id, 9, 4) === 0) log.push({ caseId: id, kind: 'mediation', occurredAt: at(start, Math.min(span, 10 + pick(id, 10, 10)), 15), place: '人民调解委员会', participants: '双方当事人、调解员、承办律师', notes: '参与调解' });
  return log;
}

export async function seedDemoWorkLog(fayuan: Fayuan, database: Database): Promise<void> {
  const { db } = database;
  const resource = fayuan.records.resource('case-activities');
  const cases = await db.selectFrom('cases').select(['id', 'caseType', 'status', 'applicationDate', 'assignedAt', 'closedAt'])
    .where('status', 'in', HANDLED).where('lawyerId', 'is not', null).orderBy('id').execute();
  const now = Date.now();
  const rows = cases.flatMap((c) => workLogFor(c, now));
  await db.transaction().execute((trx) => fayuan.records.seedRows(resource, rows, trx));
}
