// The zod validator of a register, derived from its declaration, with messages in zh and en.
import { z } from 'zod';
import type { Field, Label, ResourceDefinition, Row } from '../resources/define.js';
import { badInput } from './errors.js';
import { DB_INT_MAX, DB_INT_MIN } from './input-bounds.js';
import { applicability, holds } from '../resources/conditions.js';
import { dateRangeLabel, isAcceptedDate, isRealDay, yearsOf } from './date-range.js';
import { readIdNumber, readPartyIdNumber } from '../identifiers.js';
import { centreToday } from '../calendar.js';

const msg = {
  required: { zh: '必填', en: 'Required' },
  text: { zh: '应为文字', en: 'Must be text' },
  tooLong: (n: number) => ({ zh: `不能超过 ${n} 个字符`, en: `At most ${n} characters` }),
  integer: { zh: '应为整数', en: 'Must be a whole number' },
  number: { zh: '应为数字', en: 'Must be a number' },
  cents: { zh: '金额最多两位小数', en: 'At most two decimals' },
  min: (n: number) => ({ zh: `不能小于 ${n}`, en: `At least ${n}` }),
  max: (n: number) => ({ zh: `不能大于 ${n}`, en: `At most ${n}` }),
  date: { zh: '应为日期（年-月-日）', en: 'Must be a date (YYYY-MM-DD)' },
  datetime: { zh: '应为日期时间', en: 'Must be a date and time' },
  boolean: { zh: '应为是或否', en: 'Must be yes or no' },
  option: (options: Label[]) => ({ zh: `应为以下之一：${options.map((o) => o.zh).join('、')}`, en: `Must be one of: ${options.map((o) => o.en).join(', ')}` }),
  list: { zh: '应为列表', en: 'Must be a list' },
  object: { zh: '应为 JSON 对象', en: 'Must be a JSON object' },
  id: { zh: '应为记录编号', en: 'Must be a record id' },
  nul: { zh: '不能含空字符（\\0）', en: 'Must not contain NUL characters' },
  future: { zh: '不能晚于今天', en: 'Cannot be later than today' },
};

/** A field's schema, built once per declaration: building took more time than checking (everything that changes, such as today, is read when checking). */
function fieldSchema(field: Field): z.ZodType {
  let schema = schemaOf.get(field);
  if (!schema) {
    schema = buildFieldSchema(field);
    schemaOf.set(field, schema);
  }
  return schema;
}
const schemaOf = new WeakMap<Field, z.ZodType>();

