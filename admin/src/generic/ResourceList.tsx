// The list of any register: declared columns (others can be switched on), filters, export, bulk delete.
import {
  BulkDeleteButton,
  ColumnsButton,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  TopToolbar,
  useResourceContext,
} from 'react-admin';
import type { ReactNode } from 'react';
import type { SxProps } from '@mui/material';
import { SYSTEM_FIELDS, permissionsOf, useResourceMeta, type FieldMeta, type ResourceMeta } from '../meta.js';
import { DisplayField } from './fieldComponents.js';
import { useListFilters } from './listFilters.js';
import { ExportMenu, IMPORTABLE, ImportButton } from './SpreadsheetButtons.js';
import { useBulkActions, useListPanels } from '../plugins.js';

/** Declared columns first; then the register's other fields, hidden until chosen. */
function columnsOf(resource: ResourceMeta): { field: FieldMeta; hidden: boolean }[] {
  const declared = resource.list.columns
    .map((name) => resource.fields.find((f) => f.name === name))
    .filter((f): f is FieldMeta => Boolean(f));
  const others = resource.fields.filter(
    (f) => !resource.list.columns.includes(f.name) && f.type !== 'longText' && f.name !== 'version',
  );
  const system = (f: FieldMeta) => SYSTEM_FIELDS.includes(f.name);
  return [
    ...declared.map((field) => ({ field, hidden: false })),
    ...others.filter((f) => !system(f)).map((field) => ({ field, hidden: true })),
    ...others.filter(system).map((field) => ({ field, hidden: true })),
  ];
}

/** The server cannot sort by a list of values. */
const sortable = (field: FieldMeta) => !['tags', 'referenceList', 'list', 'json'].includes(field.type);

function cellSx(field: FieldMeta): SxProps {
  switch (field.type) {
    case 'text': return { maxWidth: 280, overflowWrap: 'anywhere' };
    case 'longText': return { minWidth: 200, maxWidth: 360 };
    case 'tags': case 'referenceList': return { minWidth: 140, maxWidth: 320 };
    case 'date': case 'datetime': case 'enum': case 'boolean': return { whiteSpace: 'nowrap' };
    default: return {};
  }
}

function ListActions({ canCreate, resource, extra }: { canCreate: boolean; resource: string; extra?: ReactNode }) {
  return (
    <TopToolbar>
      {extra}
      <FilterButton />
      <ColumnsButton />
      {canCreate ? <CreateButton /> : null}
      {canCreate && IMPORTABLE.includes(resource) ? <ImportButton resource={resource} /> : null}
      <ExportMenu resource={resource} />
    </TopToolbar>
  );
}

/** `extraColumns` after the declared ones, `extraActions` in the toolbar (e.g. the complaints ledger's deadline chips and report). */
export function ResourceList({ extraColumns, extraActions }: { extraColumns?: ReactNode; extraActions?: ReactNode } = {}) {
  const resource = useResourceMeta(useResourceContext()!);
  const filters = useListFilters(resource);
  const columns = columnsOf(resource);
  const may = permissionsOf(resource);
  const bulkActions = useBulkActions(resource.name);
  const panels = useListPanels(resource.name);
  const bulkButtons = bulkActions.length || may.delete
    ? <>{bulkActions.map((Action, i) => <Action key={i} />)}{may.delete ? <BulkDeleteButton /> : null}</>
    : false;
  return (
    <>
    {panels.map((Panel, i) => <Panel key={i} />)}
    <List
      sort={resource.list.sort}
      filters={filters}
      exporter={false}
      actions={<ListActions canCreate={may.create} resource={resource.name} extra={extraActions} />}
      perPage={25}
    >
      <DataTable rowClick="show" bulkActionButtons={bulkButtons} hiddenColumns={columns.filter((c) => c.hidden).map((c) => c.field.name)}>
        {columns.map(({ field }) => (
          <DataTable.Col
            key={field.name}
            source={field.name}
            disableSort={!sortable(field)}
            align={field.type === 'integer' || field.type === 'money' ? 'right' : undefined}
            sx={cellSx(field)}
          >
            <DisplayField field={field} inList />
          </DataTable.Col>
        ))}
        {extraColumns}
      </DataTable>
    </List>
    </>
  );
}
