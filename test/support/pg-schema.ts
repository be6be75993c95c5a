// A PostgreSQL schema of its own for a test file or a benchmark run, so runs never share tables.
import pg from 'pg';

async function run(databaseUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<pid>_<random>` and answers its name. */
export async function createSchema(databaseUrl: string, prefix: string): Promise<string> {
  const schema = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await run(databaseUrl, `create schema ${schema}`);
  return schema;
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  await run(databaseUrl, `drop schema if exists ${schema} cascade`);
}
