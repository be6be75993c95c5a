// better-sqlite3 statements reused by their SQL text: kysely's SQLite driver prepares every query
// afresh, which costs as much as running a small one. SQLite re-prepares a cached statement
// itself after a schema change; a statement still being iterated (a streamed query) is never
// handed out twice.
import type SQLite from 'better-sqlite3';

const SIZE = 1000;

export function withStatementCache(file: SQLite.Database): SQLite.Database {
  const prepare = file.prepare.bind(file);
  const cache = new Map<string, SQLite.Statement>();
  file.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) return cached;
    const statement = prepare(source);
    if (cache.size >= SIZE) cache.delete(cache.keys().next().value!);
    cache.set(source, statement);
    return statement;
  }) as typeof file.prepare;
  return file;
}
