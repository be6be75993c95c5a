// One place that knows how each field type of /api/meta is shown and edited.
import { SheetDisplay, SheetInput } from '../forms/SheetField.js';
import { FormDefinitionDisplay, FormDefinitionInput } from '../forms/FormEditor.js';
import type { ReactElement } from 'react';
import { Chip, InputAdornment, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  DataTable,
  DateField,
  DateInput,
  DateTimeInput,
  Labeled,
  NumberField,
  NumberInput,
  RecordContextProvider,
  ReferenceArrayField,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  SingleFieldList,
  TextField,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useRecordContext,
  useResourceContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useMeta, type FieldMeta } from '../meta.js';
import { useLabel, useLanguageTag } from '../i18n.js';
import { useFieldDisplays } from '../plugins.js';

/** Dates read the same in a table and on a page: 2026/03/05 (zh-CN), 05/03/2026 (en-GB). */
const DATE_FORMAT: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
const DATETIME_FORMAT: Intl.DateTimeFormatOptions = { ...DATE_FORMAT, hour: '2-digit', minute: '2-digit', hour12: false };
const MONEY_FORMAT: Intl.NumberFormatOptions = { style: 'currency', currency: 'CNY' };

/** A calendar date (YYYY-MM-DD) is a local day, not midnight UTC. */
function localDay(value: unknown): Date {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value as string);
}

/** Choices for a SelectInput or AutocompleteInput from an enum's or tags' options. */
export function useOptionChoices(field: FieldMeta): { id: string; name: string }[] {
  const label = useLabel();
  return (field.options ?? []).map((option) => ({ id: option.id, name: label(option.label) }));
}

function useOptionText(field: FieldMeta): (value: unknown) => string {
  const label = useLabel();
  return (value) => {
    const option = field.options?.find((o) => o.id === value);
    return option ? label(option.label) : String(value);
  };
}

/** A list of items: a count in a table cell; on a page, a table with a column per item field. */
export function ItemsField({ field, source, inList, emptyText }: CustomFieldProps & { inList?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const label = useLabel();
  const items = Array.isArray(record?.[source]) ? (record[source] as unknown[]) : [];
  if (!items.length) return <Empty text={emptyText} />;
  if (inList) {
    return <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>{translate('fayuan.list.items', { smart_count: items.length })}</Typography>;
  }
  return (
    <ArrayField source={source}>
      <DataTable bulkActionButtons={false} rowClick={false} hiddenColumns={[]} storeKey={`items.${source}`}>
        {(field.of ?? []).map((item) => (
          <DataTable.Col key={item.name} source={item.name} label={label(item.label)} disableSort>
            <DisplayField field={item} inList />
          </DataTable.Col>
        ))}
      </DataTable>
    </ArrayField>
  );
}

/** What an empty value shows on a record's page (a list cell stays blank). */
export const EMPTY = '—';

function Empty({ text }: { text?: string }) {
  return text ? <Typography component="span" variant="body2" color="text.disabled">{text}</Typography> : null;
}

interface CustomFieldProps {
  field: FieldMeta;
  source: string;
  label?: string;
  emptyText?: string;
}

/** An enum value as its label in the current language; a `status` field as a chip. */
export function EnumField({ field, source, emptyText }: CustomFieldProps) {
  const record = useRecordContext();
  const text = useOptionText(field);
  const value = record?.[source];
  if (value === null || value === undefined || value === '') return <Empty text={emptyText} />;
  if (source === 'status') return <Chip size="small" variant="outlined" color="primary" label={text(value)} sx={{ alignSelf: 'flex-start' }} />;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {text(value)}
    </Typography>
  );
}

/** Tags as chips with their labels. */
export function TagsField({ field, source, emptyText }: CustomFieldProps) {
  const record = useRecordContext();
  const text = useOptionText(field);
  const values = Array.isArray(record?.[source]) ? (record[source] as string[]) : [];
  if (!values.length) return <Empty text={emptyText} />;
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {values.map((value) => (
        <Chip key={value} size="small" label={text(value)} />
      ))}
    </Stack>
  );
}

