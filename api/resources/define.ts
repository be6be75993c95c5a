// The declaration format: one object per register drives the table, the validator,
// the REST routes, the OpenAPI entries, /api/meta and the admin screens.

import { fieldsRead, type Condition, type Stages } from './conditions.js';

export type Label = { zh: string; en: string };
export type Options = Record<string, Label>;

interface FieldBase {
  label: Label;
  required?: boolean;
  unique?: boolean;
  default?: unknown | (() => unknown);
  /** Set by the server (hooks, transitions); never accepted from a client. */
  readOnly?: boolean;
  help?: Label;
  /** When the field applies (conditions.ts); a field that does not apply is neither shown nor required. */
  visibleWhen?: Condition;
  /** The stage (a value of the register's `stages.field`) from which the field is asked, e.g. `closing_submitted`. */
  stage?: string;
  /** A field a plugin adds to another register: the id of the section it joins (the last one if absent). */
  section?: string;
  /** Shown after the value instead of a currency sign, e.g. 倍, 日 (a multiplier is not money). */
  unit?: Label;
}

export type Field =
  /** `account`: the value is a user account's id (a reviewer), read by the person's name in the audit trail. */
  | (FieldBase & { type: 'text'; maxLength?: number; pattern?: { regex: RegExp; message: Label }; format?: TextFormat; derives?: IdNumberDerived; account?: boolean })
  | (FieldBase & { type: 'longText'; maxLength?: number })
  /** `grouping: false`: an identifier or a seed, shown 20261202, never 20,261,202. */
  | (FieldBase & { type: 'integer'; min?: number; max?: number; grouping?: boolean })
  | (FieldBase & { type: 'money'; min?: number; max?: number })
  /** `years`: the accepted range of years, [1900, 2100] unless given (rest/date-range.ts). */
  | (FieldBase & { type: 'date'; years?: [number, number]; notAfter?: 'today' })
  | (FieldBase & { type: 'datetime'; years?: [number, number]; notAfter?: 'today' })
  | (FieldBase & { type: 'boolean' })
  | (FieldBase & { type: 'enum'; options: Options })
  | (FieldBase & { type: 'tags'; options: Options })
  | (FieldBase & { type: 'reference'; to: string })
  | (FieldBase & { type: 'referenceList'; to: string })
  /** An ordered list of small records, e.g. a template's items; stored as JSON. */
  | (FieldBase & { type: 'list'; of: Record<string, Field>; maxItems?: number })
  /** A JSON object checked by the register's hooks (a form definition, a sheet's answers); stored as JSON. */
  | (FieldBase & { type: 'json'; holds?: JsonContent });

/** What a json field holds, so the console draws it: a form definition, or a sheet filled on a form. */
export type JsonContent = { kind: 'form-definition' } | { kind: 'sheet'; defaultForm: string };

export type FieldType = Field['type'];

/**
 * Identifiers checked beyond their pattern (api/identifiers.ts): `idNumber` a resident ID number
 * (GB 11643: check digit, birth date); `partyIdNumber` that or a unified social credit code (GB 32100).
 */
export type TextFormat = 'idNumber' | 'partyIdNumber';

/** The fields an ID number fills in when empty, and refuses when they contradict it. */
export interface IdNumberDerived {
  birthDate: string;
  gender: string;
}

/**
 * A check across fields of the complete record (after the merge with the stored one): answers
 * the message per field it refuses, or nothing.
 */
export type RecordRule = (record: Row, context: { today: string; fields: Record<string, Field> }) => Record<string, Label> | undefined;

/** A record closed to ordinary edits (an archived case): what it says, and the fields still open. */
export interface RecordLock {
  message: Label;
  except?: string[];
}

export type Row = Record<string, unknown>;

export interface VirtualFilter {
  label: Label;
  /**
   * The condition when the filter is set to true, as branches no row can match twice (each holds its
   * own statuses): the filter is their OR, and a total is the sum of each branch's count. On
   * PostgreSQL each branch is then an index-only count, where the OR's bitmap visited every matching
   * row (the overdue cases at a million: 1.3 ms instead of 9.5).
   */
  anyOf: (eb: import('kysely').ExpressionBuilder<any, any>, ctx: { settings: Record<string, unknown>; today: string }) => import('kysely').Expression<import('kysely').SqlBool>[];
}

/** What a hook may use: the transaction it runs in and the resolved settings. */
export interface HookContext {
  trx: import('kysely').Kysely<any>;
  settings: Record<string, unknown>;
  /** The records service, for writes that belong to the same change (pass `trx`). */
  records: import('../rest/records.js').Records;
  /** Gapless named counters (case numbers), in `trx`. */
  counters: import('../db/counters.js').Counters;
}

/** Completes a new record before it is stored (e.g. a case number); may refuse with an ApiError. */
export type BeforeCreate = (record: Row, ctx: HookContext) => Promise<Row> | Row;
/** Completes a changed record before it is stored. */
export type BeforeUpdate = (record: Row, previous: Row, ctx: HookContext) => Promise<Row> | Row;
/** Runs in the write's transaction once the row is stored, before its audit entry. */
export type AfterWrite = (change: WrittenChange, ctx: HookContext) => Promise<void> | void;

