// The deadline a complaint runs against now (受理 / 办结 / 答复期限), as a chip: in the ledger's
// list and on its page. The rule is the server's own (api/complaints/deadlines.ts).
import { useRecordContext } from 'react-admin';
import { complaintDeadline } from '../../../api/complaints/deadlines.js';
import { DeadlineChip } from '../cases/DeadlineChip.js';

const todayIso = () => new Date().toISOString().slice(0, 10);

export function ComplaintDeadlineChip({ record }: { record?: Record<string, unknown> }) {
  const context = useRecordContext();
  const row = record ?? context;
  return row ? <DeadlineChip deadline={complaintDeadline(row, todayIso())} /> : null;
}
