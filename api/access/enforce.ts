// The one place where the declarations' access rules are applied.
import type { Kysely } from 'kysely';
import { allFields, type Access, type Actor, type Label, type Redaction, type ResourceDefinition, type Role, type Row } from '../resources/define.js';
import { roles } from '../auth/auth.js';
import { ApiError } from '../rest/errors.js';
import { adminOnly } from './rules.js';

export type Verb = 'read' | 'create' | 'update' | 'delete';

const verbLabel: Record<Verb, Label> = {
  read: { zh: '查看', en: 'read' },
  create: { zh: '新建', en: 'create' },
  update: { zh: '修改', en: 'change' },
  delete: { zh: '删除', en: 'delete' },
};

export function accessOf(resource: ResourceDefinition): Access {
  return resource.access ?? adminOnly;
}

function roleLabel(role: string): Label {
  return roles[role as Role] ?? { zh: role, en: role };
}

export function may(resource: ResourceDefinition, actor: Actor, verb: Verb): boolean {
  return accessOf(resource)[verb][actor.role as Role] !== undefined;
}

/** 403 unless the role may use the verb on the register at all. */
export function assertMay(resource: ResourceDefinition, actor: Actor, verb: Verb): void {
  if (!may(resource, actor, verb)) throw forbidden(resource, actor, verb);
}

export function forbidden(resource: ResourceDefinition, actor: Actor, verb: Verb): ApiError {
  const role = roleLabel(actor.role);
  return new ApiError(403, {
    zh: `您的角色（${role.zh}）无权${verbLabel[verb].zh}${resource.label.zh}`,
    en: `Your role (${role.en}) may not ${verbLabel[verb].en} ${resource.label.en.toLowerCase()}`,
  });
}

/** The filter bounding the rows the actor may use with the verb ({} = every row). */
export async function rowScope(resource: ResourceDefinition, actor: Actor, verb: Verb, db: Kysely<any>): Promise<Record<string, unknown>> {
  assertMay(resource, actor, verb);
  const rule = accessOf(resource)[verb][actor.role as Role]!;
  return rule === true ? {} : await rule(actor, db);
}

/** Fields shown masked to this actor. */
export function hiddenFields(resource: ResourceDefinition, actor: Actor): Set<string> {
  const masked = accessOf(resource).masked ?? {};
  return new Set(Object.entries(masked).filter(([, m]) => !m.visibleTo.includes(actor.role as Role)).map(([f]) => f));
}

/** A value a mask applies to: any stored value (a date, a number, a text), not an empty one. */
const isPresent = (value: unknown): boolean => value !== null && value !== undefined && value !== '';

export function maskRow(resource: ResourceDefinition, actor: Actor, row: Row): Row {
  const hidden = hiddenFields(resource, actor);
  if (!hidden.size) return row;
  const masked = accessOf(resource).masked!;
  const out = { ...row };
  for (const field of hidden) if (isPresent(out[field])) out[field] = masked[field].mask(String(out[field]));
  return out;
}

/** Fields withheld from this actor now (Access.withheld): answered as null, never queried by. */
export async function withheldFields(resource: ResourceDefinition, actor: Actor, db: Kysely<any>): Promise<Set<string>> {
  const rule = accessOf(resource).withheld?.[actor.role as Role];
  return new Set(rule ? await rule(actor, db) : []);
}

/** What one actor may see of a register's rows in this request: the fields withheld, the words hidden. */
export interface ReaderView {
  withheld: Set<string>;
  redaction: Redaction | null;
}

/** The actor's view of the register now (Access.withheld and Access.redacted). */
export async function readerView(resource: ResourceDefinition, actor: Actor, db: Kysely<any>): Promise<ReaderView> {
  const rule = accessOf(resource).redacted?.[actor.role as Role];
  return { withheld: await withheldFields(resource, actor, db), redaction: rule ? await rule(actor, db) : null };
}

/** What stands in the text for a hidden word. */
export const REDACTED = '〔已隐去〕';

