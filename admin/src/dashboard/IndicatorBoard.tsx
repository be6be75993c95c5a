// The admin's and supervisor's home: seed 001's indicators for a chosen year (this year's with GET /api/home, another's with GET /api/indicators,
// the same numbers as the yearly report), each with its target, a red/green state and its monthly
// trend; the breakdowns as charts; every figure links to the list behind it.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, Card, CardActionArea, CardContent, Chip, MenuItem, Skeleton, Stack, TextField, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { SparkLineChart } from '@mui/x-charts/SparkLineChart';
import { LinkBase, useNavigate, useTranslate } from 'react-admin';
import { useApi } from '../apiClient.js';
import { useHome } from './home.js';
import { useLabel, useLanguageTag } from '../i18n.js';
import type { Label } from '../meta.js';

interface ListLink { resource: string; filter: Record<string, unknown> }
interface Indicator {
  id: string; label: Label; unit: 'share' | 'per10k' | 'yuan' | 'count';
  numerator: number | null; denominator: number | null; value: number | null; target: number | null; met: boolean | null;
  unavailable?: Label; trend: { month: string; value: number | null }[]; link?: ListLink;
}
interface Breakdown { key: string; label: Label; count: number; link: ListLink }
interface YearFigures {
  year: number; indicators: Indicator[]; byType: Breakdown[]; byServicePoint: Breakdown[]; byGroup: Breakdown[];
  grades: Breakdown[]; overdue: { count: number; link: ListLink };
}

/** The console's list route for a link (react-admin reads `filter` from the query string). */
export const listPath = ({ resource, filter }: ListLink) => `/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter) })}`;

function shown(unit: Indicator['unit'], value: number | null, tag: string): string {
  if (value === null) return '—';
  switch (unit) {
    case 'share': return `${(value * 100).toFixed(1)}%`;
    case 'per10k': return value.toFixed(2);
    case 'yuan': return value.toLocaleString(tag, { maximumFractionDigits: 2 });
    default: return value.toLocaleString(tag);
  }
}

function IndicatorCard({ indicator }: { indicator: Indicator }) {
  const translate = useTranslate();
  const label = useLabel();
  const tag = useLanguageTag();
  const { unit, value, target, met } = indicator;
  const colour = met === null ? 'text.primary' : met ? 'success.main' : 'error.main';
  const content = (
    <CardContent>
      <Typography variant="body2" color="text.secondary" noWrap>{label(indicator.label)}</Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mt: 0.5 }}>
        <Typography variant="h5" component="p" sx={{ fontWeight: 600, color: colour }} data-testid="indicator-value">
          {indicator.unavailable ? translate('fayuan.indicators.unavailable') : shown(unit, value, tag)}
        </Typography>
        {indicator.denominator !== null && indicator.numerator !== null && unit === 'share' ? (
          <Typography variant="caption" color="text.secondary">{translate('fayuan.indicators.numerator', { n: indicator.numerator, d: indicator.denominator })}</Typography>
        ) : null}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
        <Typography variant="caption" color="text.secondary" data-testid="indicator-target">
          {target === null ? translate('fayuan.indicators.no_target') : translate('fayuan.indicators.target', { target: `≥ ${shown(unit, target, tag)}` })}
        </Typography>
        {met === null ? null : <Chip size="small" color={met ? 'success' : 'error'} label={translate(met ? 'fayuan.indicators.met' : 'fayuan.indicators.not_met')} />}
      </Stack>
      {indicator.unavailable ? (
        <Typography variant="caption" color="text.disabled" sx={{ display: 'block', mt: 1, height: 48 }}>{label(indicator.unavailable)}</Typography>
      ) : (
        <Box sx={{ mt: 1 }} data-testid="indicator-trend" aria-label={translate('fayuan.indicators.trend')}>
          <SparkLineChart
            data={indicator.trend.map((m) => m.value ?? 0)}
            height={48}
            showTooltip
            showHighlight
            area
            color={met === false ? '#d32f2f' : '#2e7d32'}
            xAxis={{ scaleType: 'point', data: indicator.trend.map((m) => `${Number(m.month.slice(5))}月`) }}
            valueFormatter={(v) => shown(unit, v, tag)}
          />
        </Box>
      )}
    </CardContent>
  );
  return (
    <Card data-testid={`indicator-${indicator.id}`} sx={met === false ? { borderColor: 'error.light' } : undefined}>
      {indicator.link ? <CardActionArea component={LinkBase} to={listPath(indicator.link)}>{content}</CardActionArea> : content}
    </Card>
  );
}