/** Linked records as chips; in a table only the first few, then a count of the others. */
export function ReferenceListField({ field, source, limit, emptyText }: CustomFieldProps & { limit?: number }) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const ids = Array.isArray(record[source]) ? (record[source] as unknown[]) : [];
  if (!ids.length) return <Empty text={emptyText} />;
  const shown = limit ? ids.slice(0, limit) : ids;
  const rest = ids.length - shown.length;
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', gap: 0.5 }}>
      <RecordContextProvider value={{ ...record, [source]: shown }}>
        <ReferenceArrayField source={source} reference={field.reference!}>
          <SingleFieldList linkType="show" />
        </ReferenceArrayField>
      </RecordContextProvider>
      {rest > 0 ? (
        <Typography component="span" variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
          {translate('fayuan.list.more', { count: ids.length })}
        </Typography>
      ) : null}
    </Stack>
  );
}

/** Plain data a register keeps (a round's sampled ids, its results): a list joined, an object as key：value lines. */
function plainJson(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、') : EMPTY;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length ? entries.map(([k, v]) => `${k}：${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? EMPTY)}`).join('\n') : EMPTY;
  }
  return String(value);
}

/** A sheet, a form definition drawn as the sheet it makes, or plain data. */
function JsonDisplay({ field }: { field: FieldMeta }) {
  const record = useRecordContext();
  if (field.holds?.kind === 'sheet') return <SheetDisplay field={field} />;
  if (field.holds?.kind === 'form-definition') return <FormDefinitionDisplay value={record?.[field.name]} />;
  return <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap' }}>{plainJson(record?.[field.name])}</Typography>;
}

/** How a field is displayed in a list cell (`inList`) or on a record's page. */
export function DisplayField({ field, inList = false }: { field: FieldMeta; inList?: boolean; source?: string; label?: string }) {
  const tag = useLanguageTag();
  const label = useLabel();
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const PluginDisplay = useFieldDisplays(resource)[field.name];
  const masked = useMeta().resources.find((r) => r.name === resource)?.permissions?.maskedFields.includes(field.name) ?? false;
  const source = field.name;
  const emptyText = inList ? undefined : EMPTY;
  // A masked value (****-**-** for a birth date) is the mask's text, whatever the field's type: never parsed.
  if (masked) return <TextField source={source} emptyText={emptyText} sx={{ whiteSpace: 'nowrap' }} />;
  // A plugin's own reading of the field (a round's reviewers by name), when the value is there to read.
  if (PluginDisplay && record?.[source] !== null && record?.[source] !== undefined && record?.[source] !== '') return <PluginDisplay field={field} value={record[source]} inList={inList} />;
  switch (field.type) {
    case 'text':
      return <TextField source={source} emptyText={emptyText} />;
    case 'longText':
      return inList
        ? <TextField source={source} sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }} />
        : <TextField source={source} component="div" emptyText={emptyText} sx={{ whiteSpace: 'pre-wrap' }} />;
    case 'integer':
      return <NumberField source={source} emptyText={emptyText} locales={tag} options={{ useGrouping: field.grouping !== false && source !== 'id' && source !== 'version' }} />;
    case 'money':
      // A declared unit (倍) means the number is not an amount of money.
      return field.unit
        ? <NumberField source={source} emptyText={emptyText} locales={tag} options={{ maximumFractionDigits: 2 }} sx={{ '&::after': { content: `" ${label(field.unit)}"` } }} />
        : <NumberField source={source} emptyText={emptyText} locales={tag} options={MONEY_FORMAT} />;
    case 'date':
      return <DateField source={source} emptyText={emptyText} locales={tag} options={DATE_FORMAT} transform={localDay} sx={{ whiteSpace: 'nowrap' }} />;
    case 'datetime':
      return <DateField source={source} emptyText={emptyText} showTime locales={tag} options={DATETIME_FORMAT} sx={{ whiteSpace: 'nowrap' }} />;
    case 'boolean':
      return <BooleanField source={source} emptyText={emptyText} />;
    case 'enum':
      return <EnumField field={field} source={source} emptyText={emptyText} />;
    case 'tags':
      return <TagsField field={field} source={source} emptyText={emptyText} />;
    case 'reference':
      // A row read through a redaction carries its references' titles, redacted as it is: shown as sent, not fetched.
      return typeof record?.$titles?.[source] === 'string'
        ? <Typography component="span" variant="body2" data-title-of={source}>{record.$titles[source]}</Typography>
        : <ReferenceField source={source} reference={field.reference!} link="show" emptyText={emptyText} />;
    case 'referenceList':
      return <ReferenceListField field={field} source={source} limit={inList ? 3 : undefined} emptyText={emptyText} />;
    case 'list':
      return <ItemsField field={field} source={source} inList={inList} emptyText={emptyText} />;
    case 'json':
      return inList ? null : <JsonDisplay field={field} />;
    default:
      // A type this console does not know yet: its value as text.
      return <TextField source={source} emptyText={emptyText} />;
  }
}