export interface WrittenChange {
  /** `create`, `update`, `delete`, or the custom action (`transition:close`, `upload`…). */
  action: string;
  /** null for a new record. */
  before: Row | null;
  /** null for a deleted record. */
  after: Row | null;
  actor: Actor;
}

/** A register's hooks: each list runs in order; plugins append to a core register's lists. */
export interface Hooks {
  beforeCreate?: BeforeCreate[];
  beforeUpdate?: BeforeUpdate[];
  afterWrite?: AfterWrite[];
}

export type Role = 'admin' | 'supervisor' | 'lawyer' | 'reviewer';

/** Who is acting; `system` for start-up work such as seeding. */
export interface Actor {
  id: string;
  email: string;
  role: string;
  lawyerId: number | null;
}

/**
 * A role's reach over a register: `true` for every row, or a function giving the
 * filter (in the list-filter language) that bounds the rows the actor may touch.
 */
export type RowRule = true | ((actor: Actor, db: import('kysely').Kysely<any>) => Record<string, unknown> | Promise<Record<string, unknown>>);
export type VerbRules = Partial<Record<Role, RowRule>>;

export interface Access {
  read: VerbRules;
  create: VerbRules;
  update: VerbRules;
  delete: VerbRules;
  /** Roles that may update only some fields (others may change every writable field). */
  writableFields?: Partial<Record<Role, string[]>>;
  /** Personal data shown masked to every role not listed in `visibleTo`. */
  masked?: Record<string, { visibleTo: Role[]; mask: (value: string) => string }>;
  /** Custom actions on one record (upload, download, eligible-lawyers…): who may, on which rows. */
  actions?: Record<string, ActionRule>;
  /**
   * Fields withheld (answered as null, never filtered, sorted or searched by) from an actor, per
   * role, decided per request from the actor and the data (e.g. the lawyer of a case a reviewer
   * grades in a blind round): the rule answers the withheld field names, or none.
   */
  withheld?: Partial<Record<Role, WithheldRule>>;
  /**
   * Words hidden in every text a role reads of a row (e.g. the file's lawyer and firm in a blind round):
   * replaced by 〔已隐去〕 in each string of the row, nested ones too, on every path that answers the row.
   */
  redacted?: Partial<Record<Role, RedactionRule>>;
}

/** The fields withheld from this actor on the register (see Access.withheld). */
export type WithheldRule = (actor: Actor, db: import('kysely').Kysely<any>) => Promise<string[]> | string[];

export interface Redaction {
  /** The words to hide in one row ([] for none). */
  wordsOf: (row: Row) => string[];
  /** Every word hidden from the actor on the register: a search by one of them finds nothing. */
  all: string[];
}
/** Decided per request: the actor's redaction on the register, or null when nothing is hidden from them. */
export type RedactionRule = (actor: Actor, db: import('kysely').Kysely<any>) => Promise<Redaction | null> | Redaction | null;

export interface ActionRule {
  /** The roles that may take the action and the rows (of this register) they may take it on. */
  roles: VerbRules;
  /** What a refused actor hears. */
  refusal: Label;
}

/** A running count of a register's rows per bucket and key. */
export interface TallyDefinition {
  name: string;
  /** Bumped whenever `of` changes: the migration then counts the tally again from the rows. */
  version: number;
  /** The fields `of` reads: a change that touches none of them leaves the tally as it is. */
  reads: string[];
  /** Where a (decoded) row counts: none, one or several entries (e.g. one per tag); `amount` is summed. */
  of(row: Row): { bucket: string; key: (string | number | null)[]; amount?: number }[];
  /** Set by countTally: the enum fields whose exact counts this tally keeps, so a list filtered by them alone reads its total here. */
  counts?: string[];
}

export interface ResourceDefinition {
  name: string;
  label: Label;
  /** Field whose value names a record in references and titles. */
  titleField: string;
  fields: Record<string, Field>;
  list: {
    columns: string[];
    sort: [string, 'ASC' | 'DESC'];
    filters: string[];
    search: string[];
    /**
     * `q` on the short text fields of `search` answered from the search index kept by the write
     * path (api/db/search-index.ts) instead of LIKE over every row: for registers that grow large
     * and are searched by Chinese names (each indexed value costs a row per 1- and 2-character fragment).
     */
    searchIndex?: boolean;
  };
  /** Named filters that are not a field, e.g. `overdue`, answered as a SQL condition. */
  virtualFilters?: Record<string, VirtualFilter>;
  /** The titled groups of the register's forms and pages; every declared field in exactly one. */
  sections?: Section[];
  /** The stages a record passes, for fields declared with a `stage`. */
  stages?: Stages;
  /** The register's own audit actions in words (e.g. a round's `draw`, `transition:sample`), for its readable history. */
  auditActions?: Record<string, Label>;
  /** Adds what a reader needs to rows as they are answered (e.g. the audit log's readable view); rows stay as stored. */
  present?: (rows: Row[], ctx: { db: import('kysely').Kysely<any>; registers: Map<string, ResourceDefinition>; settings?: ResourceDefinition }) => Promise<Row[]>;
  /** The keys `present` adds to each row, for the API's documentation. */
  presented?: Record<string, Label>;
  /** Indexes over several columns (each a list of column names), e.g. for the reports' passes. */
  indexes?: string[][];
  /** Running counts kept by the write path for figures over the whole register (api/db/tallies.ts). */
  tallies?: TallyDefinition[];
  /** Missing: only admins may do anything. */
  access?: Access;
  /** Cross-field checks (dates in order…), applied by the validator to every create and update. */
  rules?: RecordRule[];
  /** When a stored record refuses ordinary edits (PUT); corrections go through an audited action. */
  lockedWhen?: (record: Row) => RecordLock | undefined;
  /** Why a stored record may never be deleted, or nothing. */
  undeletableWhen?: (record: Row) => Label | undefined;
  hooks?: Hooks;
}

