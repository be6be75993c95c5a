// Every read and write of a register goes through here: validation, references,
// uniqueness, optimistic locking, hooks and the audit entry, in one transaction.
import type { Kysely } from 'kysely';
import { allFields, tableName, type Label, type ResourceDefinition, type Row } from '../resources/define.js';
import { decodeRow, encodeRow } from '../db/codec.js';
import type { Database } from '../db/connect.js';
import { loadSettings } from '../settings.js';
import { writeAudit, diffOf, type Actor } from '../audit.js';
import { assertFieldWrites, assertMay, assertQueryable, forbidden, hiddenFields, maskForAudit, maskRow, rowScope } from '../access/enforce.js';
import { ApiError, badInput, fromDatabaseError, notFound } from './errors.js';
import { defaultsOf, validateRecord } from './validator.js';
import { filterExpression, usesVirtualFilter, type ListQuery } from './list-query.js';
import { today } from '../calendar.js';
import { isDbId, numberOf } from './input-bounds.js';

export class Records {
  constructor(
    readonly database: Database,
    readonly resources: Map<string, ResourceDefinition>,
  ) {}

  private get db() {
    return this.database.db;
  }

  resource(name: string): ResourceDefinition {
    const resource = this.resources.get(name);
    if (!resource) throw notFound();
    return resource;
  }

  async list(resource: ResourceDefinition, query: ListQuery, actor: Actor): Promise<{ rows: Row[]; total: number }> {
    const scope = await rowScope(resource, actor, 'read', this.db);
    assertQueryable(resource, actor, [...Object.keys(query.filter), query.sort[0]]);
    const dialect = this.database.dialect;
    const context = usesVirtualFilter(resource, query.filter) ? { settings: await loadSettings(this.db), today: today() } : undefined;
    const asked = filterExpression(resource, query.filter, dialect, hiddenFields(resource, actor), context);
    const allowed = filterExpression(resource, scope, dialect);
    const where = (eb: any) => eb.and([asked(eb), allowed(eb)]);
    const table = tableName(resource);
    const [start, end] = query.range;
    const [rows, count] = await Promise.all([
      this.db.selectFrom(table).selectAll().where(where)
        .orderBy(query.sort[0], query.sort[1] === 'ASC' ? 'asc' : 'desc')
        .orderBy('id', query.sort[1] === 'ASC' ? 'asc' : 'desc')
        .limit(end - start + 1).offset(start).execute(),
      this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow(),
    ]);
    const fields = allFields(resource);
    return { rows: rows.map((r) => maskRow(resource, actor, decodeRow(fields, r))), total: Number(count.n) };
  }

  /** One record as the actor may see it; 404 when it does not exist or is out of the actor's reach. */
  async get(resource: ResourceDefinition, id: number, actor: Actor): Promise<Row> {
    return maskRow(resource, actor, await this.load(resource, id, this.db, await rowScope(resource, actor, 'read', this.db)));
  }

  /** The stored record, unmasked, within `scope`. */
  async load(resource: ResourceDefinition, id: number, db: Kysely<any> = this.db, scope: Record<string, unknown> = {}): Promise<Row> {
    if (!isDbId(id)) throw notFound();
    const row = await db.selectFrom(tableName(resource)).selectAll()
      .where('id', '=', id)
      .where(filterExpression(resource, scope, this.database.dialect))
      .executeTakeFirst();
    if (!row) throw notFound();
    return decodeRow(allFields(resource), row);
  }

  /** Loads for a change: 404 if the actor cannot see it, 403 if it can see but not `verb` it. */
  private async loadFor(resource: ResourceDefinition, id: number, actor: Actor, verb: 'update' | 'delete', trx: Kysely<any>): Promise<Row> {
    assertMay(resource, actor, verb); // a role without the verb at all hears so, whichever row it names
    const previous = await this.load(resource, id, trx, await rowScope(resource, actor, 'read', trx));
    const inReach = await this.load(resource, id, trx, await rowScope(resource, actor, verb, trx)).then(() => true, () => false);
    if (!inReach) throw forbidden(resource, actor, verb);
    return previous;
  }

