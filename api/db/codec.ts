// How each field type is stored: the one place that knows SQLite and PostgreSQL differ.
import type { ColumnDataType } from 'kysely';
import type { Field, FieldType, Row } from '../resources/define.js';
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
    case 'datetime': return new Date(String(value)).toISOString();
    default: return value;
  }
}

export function decodeValue(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'money': return Number(value) / 100;
    case 'boolean': return value === true || value === 1 || value === '1';
    case 'integer':
    case 'reference': return Number(value);
    case 'tags':
    case 'referenceList':
    case 'list':
    case 'json': return typeof value === 'string' ? JSON.parse(value) : value;
    case 'datetime': return new Date(value as string | Date).toISOString();
    case 'date': return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    default: return value;
  }
}

export function encodeRow(fields: Record<string, Field>, row: Row, dialect: DialectName): Row {
  const out: Row = {};
  for (const [name, value] of Object.entries(row)) {
    const field = fields[name];
    if (field) out[name] = encodeValue(field, value, dialect);
  }
  return out;
}

export function decodeRow(fields: Record<string, Field>, row: Row): Row {
  const out: Row = {};
  for (const [name, field] of Object.entries(fields)) {
    if (name in row) out[name] = decodeValue(field, row[name]);
  }
  return out;
}
