// The subsidy batches list's actions on the selected batch: gather its period's cases, pay it
// (admins), and its totals per firm and lawyer with a printable statement per firm (and, for admins, its PDF).
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useListContext, useNotify, useRefresh } from 'react-admin';
import { refusalOf, useApi, useLabel, useMeta } from '../../../admin/src/plugin-kit.js';

interface Sum { lawFirmId: number | null; lawyerId?: number | null; name: string | null; firmName?: string | null; lines: number; amount: number }
interface Totals { batch: { id: number; name: string; periodStart: string; periodEnd: string; state: string }; total: number; byFirm: Sum[]; byLawyer: Sum[] }
interface Line { caseId: number; lawyerId: number | null; kind: string; qualityGrade: string | null; amount: number; basis: string | null }

const yuan = (n: number) => n.toFixed(2);
const escapeHtml = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] as string);

/** Opens the firm's statement (对账单) in a window of its own and prints it. */
function printStatement(totals: Totals, firm: Sum, lines: Line[], lawyers: Map<number, string>) {
  const rows = lines.map((l, i) => `<tr><td>${i + 1}</td><td>${l.caseId}</td><td>${escapeHtml(lawyers.get(Number(l.lawyerId)) ?? '')}</td><td>${l.kind === 'adjustment' ? '调整' : '补贴'}</td><td>${escapeHtml(l.basis)}</td><td align="right">${yuan(l.amount)}</td></tr>`).join('');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(totals.batch.name)} · ${escapeHtml(firm.name)}</title></head><body>
