// The supervisor's return-visit figures on the home page: this year's satisfaction and coverage
// against the targets (settings), and the closed cases still to visit.
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { LinkBase } from 'react-admin';
import { useHomeData, useLabel } from '../../../admin/src/plugin-kit.js';

interface Summary {
  year: number; visits: number; satisfactionPercent: number | null; satisfactionTargetPercent: number;
  closedCases: number; visitedClosedCases: number; coveragePercent: number | null; coverageTargetPercent: number; complaintsOpened: number;
}

function Figure({ title, value, target, detail, testId }: { title: string; value: number | null; target: number; detail: string; testId: string }) {
  const short = value !== null && value < target;
  return (
    <Box sx={{ flex: 1, minWidth: 180 }} data-testid={testId}>
      <Typography variant="body2" color="text.secondary">{title}</Typography>
      <Typography variant="h5" sx={{ fontWeight: 600, color: short ? 'error.main' : 'success.main' }}>{value === null ? '—' : `${value}%`}</Typography>
      <Typography variant="caption" color="text.secondary">{detail}</Typography>
    </Box>
  );
}

export function SummaryPanel() {
  const label = useLabel();
  // The server gives these figures to admins and supervisors only.
  const home = useHomeData<{ summary: Summary; unvisited: { id: number; caseNumber: string | null }[] }>('return-visits');
  if (!home) return null;
  const { summary: s, unvisited } = home;
  return (
    <Card sx={{ mb: 3 }} data-testid="visit-summary">
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>{label({ zh: `${s.year} 年案件回访`, en: `Return visits ${s.year}` })}</Typography>
        <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap' }} useFlexGap>
          <Figure testId="satisfaction" title={label({ zh: '满意度', en: 'Satisfaction' })} value={s.satisfactionPercent} target={s.satisfactionTargetPercent}
            detail={label({ zh: `回访 ${s.visits} 次，目标 ≥ ${s.satisfactionTargetPercent}%`, en: `${s.visits} visits, target ≥ ${s.satisfactionTargetPercent}%` })} />
          <Figure testId="visit-coverage" title={label({ zh: '回访覆盖率', en: 'Coverage' })} value={s.coveragePercent} target={s.coverageTargetPercent}
            detail={label({ zh: `结案 ${s.closedCases} 件，已回访 ${s.visitedClosedCases} 件，目标 ${s.coverageTargetPercent}%`, en: `${s.visitedClosedCases} of ${s.closedCases} closed cases, target ${s.coverageTargetPercent}%` })} />
          <Box sx={{ flex: 1, minWidth: 180 }}>
            <Typography variant="body2" color="text.secondary">{label({ zh: '待回访的结案案件', en: 'Closed cases to visit' })}</Typography>
            <Typography variant="h5" sx={{ fontWeight: 600 }}>{unvisited.length}</Typography>
            <Typography variant="caption" component="div">
              {unvisited.slice(0, 5).map((c) => <LinkBase key={c.id} to={`/cases/${c.id}/show`} style={{ marginRight: 8 }}>{c.caseNumber ?? c.id}</LinkBase>)}
            </Typography>
          </Box>
        </Stack>
        {s.complaintsOpened ? <Typography variant="body2" color="error.main" sx={{ mt: 1 }}>{label({ zh: `回访中自动登记投诉 ${s.complaintsOpened} 件`, en: `${s.complaintsOpened} complaints opened by visits` })}</Typography> : null}
      </CardContent>
    </Card>
  );
}
