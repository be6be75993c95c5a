// The form body of any register, shared by Create and Edit: fields the user may change as
// inputs in a grid; server-set fields, and fields this user may not change, shown but not editable.
import { createElement, type MutableRefObject } from 'react';
import { useWatch } from 'react-hook-form';
import { Box, Divider, Stack, Typography } from '@mui/material';
import {
  DeleteButton,
  Labeled,
  SaveButton,
  SimpleForm,
  Toolbar,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { SYSTEM_FIELDS, isEditable, permissionsOf, type FieldMeta, type ResourceMeta } from '../meta.js';
import { DisplayField, FieldInput } from './fieldComponents.js';
import { useLabel } from '../i18n.js';
import { applies, fieldGridSx, fieldGroups, isWideField } from './fieldGroups.js';
import { useListInputs } from '../plugins.js';

const isSystem = (field: FieldMeta) => SYSTEM_FIELDS.includes(field.name);

/**
 * The body of a PUT: the version the page loaded (so that a stale edit meets the server's 409),
 * the whole record as react-admin keeps it, less what this user sees masked; a user who may
 * change only some fields sends only those.
 */
export function updateBody(resource: ResourceMeta, data: Partial<RaRecord>, loadedVersion: unknown): Partial<RaRecord> {
  const { writableFields, maskedFields } = permissionsOf(resource);
  const kept = Object.entries(data).filter(([name]) =>
    writableFields ? writableFields.includes(name) : !maskedFields.includes(name),
  );
  return { ...Object.fromEntries(kept), id: data.id, version: loadedVersion ?? data.version };
}

/** The version of the record as the Edit page first showed it, per record id. */
export type LoadedVersion = MutableRefObject<{ id: unknown; version: unknown } | null>;

function RememberVersion({ loaded }: { loaded: LoadedVersion }) {
  const record = useRecordContext();
  if (record && loaded.current?.id !== record.id) loaded.current = { id: record.id, version: record.version };
  return null;
}

function EditToolbar({ resource }: { resource: ResourceMeta }) {
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {permissionsOf(resource).delete ? <DeleteButton mutationMode="pessimistic" /> : null}
    </Toolbar>
  );
}

function ShownField({ field }: { field: FieldMeta }) {
  return (
    <Labeled source={field.name} sx={{ py: 1 }}>
      <DisplayField field={field} source={field.name} />
    </Labeled>
  );
}

/** On an Edit form: the columns the system keeps (id, times), above the sections. */
function SystemFields({ resource }: { resource: ResourceMeta }) {
  const translate = useTranslate();
  const record = useRecordContext();
  const fields = resource.fields.filter((f) => isSystem(f) && f.name !== 'version');
  if (!fields.length || record?.createdAt == null) return null; // a singleton (settings) keeps no times of its own
  return (
    <Box sx={{ width: '100%', mb: 1 }}>
      <Typography variant="caption" color="text.secondary">{translate('fayuan.form.readonly')}</Typography>
      <Box sx={{ ...fieldGridSx, rowGap: 0, mb: 1 }}>
        {fields.map((field) => <ShownField key={field.name} field={field} />)}
      </Box>
    </Box>
  );
}

/**
 * The register's declared sections, each under its title, with the fields that apply to the
 * record as it now stands in the form (a criminal role appears when the case type is criminal).
 * On a new record, what the server sets is left out; on an edit it is shown, not editable.
 */
function Sections({ resource, mode }: { resource: ResourceMeta; mode: 'create' | 'edit' }) {
  const label = useLabel();
  const record = useRecordContext();
  const values = useWatch();
  const current = { ...record, ...values };
  const listInputs = useListInputs(resource.name);
  const groups = fieldGroups(resource)
    .filter((g) => g.id !== 'system')
    .map((g) => ({ ...g, fields: g.fields.filter((f) => (mode === 'edit' || !f.readOnly) && applies(f, current)) }))
    .filter((g) => g.fields.length > 0);
  return (
    <>
      {groups.map((group) => (
        <Box key={group.id} component="section" data-section={group.id} sx={{ width: '100%', mb: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 1 }}>{label(group.label!)}</Typography>
          <Divider sx={{ mb: 1.5 }} />
          <Box sx={{ ...fieldGridSx, rowGap: 0 }}>
            {group.fields.map((field) => (
              <Stack key={field.name} sx={isWideField(field) ? { gridColumn: '1 / -1' } : undefined}>
                {!field.readOnly && (mode === 'create' || isEditable(resource, field)) ? (
                  field.type === 'list' && listInputs[field.name]
                    ? createElement(listInputs[field.name], { field, source: field.name, resource })
                    : <FieldInput field={field} source={field.name} />
                ) : <ShownField field={field} />}
              </Stack>
            ))}
          </Box>
        </Box>
      ))}
    </>
  );
}

interface ResourceFormProps {
  resource: ResourceMeta;
  mode: 'create' | 'edit';
  defaultValues?: Record<string, unknown>;
  /** Edit only: where the loaded version is kept for the PUT. */
  loadedVersion?: LoadedVersion;
}

export function ResourceForm({ resource, mode, defaultValues, loadedVersion }: ResourceFormProps) {
  return (
    <SimpleForm
      defaultValues={defaultValues}
      toolbar={mode === 'edit' ? <EditToolbar resource={resource} /> : undefined}
      warnWhenUnsavedChanges
      sx={{ maxWidth: 1200 }}
    >
      {loadedVersion ? <RememberVersion loaded={loadedVersion} /> : null}
      {mode === 'edit' ? <SystemFields resource={resource} /> : null}
      <Sections resource={resource} mode={mode} />
    </SimpleForm>
  );
}