export interface Section {
  id: string;
  label: Label;
  fields: string[];
}

/** Columns the core adds to every register. */
export const systemFields: Record<string, Field> = {
  id: { type: 'integer', label: { zh: '编号', en: 'ID' }, readOnly: true },
  version: { type: 'integer', label: { zh: '版本', en: 'Version' }, readOnly: true },
  createdAt: { type: 'datetime', label: { zh: '创建时间', en: 'Created at' }, readOnly: true },
  updatedAt: { type: 'datetime', label: { zh: '更新时间', en: 'Updated at' }, readOnly: true },
};

export function defineResource(definition: ResourceDefinition): ResourceDefinition {
  for (const name of [...definition.list.columns, ...definition.list.filters, ...definition.list.search, definition.list.sort[0], definition.titleField]) {
    if (!(name in definition.fields) && !(name in systemFields) && !(name in (definition.virtualFilters ?? {}))) {
      throw new Error(`resource ${definition.name}: list refers to unknown field ${name}`);
    }
  }
  checkLayout(definition);
  checkTallies(definition);
  return definition;
}

/** A tally that keeps exact counts (countTally) counts enum fields only: their values are the tally's few keys. */
export function checkTallies(definition: ResourceDefinition): void {
  for (const tally of definition.tallies ?? []) {
    for (const name of tally.counts ?? []) {
      if (definition.fields[name]?.type !== 'enum') throw new Error(`resource ${definition.name}: tally ${tally.name} counts ${name}, which is not an enum field`);
    }
  }
}

/** Every declared field in exactly one section; conditions and stages name declared fields. */
export function checkLayout(definition: ResourceDefinition): void {
  const fail = (why: string) => { throw new Error(`resource ${definition.name}: ${why}`); };
  const placed = new Map<string, string>();
  for (const section of definition.sections ?? []) {
    for (const name of section.fields) {
      if (!(name in definition.fields)) fail(`section ${section.id} names unknown field ${name}`);
      if (placed.has(name)) fail(`field ${name} is in sections ${placed.get(name)} and ${section.id}`);
      placed.set(name, section.id);
    }
  }
  if (definition.sections) {
    for (const name of Object.keys(definition.fields)) if (!placed.has(name)) fail(`field ${name} is in no section`);
  }
  for (const [name, field] of Object.entries(definition.fields)) {
    for (const read of field.visibleWhen ? fieldsRead(field.visibleWhen) : []) {
      if (!(read in definition.fields) && !(read in systemFields)) fail(`field ${name} is shown on unknown field ${read}`);
    }
    if (field.stage && !definition.stages?.order.includes(field.stage)) fail(`field ${name} has unknown stage ${field.stage}`);
  }
}

/** The register's sections, or one untitled section of every declared field when it declares none. */
export function sectionsOf(resource: ResourceDefinition): Section[] {
  return resource.sections ?? [{ id: 'main', label: { zh: '基本信息', en: 'Details' }, fields: Object.keys(resource.fields) }];
}

/** Every field by name, in a map without a prototype: a client's key `constructor` names no field. */
export function allFields(resource: ResourceDefinition): Record<string, Field> {
  return Object.assign(Object.create(null) as Record<string, Field>, systemFields, resource.fields);
}

/** Sortable columns and filters are indexed, each by itself, so large registers page quickly (db/migrate.ts). */
export function hasOwnIndex(resource: ResourceDefinition, name: string): boolean {
  const field = Object.hasOwn(resource.fields, name) ? resource.fields[name] : undefined;
  if (!field || ['tags', 'referenceList', 'list', 'json', 'longText'].includes(field.type)) return false;
  return Boolean(field.unique) || field.type === 'reference' || resource.list.filters.includes(name)
    || resource.list.columns.includes(name) || resource.list.sort[0] === name;
}

/** snake_case table name for a kebab-case resource name. */
export function tableName(resource: { name: string }): string {
  return resource.name.replace(/-/g, '_');
}
