// The complaints about a case or a lawyer, on that case's or lawyer's page, for the roles that
// may read complaints (others see nothing: the list would be refused).
import { Card, CardContent, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCreatePath, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { fieldOf, useMeta, useResourceMeta } from '../meta.js';
import { useLabel } from '../i18n.js';
import { ComplaintDeadlineChip } from './ComplaintDeadline.js';

/** On the page of the record in context: the complaints whose `field` names it. */
export function RelatedComplaints({ field }: { field: 'caseId' | 'lawyerId' }) {
  const meta = useMeta();
  const record = useRecordContext();
  const readable = meta.resources.some((r) => r.name === 'complaints' && r.permissions?.read);
  return readable && record ? <ComplaintsAbout filter={{ [field]: record.id }} /> : null;
}

function ComplaintsAbout({ filter }: { filter: Record<string, unknown> }) {
  const translate = useTranslate();
  const label = useLabel();
  const createPath = useCreatePath();
  const complaints = useResourceMeta('complaints');
  const { data = [], isPending } = useGetList('complaints', { filter, sort: { field: 'receivedAt', order: 'DESC' }, pagination: { page: 1, perPage: 50 } });
  const option = (field: string, value: unknown) => {
    const found = fieldOf(complaints, field)?.options?.find((o) => o.id === value);
    return found ? label(found.label) : String(value ?? '');
  };
  const head = (name: string) => label(fieldOf(complaints, name)!.label);
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="related-complaints">
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>{translate('fayuan.complaints.related')}</Typography>
        {!isPending && !data.length ? <Typography variant="body2" color="text.secondary">{translate('fayuan.complaints.none')}</Typography> : null}
        {data.length ? (
          <Table size="small">
            <TableHead>
              <TableRow>
                {['receivedAt', 'complainantName', 'category', 'status'].map((n) => <TableCell key={n}>{head(n)}</TableCell>)}
                <TableCell>{translate('fayuan.complaints.deadlines')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{String(c.receivedAt)}</TableCell>
                  <TableCell><Link component={RouterLink} to={createPath({ resource: 'complaints', id: c.id, type: 'show' })}>{String(c.complainantName)}</Link></TableCell>
                  <TableCell>{option('category', c.category)}</TableCell>
                  <TableCell>{option('status', c.status)}</TableCell>
                  <TableCell><ComplaintDeadlineChip record={c} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
}
