// A firm's statement (对账单) of one batch: its lines with case, lawyer, grade and amount, per-lawyer subtotals
// and the total, as the printable page in the console shows it and the PDF route draws it.
import { ApiError, badInput, loadSettings, type Actor, type PluginContext } from '../../../api/plugin-kit.js';
import { GRADE_ZH } from './rules.js';

export interface StatementLine { caseNumber: string; lawyer: string; grade: string; kind: string; basis: string; amount: number }
export interface Statement {
  centreName: string;
  batch: { id: number; name: string; periodStart: string; periodEnd: string; paid: boolean; paidOn: string | null };
  firm: string;
  lines: StatementLine[];
  perLawyer: { lawyer: string; lines: number; amount: number }[];
  total: number;
}

/** `firmId`: a law firm's id, or `none` for the lines of lawyers without a firm. */
export function firmIdOf(value: string | undefined): number | null {
  if (value === 'none') return null;
  if (!value || !/^[1-9][0-9]{0,9}$/.test(value)) {
    throw badInput({ firmId: { zh: '请指定律师事务所编号（firmId），无所属律所的为 none', en: 'Give the law firm id (firmId), or none for lawyers without a firm' } });
  }
  return Number(value);
}

export async function statementOf(ctx: PluginContext, batchId: number, firmId: number | null, actor: Actor): Promise<Statement> {
  const { db } = ctx.database;
  const batch = await ctx.records.loadForAction(ctx.resource('subsidy-batches'), batchId, actor, 'statement');
  const firm = firmId === null ? null : await db.selectFrom('law_firms').select('name').where('id', '=', firmId).executeTakeFirst();
  if (firmId !== null && !firm) throw new ApiError(404, { zh: '律师事务所不存在', en: 'No such law firm' });
  let query = db.selectFrom('subsidy_batch_lines as l').leftJoin('cases as c', 'c.id', 'l.caseId').leftJoin('lawyers as w', 'w.id', 'l.lawyerId')
    .select(['l.caseId', 'c.caseNumber', 'w.name as lawyer', 'l.qualityGrade', 'l.kind', 'l.basis', 'l.amount']).where('l.batchId', '=', batchId);
  query = firmId === null ? query.where('l.lawFirmId', 'is', null) : query.where('l.lawFirmId', '=', firmId);
  const rows = await query.orderBy('w.name').orderBy('l.caseId').orderBy('l.id').execute();
  const lines = rows.map((r) => ({
    caseNumber: String(r.caseNumber ?? `#${r.caseId}`), lawyer: String(r.lawyer ?? '—'), grade: GRADE_ZH[String(r.qualityGrade)] ?? '—',
    kind: r.kind === 'adjustment' ? '调整' : '补贴', basis: String(r.basis ?? ''), amount: Number(r.amount) / 100,
  }));
  const perLawyer = new Map<string, { lawyer: string; lines: number; fen: number }>();
  for (const [i, line] of lines.entries()) {
    const seen = perLawyer.get(line.lawyer) ?? { lawyer: line.lawyer, lines: 0, fen: 0 };
    perLawyer.set(line.lawyer, { ...seen, lines: seen.lines + 1, fen: seen.fen + Number(rows[i].amount) });
  }
  const totalFen = rows.reduce((sum, r) => sum + Number(r.amount), 0);
  return {
    centreName: (await loadSettings(db)).centreName,
    batch: {
      id: Number(batch.id), name: String(batch.name), periodStart: String(batch.periodStart), periodEnd: String(batch.periodEnd),
      paid: batch.state === 'paid', paidOn: batch.paidAt ? new Date(String(batch.paidAt)).toISOString().slice(0, 10) : null,
    },
    firm: firm ? String(firm.name) : '（未属律师事务所）',
    lines,
    perLawyer: [...perLawyer.values()].map((p) => ({ lawyer: p.lawyer, lines: p.lines, amount: p.fen / 100 })),
    total: totalFen / 100,
  };
}
