// CSV export with the columns' labels and the values as people read them (option labels,
// linked records' titles), opened correctly by spreadsheet programs (UTF-8 with a BOM).
import { downloadCSV, useTranslate, type Exporter, type RaRecord } from 'react-admin';
import { SYSTEM_FIELDS, useMeta, type FieldMeta, type ResourceMeta } from '../meta.js';
import { useLabel } from '../i18n.js';
import { TextCell, toCsv } from './csv.js';


/** Columns exported: the id, every declared field, then when the record was made and changed. */
function exportedFields(resource: ResourceMeta): FieldMeta[] {
  const byName = (name: string) => resource.fields.filter((f) => f.name === name);
  const declared = resource.fields.filter((f) => !SYSTEM_FIELDS.includes(f.name));
  return [...byName('id'), ...declared, ...byName('createdAt'), ...byName('updatedAt')];
}

/** 2026-03-05 14:30 in the reader's time zone. */
function localDateTime(value: unknown): string {
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An item of a list by its first required text (a material's name), else its first text. */
function itemTitle(field: FieldMeta, item: Record<string, unknown>): string {
  const texts = (field.of ?? []).filter((f) => f.type === 'text');
  const named = texts.find((f) => f.required) ?? texts[0];
  return named ? String(item[named.name] ?? '') : JSON.stringify(item);
}

export function useCsvExporter(resource: ResourceMeta): Exporter {
  const meta = useMeta();
  const label = useLabel();
  const translate = useTranslate();
  const yesNo = (value: unknown) => (value === null || value === undefined ? '' : translate(value ? 'ra.boolean.true' : 'ra.boolean.false'));

  return async (records: RaRecord[], fetchRelatedRecords) => {
    const fields = exportedFields(resource);
    const titles: Record<string, Record<string, RaRecord>> = {};
    for (const field of fields) {
      if ((field.type === 'reference' || field.type === 'referenceList') && field.reference) {
        titles[field.name] = await fetchRelatedRecords(records, field.name, field.reference).catch(() => ({}));
      }
    }
    const titleOf = (field: FieldMeta, id: unknown) => {
      const target = meta.resources.find((r) => r.name === field.reference);
      const record = titles[field.name]?.[String(id)];
      return record && target ? String(record[target.titleField] ?? id) : String(id);
    };
    const optionOf = (field: FieldMeta, id: unknown) => {
      const option = field.options?.find((o) => o.id === id);
      return option ? label(option.label) : String(id);
    };
    const cell = (field: FieldMeta, value: unknown): unknown => {
      if (value === null || value === undefined) return '';
      switch (field.type) {
        case 'boolean': return yesNo(value);
        case 'datetime': return localDateTime(value);
        case 'enum': return optionOf(field, value);
        case 'tags': return (value as unknown[]).map((v) => optionOf(field, v)).join('、');
        case 'reference': return titleOf(field, value);
        case 'referenceList': return (value as unknown[]).map((v) => titleOf(field, v)).join('、');
        case 'list': return (value as Record<string, unknown>[]).map((item) => itemTitle(field, item)).join('、');
        // ID, licence and phone numbers are text: a spreadsheet must not read them as numbers.
        case 'text': return new TextCell(String(value));
        case 'json': return JSON.stringify(value);
        default: return value;
      }
    };
    const header = fields.map((f) => label(f.label));
    const rows = records.map((record) => fields.map((f) => cell(f, record[f.name])));
    downloadCSV(`\uFEFF${toCsv(header, rows)}`, `${label(resource.label)}-${new Date().toISOString().slice(0, 10)}`);
  };
}
