// Files by case number, each opening the case: a round's 抽取的案卷 (its page, the proposal on the home page),
// a round's reviews, the reviewer's files to score.
import { Typography } from '@mui/material';
import { LinkBase, useGetManyAggregate } from 'react-admin';
import type { FieldDisplayProps } from '../../../admin/src/plugin-kit.js';

/** One case by its number (the lookups of a page's links gathered into one request). */
export function CaseNumberLink({ id }: { id: number }) {
  const { data = [] } = useGetManyAggregate('cases', { ids: [id] });
  return <LinkBase to={`/cases/${id}/show`} style={{ marginRight: 8 }} data-case={id}>{String(data[0]?.caseNumber ?? `#${id}`)}</LinkBase>;
}

export function SampledCaseLinks({ ids }: { ids: number[] }) {
  return <>{ids.map((id) => <span key={id} data-sampled={id}><CaseNumberLink id={id} /></span>)}</>;
}

/** The `sample` field on the round's page. */
export function SampledCases({ value }: FieldDisplayProps) {
  const ids = Array.isArray(value) ? value.map(Number).filter(Number.isInteger) : [];
  return <Typography variant="body2" component="div" data-testid="round-sample"><SampledCaseLinks ids={ids} /></Typography>;
}
