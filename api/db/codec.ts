// How each field type is stored: the one place that knows SQLite and PostgreSQL differ.
import type { ColumnDataType } from 'kysely';
import { allFields, type Field, type FieldType, type ResourceDefinition, type Row } from '../resources/define.js';
import type { DialectName } from './connect.js';

export function columnType(type: FieldType, dialect: DialectName): ColumnDataType {
  const pg = dialect === 'postgres';
  switch (type) {
    case 'integer': return 'integer';
    case 'reference': return 'integer';
    case 'money': return pg ? 'bigint' : 'integer'; // fen
    case 'date': return pg ? 'date' : 'text';
    case 'datetime': return pg ? 'timestamptz' : 'text';
    case 'boolean': return pg ? 'boolean' : 'integer';
    default: return 'text'; // text, longText, enum, and JSON for tags, referenceList, list and json
  }
}

/** An instant as toISOString() writes it: already its stored form, without a Date made and printed. */
export const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** One API value to its stored form (the value has been validated). */
export function encodeValue(field: Field, value: unknown, dialect: DialectName): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'money': return Math.round(Number(value) * 100);
    case 'boolean': return dialect === 'postgres' ? Boolean(value) : value ? 1 : 0;
    case 'tags':
    case 'referenceList':
    case 'list':
    case 'json': return JSON.stringify(value);
    case 'datetime': return typeof value === 'string' && ISO_INSTANT.test(value) ? value : new Date(String(value)).toISOString();
    default: return value;
  }
}

type Decode = (value: unknown) => unknown;

const asIs: Decode = (value) => value;
const fromJson: Decode = (value) => (typeof value === 'string' ? JSON.parse(value) : value);
const DECODE: Partial<Record<FieldType, Decode>> = {
  money: (value) => Number(value) / 100,
  boolean: (value) => value === true || value === 1 || value === '1',
  integer: Number,
  reference: Number,
  tags: fromJson,
  referenceList: fromJson,
  list: fromJson,
  json: fromJson,
  // Stored by encodeValue as toISOString() text (SQLite): already the answer, without a Date made and printed per value.
  datetime: (value) => (typeof value === 'string' && ISO_INSTANT.test(value) ? value : new Date(value as string | Date).toISOString()),
  date: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
};

export function encodeRow(fields: Record<string, Field>, row: Row, dialect: DialectName): Row {
  const out: Row = {};
  for (const [name, value] of Object.entries(row)) {
    const field = fields[name];
    if (field) out[name] = encodeValue(field, value, dialect);
  }
  return out;
}

/** The stored values of a register's rows in one column order (every field but `id`), for bulk inserts. */
export function encoderOf(resource: ResourceDefinition, dialect: DialectName): { columns: string[]; encode: (row: Row) => unknown[] } {
  const fields = Object.entries(allFields(resource)).filter(([name]) => name !== 'id');
  return {
    columns: fields.map(([name]) => name),
    encode: (row) => fields.map(([name, field]) => encodeValue(field, row[name], dialect)),
  };
}

/**
 * A register's stored rows to API values: the field list and each field's conversion are looked
 * up once, when the decoder is built, not for every row (a list page decodes up to 1,000 rows).
 */
function rowDecoder(fields: Record<string, Field>): (row: Row) => Row {
  const columns = Object.entries(fields).map(([name, field]) => [name, DECODE[field.type] ?? asIs] as const);
  return (row) => {
    const out: Row = {};
    for (const [name, decode] of columns) {
      if (!(name in row)) continue;
      const value = row[name];
      out[name] = value === null || value === undefined ? null : decode(value);
    }
    return out;
  };
}

const decoders = new WeakMap<ResourceDefinition, (row: Row) => Row>();

/** The register's row decoder (its system fields and its own), built on first use. */
export function decoderOf(resource: ResourceDefinition): (row: Row) => Row {
  let decode = decoders.get(resource);
  if (!decode) {
    decode = rowDecoder(allFields(resource));
    decoders.set(resource, decode);
  }
  return decode;
}
