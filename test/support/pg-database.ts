// A PostgreSQL database of its own, for a test that runs real server processes or the backup
// CLIs on it (they connect by DATABASE_URL alone, so a schema of their own is not enough).
import pg from 'pg';

async function run(adminUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<pid>_<random>` on the server `adminUrl` names; answers its URL. */
export async function createDatabase(adminUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await run(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  await run(adminUrl, `drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
}