const ITEM_INPUT_SX: Partial<Record<FieldMeta['type'], object>> = {
  text: { minWidth: 140 },
  enum: { minWidth: 130 },
  tags: { minWidth: 320, maxWidth: 480 },
  boolean: { whiteSpace: 'nowrap', mt: 1 },
  integer: { minWidth: 120 },
  money: { minWidth: 140 },
};

/** The client-side checks a field declares; the server checks again. */
export function validatorsOf(field: FieldMeta): Validator[] {
  const validators: Validator[] = [];
  if (field.required) validators.push(required());
  if (field.maxLength) validators.push(maxLength(field.maxLength));
  if (field.min !== undefined) validators.push(minValue(field.min));
  if (field.max !== undefined) validators.push(maxValue(field.max));
  return validators;
}

/**
 * How a writable field is edited. Labels come from resources.<name>.fields.<field>, except for
 * the fields of a list's items, which are given theirs (`label`).
 */
export function FieldInput({ field, label: givenLabel }: { field: FieldMeta; source?: string; label?: string }): ReactElement {
  const choices = useOptionChoices(field);
  const label = useLabel();
  const source = field.name;
  const validate = validatorsOf(field);
  const helperText = field.help ? label(field.help) : undefined;
  // Inside a list's item the inputs sit on one line: give each a width that suits its kind.
  const sx = givenLabel ? ITEM_INPUT_SX[field.type] : undefined;
  const common = { source, validate, helperText, ...(givenLabel ? { label: givenLabel, sx } : {}) };
  switch (field.type) {
    case 'text':
      // A new password is typed unseen and never offered by the browser's autofill.
      return source === 'password'
        ? <TextInput {...common} type="password" autoComplete="new-password" />
        : <TextInput {...common} />;
    case 'longText':
      return <TextInput {...common} multiline minRows={3} fullWidth />;
    case 'integer':
      return <NumberInput {...common} step={1} min={field.min} max={field.max} />;
    case 'money':
      return <NumberInput {...common} step={field.unit ? 0.1 : 0.01} min={field.min} max={field.max} slotProps={field.unit ? { input: { endAdornment: <InputAdornment position="end">{label(field.unit)}</InputAdornment> } } : undefined} />;
    case 'date':
      return <DateInput {...common} />;
    case 'datetime':
      return <DateTimeInput {...common} />;
    case 'boolean':
      return <BooleanInput source={source} validate={validate} helperText={helperText ?? false} {...(givenLabel ? { label: givenLabel, sx } : {})} />;
    case 'enum':
      return <SelectInput {...common} choices={choices} translateChoice={false} />;
    case 'tags':
      return <AutocompleteArrayInput {...common} choices={choices} translateChoice={false} />;
    case 'reference':
      return (
        <ReferenceInput source={source} reference={field.reference!}>
          <AutocompleteInput validate={validate} helperText={helperText} filterToQuery={searchQuery} {...(givenLabel ? { label: givenLabel } : {})} />
        </ReferenceInput>
      );
    case 'referenceList':
      return (
        <ReferenceArrayInput source={source} reference={field.reference!}>
          <AutocompleteArrayInput validate={validate} helperText={helperText} filterToQuery={searchQuery} {...(givenLabel ? { label: givenLabel } : {})} />
        </ReferenceArrayInput>
      );
    case 'list':
      return (
        <ArrayInput source={source} helperText={helperText}>
          <SimpleFormIterator inline disableClear>
            {(field.of ?? []).map((item) => (
              <FieldInput key={item.name} field={item} label={label(item.label)} />
            ))}
          </SimpleFormIterator>
        </ArrayInput>
      );
    case 'json':
      return field.holds?.kind === 'sheet' ? <SheetInput field={field} /> : <FormDefinitionInput field={field} />;
    default:
      // A type this console does not know yet: shown, not edited.
      return (
        <Labeled source={source}>
          <DisplayField field={field} />
        </Labeled>
      );
  }
}

/** Every register searches its declared columns with the `q` filter. */
export function searchQuery(text: string) {
  return text ? { q: text } : {};
}
