// Parses ra-data-simple-rest's `sort`, `range` and `filter` and applies them to a kysely query.
import { expressionBuilder, isOperationNodeSource, sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { allFields, tableName, type Field, type Label, type ResourceDefinition } from '../resources/define.js';
import { encodeValue } from '../db/codec.js';
import type { DialectName } from '../db/connect.js';
import { badInput } from './errors.js';
import { DB_INT_MAX, DB_INT_MIN, hasNul, numberOf, own } from './input-bounds.js';
import { isAcceptedDate, yearsOf } from './date-range.js';

export const MAX_PAGE = 1000;

export type VirtualFilterContext = {
  settings: Record<string, unknown>;
  today: string;
  /** Only this branch of the filter's virtual condition (a total counted branch by branch: `virtualBranches`). */
  branch?: number;
};

export function usesVirtualFilter(resource: ResourceDefinition, filter: Record<string, unknown>): boolean {
  return Object.keys(filter).some((key) => own(resource.virtualFilters, key));
}

const isSet = (value: unknown) => value === true || value === 'true';

/**
 * How many disjoint branches the filter's one virtual condition has (their counts add up to the
 * total); 1 when it sets none, or several (their branches would multiply).
 */
export function virtualBranches(resource: ResourceDefinition, filter: Record<string, unknown>, context: VirtualFilterContext): number {
  const set = Object.entries(filter).filter(([key, value]) => own(resource.virtualFilters, key) && isSet(value));
  if (set.length !== 1) return 1;
  return resource.virtualFilters![set[0][0]].anyOf(expressionBuilder<any, any>(), context).length;
}

export interface ListQuery {
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
  filter: Record<string, unknown>;
}

function parseJson(name: string, text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw badInput({ [name]: { zh: '不是有效的 JSON', en: 'Not valid JSON' } }, { zh: `参数 ${name} 格式错误`, en: `Bad ${name} parameter` });
  }
}

/** The one answer to a bad list parameter, on every register (the users list included). */
export const bad = (param: string, label: Label) => badInput({ [param]: label }, { zh: `参数 ${param} 有误`, en: `Bad ${param} parameter` });

export const cannotFilterBy = (key: string) => bad('filter', { zh: `不能按 ${key} 筛选`, en: `Cannot filter by ${key}` });
export const cannotSortBy = (key: string) => bad('sort', { zh: `不能按 ${key} 排序`, en: `Cannot sort by ${key}` });

/** A page of 25, or — for getMany, which sends ids and no range — room for every id asked. */
function defaultRange(filterText: string | undefined): [number, number] {
  try {
    const ids = filterText ? JSON.parse(filterText)?.id : undefined;
    if (Array.isArray(ids) && ids.length) return [0, Math.min(ids.length, MAX_PAGE) - 1];
  } catch {
    // a bad filter is reported by its own check below
  }
  return [0, 24];
}

export function parseListQuery(resource: ResourceDefinition, query: Record<string, string | undefined>): ListQuery {
  const fields = allFields(resource);

  const sortValue = parseJson('sort', query.sort) ?? resource.list.sort;
  if (!Array.isArray(sortValue) || sortValue.length !== 2 || typeof sortValue[0] !== 'string' || typeof sortValue[1] !== 'string' || !['ASC', 'DESC'].includes(sortValue[1].toUpperCase())) {
    throw bad('sort', { zh: '应为 ["字段","ASC|DESC"]', en: 'Expected ["field","ASC|DESC"]' });
  }
  const sortField = sortValue[0];
  const sortable = fields[sortField];
  if (!sortable || sortable.type === 'tags' || sortable.type === 'referenceList' || sortable.type === 'list') {
    throw cannotSortBy(sortField);
  }

  const rangeValue = parseJson('range', query.range) ?? defaultRange(query.filter);
  if (!Array.isArray(rangeValue) || rangeValue.length !== 2 || !rangeValue.every((n) => Number.isSafeInteger(n) && n >= 0) || rangeValue[1] < rangeValue[0]) {
    throw bad('range', { zh: '应为 [起, 止]，均为非负整数且起不大于止', en: 'Expected [start, end] with 0 ≤ start ≤ end' });
  }
  if (rangeValue[1] - rangeValue[0] + 1 > MAX_PAGE) {
    throw bad('range', { zh: `一次最多取 ${MAX_PAGE} 条`, en: `At most ${MAX_PAGE} rows per request` });
  }

  const filterValue = parseJson('filter', query.filter) ?? {};
  if (typeof filterValue !== 'object' || filterValue === null || Array.isArray(filterValue)) {
    throw bad('filter', { zh: '应为 JSON 对象', en: 'Expected a JSON object' });
  }
  for (const key of Object.keys(filterValue)) {
    if (own(resource.virtualFilters, key)) continue;
    filterTarget(fields, key); // throws on unknown fields
  }

  return {
    sort: [sortField, String(sortValue[1]).toUpperCase() as 'ASC' | 'DESC'],
    range: rangeValue as [number, number],
    filter: filterValue as Record<string, unknown>,
  };
}

