// 12348 季度报告: the quarter's figures (GET /api/reports/hotline), with the XLSX and PDF beside them.
import { useState } from 'react';
import { Box, Button, Card, CardContent, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title } from 'react-admin';
import { useApi } from '../apiClient.js';
import { fieldOf, useResourceMeta } from '../meta.js';
import { useLabel } from '../i18n.js';

interface Report {
  quarter: string; from: string; until: string; total: number;
  byChannel: Record<string, number>; byCategory: Record<string, number>;
  byServicePoint: Array<{ servicePointId: number | null; name: string; count: number }>;
  byMonth: Array<{ month: string; count: number }>;
  aidAdvised: number; converted: number; convertedShare: number;
  topTopics: Array<{ category: string; label: string; count: number }>;
  hotline: { calls: number; totalMinutes: number; averageMinutes: number };
  replies: { due: number; repliedOnTime: number; repliedLate: number; open: number; openOverdue: number; onTimeShare: number };
}

/** The last eight quarters, newest first (China time). */
function recentQuarters(): string[] {
  const now = new Date(Date.now() + 8 * 3600_000);
  let year = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < 8; i++) {
    out.push(`${year}-Q${q}`);
    if (--q === 0) { q = 4; year--; }
  }
  return out;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function Figures({ title, rows }: { title: string; rows: Array<[string, string | number]> }) {
  return (
    <Card variant="outlined" sx={{ flex: '1 1 280px' }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>{title}</Typography>
        <Table size="small">
          <TableHead><TableRow><TableCell>项目</TableCell><TableCell align="right">数量</TableCell></TableRow></TableHead>
          <TableBody>{rows.map(([k, v]) => <TableRow key={k}><TableCell>{k}</TableCell><TableCell align="right">{v}</TableCell></TableRow>)}</TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

export function HotlineReport() {
  const api = useApi();
  const label = useLabel();
  const consultations = useResourceMeta('consultations');
  const quarters = recentQuarters();
  const [quarter, setQuarter] = useState(quarters[1]);
  const { data, error } = useQuery({ queryKey: ['fayuan', 'reports', 'hotline', quarter], queryFn: () => api.get<Report>(`/api/reports/hotline?quarter=${quarter}`) });
  const optionLabel = (field: string, id: string) => {
    const option = fieldOf(consultations, field)?.options?.find((o) => o.id === id);
    return option ? label(option.label) : id;
  };
  return (
    <Box sx={{ p: 2 }} data-testid="hotline-report">
      <Title title="12348 季度报告" />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', justifyContent: 'flex-start' }}>
        <TextField select size="small" label="季度" value={quarter} onChange={(e) => setQuarter(e.target.value)} sx={{ width: 200 }}>
          {quarters.map((q) => <MenuItem key={q} value={q}>{q.replace('-Q', ' 年第 ')} 季度</MenuItem>)}
        </TextField>
        <Button variant="outlined" sx={{ whiteSpace: 'nowrap' }} href={`/api/reports/hotline.xlsx?quarter=${quarter}`}>导出 Excel</Button>
        <Button variant="outlined" sx={{ whiteSpace: 'nowrap' }} href={`/api/reports/hotline.pdf?quarter=${quarter}`} target="_blank">打印 PDF</Button>
      </Stack>
      {error ? <Typography color="error">报告加载失败</Typography> : null}
      {data ? (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
          <Figures title="总体情况" rows={[
            ['咨询总量', data.total], ['建议申请法律援助', data.aidAdvised], ['转为申请', data.converted], ['转化率', percent(data.convertedShare)],
            ['热线来电', data.hotline.calls], ['平均通话（分钟）', data.hotline.averageMinutes],
          ]} />
          <Figures title="按咨询方式" rows={Object.entries(data.byChannel).map(([k, n]) => [optionLabel('channel', k), n])} />
          <Figures title="按咨询事项" rows={Object.entries(data.byCategory).map(([k, n]) => [optionLabel('category', k), n])} />
          <Figures title="按月份" rows={data.byMonth.map((m) => [m.month, m.count])} />
          <Figures title="按服务点" rows={data.byServicePoint.map((p) => [p.name, p.count])} />
          <Figures title="热点问题" rows={data.topTopics.map((t, i) => [`${i + 1}. ${t.label}`, t.count])} />
          <Figures title="信函、网络咨询答复" rows={[
            ['应答复', data.replies.due], ['按期答复', data.replies.repliedOnTime], ['逾期答复', data.replies.repliedLate],
            ['尚未答复', data.replies.open], ['其中已逾期', data.replies.openOverdue], ['按期答复率', percent(data.replies.onTimeShare)],
          ]} />
        </Stack>
      ) : null}
    </Box>
  );
}