  async create(resource: ResourceDefinition, body: Row, actor: Actor): Promise<Row> {
    assertMay(resource, actor, 'create');
    assertFieldWrites(resource, actor, withoutEmpty(body), null);
    return this.write(async (trx) => {
      const settings = await loadSettings(trx);
      const defaults = defaultsOf(resource);
      let record = { ...readOnlyOf(resource, defaults), ...validateRecord(resource, { ...defaults, ...withoutEmpty(body) }) };
      if (resource.hooks?.beforeCreate) record = await resource.hooks.beforeCreate(record, { trx, settings });
      await this.checkReferences(trx, resource, record);
      await this.checkUnique(trx, resource, record);
      const now = new Date().toISOString();
      const stored = encodeRow(allFields(resource), { ...record, version: 1, createdAt: now, updatedAt: now }, this.database.dialect);
      const { id } = await trx.insertInto(tableName(resource)).values(stored).returning('id').executeTakeFirstOrThrow();
      const created = await this.load(resource, Number(id), trx);
      // A role that may create only some rows must not create others.
      const inReach = await this.load(resource, Number(id), trx, await rowScope(resource, actor, 'create', trx)).then(() => true, () => false);
      if (!inReach) throw forbidden(resource, actor, 'create');
      await writeAudit(trx, { actor, action: 'create', resource: resource.name, recordId: created.id, changes: diffOf(resource, {}, maskForAudit(resource, created)) });
      return maskRow(resource, actor, created);
    });
  }

  async update(resource: ResourceDefinition, id: number, body: Row, actor: Actor): Promise<Row> {
    return this.write(async (trx) => {
      const previous = await this.loadFor(resource, id, actor, 'update', trx);
      if (body.version !== undefined && body.version !== null && numberOf(body.version) !== previous.version) {
        throw new ApiError(409, {
          zh: '该记录已被他人修改，请刷新后重试',
          en: 'Someone else changed this record; reload and try again',
        }, {}, { currentVersion: previous.version });
      }
      assertFieldWrites(resource, actor, body, previous);
      assertReadOnlyUnchanged(resource, body, previous);
      const hidden = hiddenFields(resource, actor);
      body = Object.fromEntries(Object.entries(body).filter(([name]) => !hidden.has(name)));
      const settings = await loadSettings(trx);
      let record = validateRecord(resource, { ...previous, ...body });
      if (resource.hooks?.beforeUpdate) record = await resource.hooks.beforeUpdate(record, previous, { trx, settings });
      await this.checkReferences(trx, resource, record);
      await this.checkUnique(trx, resource, record, id);
      const stored = encodeRow(allFields(resource), { ...record, updatedAt: new Date().toISOString() }, this.database.dialect);
      const result = await trx.updateTable(tableName(resource))
        .set({ ...stored, version: Number(previous.version) + 1 })
        .where('id', '=', id).where('version', '=', previous.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new ApiError(409, { zh: '该记录已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and try again' });
      }
      const updated = await this.load(resource, id, trx);
      await writeAudit(trx, { actor, action: 'update', resource: resource.name, recordId: id, changes: diffOf(resource, maskForAudit(resource, previous), maskForAudit(resource, updated)) });
      return maskRow(resource, actor, updated);
    });
  }

  async delete(resource: ResourceDefinition, id: number, actor: Actor): Promise<Row> {
    return this.write(async (trx) => {
      const previous = await this.loadFor(resource, id, actor, 'delete', trx);
      await this.checkNotReferenced(trx, resource, id);
      await trx.deleteFrom(tableName(resource)).where('id', '=', id).execute();
      await writeAudit(trx, { actor, action: 'delete', resource: resource.name, recordId: id, changes: diffOf(resource, maskForAudit(resource, previous), {}) });
      return maskRow(resource, actor, previous);
    });
  }