<h2 align="center">办案补贴对账单</h2>
<p>批次：${escapeHtml(totals.batch.name)}（结案日期 ${escapeHtml(totals.batch.periodStart)} 至 ${escapeHtml(totals.batch.periodEnd)}，${totals.batch.state === 'paid' ? '已发放' : '草稿'}）</p>
<p>律师事务所：${escapeHtml(firm.name ?? '（未属律师事务所）')}　　合计 ${firm.lines} 笔，${yuan(firm.amount)} 元</p>
<table border="1" cellpadding="4" cellspacing="0" width="100%"><thead><tr><th>序号</th><th>案件编号</th><th>承办律师</th><th>类别</th><th>计算依据</th><th>金额（元）</th></tr></thead><tbody>${rows}</tbody>
<tfoot><tr><td colspan="5" align="right">合计</td><td align="right">${yuan(firm.amount)}</td></tr></tfoot></table>
<p style="margin-top:48px">律师事务所（盖章）：　　　　　　　　法律援助中心（盖章）：</p></body></html>`;
  const win = window.open('', '_blank');
  if (!win) return;
  win.document.write(html);
  win.document.close();
  win.print();
}

function TotalsDialog({ totals, onClose }: { totals: Totals; onClose: () => void }) {
  const api = useApi();
  const admin = useMeta().user?.role === 'admin';
  const notify = useNotify();
  const label = useLabel();
  const statement = async (firm: Sum) => {
    try {
      const filter = encodeURIComponent(JSON.stringify({ batchId: totals.batch.id, lawFirmId: firm.lawFirmId }));
      const lines = await api.get<Line[]>(`/api/subsidy-batch-lines?range=[0,999]&sort=["caseId","ASC"]&filter=${filter}`);
      printStatement(totals, firm, lines, new Map(totals.byLawyer.map((l) => [Number(l.lawyerId), l.name ?? ''])));
    } catch (error) {
      notify(refusalOf(error, '无法打印').message, { type: 'error' });
    }
  };
  const filter = encodeURIComponent(JSON.stringify({ batchId: totals.batch.id }));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{totals.batch.name}　{label({ zh: `合计 ${yuan(totals.total)} 元`, en: `Total ${yuan(totals.total)} yuan` })}</DialogTitle>
      <DialogContent>
        <Typography variant="subtitle2" sx={{ mt: 1 }}>{label({ zh: '按律师事务所', en: 'Per law firm' })}</Typography>
        <Table size="small" data-testid="totals-by-firm">
          <TableHead><TableRow><TableCell>{label({ zh: '律师事务所', en: 'Law firm' })}</TableCell><TableCell align="right">{label({ zh: '笔数', en: 'Lines' })}</TableCell><TableCell align="right">{label({ zh: '金额（元）', en: 'Amount' })}</TableCell><TableCell /></TableRow></TableHead>
          <TableBody>
            {totals.byFirm.map((f) => (
              <TableRow key={String(f.lawFirmId)}>
                <TableCell>{f.name ?? label({ zh: '（未属律师事务所）', en: '(no firm)' })}</TableCell><TableCell align="right">{f.lines}</TableCell><TableCell align="right">{yuan(f.amount)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => statement(f)}>{label({ zh: '打印对账单', en: 'Print statement' })}</Button>
                  {admin ? (
                    <Button size="small" href={`/api/subsidy-batches/${totals.batch.id}/statement.pdf?firmId=${f.lawFirmId ?? 'none'}`} target="_blank" rel="noopener" data-testid={`statement-pdf-${f.lawFirmId ?? 'none'}`}>
                      {label({ zh: '对账单 PDF', en: 'Statement PDF' })}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="subtitle2" sx={{ mt: 2 }}>{label({ zh: '按承办律师', en: 'Per lawyer' })}</Typography>
        <Table size="small" data-testid="totals-by-lawyer">
          <TableHead><TableRow><TableCell>{label({ zh: '承办律师', en: 'Lawyer' })}</TableCell><TableCell>{label({ zh: '律师事务所', en: 'Law firm' })}</TableCell><TableCell align="right">{label({ zh: '笔数', en: 'Lines' })}</TableCell><TableCell align="right">{label({ zh: '金额（元）', en: 'Amount' })}</TableCell></TableRow></TableHead>
          <TableBody>
            {totals.byLawyer.map((l) => (
              <TableRow key={`${l.lawyerId}-${l.lawFirmId}`}><TableCell>{l.name ?? '—'}</TableCell><TableCell>{l.firmName ?? '—'}</TableCell><TableCell align="right">{l.lines}</TableCell><TableCell align="right">{yuan(l.amount)}</TableCell></TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button href={`/api/subsidy-batch-lines/export.xlsx?filter=${filter}`}>{label({ zh: '导出 Excel', en: 'Export XLSX' })}</Button>
        <Button href={`/api/subsidy-batch-lines/export.csv?filter=${filter}`}>{label({ zh: '导出 CSV', en: 'Export CSV' })}</Button>
        <Button onClick={onClose}>{label({ zh: '关闭', en: 'Close' })}</Button>
      </DialogActions>
    </Dialog>
  );
}

export function BatchActions() {
  const { selectedIds } = useListContext();
  const api = useApi();
  const notify = useNotify();
  const refresh = useRefresh();
  const label = useLabel();
  const meta = useMeta();
  const [totals, setTotals] = useState<Totals | null>(null);
  const admin = meta.user?.role === 'admin';
  const one = selectedIds.length === 1 ? Number(selectedIds[0]) : null;
  const act = async (path: string, done: string) => {
    if (one === null) return notify(label({ zh: '请只选择一个批次', en: 'Select one batch' }), { type: 'warning' });
    try {
      if (path === 'totals') setTotals(await api.get<Totals>(`/api/subsidy-batches/${one}/totals`));
      else {
        await api.post(`/api/subsidy-batches/${one}/${path}`);
        notify(done, { type: 'success' });
        refresh();
      }
    } catch (error) {
      notify(refusalOf(error, label({ zh: '操作未完成', en: 'Not done' })).message, { type: 'error' });
    }
  };
  return (
    <>
      {admin ? <Button size="small" onClick={() => act('gather', label({ zh: '已归集本期案件', en: 'Gathered' }))}>{label({ zh: '归集案件', en: 'Gather cases' })}</Button> : null}
      {admin ? (
        <Button size="small" color="warning" onClick={() => {
          if (window.confirm(label({ zh: '发放后该批次金额不能再修改，确定发放？', en: 'A paid batch never changes. Pay it?' }))) void act('pay', label({ zh: '已发放', en: 'Paid' }));
        }}>{label({ zh: '确认发放', en: 'Pay' })}</Button>
      ) : null}
      <Button size="small" onClick={() => act('totals', '')}>{label({ zh: '汇总与对账单', en: 'Totals and statements' })}</Button>
      {totals ? <TotalsDialog totals={totals} onClose={() => setTotals(null)} /> : null}
    </>
  );
}