/** Every string in the value (nested in lists and objects too) with the words replaced, the longest first. */
export function redactValue(value: unknown, words: string[]): unknown {
  const hidden = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (!hidden.length) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return hidden.reduce((text, word) => text.split(word).join(REDACTED), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && !(v instanceof Date) && !(v instanceof Uint8Array)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** The row as the actor may see it: masked fields masked, withheld fields null, hidden words replaced. */
export function viewRow(resource: ResourceDefinition, actor: Actor, row: Row, view: ReaderView): Row {
  const out = maskRow(resource, actor, row);
  if (!view.withheld.size && !view.redaction) return out;
  const copy = { ...out };
  for (const field of view.withheld) if (field in copy) copy[field] = null;
  return view.redaction ? redactValue(copy, view.redaction.wordsOf(row)) as Row : copy;
}

/**
 * A search a redaction makes an oracle: finding rows by a hidden word (or a piece of one) would tell the
 * reader it is in them. True when the search text and one of the words share two characters in a row, or
 * the text is a single character of one.
 */
export function searchesHiddenWords(search: string, words: string[]): boolean {
  const q = search.trim();
  if (!q) return false;
  return words.some((word) => word.includes(q) || [...q].some((_, i) => i + 2 <= q.length && word.includes(q.slice(i, i + 2))));
}

/** Audit entries keep personal data masked whoever reads them. */
export function maskForAudit(resource: ResourceDefinition, row: Row): Row {
  const masked = accessOf(resource).masked ?? {};
  const out = { ...row };
  for (const [field, m] of Object.entries(masked)) if (isPresent(out[field])) out[field] = m.mask(String(out[field]));
  return out;
}

/** 403 naming the fields the actor sent with a new value but may not change. */
export function assertFieldWrites(resource: ResourceDefinition, actor: Actor, body: Row, previous: Row | null): void {
  const access = accessOf(resource);
  const allowed = access.writableFields?.[actor.role as Role];
  const hidden = hiddenFields(resource, actor);
  const fields = allFields(resource);
  const refused: Record<string, Label> = {};
  for (const [name, value] of Object.entries(body)) {
    const field = fields[name];
    if (!field || field.readOnly) continue;
    const before = previous ? previous[name] ?? null : null;
    const after = value === '' ? null : value ?? null;
    // A field the role sees masked may only come back as the masked text it was shown: comparing
    // with the stored value would confirm a right guess (no 403) and refuse a wrong one.
    const seen = hidden.has(name) && isPresent(before) ? access.masked![name].mask(String(before)) : before;
    if (JSON.stringify(seen) === JSON.stringify(after)) continue;
    if (hidden.has(name) || (allowed && !allowed.includes(name))) {
      refused[name] = { zh: `无权修改「${field.label.zh}」`, en: `You may not change "${field.label.en}"` };
    }
  }
  const names = Object.keys(refused);
  if (names.length) {
    throw new ApiError(403, {
      zh: `无权修改字段：${names.map((n) => fields[n].label.zh).join('、')}`,
      en: `You may not change: ${names.map((n) => fields[n].label.en).join(', ')}`,
    }, refused);
  }
}

/** 403 when the actor filters, searches or sorts by a field it sees masked or withheld (`hidden`). */
export function assertQueryable(resource: ResourceDefinition, hidden: Set<string>, fieldsUsed: string[]): void {
  const bad = fieldsUsed.filter((f) => hidden.has(f.replace(/_(gte|lte|gt|lt|neq)$/, '')));
  if (bad.length) {
    const fields = allFields(resource);
    throw new ApiError(403, {
      zh: `无权按「${bad.map((f) => fields[f.replace(/_(gte|lte|gt|lt|neq)$/, '')]?.label.zh ?? f).join('、')}」筛选或排序`,
      en: `You may not filter or sort by ${bad.join(', ')}`,
    });
  }
}

/** The rows on which the actor may take a custom action (`access.actions`), or null when its role may not at all. */
export async function actionScope(resource: ResourceDefinition, actor: Actor, action: string, db: Kysely<any>): Promise<Record<string, unknown> | null> {
  const rule = accessOf(resource).actions?.[action]?.roles[actor.role as Role];
  if (rule === undefined) return null;
  return rule === true ? {} : await rule(actor, db);
}

export function forbiddenAction(resource: ResourceDefinition, action: string): ApiError {
  const declared = accessOf(resource).actions?.[action];
  if (!declared) throw new Error(`${resource.name}: no access rule declared for the action ${action}`);
  return new ApiError(403, declared.refusal);
}
