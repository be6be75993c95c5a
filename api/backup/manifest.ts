// A backup directory: the database copy, the files, and manifest.json describing both. The
// manifest is written last, so a directory without one is an unfinished backup.
import fs from 'node:fs';
import path from 'node:path';
import type { DialectName } from '../db/connect.js';
import type { StoredFile } from './stored-files.js';
import type { TableSummary } from './table-summary.js';

export interface Manifest {
  format: 1;
  createdAt: string;
  database: DialectName;
  /** PostgreSQL: the schema dumped (a restore recreates it under the same name). */
  schema?: string;
  tables: Record<string, TableSummary>;
  /** Content-addressed: each key is its file's SHA-256. */
  files: StoredFile[];
  /** The files kept in the database's file_blobs table (their bytes are in the database copy). */
  databaseFiles?: StoredFile[];
}

export const backupLayout = (dir: string) => ({
  manifest: path.join(dir, 'manifest.json'),
  sqlite: path.join(dir, 'fayuan.sqlite'),
  postgres: path.join(dir, 'database.dump'),
  files: path.join(dir, 'files'),
  seal: path.join(dir, 'seal'),
});

export function writeManifest(dir: string, manifest: Manifest) {
  const file = backupLayout(dir).manifest;
  fs.writeFileSync(`${file}.part`, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(`${file}.part`, file);
}

export function readManifest(dir: string): Manifest {
  const file = backupLayout(dir).manifest;
  if (!fs.existsSync(file)) throw new Error(`${dir} 中没有 manifest.json：不是备份目录，或备份未完成`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== 1 || !['sqlite', 'postgres'].includes(manifest.database)) throw new Error(`${file} 不是可识别的备份清单`);
  return manifest;
}
