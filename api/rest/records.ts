// The one write path: every read and write of a register goes through here — validation,
// references, uniqueness, encoding, read-only checks, the optimistic lock, hooks and the
// audit entry, in one transaction. CRUD, case transitions, system writes (routes, seeds,
// plugins), changes made by better-auth (accounts) and the settings record all use it.
import { expressionBuilder, sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { allFields, tableName, type HookContext, type Label, type RecordLock, type ResourceDefinition, type Row, type WrittenChange } from '../resources/define.js';
import { decoderOf, encodeRow, encoderOf } from '../db/codec.js';
import { insertMany } from '../db/bulk-insert.js';
import type { Database } from '../db/connect.js';
import { loadSettings } from '../settings/settings.js';
import { writeAudit, diffOf, type Actor } from './audit.js';
import { actionScope, assertFieldWrites, forbiddenAction, assertMay, assertQueryable, forbidden, hiddenFields, maskForAudit, maskRow, readerView, rowScope, searchesHiddenWords, viewRow } from '../access/enforce.js';
import { ApiError, badInput, fromDatabaseError, notFound } from './errors.js';
import { defaultsOf, validateRecord } from './validator.js';
import { filterExpression, filterParts, referencedRegister, usesVirtualFilter, virtualBranches, type ListQuery, type VirtualFilterContext } from './list-query.js';
import { SEARCH_LIMITS, searchPlan, type SearchLimits } from './search-plan.js';
import { today } from '../calendar.js';
import { indexNew, reindex } from '../db/search-index.js';
import { liveCounters } from '../db/counters.js';
import { retally, retallyMany, type BulkTallies, talliedTotal, tallyForTotal, tallyNew, tallyReads, touchesTallies } from '../db/tallies.js';
import { isDbId, numberOf } from './input-bounds.js';

const STALE: Label = { zh: '该记录已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and try again' };

/** A change the server makes on its own authority (a transition, a file's supersession…). */
export interface SystemChange {
  /** The audit action, e.g. `transition:close`, `supersede`. */
  action: string;
  /** The columns to change, computed from the current row (may refuse with an ApiError). */
  plan: (current: Row, trx: Kysely<any>) => Promise<Row> | Row;
  /** Refuses unless the row is the version the caller saw. */
  expectedVersion?: number;
  /** Said when another writer changed the row first. */
  conflict?: Label;
  /** Extra keys for the audit entry's changes (e.g. the transition's payload). */
  note?: Record<string, unknown>;
  /** Work in the same transaction once the row is stored (e.g. a transition's effects). */
  then?: (before: Row, after: Row, trx: Kysely<any>) => Promise<void>;
}

export class Records {
  /** Where `q`'s plans give way to each other (api/rest/search-plan.ts); a spec moves them to run each plan on a small register. */
  searchLimits: SearchLimits = SEARCH_LIMITS;

  constructor(
    readonly database: Database,
    readonly resources: Map<string, ResourceDefinition>,
    /** The settings register as enabled (with the plugins' settings), kept outside the record tables. */
    readonly settingsDeclaration?: ResourceDefinition,
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
    const found = await this.matching(resource, query.filter, actor, query.sort[0]);
    if (!found) return { rows: [], total: 0 };
    const [start, end] = query.range;
    const [rows, total] = await Promise.all([
      found.where(this.db.selectFrom(tableName(resource)).selectAll())
        .orderBy(this.sortKey(resource, query.sort[0]), query.sort[1] === 'ASC' ? 'asc' : 'desc')
        .orderBy('id', query.sort[1] === 'ASC' ? 'asc' : 'desc')
        .limit(end - start + 1).offset(start).execute(),
      found.total(),
    ]);
    const decode = decoderOf(resource);
    return { rows: rows.map((r) => viewRow(resource, actor, decode(r), found.view)), total };
  }

  /** How many records of the register the actor reads match `filter` (a list's exact total, without its page). */
  async count(resource: ResourceDefinition, filter: Record<string, unknown>, actor: Actor): Promise<number> {
    const found = await this.matching(resource, filter, actor);
    return found ? found.total() : 0;
  }

  /** The rows of a list: the filter's and the row rule's conditions, and how to count them; null when nothing can match. */
  private async matching(resource: ResourceDefinition, filter: Record<string, unknown>, actor: Actor, sortField?: string) {
    const scope = await rowScope(resource, actor, 'read', this.db);
    const view = await readerView(resource, actor, this.db);
    const hidden = new Set([...hiddenFields(resource, actor), ...view.withheld]);
    // Searching by a word hidden from the reader would tell which rows hold it: such a search finds nothing.
    if (view.redaction && typeof filter.q === 'string' && searchesHiddenWords(filter.q, view.redaction.all)) return null;
    assertQueryable(resource, hidden, [...Object.keys(filter), ...(sortField ? [sortField] : [])]);
    const dialect = this.database.dialect;
    const context: VirtualFilterContext | undefined = usesVirtualFilter(resource, filter) ? { settings: await loadSettings(this.db), today: today() } : undefined;
    const search = await searchPlan(this.db, dialect, resource, filter, hidden, scope, this.resources, sortField ?? resource.list.sort[0], this.searchLimits);
    const eb = expressionBuilder<any, any>();
    const scoped = filterParts(resource, scope, dialect)(eb);
    // No `where 1 = 1` for an empty filter: it would cost SQLite its count fast path.
    const where = <Q extends SelectQueryBuilder<any, any, any>>(q: Q, searchWithin?: Expression<SqlBool>, branch?: number): Q => {
      const parts = [...filterParts(resource, filter, dialect, hidden, context && { ...context, branch }, this.resources, searchWithin)(eb), ...scoped];
      return (parts.length ? q.where(parts.length === 1 ? parts[0] : eb.and(parts)) : q) as Q;
    };
    // Every row in reach and a filter a count tally answers: the exact total without counting rows.
    const tallied = scoped.length ? undefined : tallyForTotal(resource, filter);
    const count = async (branch?: number) => Number((await where(this.db.selectFrom(tableName(resource)).select((e) => e.fn.countAll<number>().as('n')), search?.count, branch)
      .executeTakeFirstOrThrow()).n);
    const total = async (): Promise<number> => {
      if (search?.total !== undefined) return search.total;
      if (tallied) return talliedTotal(this.db, resource.name, tallied);
      // A virtual filter's disjoint branches each counted from its own index (see VirtualFilter.anyOf).
      const branches = context ? virtualBranches(resource, filter, context) : 1;
      if (branches === 1) return count();
      let sum = 0;
      for (let branch = 0; branch < branches; branch++) sum += await count(branch);
      return sum;
    };
    return { where: <Q extends SelectQueryBuilder<any, any, any>>(q: Q) => where(q, search?.page), total, view };
  }

  /** A column, or for a reference the referenced record's title (cases by lawyerId: by the lawyer's name). */
  private sortKey(resource: ResourceDefinition, name: string) {
    const table = tableName(resource);
    const target = referencedRegister(allFields(resource)[name], this.resources);
    if (!target) return sql.ref(name);
    return this.db.selectFrom(`${tableName(target)} as referenced`).select(`referenced.${target.titleField}`)
      .whereRef('referenced.id', '=', `${table}.${name}`);
  }

  /** One record as the actor may see it; 404 when it does not exist or is out of the actor's reach. */
  async get(resource: ResourceDefinition, id: number, actor: Actor): Promise<Row> {
    const row = await this.load(resource, id, this.db, await rowScope(resource, actor, 'read', this.db));
    return viewRow(resource, actor, row, await readerView(resource, actor, this.db));
  }

  /** Every stored record of a (small) register, unmasked, decoded: for rules that weigh them all. */
  async all(resource: ResourceDefinition, orderBy = 'id', db: Kysely<any> = this.db): Promise<Row[]> {
    const rows = await db.selectFrom(tableName(resource)).selectAll().orderBy(orderBy).orderBy('id').execute();
    return rows.map(decoderOf(resource));
  }

  /** The stored record, unmasked, within `scope`. */
  async load(resource: ResourceDefinition, id: number, db: Kysely<any> = this.db, scope: Record<string, unknown> = {}): Promise<Row> {
    if (!isDbId(id)) throw notFound();
    const eb = expressionBuilder<any, any>();
    const parts = filterParts(resource, scope, this.database.dialect)(eb);
    const row = await db.selectFrom(tableName(resource)).selectAll()
      .where(eb.and([eb('id', '=', id), ...parts]))
      .executeTakeFirst();
    if (!row) throw notFound();
    return decoderOf(resource)(row);
  }

  /**
   * Holds the row until the transaction ends, so writers of one record take turns and a
   * change never fails only because another committed between its read and its write.
   * SQLite's write transactions (BEGIN IMMEDIATE) already take turns; PostgreSQL locks the row.
   */
  async lock(resource: ResourceDefinition, id: number, trx: Kysely<any>): Promise<void> {
    if (this.database.dialect !== 'postgres' || !isDbId(id)) return;
    await trx.selectFrom(tableName(resource)).select('id').where('id', '=', id).forUpdate().execute();
  }

  /** Loads for a change: 404 if the actor cannot see it, 403 if it can see but not `verb` it. */
  private async loadFor(resource: ResourceDefinition, id: number, actor: Actor, verb: 'update' | 'delete', trx: Kysely<any>): Promise<Row> {
    assertMay(resource, actor, verb); // a role without the verb at all hears so, whichever row it names
    await this.lock(resource, id, trx);
    const previous = await this.load(resource, id, trx, await rowScope(resource, actor, 'read', trx));
    const inReach = await this.load(resource, id, trx, await rowScope(resource, actor, verb, trx)).then(() => true, () => false);
    if (!inReach) throw forbidden(resource, actor, verb);
    return previous;
  }

  /** A client's new record; `trx` joins a caller's transaction (an import's rows, all or none). */
  async create(resource: ResourceDefinition, body: Row, actor: Actor, trx?: Kysely<any>): Promise<Row> {
    assertMay(resource, actor, 'create');
    assertFieldWrites(resource, actor, withoutEmpty(body), null);
    return this.within(trx, async (trx) => {
      const settings = await loadSettings(trx);
      const defaults = defaultsOf(resource);
      // Server-kept fields sent on creation are ignored, so no rule weighs them either.
      const sent = Object.fromEntries(Object.entries(withoutEmpty(body)).filter(([name]) => !resource.fields[name]?.readOnly));
      let record = { ...readOnlyOf(resource, defaults), ...validateRecord(resource, { ...defaults, ...sent }) };
      for (const hook of resource.hooks?.beforeCreate ?? []) record = await hook(record, { trx, settings, records: this, counters: liveCounters(trx) });
      await this.checkReferences(trx, resource, record);
      await this.checkUnique(trx, resource, record);
      const created = await this.store(trx, resource, record);
      // A role that may create only some rows must not create others.
      const scope = await rowScope(resource, actor, 'create', trx);
      const inReach = !Object.keys(scope).length || (await this.load(resource, Number(created.id), trx, scope).then(() => true, () => false));
      if (!inReach) throw forbidden(resource, actor, 'create');
      await this.written(trx, resource, { action: 'create', before: null, after: created, actor }, settings);
      // As stored once the write ends: an afterWrite hook may have completed it (a visit's complaint).
      return viewRow(resource, actor, await this.load(resource, Number(created.id), trx), await readerView(resource, actor, trx));
    });
  }

  /**
   * A record the server creates on its own authority (a plugin's route, a seed): no access
   * check and no client validation, but the same hooks, encoding and audit entry.
   */
  async insert(resource: ResourceDefinition, record: Row, actor: Actor, { action = 'create', trx }: { action?: string; trx?: Kysely<any> } = {}): Promise<Row> {
    return this.within(trx, async (trx) => {
      const settings = await loadSettings(trx);
      for (const hook of resource.hooks?.beforeCreate ?? []) record = await hook(record, { trx, settings, records: this, counters: liveCounters(trx) });
      const created = await this.store(trx, resource, record);
      await this.written(trx, resource, { action, before: null, after: created, actor }, settings);
      return created;
    });
  }

  /**
   * A change the server makes on its own authority under the optimistic lock: the plan's
   * columns are encoded and stored only if nobody changed the row since it was read.
   */
  async change(resource: ResourceDefinition, id: number, actor: Actor, change: SystemChange, trx?: Kysely<any>): Promise<Row> {
    return this.within(trx, async (trx) => {
      await this.lock(resource, id, trx);
      const current = await this.load(resource, id, trx);
      const conflict = change.conflict ?? STALE;
      if (change.expectedVersion !== undefined && change.expectedVersion !== current.version) {
        throw new ApiError(409, conflict, {}, { currentVersion: current.version });
      }
      const after = await this.storeOver(trx, resource, current, await change.plan(current, trx), conflict);
      await change.then?.(current, after, trx);
      await this.written(trx, resource, { action: change.action, before: current, after, actor }, await loadSettings(trx), change.note);
      // A hook may have changed the record again (a subsidy recomputed): then answer it as stored.
      return resource.hooks?.afterWrite?.length ? this.load(resource, id, trx) : after;
    });
  }

  /**
   * A change another component has stored (better-auth keeps the accounts): its audit
   * entry is written here, like every other change's.
   */
  async external(resource: ResourceDefinition, actor: Actor, action: 'create' | 'update' | 'delete', recordId: unknown, changes: Record<string, [unknown, unknown]>): Promise<void> {
    await this.audit(this.db, resource, actor, action, recordId, changes);
  }

  /** The settings record (id 1): stored as one key per setting; only changed keys are written. */
  async saveSettings(declaration: ResourceDefinition, body: Row, actor: Actor): Promise<Row> {
    assertMay(declaration, actor, 'update');
    return this.write(async (trx) => {
      const { id: _id, ...previous }: Row = await this.settingsRecord(declaration, trx);
      const clean = validateRecord(declaration, { ...previous, ...body });
      const changes: Record<string, [unknown, unknown]> = {};
      for (const [key, value] of Object.entries(clean)) {
        if (JSON.stringify(value) === JSON.stringify(previous[key])) continue;
        changes[key] = [previous[key], value];
        await trx.insertInto('settings').values({ key, value: JSON.stringify(value) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) })).execute();
      }
      const saved = await this.settingsRecord(declaration, trx);
      // A plugin's afterWrite hooks on `settings` (e.g. amounts recomputed from changed rates), before the audit entry.
      if (Object.keys(changes).length) {
        for (const hook of declaration.hooks?.afterWrite ?? []) await hook({ action: 'update', before: { id: 1, ...previous }, after: saved, actor }, { trx, settings: saved, records: this, counters: liveCounters(trx) });
      }
      await this.audit(trx, declaration, actor, 'update', 1, changes);
      return saved;
    });
  }

  /** The settings as one record: the stored values over the declaration's defaults (a plugin's settings default there). */
  async settingsRecord(declaration: ResourceDefinition, db: Kysely<any> = this.db): Promise<Row> {
    return { ...defaultsOf(declaration), ...(await loadSettings(db)), id: 1 };
  }

  /** Whether the actor may take the register's custom action on this row (declared in `access.actions`). */
  async mayAct(resource: ResourceDefinition, actor: Actor, action: string, id: number, trx: Kysely<any> = this.db): Promise<boolean> {
    const scope = await actionScope(resource, actor, action, trx);
    return scope !== null && this.load(resource, id, trx, scope).then(() => true, () => false);
  }

  /** The record for a custom action: 404 if the actor cannot see it, 403 (the rule's refusal) if it may not act on it. */
  async loadForAction(resource: ResourceDefinition, id: number, actor: Actor, action: string, trx: Kysely<any> = this.db): Promise<Row> {
    const row = await this.load(resource, id, trx, await rowScope(resource, actor, 'read', trx));
    if (!(await this.mayAct(resource, actor, action, id, trx))) throw forbiddenAction(resource, action);
    return row;
  }

  async update(resource: ResourceDefinition, id: number, body: Row, actor: Actor): Promise<Row> {
    return this.write(async (trx) => {
      const previous = await this.loadFor(resource, id, actor, 'update', trx);
      if (body.version !== undefined && body.version !== null && numberOf(body.version) !== previous.version) {
        throw new ApiError(409, STALE, {}, { currentVersion: previous.version });
      }
      // A field withheld from the reader comes back from its form as the null it was shown: not the reader's to
      // change, and compared with the stored value it would refuse the save (and confirm the value is set).
      const view = await readerView(resource, actor, trx);
      body = Object.fromEntries(Object.entries(body).filter(([name]) => !view.withheld.has(name)));
      assertFieldWrites(resource, actor, body, previous);
      assertReadOnlyUnchanged(resource, body, previous);
      const hidden = hiddenFields(resource, actor);
      body = Object.fromEntries(Object.entries(body).filter(([name]) => !hidden.has(name)));
      const settings = await loadSettings(trx);
      let record = validateRecord(resource, { ...previous, ...body });
      for (const hook of resource.hooks?.beforeUpdate ?? []) record = await hook(record, previous, { trx, settings, records: this, counters: liveCounters(trx) });
      await this.checkReferences(trx, resource, record);
      await this.checkUnique(trx, resource, record, id);
      const lock = resource.lockedWhen?.(previous);
      if (lock) assertUnlocked(resource, lock, previous, record);
      const updated = await this.storeOver(trx, resource, previous, record, STALE);
      await this.written(trx, resource, { action: 'update', before: previous, after: updated, actor }, settings);
      return viewRow(resource, actor, await this.load(resource, id, trx), view);
    });
  }

  /**
   * A correction of a record closed to edits (an archived case): the changed writable fields and
   * the reason, checked like any update and audited as `correct` with the reason. Who may is the
   * register's `correct` action rule.
   */
  async correct(resource: ResourceDefinition, id: number, body: Row, actor: Actor): Promise<Row> {
    const { changes, reason } = body;
    const errors: Record<string, Label> = {};
    if (typeof reason !== 'string' || !reason.trim()) errors.reason = { zh: '请说明更正理由', en: 'Give the reason for the correction' };
    else if (reason.length > 500) errors.reason = { zh: '不能超过 500 个字符', en: 'At most 500 characters' };
    if (typeof changes !== 'object' || changes === null || Array.isArray(changes) || !Object.keys(changes).length) {
      errors.changes = { zh: '请填写要更正的字段', en: 'Give the fields to correct' };
    } else {
      for (const name of Object.keys(changes)) {
        if (!Object.hasOwn(resource.fields, name) || resource.fields[name].readOnly) {
          errors[name] = { zh: '该字段不能通过更正修改', en: 'This field is not corrected here' };
        }
      }
    }
    if (Object.keys(errors).length) throw badInput(errors);
    return this.write(async (trx) => {
      await this.loadForAction(resource, id, actor, 'correct', trx);
      const corrected = await this.change(resource, id, actor, {
        action: 'correct',
        expectedVersion: body.version === undefined || body.version === null ? undefined : numberOf(body.version),
        plan: async (current) => {
          const record = validateRecord(resource, { ...current, ...(changes as Row) });
          await this.checkReferences(trx, resource, record);
          await this.checkUnique(trx, resource, record, id);
          if (!Object.keys(record).some((name) => !sameValue(record[name], current[name]))) {
            throw badInput({ changes: { zh: '没有要更正的内容', en: 'Nothing changes' } });
          }
          return record;
        },
        note: { reason: (reason as string).trim() },
      }, trx);
      return maskRow(resource, actor, corrected);
    });
  }

  async delete(resource: ResourceDefinition, id: number, actor: Actor): Promise<Row> {
    return this.write(async (trx) => {
      const previous = await this.loadFor(resource, id, actor, 'delete', trx);
      const kept = resource.undeletableWhen?.(previous);
      if (kept) throw new ApiError(422, kept);
      await this.checkNotReferenced(trx, resource, id);
      await trx.deleteFrom(tableName(resource)).where('id', '=', id).execute();
      await this.written(trx, resource, { action: 'delete', before: previous, after: null, actor }, await loadSettings(trx));
      return maskRow(resource, actor, previous);
    });
  }

  /**
   * Demo and bulk data already shaped by the caller: encoded, stamped and inserted in batches,
   * without hooks or audit entries (a seed is not a change anyone made). Answers the new ids.
   * Their tallies are applied now, or summed into `tallies` for the load to apply at its end.
   */
  async seedRows(resource: ResourceDefinition, rows: Row[], trx: Kysely<any>, tallies?: BulkTallies): Promise<number[]> {
    const { dialect } = this.database;
    const { columns, encode } = encoderOf(resource, dialect);
    const now = new Date().toISOString();
    const [version, createdAt, updatedAt] = ['version', 'createdAt', 'updatedAt'].map((name) => columns.indexOf(name));
    const values = rows.map((row) => {
      const stored = encode(row);
      stored[version] = 1;
      stored[createdAt] ??= now;
      stored[updatedAt] ??= now;
      return stored;
    });
    const ids = await insertMany(trx, dialect, { table: tableName(resource), columns, returningId: true }, values);
    await indexNew(trx, dialect, resource, rows, ids);
    if (tallies) tallies.add(resource, rows);
    else await tallyNew(trx, resource, rows);
    return ids;
  }

  /**
   * Demo data's later columns for rows already seeded (e.g. amounts a plugin computes from them):
   * encoded and stored over each row by id, without hooks or audit entries, like `seedRows`.
   */
  async seedUpdates(resource: ResourceDefinition, given: Row[], trx: Kysely<any>, chunkSize = 5000): Promise<void> {
    const fields = allFields(resource);
    // A record given twice takes its last values, as if the updates ran one after another.
    const rows = [...new Map(given.map((row) => [Number(row.id), row])).values()];
    // A chunk at a time: a seed may mark a million records, and their stored rows (read for the
    // tallies they leave) would not fit in memory at once.
    for (let start = 0; start < rows.length; start += chunkSize) {
      const chunk = rows.slice(start, start + chunkSize);
      const touching = chunk.filter((row) => touchesTallies(resource, Object.keys(row)));
      const changed = [...new Set(touching.flatMap(Object.keys))];
      const tallied = touching.length ? await this.rowsById(trx, resource, touching.map((r) => Number(r.id)), tallyReads(resource, changed)) : null;
      // Rows given the same values (a mark on many records) are updated together, 500 at a time.
      const alike = new Map<string, { set: Row; ids: number[] }>();
      for (const { id, ...columns } of chunk) {
        const set = encodeRow(fields, columns, this.database.dialect);
        const key = JSON.stringify(set);
        const group = alike.get(key) ?? alike.set(key, { set, ids: [] }).get(key)!;
        group.ids.push(Number(id));
      }
      for (const { set, ids } of alike.values()) {
        for (let i = 0; i < ids.length; i += 500) await trx.updateTable(tableName(resource)).set(set).where('id', 'in', ids.slice(i, i + 500)).execute();
      }
      if (tallied) {
        await retallyMany(trx, resource, changed, touching.flatMap(({ id, ...columns }) => {
          const before = tallied.get(Number(id));
          return before ? [{ before, after: { ...before, ...columns } }] : [];
        }));
      }
    }
  }

  /** The rows' `columns` (and ids), decoded. */
  private async rowsById(trx: Kysely<any>, resource: ResourceDefinition, ids: number[], columns: string[]): Promise<Map<number, Row>> {
    const decode = decoderOf(resource);
    const out = new Map<number, Row>();
    const wanted = new Set(ids);
    const sorted = [...wanted].sort((a, b) => a - b);
    const select = () => trx.selectFrom(tableName(resource)).select(['id', ...columns]);
    // Ids close together (a seed marking most closed cases) are read as one range of the primary key.
    const dense = sorted.length > 0 && sorted[sorted.length - 1] - sorted[0] < 2 * sorted.length;
    const batches = dense
      ? [select().where('id', '>=', sorted[0]).where('id', '<=', sorted[sorted.length - 1])]
      : Array.from({ length: Math.ceil(sorted.length / 500) }, (_, i) => select().where('id', 'in', sorted.slice(i * 500, i * 500 + 500)));
    for (const query of batches) {
      for (const row of await query.execute()) if (wanted.has(Number(row.id))) out.set(Number(row.id), decode(row));
    }
    return out;
  }

  /** Encodes, stamps and inserts a new row; answers it as stored. */
  private async store(trx: Kysely<any>, resource: ResourceDefinition, record: Row): Promise<Row> {
    const now = new Date().toISOString();
    const stored = encodeRow(allFields(resource), { ...record, version: 1, createdAt: now, updatedAt: now }, this.database.dialect);
    const { id } = await trx.insertInto(tableName(resource)).values(stored).returning('id').executeTakeFirstOrThrow();
    return this.load(resource, Number(id), trx);
  }

  /** The optimistic lock: stores the columns over `previous` only if its version is still the stored one. */
  private async storeOver(trx: Kysely<any>, resource: ResourceDefinition, previous: Row, columns: Row, conflict: Label): Promise<Row> {
    const stored = encodeRow(allFields(resource), { ...columns, updatedAt: new Date().toISOString() }, this.database.dialect);
    const result = await trx.updateTable(tableName(resource))
      .set({ ...stored, version: Number(previous.version) + 1 })
      .where('id', '=', previous.id).where('version', '=', previous.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ApiError(409, conflict);
    return this.load(resource, Number(previous.id), trx);
  }

  /** After every stored change: the search index, the register's afterWrite hooks, then its one audit entry. */
  private async written(trx: Kysely<any>, resource: ResourceDefinition, change: WrittenChange, settings: HookContext['settings'], note: Record<string, unknown> = {}) {
    // Before the hooks: a hook's own change of the record reindexes it after this.
    await reindex(trx, this.database.dialect, resource, change.before, change.after);
    await retally(trx, resource, change.before, change.after);
    for (const hook of resource.hooks?.afterWrite ?? []) await hook(change, { trx, settings, records: this, counters: liveCounters(trx) });
    const recordId = (change.after ?? change.before)!.id;
    const changes = diffOf(resource, change.before ? maskForAudit(resource, change.before) : {}, change.after ? maskForAudit(resource, change.after) : {});
    await this.audit(trx, resource, change.actor, change.action, recordId, { ...changes, ...note });
  }

  /** The only place a change's audit entry is written. */
  private async audit(db: Kysely<any>, resource: ResourceDefinition, actor: Actor, action: string, recordId: unknown, changes: Record<string, unknown>) {
    await writeAudit(db, { actor, action, resource: resource.name, recordId, changes });
  }

  /** Joins the caller's transaction, or opens one. */
  private within<T>(trx: Kysely<any> | undefined, work: (trx: Kysely<any>) => Promise<T>): Promise<T> {
    return trx ? work(trx) : this.write(work);
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
          const active = target.fields.active?.type === 'boolean' ? target.fields.active : undefined;
          throw new ApiError(409, {
            zh: `该${target.label.zh}记录被 ${n} 条${resource.label.zh}记录（${field.label.zh}）引用，不能删除${active ? `；如已不再使用，请将「${active.label.zh}」改为否` : ''}`,
            en: `${n} ${resource.label.en.toLowerCase()} refer to this record (${field.label.en}); it cannot be deleted${active ? `. Set "${active.label.en}" to no instead` : ''}`,
          }, {}, active ? { instead: { active: false } } : {});
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

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** 422 when an update of a locked record changes a field the lock does not leave open. */
function assertUnlocked(resource: ResourceDefinition, lock: RecordLock, previous: Row, record: Row) {
  const open = new Set(lock.except ?? []);
  const changed = Object.keys(record).filter((name) => resource.fields[name] && !resource.fields[name].readOnly && !open.has(name) && !sameValue(record[name], previous[name]));
  if (!changed.length) return;
  const label = (name: string) => resource.fields[name].label;
  throw new ApiError(422, lock.message, Object.fromEntries(changed.map((name) => [name, {
    zh: `不能修改「${label(name).zh}」`, en: `"${label(name).en}" cannot be changed`,
  }])));
}

function readOnlyOf(resource: ResourceDefinition, row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([name]) => resource.fields[name]?.readOnly));
}

/** Empty strings from forms mean "no value". */
function withoutEmpty(body: Row): Row {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== '' && v !== undefined));
}
