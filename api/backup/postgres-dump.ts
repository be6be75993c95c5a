// pg_dump and pg_restore, run as child processes on the connection string Fayuan uses.
import { spawn } from 'node:child_process';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`无法运行 ${command}（需安装 PostgreSQL 客户端工具）：${error.message}`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} 失败（退出码 ${code}）：${stderr.trim()}`))));
  });
}

/** The schema as the snapshot (from pg_export_snapshot) saw it, in pg_dump's custom format. */
export function dumpSchema(databaseUrl: string, schema: string, snapshot: string, file: string) {
  return run(process.env.PG_DUMP ?? 'pg_dump', ['--format=custom', `--schema=${schema}`, `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${databaseUrl}`]);
}

/** Into the database, all or nothing; the dump's schema must not exist there yet. */
export function restoreDump(databaseUrl: string, file: string) {
  return run(process.env.PG_RESTORE ?? 'pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl}`, file]);
}
