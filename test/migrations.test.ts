// Hand-written steps run through kysely's Migrator: each once, recorded by name; a database
// recorded the old way (name, appliedAt) is adopted without running any step again.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from './support/fayuan.js';

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 0, plugins: ['case-files'] });
});
afterAll(async () => t?.close());

const steps = async () => (await t.database.db.selectFrom('migrations').selectAll().orderBy('name').execute());
const count = async (table: string) => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('migrations', () => {
  it('records every step once, by name, with the time it ran', async () => {
    const recorded = await steps();
    expect(recorded.map((r) => r.name)).toEqual(['case-files/001-checklist-snapshots', 'case-files/002-standard-templates', 'core/001-counters-settings', 'core/002-shipped-forms', 'core/003-complaint-workflow', 'core/004-online-applications', 'core/005-auth-epoch', 'core/006-file-blobs']);
    for (const row of recorded) expect(Number.isNaN(Date.parse(row.timestamp))).toBe(false);
    await t.fayuan.migrate();
    expect(await steps()).toEqual(recorded);
  });

  it('adopts a database recorded as (name, appliedAt) and runs none of its steps again', async () => {
    const { db } = t.database;
    const before = await steps();
    const templates = await count('case_file_templates');
    // The table as Fayuan wrote it before the Migrator.
    await sql`drop table migrations`.execute(db);
    await db.schema.createTable('migrations').addColumn('name', 'text', (c) => c.primaryKey()).addColumn('appliedAt', 'text', (c) => c.notNull()).execute();
    for (const row of before) await db.insertInto('migrations').values({ name: row.name, appliedAt: row.timestamp }).execute();

    await t.fayuan.migrate(); // core/001 would fail on its existing tables if it ran again
    expect(await steps()).toEqual(before);
    expect(await count('case_file_templates')).toBe(templates);
  });

  it('migrates while other schemas of the same database come and go, and introspects only its own tables', async () => {
    const { db, dialect } = t.database;
    let churning = dialect === 'postgres';
    // Another tenant (or test file) creating and dropping schemas the whole time.
    const churn = (async () => {
      for (let i = 0; churning; i++) {
        const name = `churn_${process.pid}_${i}`;
        await sql`create schema ${sql.id(name)}`.execute(db);
        await sql`create table ${sql.id(name, 'x')} (id integer)`.execute(db);
        await sql`drop schema ${sql.id(name)} cascade`.execute(db);
      }
    })();
    try {
      for (let i = 0; i < 15; i++) await t.fayuan.migrate();
    } finally {
      churning = false;
      await churn;
    }
    const tables = (await db.introspection.getTables()).map((table) => table.name);
    expect(tables).toContain('cases');
    expect(tables.every((name) => name !== 'x')).toBe(true);
    expect(new Set((await db.introspection.getTables()).map((table) => table.schema ?? null)).size).toBe(1);
  });
});


describe('indexes as declared', () => {
  const columnsOf = async (index: string) => {
    const { db, dialect } = t.database;
    const { rows } = dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_index_info(${index}) order by seqno`.execute(db)
      : await sql<{ name: string }>`select a.attname::text as name from pg_index i join pg_class c on c.oid = i.indexrelid
          join pg_namespace n on n.oid = c.relnamespace cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
          where n.nspname = current_schema() and c.relname = ${index} order by k.ord`.execute(db);
    return rows.map((r) => r.name);
  };

  it('makes an index again when its columns differ from the declaration', async () => {
    const { db } = t.database;
    const declared = await columnsOf('cases_caseType_status_applicationDate_idx');
    expect(declared).toEqual(['caseType', 'status', 'applicationDate']);
    // As an older declaration left it.
    await db.schema.dropIndex('cases_caseType_status_applicationDate_idx').execute();
    await db.schema.createIndex('cases_caseType_status_applicationDate_idx').on('cases').columns(['caseType']).execute();
    await t.fayuan.migrate();
    expect(await columnsOf('cases_caseType_status_applicationDate_idx')).toEqual(declared);
  });

  // Every SQLite index holds the rowid (the id) already; on PostgreSQL the id makes a row rule's
  // "ids of the lawyer's cases" an index-only scan (measured at 1,000,000 cases; an empty table's plan shows nothing).
  it('keys a reference\'s index by the id too on PostgreSQL', async () => {
    const { dialect } = t.database;
    expect(await columnsOf('cases_lawyerId_idx')).toEqual(dialect === 'postgres' ? ['lawyerId', 'id'] : ['lawyerId']);
  });
});
