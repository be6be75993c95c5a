// `npm run restore -- <dir> [--force]`: brings a backup made by `npm run backup` back into the
// configured database (DATABASE_URL or DATA_DIR, as `npm start`) and $DATA_DIR/files. Stop the
// server first. The target must be empty (no tables, no files) unless --force, which replaces it.
// Every table and file is checked against the manifest; any difference fails the restore.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { readConfig, type Config } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { backupLayout, readManifest, type Manifest } from '../backup/manifest.js';
import { restoreDump } from '../backup/postgres-dump.js';
import { copyStoredFiles, storedKeys } from '../backup/stored-files.js';
import { summarizeTables, tableDifferences, tableNames, type TableSummary } from '../backup/table-summary.js';

const usage = `用法：npm run restore -- <备份目录> [--force]
  把 npm run backup 生成的备份恢复到当前配置的数据库（DATABASE_URL 或 DATA_DIR）和 $DATA_DIR/files。
  请先停止服务。目标须为空（没有数据表、没有文件）；--force 则先删除目标中已有的数据和文件。`;

class Refusal extends Error {}

const sqliteFile = (config: Config) => path.join(config.dataDir, 'fayuan.sqlite');

async function sqliteTables(file: string): Promise<{ names: string[]; summary: () => Promise<Record<string, TableSummary>>; close: () => Promise<void> }> {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true, fileMustExist: true }) }) });
  return { names: await tableNames(db, 'sqlite'), summary: () => summarizeTables(db, 'sqlite'), close: () => db.destroy() };
}

async function sqliteHasTables(config: Config): Promise<boolean> {
  if (!fs.existsSync(sqliteFile(config))) return false;
  const target = await sqliteTables(sqliteFile(config));
  await target.close();
  return target.names.length > 0;
}

async function restoreSqlite(config: Config, dir: string, manifest: Manifest, force: boolean) {
  if (!force && (await sqliteHasTables(config))) throw new Refusal(`${sqliteFile(config)} 已有数据：加 --force 覆盖`);
  fs.mkdirSync(config.dataDir, { recursive: true });
  // Checked before it replaces anything: a damaged backup leaves the target as it was.
  const incoming = `${sqliteFile(config)}.restoring`;
  fs.copyFileSync(backupLayout(dir).sqlite, incoming);
  const copy = await sqliteTables(incoming);
  const differences = tableDifferences(manifest.tables, await copy.summary());
  await copy.close();
  if (differences.length) {
    fs.rmSync(incoming);
    throw new Error(`备份中的数据库与清单不符：${differences.join('；')}`);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${sqliteFile(config)}${suffix}`, { force: true });
  fs.renameSync(incoming, sqliteFile(config));
}

async function restorePostgres(config: Config, dir: string, manifest: Manifest, force: boolean) {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { rows: [{ schema }] } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(database.db);
    if (schema && schema !== manifest.schema) {
      throw new Refusal(`备份的是 schema ${manifest.schema}，目标连接使用 schema ${schema}：请让目标连接使用同名 schema`);
    }
    if (schema) {
      if (!force && (await tableNames(database.db, 'postgres')).length > 0) throw new Refusal(`目标数据库的 schema ${schema} 已有数据表：加 --force 覆盖`);
      // The dump creates its schema itself.
      await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
    }
    await restoreDump(config.databaseUrl!, backupLayout(dir).postgres);
    const differences = tableDifferences(manifest.tables, await summarizeTables(database.db, 'postgres'));
    if (differences.length) throw new Error(`恢复后的数据库与清单不符：${differences.join('；')}`);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help || positionals.length !== 1) {
    console.log(usage);
    return values.help ? 0 : 1;
  }
  const dir = path.resolve(positionals[0]);
  const force = Boolean(values.force);
  const manifest = readManifest(dir);
  const config = readConfig();
  const postgres = Boolean(config.databaseUrl);
  if ((manifest.database === 'postgres') !== postgres) {
    throw new Refusal(`这是 ${manifest.database === 'postgres' ? 'PostgreSQL' : 'SQLite'} 的备份，目标却是 ${postgres ? 'PostgreSQL（DATABASE_URL）' : 'SQLite（DATA_DIR）'}`);
  }
  const filesDir = path.join(config.dataDir, 'files');
  if (!force && storedKeys(filesDir).length > 0) throw new Refusal(`${filesDir} 已有文件：加 --force 覆盖`);
  const seal = path.join(config.dataDir, 'seal');
  const sealInBackup = fs.existsSync(backupLayout(dir).seal);
  if (!force && sealInBackup && fs.existsSync(seal)) throw new Refusal(`${seal} 已存在：加 --force 覆盖`);
  const started = performance.now();

  if (postgres) await restorePostgres(config, dir, manifest, force);
  else await restoreSqlite(config, dir, manifest, force);
  // Each file is checked against its key while copied; a file the manifest lists must be there.
  fs.rmSync(filesDir, { recursive: true, force: true });
  const keys = manifest.files.map((f) => f.key);
  const present = new Set(storedKeys(backupLayout(dir).files));
  const missing = keys.filter((k) => !present.has(k));
  if (missing.length) throw new Error(`备份中缺少 ${missing.length} 个清单所列文件，如 ${missing[0]}`);
  await copyStoredFiles(backupLayout(dir).files, filesDir, keys);
  if (sealInBackup) {
    fs.rmSync(seal, { recursive: true, force: true });
    fs.cpSync(backupLayout(dir).seal, seal, { recursive: true });
  }

  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  console.log(`已从 ${dir} 恢复（备份于 ${manifest.createdAt}）：${Object.keys(manifest.tables).length} 张表共 ${rows} 行，${keys.length} 个文件，均与清单一致，`
    + `用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    const known = error instanceof Refusal || (error as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS');
    console.error(error instanceof Error ? (known ? error.message : `恢复失败：${error.message}`) : String(error));
    if (known) console.error(usage);
    process.exit(1);
  },
);