function BreakdownChart({ title, items, testId }: { title: string; items: Breakdown[]; testId: string }) {
  const label = useLabel();
  const navigate = useNavigate();
  const shownItems = items.filter((i) => i.count > 0 || items.length <= 8);
  return (
    <Card data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>{title}</Typography>
        <BarChart
          height={Math.max(160, shownItems.length * 28 + 40)}
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: shownItems.map((i) => label(i.label)), width: 110 }]}
          series={[{ data: shownItems.map((i) => i.count) }]}
          onItemClick={(_, item) => {
            const target = shownItems[item.dataIndex];
            if (target) navigate(listPath(target.link));
          }}
        />
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
          {shownItems.map((i) => (
            <Chip key={i.key} size="small" variant="outlined" component={LinkBase} to={listPath(i.link)} clickable label={`${label(i.label)} ${i.count}`} />
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}

const grid = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' }, mb: 3 };

export function IndicatorBoard() {
  const translate = useTranslate();
  const label = useLabel();
  const api = useApi();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const home = useHome();
  // This year's figures come with the home page's one request; another year's on their own.
  const fromHome = year === (home.data?.year ?? thisYear);
  const other = useQuery({ queryKey: ['indicators', year], queryFn: () => api.get<YearFigures>(`/api/indicators?year=${year}`), enabled: !fromHome });
  const figures = ((fromHome ? home.data?.indicators : other.data) ?? null) as YearFigures | null;
  const failed = fromHome ? home.isError : other.isError;
  return (
    <Box data-testid="indicator-board">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{translate('fayuan.indicators.title')}</Typography>
        <TextField select size="small" sx={{ width: 120, flex: 'none' }} label={translate('fayuan.indicators.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="indicator-year">
          {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => <MenuItem key={y} value={y}>{y}</MenuItem>)}
        </TextField>
        <Button size="small" href={`/api/reports/yearly.xlsx?year=${year}`} download>{translate('fayuan.indicators.report')}</Button>
      </Stack>
      {failed ? <Alert severity="warning" sx={{ mb: 3 }}>{translate('fayuan.indicators.failed')}</Alert> : null}
      {!figures && !failed ? <Skeleton variant="rounded" height={160} sx={{ mb: 3 }} /> : null}
      {figures ? (
        <>
          <Box sx={grid}>
            {figures.indicators.map((indicator) => <IndicatorCard key={indicator.id} indicator={indicator} />)}
          </Box>
          <Box sx={{ ...grid, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)', xl: 'repeat(3, 1fr)' } }}>
            <BreakdownChart title={translate('fayuan.indicators.by_type')} items={figures.byType} testId="chart-by-type" />
            <BreakdownChart title={translate('fayuan.indicators.by_point')} items={figures.byServicePoint} testId="chart-by-point" />
            <BreakdownChart title={translate('fayuan.indicators.by_group')} items={figures.byGroup} testId="chart-by-group" />
            <Card data-testid="chart-grades">
              <CardContent>
                <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>{translate('fayuan.indicators.grades')}</Typography>
                <PieChart height={180} series={[{ innerRadius: 40, data: figures.grades.map((g, i) => ({ id: i, value: g.count, label: label(g.label) })) }]} />
                <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                  {figures.grades.map((g) => <Chip key={g.key} size="small" variant="outlined" component={LinkBase} to={listPath(g.link)} clickable label={`${label(g.label)} ${g.count}`} />)}
                </Stack>
              </CardContent>
            </Card>
            <Card data-testid="overdue-work" sx={figures.overdue.count ? { borderColor: 'error.light' } : undefined}>
              <CardActionArea component={LinkBase} to={listPath(figures.overdue.link)} sx={{ height: '100%' }}>
                <CardContent>
                  <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>{translate('fayuan.indicators.overdue')}</Typography>
                  <Typography variant="h4" component="p" sx={{ fontWeight: 600, color: figures.overdue.count ? 'error.main' : 'success.main' }}>
                    {figures.overdue.count} <Typography component="span" variant="body2">{translate('fayuan.indicators.cases')}</Typography>
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </Box>
        </>
      ) : null}
    </Box>
  );
}
