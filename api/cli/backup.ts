// `npm run backup -- <dir>`: a consistent copy of the configured database (DATABASE_URL or
// DATA_DIR, as `npm start`) and of its files, taken while the server runs.
//
// SQLite: the online backup API copies the database page by page into <dir>/fayuan.sqlite.
// PostgreSQL: pg_dump of the connection's schema into <dir>/database.dump, from an exported
// snapshot that the manifest's row counts are read in too. Files stored in the database go with it.
// Then the files under $DATA_DIR/files, each checked against its SHA-256, the development seal
// certificate under $DATA_DIR/seal if there is one, and manifest.json last.
// Files are stored before the rows that name them, so every file the copied rows refer to exists.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { readConfig, type Config } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { backupLayout, writeManifest, type Manifest } from '../backup/manifest.js';
import { dumpSchema } from '../backup/postgres-dump.js';
import { copyStoredFiles, databaseFiles, storedKeys } from '../backup/stored-files.js';
import { summarizeTables, type TableSummary } from '../backup/table-summary.js';

const usage = `用法：npm run backup -- <备份目录>
  备份当前配置的数据库（DATABASE_URL 或 DATA_DIR，与 npm start 相同）和 $DATA_DIR/files 下的文件。
  服务运行中也可备份。备份目录须不存在或为空。`;

class Refusal extends Error {}

async function backupSqlite(config: Config, dir: string): Promise<Pick<Manifest, 'tables' | 'schema' | 'databaseFiles'>> {
  const source = path.join(config.dataDir, 'fayuan.sqlite');
  if (!fs.existsSync(source)) throw new Refusal(`${source} 不存在：DATA_DIR 下没有数据库`);
  const live = new SQLite(source, { fileMustExist: true });
  live.pragma('busy_timeout = 5000');
  try {
    await live.backup(backupLayout(dir).sqlite);
  } finally {
    live.close();
  }
  // One self-contained file (no -wal beside it); the server turns WAL back on when it opens the restored copy.
  const file = new SQLite(backupLayout(dir).sqlite);
  file.pragma('journal_mode = DELETE');
  const copy = new Kysely<any>({ dialect: new SqliteDialect({ database: file }) });
  try {
    const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(copy);
    if (rows[0]?.integrity_check !== 'ok') throw new Error(`备份副本未通过完整性检查：${rows.map((r) => r.integrity_check).join('; ')}`);
    return { tables: await summarizeTables(copy, 'sqlite'), databaseFiles: await databaseFiles(copy) };
  } finally {
    await copy.destroy();
  }
}

async function backupPostgres(config: Config, dir: string): Promise<Pick<Manifest, 'tables' | 'schema' | 'databaseFiles'>> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await database.db.connection().execute(async (conn) => {
      // One snapshot for the counts and for pg_dump: both see the same committed rows.
      await sql`begin isolation level repeatable read read only`.execute(conn);
      try {
        const { rows: [{ snapshot, schema }] } = await sql<{ snapshot: string; schema: string | null }>`
          select pg_export_snapshot() as snapshot, current_schema() as schema`.execute(conn);
        if (!schema) throw new Refusal('连接的 search_path 中没有任何已存在的 schema：没有可备份的数据');
        const tables: Record<string, TableSummary> = await summarizeTables(conn, 'postgres');
        const stored = await databaseFiles(conn);
        await dumpSchema(config.databaseUrl!, schema, snapshot, backupLayout(dir).postgres);
        return { tables, schema, databaseFiles: stored };
      } finally {
        await sql`commit`.execute(conn);
      }
    });
  } finally {
    await database.close();
  }
}

/** The development signing certificate generated under $DATA_DIR/seal (a production one is the operator's FAYUAN_SEAL_P12). */
function copySeal(config: Config, dir: string) {
  const seal = path.join(config.dataDir, 'seal');
  if (fs.existsSync(seal)) fs.cpSync(seal, backupLayout(dir).seal, { recursive: true });
}

async function main(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0].startsWith('-')) {
    console.log(usage);
    return argv[0] === '--help' || argv[0] === '-h' ? 0 : 1;
  }
  const dir = path.resolve(argv[0]);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Refusal(`备份目录 ${dir} 不是空的：请换一个新目录`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 }); // personal data: the operator's eyes only
  const config = readConfig();
  const started = performance.now();
  const createdAt = new Date().toISOString();
  const postgres = Boolean(config.databaseUrl);
  const database = postgres ? await backupPostgres(config, dir) : await backupSqlite(config, dir);
  const filesDir = path.join(config.dataDir, 'files');
  const files = await copyStoredFiles(filesDir, backupLayout(dir).files, storedKeys(filesDir));
  copySeal(config, dir);
  writeManifest(dir, { format: 1, createdAt, database: postgres ? 'postgres' : 'sqlite', ...database, files });

  const rows = Object.values(database.tables).reduce((n, t) => n + t.rows, 0);
  const everyFile = [...files, ...(database.databaseFiles ?? [])];
  const bytes = everyFile.reduce((n, f) => n + f.size, 0);
  console.log(`已备份到 ${dir}：${postgres ? `PostgreSQL（schema ${database.schema}）` : 'SQLite'}，${Object.keys(database.tables).length} 张表共 ${rows} 行，`
    + `${everyFile.length} 个文件（${(bytes / 1024 / 1024).toFixed(1)} MB），用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? (error instanceof Refusal ? error.message : `备份失败：${error.message}`) : String(error));
    process.exit(1);
  },
);