/** zod carries the message key; the label is looked up when the error is reported. */
function buildFieldSchema(field: Field): z.ZodType {
  const e = (label: Label) => ({ error: JSON.stringify(label) });
  switch (field.type) {
    case 'text':
    case 'longText': {
      let s = z.string({ error: (issue) => JSON.stringify(issue.input === undefined || issue.input === null ? msg.required : msg.text) })
        .refine((v) => !v.includes('\u0000'), e(msg.nul)).trim();
      if (field.required) s = s.min(1, e(msg.required));
      if (field.maxLength) s = s.max(field.maxLength, e(msg.tooLong(field.maxLength)));
      if (field.type === 'text' && field.pattern) s = s.regex(field.pattern.regex, e(field.pattern.message));
      if (field.type === 'text' && field.format) {
        const read = field.format === 'idNumber' ? readIdNumber : readPartyIdNumber;
        return s.superRefine((v, ctx) => {
          const reading = read(v, centreToday());
          if (!reading.ok) ctx.addIssue({ code: 'custom', message: JSON.stringify(reading.message) });
        });
      }
      return s;
    }
    case 'integer': {
      const min = field.min ?? DB_INT_MIN;
      const max = field.max ?? DB_INT_MAX;
      return z.number(e(msg.integer)).int(e(msg.integer)).min(min, e(msg.min(min))).max(max, e(msg.max(max)));
    }
    case 'money': {
      let n = z.number(e(msg.number)).refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, e(msg.cents));
      n = n.refine((v) => Math.abs(v) < 1e13, e(msg.max(1e13)));
      if (field.min !== undefined) n = n.refine((v) => v >= field.min!, e(msg.min(field.min)));
      if (field.max !== undefined) n = n.refine((v) => v <= field.max!, e(msg.max(field.max)));
      return n;
    }
    case 'date':
    case 'datetime': {
      const withTime = field.type === 'datetime';
      const years = yearsOf(field);
      const format = withTime ? msg.datetime : msg.date;
      const date = z.string(e(format))
        .refine((v) => isAcceptedDate(v, [0, 9999], withTime), e(format))
        .refine((v) => isRealDay(v.slice(0, 10)) && isAcceptedDate(v, years, withTime), e(dateRangeLabel(years)));
      return field.notAfter === 'today' ? date.refine((v) => v.slice(0, 10) <= centreToday(), e(msg.future)) : date;
    }
    case 'boolean':
      return z.boolean(e(msg.boolean));
    case 'enum': {
      const keys = Object.keys(field.options);
      const choices = msg.option(Object.values(field.options));
      return z.string(e(choices)).refine((v) => keys.includes(v), e(choices));
    }
    case 'tags': {
      const keys = Object.keys(field.options);
      return z.array(z.string().refine((v) => keys.includes(v), e(msg.option(Object.values(field.options)))), e(msg.list));
    }
    case 'reference':
      return z.number(e(msg.id)).int(e(msg.id)).positive(e(msg.id)).max(DB_INT_MAX, e(msg.id));
    case 'referenceList':
      return z.array(z.number(e(msg.id)).int(e(msg.id)).positive(e(msg.id)).max(DB_INT_MAX, e(msg.id)), e(msg.list));
    case 'json':
      return z.record(z.string(), z.unknown(), e(msg.object));
    case 'list': {
      const item = z.object(Object.fromEntries(Object.entries(field.of).map(([name, sub]) => {
        const schema = fieldSchema(sub);
        return [name, sub.required ? schema : schema.nullish()];
      })), e(msg.list));
      const list = z.array(item, e(msg.list));
      return field.maxItems ? list.max(field.maxItems, e(msg.max(field.maxItems))) : list;
    }
  }
}

