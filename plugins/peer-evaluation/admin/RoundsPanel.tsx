// 同行评估 on the admin's home page: each open round with its workflow's buttons (sample with a
// seed → confirm the proposed files → start → decide → publish) and its progress figures.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { LinkBase } from 'react-admin';
import { CaseNumberLink, SampledCaseLinks } from './SampledCases.js';
import { refusalOf, useApi, useHomeData, useLabel, useMeta, useRefreshHome, type Label } from '../../../admin/src/plugin-kit.js';

interface HomeRound { round: Record<string, any>; actions: { name: string; label: Label }[]; progress: Progress }
interface Progress {
  files: number; reviews: number; scored: number; rechecks: number; overdue: { id: number; caseId: number }[];
  perReviewer: { reviewerId: string; name: string; assigned: number; scored: number; overdue: number }[];
  distribution: Record<string, number>; decided: boolean;
}

const GRADES: Record<string, Label> = { excellent: { zh: '优秀', en: 'Excellent' }, good: { zh: '良好', en: 'Good' }, pass: { zh: '合格', en: 'Pass' }, fail: { zh: '不合格', en: 'Fail' } };

function Round({ round, actions, progress: p }: HomeRound) {
  const api = useApi();
  const label = useLabel();
  const client = useQueryClient();
  const refreshHome = useRefreshHome();
  const [seed, setSeed] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (action: string) => {
    setError(null);
    try {
      await api.post(`/api/peer-review-rounds/${round.id}/transitions/${action}`, action === 'sample' && seed.trim() ? { seed: Number(seed) } : {});
      await Promise.all([refreshHome(), client.invalidateQueries({ queryKey: ['peer-review-rounds'] })]);
    } catch (e) {
      setError(refusalOf(e, label({ zh: '操作失败', en: 'The action failed' })).message);
    }
  };
  const sample: number[] = round.sample ?? [];
  const proposed = sample.length > 0 && !round.confirmedAt;
  return (
    <Box sx={{ borderTop: 1, borderColor: 'divider', py: 1.5 }} data-testid={`round-${round.id}`}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <LinkBase to={`/peer-review-rounds/${round.id}/show`}><Typography sx={{ fontWeight: 600 }}>{round.name}</Typography></LinkBase>
        <Chip size="small" label={label({ zh: statusZh(String(round.status)), en: String(round.status) })} />
        {round.blind ? <Chip size="small" variant="outlined" label={label({ zh: '盲评', en: 'Blind' })} /> : null}
        {round.seed != null ? <Typography variant="body2" color="text.secondary">{label({ zh: `种子 ${round.seed}`, en: `Seed ${round.seed}` })}</Typography> : null}
        {actions.map((a) => (
          <Stack key={a.name} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            {a.name === 'sample' ? <TextField size="small" label={label({ zh: '随机种子', en: 'Seed' })} value={seed} onChange={(e) => setSeed(e.target.value.replace(/\D/g, ''))} sx={{ width: 120 }} /> : null}
            <Button size="small" variant={a.name === 'publish' ? 'contained' : 'outlined'} onClick={() => act(a.name)} data-action={a.name}>{label(a.label)}</Button>
          </Stack>
        ))}
      </Stack>
      {error ? <Alert severity="error" sx={{ mt: 1 }}>{error}</Alert> : null}
      {proposed ? (
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="proposed-sample">
          {label({ zh: `拟抽取 ${sample.length} 件（请确认）：`, en: `${sample.length} files proposed (confirm): ` })}
          <SampledCaseLinks ids={sample} />
        </Typography>
      ) : null}
      {p?.reviews ? (
        <Box sx={{ mt: 1 }}>
          <Typography variant="body2">
            {label({ zh: `案卷 ${p.files} 件，评估表 ${p.reviews} 份（复评 ${p.rechecks}），已评 ${p.scored}，逾期 ${p.overdue.length}`, en: `${p.files} files, ${p.reviews} reviews (${p.rechecks} re-checks), ${p.scored} scored, ${p.overdue.length} overdue` })}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {p.perReviewer.map((r) => `${r.name} ${r.scored}/${r.assigned}${r.overdue ? `（逾期 ${r.overdue}）` : ''}`).join('；')}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
            {Object.entries(p.distribution).map(([g, n]) => <Chip key={g} size="small" color={g === 'fail' && n ? 'error' : 'default'} label={`${label(GRADES[g] ?? { zh: g, en: g })} ${n}`} />)}
            {p.decided ? null : <Typography variant="caption" color="text.secondary">{label({ zh: '（初评）', en: '(first reviews)' })}</Typography>}
          </Stack>
        </Box>
      ) : null}
    </Box>
  );
}

function statusZh(status: string): string {
  return ({ draft: '草稿', sampled: '已抽样', reviewing: '评估中', deciding: '待决定', published: '已公布' } as Record<string, string>)[status] ?? status;
}

export function RoundsPanel() {
  const meta = useMeta();
  const label = useLabel();
  // The server gives the rounds to admins and supervisors only.
  const rounds = useHomeData<{ rounds?: HomeRound[] }>('peer-evaluation')?.rounds;
  if (!rounds) return null;
  return (
    <Card sx={{ mb: 3 }} data-testid="peer-rounds">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>{label({ zh: '同行评估', en: 'Peer review rounds' })}</Typography>
          {meta.user?.role === 'admin' ? <Button size="small" component={LinkBase} to="/peer-review-rounds/create">{label({ zh: '新建轮次', en: 'New round' })}</Button> : null}
        </Stack>
        {rounds.map((r) => <Round key={r.round.id} {...r} />)}
      </CardContent>
    </Card>
  );
}

/** The reviewer's files waiting to be scored, each opening its review sheet. */
export function MyReviewsPanel() {
  const label = useLabel();
  const data = useHomeData<{ myReviews?: Record<string, any>[] }>('peer-evaluation')?.myReviews;
  if (!data) return null;
  return (
    <Card sx={{ mb: 3 }} data-testid="my-reviews">
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>{label({ zh: `待我评估的案卷（${data.length}）`, en: `Files for me to review (${data.length})` })}</Typography>
        {!data.length ? <Typography color="text.secondary">{label({ zh: '暂无', en: 'None' })}</Typography> : null}
        {data.map((r) => (
          <Stack key={r.id} direction="row" spacing={2} sx={{ borderTop: 1, borderColor: 'divider', py: 1, alignItems: 'center' }}>
            <CaseNumberLink id={Number(r.caseId)} />
            {r.recheckOf ? <Chip size="small" color="warning" label={label({ zh: '复评', en: 'Re-check' })} /> : null}
            <Typography variant="body2" color="text.secondary">{label({ zh: `期限 ${r.dueOn ?? '—'}`, en: `Due ${r.dueOn ?? '—'}` })}</Typography>
            <Button size="small" variant="contained" component={LinkBase} to={`/peer-reviews/${r.id}`}>{label({ zh: '评分', en: 'Score' })}</Button>
          </Stack>
        ))}
      </CardContent>
    </Card>
  );
}
