// 待评查案卷 above the 案卷评查 register: closed cases without an inspection, the oldest closing first, 逾期 flagged;
// a row opens the inspection screen.
import { Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useGetMany, useRedirect } from 'react-admin';
import { permissionsOf, useApi, useLabel, useResourceMeta } from '../../../admin/src/plugin-kit.js';

interface Waiting { id: number; caseNumber: string; applicantName: string; lawyerId: number | null; closedAt: string; overdue: boolean; dueDays: number }

export function QueuePanel() {
  const label = useLabel();
  const api = useApi();
  const redirect = useRedirect();
  const allowed = Boolean(permissionsOf(useResourceMeta('case-inspections')).create);
  const { data = [], isPending } = useQuery({ queryKey: ['case-inspections', 'queue'], queryFn: () => api.get<Waiting[]>('/api/case-inspections/queue'), enabled: allowed });
  const lawyerIds = [...new Set(data.map((row) => row.lawyerId).filter((id): id is number => id !== null))];
  const { data: lawyers = [] } = useGetMany('lawyers', { ids: lawyerIds }, { enabled: lawyerIds.length > 0 });
  if (!allowed) return null;
  const lawyerName = (id: number | null) => String(lawyers.find((l) => l.id === id)?.name ?? '');
  return (
    <Card data-testid="inspection-queue" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6">{label({ zh: `待评查案卷（${data.length}）`, en: `Awaiting inspection (${data.length})` })}</Typography>
        {!isPending && !data.length ? <Typography color="text.secondary">{label({ zh: '结案案卷均已评查', en: 'Every closed file is inspected' })}</Typography> : null}
        {data.length ? (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{label({ zh: '案号', en: 'Case number' })}</TableCell>
                <TableCell>{label({ zh: '受援人', en: 'Applicant' })}</TableCell>
                <TableCell>{label({ zh: '承办律师', en: 'Lawyer' })}</TableCell>
                <TableCell>{label({ zh: '结案日期', en: 'Closed on' })}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((row) => (
                <TableRow key={row.id} hover sx={{ cursor: 'pointer' }} data-queue-case={row.id} onClick={() => redirect(`/case-inspections/inspect/${row.id}`)}>
                  <TableCell>{row.caseNumber}</TableCell>
                  <TableCell>{row.applicantName}</TableCell>
                  <TableCell>{lawyerName(row.lawyerId)}</TableCell>
                  <TableCell>{String(row.closedAt).slice(0, 10)}</TableCell>
                  <TableCell>{row.overdue ? <Chip size="small" color="error" label={label({ zh: '逾期', en: 'Overdue' })} title={label({ zh: `结案超过 ${row.dueDays} 天未评查`, en: `Closed over ${row.dueDays} days ago` })} /> : null}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
}
