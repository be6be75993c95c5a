// The declaration format: one object per register drives the table, the validator,
// the REST routes, the OpenAPI entries, /api/meta and the admin screens.

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
}

export type Field =
  | (FieldBase & { type: 'text'; maxLength?: number; pattern?: { regex: RegExp; message: Label } })
  | (FieldBase & { type: 'longText'; maxLength?: number })
  | (FieldBase & { type: 'integer'; min?: number; max?: number })
  | (FieldBase & { type: 'money'; min?: number; max?: number })
  /** `years`: the accepted range of years, [1900, 2100] unless given (rest/date-range.ts). */
  | (FieldBase & { type: 'date'; years?: [number, number] })
  | (FieldBase & { type: 'datetime'; years?: [number, number] })
  | (FieldBase & { type: 'boolean' })
  | (FieldBase & { type: 'enum'; options: Options })
  | (FieldBase & { type: 'tags'; options: Options })
  | (FieldBase & { type: 'reference'; to: string })
  | (FieldBase & { type: 'referenceList'; to: string })
  /** An ordered list of small records, e.g. a template's items; stored as JSON. */
  | (FieldBase & { type: 'list'; of: Record<string, Field>; maxItems?: number });

export type FieldType = Field['type'];

export type Row = Record<string, unknown>;

export interface VirtualFilter {
  label: Label;
  /** The condition when the filter is set to true. */
  where: (eb: import('kysely').ExpressionBuilder<any, any>, ctx: { settings: Record<string, unknown>; today: string }) => import('kysely').Expression<import('kysely').SqlBool>;
}

/** What a hook may use: the transaction it runs in and the resolved settings. */
export interface HookContext {
  trx: import('kysely').Kysely<any>;
  settings: Record<string, unknown>;
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
}

export interface ActionRule {
  /** The roles that may take the action and the rows (of this register) they may take it on. */
  roles: VerbRules;
  /** What a refused actor hears. */
  refusal: Label;
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
  };
  /** Named filters that are not a field, e.g. `overdue`, answered as a SQL condition. */
  virtualFilters?: Record<string, VirtualFilter>;
  /** Indexes over several columns (each a list of column names), e.g. for the reports' passes. */
  indexes?: string[][];
  /** Missing: only admins may do anything. */
  access?: Access;
  hooks?: Hooks;
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
  return definition;
}

/** Every field by name, in a map without a prototype: a client's key `constructor` names no field. */
export function allFields(resource: ResourceDefinition): Record<string, Field> {
  return Object.assign(Object.create(null) as Record<string, Field>, systemFields, resource.fields);
}

/** snake_case table name for a kebab-case resource name. */
export function tableName(resource: { name: string }): string {
  return resource.name.replace(/-/g, '_');
}