function labelOf(issueMessage: string): Label {
  try {
    return JSON.parse(issueMessage) as Label;
  } catch {
    return { zh: '格式不正确', en: 'Invalid value' };
  }
}

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Checks every writable field of a complete record (after defaults or the merge with the
 * stored record) and answers the cleaned values, or throws 400 with every field's message.
 *
 * A field that does not apply to the record (its `visibleWhen` or `stage`) is not required,
 * and a well-formed value given for it is dropped: stored as null, not refused (a value that is
 * not of the field's kind at all is refused as anywhere else). A record's conditions
 * change as it is edited (a case turned from criminal to civil still carries its criminal
 * role in the stored row and in the console's form state), so refusing would fail honest
 * edits; dropping keeps a civil case free of a criminal role, and the console hides the
 * field by the same condition, so nobody types a value that silently vanishes.
 */
export function validateRecord(resource: ResourceDefinition, record: Row): Row {
  const errors: Record<string, Label> = {};
  const clean: Row = {};
  for (const [name, field] of Object.entries(resource.fields)) {
    if (field.readOnly) continue;
    const value = record[name];
    const isList = field.type === 'tags' || field.type === 'referenceList' || field.type === 'list';
    if (!holds(applicability(field, resource.stages), record)) {
      // Still a value of the field's kind or refused like any other: only a well-formed value is dropped.
      const checked = isEmpty(value) ? null : fieldSchema(field).safeParse(value);
      if (checked && !checked.success) errors[name] = labelOf(checked.error.issues[0]?.message ?? '');
      else clean[name] = isList ? [] : null;
      continue;
    }
    if (isEmpty(value) && !isList) {
      if (field.required) errors[name] = msg.required;
      else clean[name] = null;
      continue;
    }
    if (value === undefined || value === null) {
      if (field.required) errors[name] = msg.required;
      clean[name] = isList ? [] : null;
      continue;
    }
    const result = fieldSchema(field).safeParse(value);
    if (result.success) clean[name] = result.data;
    else {
      const issue = result.error.issues[0];
      const where = field.type === 'list' && issue?.path.length ? `（第 ${Number(issue.path[0]) + 1} 项 ${String(issue.path[1] ?? '')}）` : '';
      const label = labelOf(issue?.message ?? '');
      errors[name] = where ? { zh: `${label.zh}${where}`, en: `${label.en} (item ${Number(issue!.path[0]) + 1} ${String(issue!.path[1] ?? '')})` } : label;
    }
  }
  if (!Object.keys(errors).length) {
    Object.assign(errors, derivedFromIdNumbers(resource, clean));
    const complete = { ...record, ...clean };
    for (const rule of resource.rules ?? []) {
      for (const [name, label] of Object.entries(rule(complete, { today: centreToday(), fields: resource.fields }) ?? {})) errors[name] ??= label;
    }
  }
  if (Object.keys(errors).length) throw badInput(errors);
  return clean;
}

const genderWord: Record<string, Label> = { male: { zh: '男', en: 'male' }, female: { zh: '女', en: 'female' } };

/**
 * An ID number spells its holder's birth date and gender: they are filled in when empty and
 * refused when they say otherwise. (A role that sees them masked never sends them: records.ts
 * drops masked fields from its writes, so the stored values are what is compared.)
 */
function derivedFromIdNumbers(resource: ResourceDefinition, clean: Row): Record<string, Label> {
  const errors: Record<string, Label> = {};
  for (const [name, field] of Object.entries(resource.fields)) {
    if (field.type !== 'text' || !field.format || typeof clean[name] !== 'string') continue;
    clean[name] = (clean[name] as string).toUpperCase();
    if (!field.derives) continue;
    const reading = readIdNumber(clean[name] as string, centreToday());
    if (!reading.ok) continue; // a credit code spells no person
    const { birthDate, gender } = field.derives;
    clean[birthDate] ??= reading.birthDate;
    clean[gender] ??= reading.gender;
    if (clean[birthDate] !== reading.birthDate) {
      errors[birthDate] = { zh: `与身份证号不符：号码中的出生日期为 ${reading.birthDate}`, en: `Does not match the ID number, which gives ${reading.birthDate}` };
    }
    if (clean[gender] !== reading.gender) {
      const word = genderWord[reading.gender];
      errors[gender] = { zh: `与身份证号不符：号码中的性别为${word.zh}`, en: `Does not match the ID number, which gives ${word.en}` };
    }
  }
  return errors;
}

export function defaultsOf(resource: ResourceDefinition): Row {
  const defaults: Row = {};
  for (const [name, field] of Object.entries(resource.fields)) {
    if (field.default === undefined) continue;
    defaults[name] = typeof field.default === 'function' ? (field.default as () => unknown)() : field.default;
  }
  return defaults;
}

/** The JSON schema of a field, for OpenAPI: allowed keys listed, null allowed where the field is optional. */
export function fieldJsonSchema(field: Field): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(fieldSchema(field), { unrepresentable: 'any' }) as Record<string, unknown>;
  if (field.type === 'enum') schema.enum = Object.keys(field.options);
  if (field.type === 'tags') schema.items = { type: 'string', enum: Object.keys(field.options) };
  // A required field that applies only sometimes is null where it does not.
  if ((field.required && !field.visibleWhen && !field.stage) || typeof schema.type !== 'string') return schema;
  return { ...schema, type: [schema.type, 'null'], ...(Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {}) };
}
