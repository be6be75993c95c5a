// A round's 抽取的案卷 by case number, each opening the case (the proposal on the home page, the round's page).
import { Typography } from '@mui/material';
import { LinkBase, useGetMany } from 'react-admin';
import type { FieldDisplayProps } from '../../../admin/src/plugin-kit.js';

export function SampledCaseLinks({ ids }: { ids: number[] }) {
  const { data: sampled = [] } = useGetMany('cases', { ids }, { enabled: ids.length > 0 });
  const caseNumber = (id: number) => String(sampled.find((c) => c.id === id)?.caseNumber ?? `#${id}`);
  return <>{ids.map((id) => <LinkBase key={id} to={`/cases/${id}/show`} style={{ marginRight: 8 }} data-sampled={id}>{caseNumber(id)}</LinkBase>)}</>;
}

/** The `sample` field on the round's page. */
export function SampledCases({ value }: FieldDisplayProps) {
  const ids = Array.isArray(value) ? value.map(Number).filter(Number.isInteger) : [];
  return <Typography variant="body2" component="div" data-testid="round-sample"><SampledCaseLinks ids={ids} /></Typography>;
}