  /** Runs a write in a transaction and turns a racing constraint failure into a 409. */
  async write<T>(work: (trx: Kysely<any>) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(work);
    } catch (error) {
      throw fromDatabaseError(error) ?? error;
    }
  }

  private async checkReferences(trx: Kysely<any>, resource: ResourceDefinition, record: Row) {
    const errors: Record<string, Label> = {};
    for (const [name, field] of Object.entries(resource.fields)) {
      if (field.type !== 'reference' && field.type !== 'referenceList') continue;
      const ids = [record[name]].flat().filter((v) => v !== null && v !== undefined).map(Number);
      if (!ids.length) continue;
      const target = this.resources.get(field.to);
      if (!target) continue;
      const found = await trx.selectFrom(tableName(target)).select('id').where('id', 'in', [...new Set(ids)]).execute();
      const missing = ids.filter((id) => !found.some((r) => Number(r.id) === id));
      if (missing.length) {
        errors[name] = { zh: `所选${target.label.zh}不存在（编号 ${missing.join('、')}）`, en: `No such ${target.label.en.toLowerCase()}: ${missing.join(', ')}` };
      }
    }
    if (Object.keys(errors).length) throw badInput(errors);
  }

  private async checkUnique(trx: Kysely<any>, resource: ResourceDefinition, record: Row, selfId?: number) {
    const errors: Record<string, Label> = {};
    for (const [name, field] of Object.entries(resource.fields)) {
      if (!field.unique || record[name] === null || record[name] === undefined) continue;
      let query = trx.selectFrom(tableName(resource)).select('id').where(name, '=', record[name] as string);
      if (selfId) query = query.where('id', '<>', selfId);
      if (await query.executeTakeFirst()) {
        errors[name] = { zh: `${field.label.zh}「${record[name]}」已存在`, en: `${field.label.en} "${record[name]}" already exists` };
      }
    }
    if (Object.keys(errors).length) throw new ApiError(409, { zh: '与已有记录重复', en: 'Duplicates an existing record' }, errors);
  }

  private async checkNotReferenced(trx: Kysely<any>, target: ResourceDefinition, id: number) {
    for (const resource of this.resources.values()) {
      for (const [name, field] of Object.entries(resource.fields)) {
        if ((field.type !== 'reference' && field.type !== 'referenceList') || field.to !== target.name) continue;
        const where = filterExpression(resource, { [name]: id }, this.database.dialect);
        const { n } = await trx.selectFrom(tableName(resource)).select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow();
        if (Number(n) > 0) {
          throw new ApiError(409, {
            zh: `该${target.label.zh}记录被 ${n} 条${resource.label.zh}记录（${field.label.zh}）引用，不能删除`,
            en: `${n} ${resource.label.en.toLowerCase()} refer to this record (${field.label.en}); it cannot be deleted`,
          });
        }
      }
    }
  }
}

/** Server-kept fields may come back from a form as they were, never changed. */
function assertReadOnlyUnchanged(resource: ResourceDefinition, body: Row, previous: Row) {
  const errors: Record<string, Label> = {};
  for (const [name, field] of Object.entries(resource.fields)) {
    if (!field.readOnly || !(name in body)) continue;
    const before = previous[name] ?? null;
    const after = body[name] === '' ? null : body[name] ?? null;
    const same = field.type === 'datetime' && before && after
      ? Date.parse(String(before)) === Date.parse(String(after))
      : JSON.stringify(before) === JSON.stringify(after);
    if (!same) errors[name] = { zh: `「${field.label.zh}」由系统维护，不能直接修改`, en: `"${field.label.en}" is kept by the system` };
  }
  if (Object.keys(errors).length) {
    throw new ApiError(422, {
      zh: `不能直接修改：${Object.keys(errors).map((n) => resource.fields[n].label.zh).join('、')}（请使用相应的流程操作）`,
      en: `These fields change only through their actions: ${Object.keys(errors).join(', ')}`,
    }, errors);
  }
}

function readOnlyOf(resource: ResourceDefinition, row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([name]) => resource.fields[name]?.readOnly));
}

/** Empty strings from forms mean "no value". */
function withoutEmpty(body: Row): Row {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== '' && v !== undefined));
}
