// A register's filled sheet (a `json` field holding a sheet): the form revision the record names,
// or the default form's current published one, drawn by FormSheet for filling or for reading.
import { Alert, CircularProgress } from '@mui/material';
import { useGetList, useGetOne, useInput, useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { Answers, FormDefinition } from '../../../forms/engine.js';
import type { FieldMeta } from '../meta.js';
import { FormSheet } from './FormSheet.js';

/** The form revision a sheet uses: its own, or the current published revision of `defaultForm`. */
export function useSheetForm(formId: unknown, defaultForm: string): { definition?: FormDefinition; id?: number; loading: boolean } {
  const own = useGetOne('forms', { id: formId as number }, { enabled: Boolean(formId) });
  const current = useGetList('forms', {
    filter: { key: defaultForm, status: 'published' }, sort: { field: 'revision', order: 'DESC' }, pagination: { page: 1, perPage: 1 },
  }, { enabled: !formId });
  const row = formId ? own.data : current.data?.[0];
  return { definition: row?.definition as FormDefinition | undefined, id: row?.id as number | undefined, loading: formId ? own.isPending : current.isPending };
}

const defaultFormOf = (field: FieldMeta) => (field.holds?.kind === 'sheet' ? field.holds.defaultForm : '');

export function SheetInput({ field }: { field: FieldMeta }) {
  const { field: input } = useInput({ source: field.name, defaultValue: {} });
  const formId = useWatch({ name: 'formId' });
  const { definition, loading } = useSheetForm(formId, defaultFormOf(field));
  if (loading) return <CircularProgress size={24} />;
  if (!definition) return <Alert severity="warning">没有可用的表单版本</Alert>;
  return <FormSheet definition={definition} answers={(input.value ?? {}) as Answers} onChange={input.onChange} />;
}

export function SheetDisplay({ field }: { field: FieldMeta }) {
  const record = useRecordContext();
  const { definition, loading } = useSheetForm(record?.formId, defaultFormOf(field));
  if (!record) return null;
  if (loading) return <CircularProgress size={24} />;
  if (!definition) return null;
  return <FormSheet definition={definition} answers={(record[field.name] ?? {}) as Answers} stored={{ score: record.score ?? null, grade: record.grade ?? null }} />;
}
