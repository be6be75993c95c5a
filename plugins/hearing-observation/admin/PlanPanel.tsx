// The supervisor's observation plan on the home page: coverage against the target and the
// upcoming hearings, the suggested ones first.
import { Box, Card, CardContent, Chip, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { LinkBase } from 'react-admin';
import { useHomeData, useLabel, useLanguageTag } from '../../../admin/src/plugin-kit.js';

interface Plan {
  year: number; targetPercent: number; heardCases: number; observedCases: number; coveragePercent: number | null; needed: number;
  upcoming: { activityId: number; caseId: number; caseNumber: string | null; occurredAt: string; court: string | null; courtroom: string | null; priorities: string[]; suggested: boolean }[];
}

const PRIORITY = { life_death: { zh: '可能判处无期、死刑', en: 'Life or death' }, minor: { zh: '未成年人', en: 'Minor' }, first_case: { zh: '律师首批援助案件', en: "Lawyer's first cases" } } as Record<string, { zh: string; en: string }>;

export function PlanPanel() {
  const label = useLabel();
  const tag = useLanguageTag();
  // The server gives the plan to those who plan (admins, supervisors) only.
  const data = useHomeData<{ plan: Plan }>('hearing-observation')?.plan;
  if (!data) return null;
  const shown = [...data.upcoming].sort((a, b) => Number(b.suggested) - Number(a.suggested) || a.occurredAt.localeCompare(b.occurredAt)).slice(0, 8);
  const coverage = data.coveragePercent ?? 0;
  return (
    <Card sx={{ mb: 3 }} data-testid="observation-plan">
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>{label({ zh: `${data.year} 年旁听庭审计划`, en: `Hearing observations ${data.year}` })}</Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', my: 1 }}>
          <Box sx={{ flex: 1 }}><LinearProgress variant="determinate" value={Math.min(100, (coverage / Math.max(data.targetPercent, 0.1)) * 100)} /></Box>
          <Typography variant="body2" data-testid="coverage">
            {label({ zh: `已旁听 ${data.observedCases} / 开庭案件 ${data.heardCases}（${coverage}%，目标 ${data.targetPercent}%）`, en: `${data.observedCases} of ${data.heardCases} heard cases (${coverage}%, target ${data.targetPercent}%)` })}
          </Typography>
        </Stack>
        <Typography variant="body2" color="text.secondary">{label({ zh: data.needed ? `还需旁听 ${data.needed} 件，建议参加：` : '已达到目标', en: data.needed ? `${data.needed} more to observe; suggested:` : 'Target reached' })}</Typography>
        {shown.length ? (
          <Table size="small">
            <TableHead><TableRow><TableCell>{label({ zh: '开庭时间', en: 'When' })}</TableCell><TableCell>{label({ zh: '案号', en: 'Case' })}</TableCell><TableCell>{label({ zh: '法院', en: 'Court' })}</TableCell><TableCell>{label({ zh: '优先', en: 'Priority' })}</TableCell></TableRow></TableHead>
            <TableBody>
              {shown.map((h) => (
                <TableRow key={h.activityId} selected={h.suggested} data-suggested={h.suggested}>
                  <TableCell>{new Date(h.occurredAt).toLocaleString(tag, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })}</TableCell>
                  <TableCell><LinkBase to={`/cases/${h.caseId}/show`}>{h.caseNumber ?? h.caseId}</LinkBase></TableCell>
                  <TableCell>{[h.court, h.courtroom].filter(Boolean).join(' ')}</TableCell>
                  <TableCell>
                    {h.suggested ? <Chip size="small" color="primary" label={label({ zh: '建议旁听', en: 'Suggested' })} sx={{ mr: 0.5 }} /> : null}
                    {h.priorities.map((p) => <Chip key={p} size="small" variant="outlined" label={label(PRIORITY[p])} sx={{ mr: 0.5 }} />)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
}
