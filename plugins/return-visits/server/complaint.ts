// A visit whose sheet reports money or gifts taken, or private fees charged, opens a complaint
// against the case's lawyer — in the visit's own transaction, so neither is stored without the other.
import { sheetOutcome, type AfterWrite, type Row } from '../../../api/plugin-kit.js';

const CHANNEL: Record<string, string> = { phone: 'phone', visit: 'visit', letter: 'letter', online: 'online' };
/** The sheet's items that open a complaint, and the complaint category each means. */
const CATEGORY: Record<string, string> = { gifts: 'gifts', fees: 'fees' };

export const openComplaintIfReported: AfterWrite = async (change, { trx, records }) => {
  const visit = change.after;
  if (!visit || visit.complaintId || change.action === 'link-complaint') return;
  const outcome = await sheetOutcome(trx, visit);
  const reported = (outcome?.consequences ?? []).filter((c) => c.effect === 'open_complaint');
  if (!reported.length) return;
  const caseRow = await trx.selectFrom('cases').select(['caseNumber', 'applicantName', 'lawyerId']).where('id', '=', Number(visit.caseId)).executeTakeFirstOrThrow();
  const what = reported.map((c) => c.label?.zh ?? c.item).join('；');
  const complaint = await records.insert(records.resource('complaints'), {
    complainantName: String(visit.reachedPerson ?? caseRow.applicantName),
    channel: CHANNEL[String(visit.method)] ?? 'phone',
    receivedAt: String(visit.visitedAt),
    caseId: Number(visit.caseId),
    lawyerId: caseRow.lawyerId === null ? null : Number(caseRow.lawyerId),
    category: CATEGORY[reported[0].item] ?? 'other',
    description: `回访（${String(visit.visitedAt)}）中受援人反映：${what}。案号 ${caseRow.caseNumber ?? '—'}，由回访记录 ${String(visit.id)} 自动登记。`,
    status: 'received',
  } satisfies Row, change.actor, { action: 'create', trx });
  await records.change(records.resource('return-visits'), Number(visit.id), change.actor, {
    action: 'link-complaint',
    plan: () => ({ complaintId: Number(complaint.id) }),
  }, trx);
};
