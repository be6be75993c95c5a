// A lawyer's home: my cases by state (each bar links to the list), what is missing before
// closing, my quality grades and subsidies (`mine` of GET /api/home, as GET /api/indicators/mine).
import { Box, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LinkBase, useTranslate } from 'react-admin';
import { useHome } from './home.js';
import { useLabel, useLanguageTag } from '../i18n.js';
import { useMeta } from '../meta.js';
import { listPath } from './IndicatorBoard.js';

interface MyWorkFigures {
  byStatus: { status: string; count: number }[];
  missingOutcome: number;
  grades: { grade: string | null; count: number }[];
  subsidyTotal: number;
}

export function MyWork() {
  const translate = useTranslate();
  const label = useLabel();
  const tag = useLanguageTag();
  const meta = useMeta();
  const figures = (useHome().data?.mine ?? null) as MyWorkFigures | null;
  if (!figures) return null;
  const cases = meta.resources.find((r) => r.name === 'cases');
  const optionLabel = (field: string, id: string | null) => {
    const option = cases?.fields.find((f) => f.name === field)?.options?.find((o) => o.id === id);
    return option ? label(option.label) : translate('fayuan.indicators.unavailable');
  };
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '2fr 1fr' }, mb: 3 }} data-testid="my-work">
      <Card>
        <CardContent>
          <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>{translate('fayuan.indicators.mine_by_state')}</Typography>
          <BarChart
            height={220}
            xAxis={[{ scaleType: 'band', data: figures.byStatus.map((s) => optionLabel('status', s.status)), height: 32 }]}
            series={[{ data: figures.byStatus.map((s) => s.count) }]}
          />
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
            {figures.byStatus.map((s) => (
              <Chip key={s.status} size="small" variant="outlined" clickable component={LinkBase}
                to={listPath({ resource: 'cases', filter: { status: s.status } })} label={`${optionLabel('status', s.status)} ${s.count}`} />
            ))}
          </Stack>
        </CardContent>
      </Card>
      <Stack spacing={2}>
        <Card sx={figures.missingOutcome ? { borderColor: 'warning.light' } : undefined}>
          <CardActionArea component={LinkBase} to={listPath({ resource: 'cases', filter: { status: ['in_progress', 'closing_submitted'], outcome: null } })}>
            <CardContent>
              <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>{translate('fayuan.indicators.missing')}</Typography>
              <Typography variant="body2">{translate('fayuan.indicators.missing_outcome')}：{figures.missingOutcome} {translate('fayuan.indicators.cases')}</Typography>
            </CardContent>
          </CardActionArea>
        </Card>
        <Card>
          <CardContent>
            <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>{translate('fayuan.indicators.my_grades')}</Typography>
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mt: 1 }}>
              {figures.grades.map((g) => <Chip key={String(g.grade)} size="small" label={`${optionLabel('qualityGrade', g.grade)} ${g.count}`} />)}
            </Stack>
            <Typography variant="subtitle2" sx={{ fontWeight: 600, mt: 2 }}>{translate('fayuan.indicators.my_subsidy')}</Typography>
            <Typography variant="h6">{figures.subsidyTotal.toLocaleString(tag, { minimumFractionDigits: 2 })}</Typography>
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
}