const SUFFIXES = ['_gte', '_lte', '_gt', '_lt', '_neq'] as const;
type Op = '=' | '>=' | '<=' | '>' | '<' | '<>';
const OPS: Record<(typeof SUFFIXES)[number], Op> = { _gte: '>=', _lte: '<=', _gt: '>', _lt: '<', _neq: '<>' };

function filterTarget(fields: Record<string, Field>, key: string): { name: string; field: Field; op: Op } | { name: 'q' } {
  if (key === 'q') return { name: 'q' };
  if (fields[key]) return { name: key, field: fields[key], op: '=' };
  for (const suffix of SUFFIXES) {
    const name = key.slice(0, -suffix.length);
    if (key.endsWith(suffix) && fields[name]) return { name, field: fields[name], op: OPS[suffix] };
  }
  throw cannotFilterBy(key);
}

/** A field-value check against a filter value; throws 400 for values of the wrong kind. */
function checkFilterValue(key: string, field: Field, value: unknown) {
  const ok = (() => {
    switch (field.type) {
      case 'integer': case 'reference': case 'referenceList': {
        const n = numberOf(value);
        return Number.isInteger(n) && n >= DB_INT_MIN && n <= DB_INT_MAX;
      }
      case 'money': return Number.isFinite(numberOf(value)) && Math.abs(numberOf(value)) < 1e13;
      case 'boolean': return typeof value === 'boolean' || value === 'true' || value === 'false';
      case 'date': case 'datetime': return typeof value === 'string' && isAcceptedDate(value, yearsOf(field), field.type === 'datetime' || value.length > 10);
      case 'list': return false;
      default: return (typeof value === 'string' && !hasNul(value)) || typeof value === 'number';
    }
  })();
  if (!ok) throw bad('filter', { zh: `${key} 的筛选值 ${JSON.stringify(value)} 不正确`, en: `Bad value ${JSON.stringify(value)} for ${key}` });
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** The text of a `q` filter value, '' for none; 400 for a value that is no text. */
export function searchText(raw: unknown): string {
  if (raw !== null && raw !== undefined && typeof raw !== 'string' && typeof raw !== 'number') throw bad('filter', { zh: 'q 应为文字', en: 'q must be text' });
  if (typeof raw === 'string' && hasNul(raw)) throw bad('filter', { zh: 'q 不能含空字符', en: 'q must not contain NUL' });
  return String(raw ?? '').trim();
}

/** `q`'s test of one column: the text anywhere in it, case aside. */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/** One WHERE expression for the whole filter object (AND of every key). */
export function filterExpression(...args: Parameters<typeof filterParts>): (eb: ExpressionBuilder<any, any>) => Expression<SqlBool> {
  const parts = filterParts(...args);
  return (eb) => eb.and(parts(eb));
}

/** The filter object's conditions, one a key (none for an empty filter). */
export function filterParts(
  resource: ResourceDefinition,
  filter: Record<string, unknown>,
  dialect: DialectName,
  /** Fields the reader sees masked: never searched. */
  hidden: Set<string> = new Set(),
  /** Needed only by virtual filters. */
  context?: VirtualFilterContext,
  /** The registers references point to: `q` on a reference field searches the record's title. */
  registers?: ReadonlyMap<string, ResourceDefinition>,
  /** The records `q` is looked for among (the search index's finds, api/rest/search-plan.ts); all when absent. */
  searchWithin?: Expression<SqlBool>,
): (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>[] {
  const fields = allFields(resource);
  return (eb) => {
    const parts: Expression<SqlBool>[] = [];
    for (const [key, raw] of Object.entries(filter)) {
      if (raw === undefined) continue;
      const virtual = own(resource.virtualFilters, key);
      if (virtual) {
        if (!isSet(raw)) continue;
        if (!context) throw new Error(`virtual filter ${key} needs settings`);
        const branches = virtual.anyOf(eb, context);
        if (!branches.length) throw new Error(`virtual filter ${key} has no branch`);
        parts.push(context.branch === undefined ? eb.or(branches) : branches[context.branch]);
        continue;
      }
      const target = filterTarget(fields, key);
      if (!('field' in target)) {
        const text = searchText(raw);
        const searched = resource.list.search.filter((f) => !hidden.has(f));
        if (!text || !searched.length) continue;
        const found = eb.or(searched.map((col) => {
          const target = referencedRegister(fields[col], registers);
          if (!target) return containsText(col, text);
          // The lawyer by name: ids of the referenced records whose title matches.
          return eb(col, 'in', eb.selectFrom(tableName(target)).select('id').where(containsText(target.titleField, text)));
        }));
        parts.push(searchWithin ? eb.and([searchWithin, found]) : found);
        continue;
      }
      const { name, field, op } = target;
      // A row rule's subquery (a lawyer's case ids: never a list of thousands of parameters). Only
      // the server's rules hold one: a filter parsed from JSON cannot.
      if (op === '=' && isOperationNodeSource(raw)) {
        parts.push(eb(name, 'in', raw as never));
        continue;
      }
      const values = Array.isArray(raw) ? raw : [raw];
      if (raw === null) {
        parts.push(op === '<>' ? eb(name, 'is not', null) : eb(name, 'is', null));
        continue;
      }
      values.forEach((v) => checkFilterValue(key, field, v));
      if (field.type === 'tags' || field.type === 'referenceList') {
        // JSON arrays stored as text: match the element with its delimiters.
        const matches = values.map((v) => {
          const element = field.type === 'tags' ? JSON.stringify(String(v)) : String(Number(v));
          const e = escapeLike(element);
          const patterns = field.type === 'tags' ? [`%${e}%`] : [`[${e}]`, `[${e},%`, `%,${e},%`, `%,${e}]`];
          return eb.or(patterns.map((p) => sql<SqlBool>`${sql.ref(name)} like ${p} escape '\\'`));
        });
        parts.push(eb.or(matches));
        continue;
      }
      const encoded = values.map((v) => encodeValue(field, normalise(field, v), dialect));
      if (op === '=' && Array.isArray(raw)) {
        parts.push(encoded.length ? eb(name, 'in', encoded) : sql<SqlBool>`1 = 0`);
      } else if (field.type === 'date' && op !== '=' && op !== '<>') {
        parts.push(eb(name, op, String(encoded[0]).slice(0, 10)));
      } else {
        parts.push(eb(name, op, encoded[0]));
      }
    }
    return parts;
  };
}

/** The register a reference field points to, when it is known. */
export function referencedRegister(field: Field | undefined, registers?: ReadonlyMap<string, ResourceDefinition>): ResourceDefinition | undefined {
  return field?.type === 'reference' ? registers?.get(field.to) : undefined;
}

function normalise(field: Field, value: unknown): unknown {
  if (field.type === 'boolean') return value === true || value === 'true';
  if (['integer', 'reference', 'money'].includes(field.type)) return Number(value);
  return value;
}
