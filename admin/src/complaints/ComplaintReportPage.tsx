// The half-year report of complaints (GET /api/reports/complaints?half=…), printable, with its
// XLSX and PDF for the report to the next level up.
import { useState } from 'react';
import {
  Box, Button, Card, CardContent, FormControl, GlobalStyles, InputLabel, MenuItem, Select, Stack,
  Table, TableBody, TableCell, TableHead, TableRow, Typography,
} from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery } from '@tanstack/react-query';
import { Title, useGetOne, useTranslate } from 'react-admin';
import { useApi } from '../apiClient.js';
import { useLabel } from '../i18n.js';
import type { Label } from '../meta.js';

interface Count { key: string; label: Label; count: number }
interface Timeliness { onTime: number; late: number; pending: number }
interface Report {
  half: string; label: Label; from: string; to: string; total: number;
  byCategory: Count[]; byChannel: Count[]; byOutcome: Count[];
  timeliness: Record<'accepted' | 'concluded' | 'replied', Timeliness>;
}

/** The half that ended last (the one due to be reported), as `2026-H1`. */
function lastHalf(now = new Date()): { year: number; half: 1 | 2 } {
  const year = now.getFullYear();
  return now.getMonth() < 6 ? { year: year - 1, half: 2 } : { year, half: 1 };
}

const print = { '@media print': { '.RaAppBar-root, .RaSidebar-root, header, .no-print': { display: 'none !important' }, '.RaLayout-content': { padding: 0 } } };

export function ComplaintReportPage() {
  const translate = useTranslate();
  const label = useLabel();
  const api = useApi();
  const [chosen, setChosen] = useState(lastHalf);
  const half = `${chosen.year}-H${chosen.half}`;
  const { data: settings } = useGetOne('settings', { id: 1 });
  const { data: report } = useQuery({ queryKey: ['fayuan', 'reports', 'complaints', half], queryFn: () => api.get<Report>(`/api/reports/complaints?half=${half}`) });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const counts = (title: string, list: Count[]) => (
    <Box key={title} sx={{ mb: 2, breakInside: 'avoid' }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>{translate(title)}</Typography>
      <Table size="small">
        <TableHead><TableRow><TableCell>{translate('fayuan.complaints.item')}</TableCell><TableCell align="right">{translate('fayuan.complaints.count')}</TableCell></TableRow></TableHead>
        <TableBody>{list.map((c) => <TableRow key={c.key}><TableCell>{label(c.label)}</TableCell><TableCell align="right">{c.count}</TableCell></TableRow>)}</TableBody>
      </Table>
    </Box>
  );
  return (
    <Box sx={{ py: 2 }}>
      <GlobalStyles styles={print} />
      <Title title={translate('fayuan.complaints.report')} />
      <Stack direction="row" spacing={2} className="no-print" sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <FormControl size="small" sx={{ width: 140 }}>
          <InputLabel id="report-year">{translate('fayuan.complaints.year')}</InputLabel>
          <Select labelId="report-year" label={translate('fayuan.complaints.year')} value={chosen.year} onChange={(e) => setChosen((c) => ({ ...c, year: Number(e.target.value) }))}>
            {years.map((y) => <MenuItem key={y} value={y}>{y}</MenuItem>)}
          </Select>
        </FormControl>
        <FormControl size="small" sx={{ width: 140 }}>
          <InputLabel id="report-half">{translate('fayuan.complaints.half')}</InputLabel>
          <Select labelId="report-half" name="half" label={translate('fayuan.complaints.half')} value={chosen.half} onChange={(e) => setChosen((c) => ({ ...c, half: Number(e.target.value) as 1 | 2 }))}>
            <MenuItem value={1}>{translate('fayuan.complaints.h1')}</MenuItem>
            <MenuItem value={2}>{translate('fayuan.complaints.h2')}</MenuItem>
          </Select>
        </FormControl>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>{translate('fayuan.complaints.print')}</Button>
        <Button startIcon={<DownloadIcon />} href={`/api/reports/complaints.xlsx?half=${half}`}>{translate('fayuan.complaints.xlsx')}</Button>
        <Button startIcon={<DownloadIcon />} href={`/api/reports/complaints.pdf?half=${half}`}>{translate('fayuan.complaints.pdf')}</Button>
      </Stack>
      {report ? (
        <Card variant="outlined" data-testid="complaint-report">
          <CardContent>
            <Typography variant="h6" component="h1" align="center" sx={{ fontWeight: 700 }}>
              {translate('fayuan.complaints.report_title', { centre: String(settings?.centreName ?? ''), half: label(report.label) })}
            </Typography>
            <Typography variant="body2" align="center" sx={{ mb: 2 }}>
              {translate('fayuan.complaints.period', { from: report.from, to: report.to })}　{translate('fayuan.complaints.total')}：<b data-testid="report-total">{report.total}</b>
            </Typography>
            <Box sx={{ display: 'grid', gridTemplateColumns: { md: 'repeat(3, 1fr)' }, gap: 3 }}>
              {counts('fayuan.complaints.by_category', report.byCategory)}
              {counts('fayuan.complaints.by_channel', report.byChannel)}
              {counts('fayuan.complaints.by_outcome', report.byOutcome)}
            </Box>
            <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>{translate('fayuan.complaints.timeliness')}</Typography>
            <Table size="small" data-testid="report-timeliness">
              <TableHead>
                <TableRow>
                  {['step', 'on_time', 'late', 'pending'].map((k) => <TableCell key={k} align={k === 'step' ? 'left' : 'right'}>{translate(`fayuan.complaints.${k}`)}</TableCell>)}
                </TableRow>
              </TableHead>
              <TableBody>
                {(['accepted', 'concluded', 'replied'] as const).map((step) => (
                  <TableRow key={step}>
                    <TableCell>{translate(`fayuan.complaints.steps.${step}`)}</TableCell>
                    <TableCell align="right">{report.timeliness[step].onTime}</TableCell>
                    <TableCell align="right">{report.timeliness[step].late}</TableCell>
                    <TableCell align="right">{report.timeliness[step].pending}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
}
