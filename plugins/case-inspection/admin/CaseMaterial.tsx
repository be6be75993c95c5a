// The left column of the inspection screen: a closed file's material as the reader may see it — the case
// summary, the work log, the checklist with its files, hearing observations and return visits — each read
// through its own register's API, so every row rule and mask applies as on the case's page.
import { Box, Card, CardContent, Chip, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useGetList, useGetOne } from 'react-admin';
import { fieldOf, useApi, useLabel, useMeta, type FieldMeta, type ResourceMeta } from '../../../admin/src/plugin-kit.js';

type Label = ReturnType<typeof useLabel>;

/** A stored value as the page shows it: options by their label, dates by day, yes/no, lists joined. */
function shown(field: FieldMeta | undefined, value: unknown, label: Label): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!field) return String(value);
  const option = (id: unknown) => label(field.options?.find((o) => o.id === id)?.label ?? { zh: String(id), en: String(id) });
  if (field.type === 'enum') return option(value);
  if (field.type === 'tags') return (value as unknown[]).map(option).join('、');
  if (field.type === 'boolean') return value ? '是' : '否';
  if (field.type === 'date' || field.type === 'datetime') return String(value).slice(0, 10);
  if (field.type === 'money') return `${Number(value).toLocaleString('zh-CN')} 元`;
  return typeof value === 'object' ? '' : String(value);
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>{title}</Typography>
        {children}
      </CardContent>
    </Card>
  );
}

const SUMMARY = ['caseNumber', 'applicantName', 'applicantIdNumber', 'applicantPhone', 'caseType', 'causeOfAction', 'caseSummary', 'status',
  'applicationDate', 'acceptedAt', 'assignedAt', 'closedAt', 'outcome', 'amountRecovered', 'qualityGrade'];

function CaseSummary({ caseId, cases }: { caseId: string; cases: ResourceMeta }) {
  const label = useLabel();
  const { data: record } = useGetOne('cases', { id: caseId });
  const { data: lawyer } = useGetOne('lawyers', { id: record?.lawyerId }, { enabled: Boolean(record?.lawyerId) });
  const { data: firm } = useGetOne('law-firms', { id: lawyer?.lawFirmId }, { enabled: Boolean(lawyer?.lawFirmId) });
  if (!record) return null;
  const rows: [string, string][] = SUMMARY.filter((name) => fieldOf(cases, name)).map((name) => [label(fieldOf(cases, name)!.label), shown(fieldOf(cases, name), record[name], label)]);
  // A reviewer in a blind round reads no lawyer at all (withheld by the server); the line is then left out.
  if (record.lawyerId) rows.splice(6, 0, [label({ zh: '承办律师', en: 'Lawyer' }), [lawyer?.name, firm?.name].filter(Boolean).join(' · ') || '…']);
  return (
    <Section title={label({ zh: '案件概况', en: 'The case' })} testId="inspect-summary">
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        {rows.map(([name, value]) => [
          <Typography key={`${name}-k`} component="dt" variant="body2" color="text.secondary">{name}</Typography>,
          <Typography key={`${name}-v`} component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>{value}</Typography>,
        ])}
      </Box>
    </Section>
  );
}

/** A register's rows about this case, with the named columns (those the register declares). */
function CaseRows({ register, caseId, columns, title, testId }: { register: ResourceMeta; caseId: string; columns: string[]; title: string; testId: string }) {
  const label = useLabel();
  const { data = [], isPending } = useGetList(register.name, {
    filter: { caseId }, sort: { field: register.list.sort.field, order: 'ASC' }, pagination: { page: 1, perPage: 100 },
  });
  const fields = columns.map((name) => fieldOf(register, name)).filter((f): f is FieldMeta => Boolean(f));
  return (
    <Section title={label({ zh: `${title}（${data.length}）`, en: `${title} (${data.length})` })} testId={testId}>
      {!isPending && !data.length ? <Typography variant="body2" color="text.secondary">{label({ zh: '无', en: 'None' })}</Typography> : null}
      {data.length ? (
        <Table size="small">
          <TableHead><TableRow>{fields.map((f) => <TableCell key={f.name}>{label(f.label)}</TableCell>)}</TableRow></TableHead>
          <TableBody>
            {data.map((row) => (
              <TableRow key={row.id}>
                {fields.map((f) => <TableCell key={f.name} sx={{ whiteSpace: f.type === 'longText' ? 'pre-wrap' : undefined, verticalAlign: 'top' }}>{shown(f, row[f.name], label)}</TableCell>)}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Section>
  );
}

interface Checklist { items: { key: string; name: string; required: boolean; files: { id: number; originalName: string; downloadUrl?: string }[] }[]; progress: { done: number; total: number } }

function CaseChecklist({ caseId }: { caseId: string }) {
  const label = useLabel();
  const api = useApi();
  const { data } = useQuery({ queryKey: ['cases', caseId, 'checklist'], queryFn: () => api.get<Checklist>(`/api/cases/${caseId}/checklist`) });
  if (!data) return null;
  return (
    <Section title={label({ zh: `结案材料清单（${data.progress.done}/${data.progress.total}）`, en: `Closing checklist (${data.progress.done}/${data.progress.total})` })} testId="inspect-checklist">
      {data.items.map((item) => (
        <Stack key={item.key} direction="row" spacing={1} sx={{ py: 0.25, alignItems: 'baseline', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="body2" sx={{ minWidth: 160 }}>{item.name}</Typography>
          {item.files.length
            ? item.files.map((f) => <Link key={`${f.id}-${f.originalName}`} variant="body2" href={f.downloadUrl ?? `/api/case-files/${f.id}/download`} target="_blank" rel="noopener">{f.originalName}</Link>)
            : <Chip size="small" color={item.required ? 'error' : 'default'} variant="outlined" label={label(item.required ? { zh: '缺', en: 'Missing' } : { zh: '无', en: 'None' })} />}
        </Stack>
      ))}
    </Section>
  );
}

/** Everything an inspector weighs, in the order the file is read. */
export function CaseMaterial({ caseId }: { caseId: string }) {
  const label = useLabel();
  const meta = useMeta();
  const register = (name: string) => meta.resources.find((r) => r.name === name && r.permissions?.read !== false);
  const cases = register('cases');
  const activities = register('case-activities');
  const observations = register('hearing-observations');
  const visits = register('return-visits');
  return (
    <Stack spacing={2} data-testid="inspect-material">
      {cases ? <CaseSummary caseId={caseId} cases={cases} /> : null}
      {activities ? <CaseRows register={activities} caseId={caseId} title={label({ zh: '办案记录', en: 'Work log' })} testId="inspect-work-log" columns={['occurredAt', 'kind', 'place', 'court', 'participants', 'notes']} /> : null}
      {register('case-files') ? <CaseChecklist caseId={caseId} /> : null}
      {observations ? <CaseRows register={observations} caseId={caseId} title={label({ zh: '庭审旁听', en: 'Hearing observations' })} testId="inspect-observations" columns={['observedOn', 'court', 'observers', 'score', 'grade', 'judgeView', 'feedback']} /> : null}
      {visits ? <CaseRows register={visits} caseId={caseId} title={label({ zh: '回访', en: 'Return visits' })} testId="inspect-visits" columns={['visitedAt', 'method', 'reachedPerson', 'visitor', 'satisfaction', 'score']} /> : null}
    </Stack>
  );
}
