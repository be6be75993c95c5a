// 评估表 on a round's page: every review of the round (file, reviewer, state, score), and for admins 改派 on an
// open review. A reviewer with a conflict (own case, own firm) is refused by the server unless a reason is given:
// the dialog shows the refusal and asks for 理由, and the override is audited by the server.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert, Button, Card, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useGetList } from 'react-admin';
import { CaseNumberLink } from './SampledCases.js';
import { fieldOf, refusalOf, useApi, useLabel, useMeta, useResourceMeta, type RecordPanelProps } from '../../../admin/src/plugin-kit.js';
import { candidateLabel, useReviewerCandidates } from './ReviewerPicker.js';

type Candidate = ReturnType<typeof useReviewerCandidates>[number];

function ReassignDialog({ review, reviewers, onClose }: { review: Record<string, any>; reviewers: Candidate[]; onClose: () => void }) {
  const label = useLabel();
  const api = useApi();
  const client = useQueryClient();
  const [reviewerId, setReviewerId] = useState('');
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<{ message: string; needsReason: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await api.post(`/api/peer-reviews/${review.id}/reassign`, reason.trim() ? { reviewerId, reason: reason.trim() } : { reviewerId });
      await client.invalidateQueries();
      onClose();
    } catch (e) {
      const r = refusalOf(e, label({ zh: '改派失败', en: 'The reassignment failed' }));
      setRefusal({ message: r.message, needsReason: Boolean(r.errors.reason) || Boolean(refusal?.needsReason) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="reassign-dialog">
      <DialogTitle>{label({ zh: `改派评估表 #${review.id}（案件 #${review.caseId}）`, en: `Reassign review #${review.id} (case #${review.caseId})` })}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
        <TextField select label={label({ zh: '改派给', en: 'Give to' })} value={reviewerId} onChange={(e) => { setReviewerId(e.target.value); setRefusal(null); setReason(''); }} slotProps={{ htmlInput: { name: 'reviewerId' } }}>
          {reviewers.filter((r) => r.id !== review.reviewerId).map((r) => <MenuItem key={r.id} value={r.id} data-reviewer={r.email}>{candidateLabel(r)}</MenuItem>)}
        </TextField>
        {refusal ? <Alert severity="warning" data-testid="reassign-refusal">{refusal.message}</Alert> : null}
        {refusal?.needsReason ? (
          <TextField label={label({ zh: '理由', en: 'Reason' })} required multiline minRows={2} value={reason} onChange={(e) => setReason(e.target.value)}
            helperText={label({ zh: '回避例外须说明理由，改派将记入审计日志', en: 'An override of the conflict rule needs a reason; it is audited' })} slotProps={{ htmlInput: { maxLength: 500, name: 'reason' } }} />
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{label({ zh: '取消', en: 'Cancel' })}</Button>
        <Button variant="contained" disabled={busy || !reviewerId || (refusal?.needsReason === true && !reason.trim())} onClick={confirm} data-testid="confirm-reassign">
          {label(refusal?.needsReason ? { zh: '说明理由并改派', en: 'Override and reassign' } : { zh: '确认改派', en: 'Reassign' })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function RoundReviewsPanel({ record }: RecordPanelProps) {
  const label = useLabel();
  const meta = useMeta();
  const resource = useResourceMeta('peer-reviews');
  const admin = meta.user?.role === 'admin';
  const candidates = useReviewerCandidates();
  const [reassigning, setReassigning] = useState<Record<string, any> | null>(null);
  const { data = [] } = useGetList('peer-reviews', { filter: { roundId: record.id }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 500 } });
  const inRound = new Set(((record.reviewers ?? []) as { userId: string }[]).map((r) => String(r.userId)));
  const reviewers = candidates.filter((c) => inRound.has(c.id));
  const name = (id: unknown) => (!id ? label({ zh: '（未分配）', en: '(unassigned)' })
    : id === meta.user?.id ? label({ zh: '本人', en: 'Me' }) : candidates.find((c) => c.id === id)?.name ?? String(id));
  const option = (field: string, id: unknown) => label(fieldOf(resource, field)?.options?.find((o) => o.id === id)?.label ?? { zh: String(id ?? ''), en: String(id ?? '') });
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="round-reviews">
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>{label({ zh: `评估表（${data.length}）`, en: `Reviews (${data.length})` })}</Typography>
        {!data.length ? <Typography color="text.secondary">{label({ zh: '确认抽样后分配', en: 'Assigned once the sample is confirmed' })}</Typography> : (
          <Table size="small">
            <TableHead>
              <TableRow>
                {['#', label({ zh: '案件', en: 'Case' }), label({ zh: '评估专家', en: 'Reviewer' }), label({ zh: '状态', en: 'State' }), label({ zh: '得分', en: 'Score' }), label({ zh: '等次', en: 'Grade' }), label({ zh: '期限', en: 'Due' }), ''].map((h, i) => <TableCell key={i}>{h}</TableCell>)}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((r) => (
                <TableRow key={r.id} data-review={r.id}>
                  <TableCell>{r.id}{r.recheckOf ? <Chip size="small" color="warning" sx={{ ml: 1 }} label={label({ zh: '复评', en: 'Re-check' })} /> : null}</TableCell>
                  <TableCell><CaseNumberLink id={Number(r.caseId)} /></TableCell>
                  <TableCell>{name(r.reviewerId)}{r.conflictOverride ? <Chip size="small" variant="outlined" sx={{ ml: 1 }} label={label({ zh: '回避例外', en: 'Override' })} title={String(r.conflictOverride)} /> : null}</TableCell>
                  <TableCell>{option('status', r.status)}</TableCell>
                  <TableCell>{r.score ?? '—'}</TableCell>
                  <TableCell>{r.grade ? option('grade', r.grade) : '—'}</TableCell>
                  <TableCell>{r.dueOn ?? '—'}</TableCell>
                  <TableCell>{admin && r.status === 'assigned' ? <Button size="small" onClick={() => setReassigning(r)} data-testid={`reassign-${r.id}`}>{label({ zh: '改派', en: 'Reassign' })}</Button> : null}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {reassigning ? <ReassignDialog review={reassigning} reviewers={reviewers} onClose={() => setReassigning(null)} /> : null}
      </CardContent>
    </Card>
  );
}
