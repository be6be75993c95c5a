// The tables behind the public application form: tracking codes (keyed hashes only), the files
// uploaded with an application (kept in the database, so a case and its files are written in one
// transaction or not at all), and the spent challenges.
import type { Migration } from '../db/migrate.js';

export const onlineApplicationsMigration: Migration = {
  name: 'core/004-online-applications',
  async up(db, dialect) {
    const id = dialect === 'postgres' ? 'serial' : 'integer';
    await db.schema.createTable('online_applications')
      .addColumn('id', id, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('trackingHash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('phoneHash', 'varchar(64)', (c) => c.notNull())
      .addColumn('caseId', 'integer', (c) => c.notNull())
      .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('online_applications_case').on('online_applications').column('caseId').execute();
    await db.schema.createTable('online_application_files')
      .addColumn('id', id, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('caseId', 'integer', (c) => c.notNull())
      .addColumn('purpose', 'varchar(30)', (c) => c.notNull())
      .addColumn('kind', 'varchar(10)', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('online_application_files_case').on('online_application_files').column('caseId').execute();
    await db.schema.createTable('public_challenges_spent')
      .addColumn('nonce', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('expiresAt', 'bigint', (c) => c.notNull())
      .execute();
  },
};
