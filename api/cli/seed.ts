// `npm run seed -- --cases 100000 [--reset]`: loads a generated demo centre of any size into
// the configured database (DATABASE_URL or DATA_DIR, as `npm start`), for demonstrations and
// load tests.
//
//   npm run seed -- [--cases N] [--seed N] [--today YYYY-MM-DD] [--reset]
//
// --reset first deletes the rows of the registers the demo fills (law firms, service points,
// lawyers, volunteer teams, cases, complaints) and of any table that refers to them, children
// first, and restarts the case numbers. Accounts, settings, templates and the audit log stay.
// The demo accounts are created when absent (password DEMO_PASSWORD or the default); the demo
// lawyer account is linked to the new first lawyer.
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { Fayuan } from '../http/app.js';
import { boot } from '../boot.js';
import { writeAudit, type Actor } from '../rest/audit.js';
import type { Database } from '../db/connect.js';
import { tableName } from '../resources/define.js';
import { clearIndex } from '../db/search-index.js';
import { clearTallies } from '../db/tallies.js';
import { generateDemoCentre } from '../seed/demo-centre.js';
import { withFrontDoor } from '../seed/demo-front-door.js';
import { loadDemoInBulk } from '../seed/load-demo.js';

/** The registers the demo centre fills, children first (the order to delete them in). */
const DEMO_REGISTERS = ['complaints', 'cases', 'volunteer-teams', 'lawyers', 'service-points', 'law-firms'];
const cliActor: Actor = { id: 'cli', email: 'cli', role: 'admin', lawyerId: null };

const usage = `用法：npm run seed -- [--cases 案件数] [--seed 随机种子] [--today YYYY-MM-DD] [--reset]
  --cases   生成的案件数（默认 600）
  --seed    随机种子（默认 2026；同一种子生成同样的数据）
  --today   演示数据的“今天”（默认今天）
  --reset   先删除演示登记簿（律所、服务点、律师、志愿者队伍、案件、投诉）及引用它们的数据，案号重新编号；
            账号、设置、模板和操作日志保留`;

class Refusal extends Error {}

interface Options {
  cases: number;
  seed: number;
  today: string;
  reset: boolean;
}

function readOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  const cases = Number(values.cases ?? 600);
  if (!Number.isSafeInteger(cases) || cases < 0 || cases > 10_000_000) throw new Refusal(`--cases 应为 0 到 10000000 之间的整数：${values.cases}`);
  const seed = Number(values.seed ?? 2026);
  if (!Number.isSafeInteger(seed)) throw new Refusal(`--seed 应为整数：${values.seed}`);
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || new Date(`${today}T00:00:00Z`).toISOString().slice(0, 10) !== today) {
    throw new Refusal(`--today 应为日期 YYYY-MM-DD：${today}`);
  }
  return { cases, seed, today, reset: Boolean(values.reset) };
}

// ---------------------------------------------------------------------------------------------
// Progress: one line per register on stderr, redrawn in place on a terminal.

function progressPrinter() {
  const tty = process.stderr.isTTY;
  let current = '';
  let lastShown = -1;
  const started = new Map<string, number>();
  const line = (name: string, done: number, total: number) => {
    const width = 30;
    const share = total ? done / total : 1;
    const filled = Math.round(share * width);
    const seconds = ((performance.now() - started.get(name)!) / 1000).toFixed(1);
    return `${name.padEnd(16)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(done).padStart(9)}/${total} ${String(Math.round(share * 100)).padStart(3)}% ${seconds}s`;
  };
  return {
    update(name: string, done: number, total: number) {
      if (name !== current) {
        if (current && tty) process.stderr.write('\n');
        current = name;
        lastShown = -1;
        started.set(name, performance.now());
      }
      const finished = done >= total;
      if (tty) {
        process.stderr.write(`\r${line(name, done, total)}`);
      } else {
        // Without a terminal: a line at each quarter, so logs stay short.
        const quarter = Math.floor((done / Math.max(total, 1)) * 4);
        if (quarter > lastShown || finished) {
          lastShown = quarter;
          if (finished || quarter < 4) process.stderr.write(`${line(name, done, total)}\n`);
        }
      }
    },
    end() {
      if (current && tty) process.stderr.write('\n');
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reset

/** Tables with a foreign key to `table`, from the database's own catalogue. */
async function referencingTables(db: Kysely<any>, dialect: Database['dialect'], table: string): Promise<string[]> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ name: string }>`
      select distinct c.relname as name
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class r on r.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and r.relname = ${table} and n.nspname = current_schema()`.execute(db);
    return rows.map((r) => r.name);
  }
  const { rows: tables } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  const out: string[] = [];
  for (const { name } of tables) {
    const { rows } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db);
    if (rows.some((r) => r.table === table)) out.push(name);
  }
  return out;
}

/** Deletes the demo registers' rows and everything that refers to them; answers rows deleted per table. */
async function reset(fayuan: Fayuan, database: Database): Promise<Record<string, number>> {
  const { db, dialect } = database;
  const known = new Set(fayuan.resources.map((r) => r.name));
  const roots = DEMO_REGISTERS.filter((name) => known.has(name)).map((name) => tableName({ name }));
  // Every table to empty, each after all the tables that refer to it.
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = async (table: string) => {
    if (order.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const child of await referencingTables(db, dialect, table)) if (child !== table) await visit(child);
    visiting.delete(table);
    order.push(table);
  };
  for (const table of roots) await visit(table);
  const deleted: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    for (const table of order) {
      const result = await trx.deleteFrom(table).executeTakeFirst();
      deleted[table] = Number(result.numDeletedRows);
    }
    await trx.deleteFrom('counters').where('name', 'like', 'case-number-%').execute();
    for (const resource of fayuan.resources) {
      if (!order.includes(tableName(resource))) continue;
      await clearIndex(trx, dialect, resource.name);
      await clearTallies(trx, resource.name);
    }
  });
  return deleted;
}

async function demoRows(database: Database): Promise<number> {
  let total = 0;
  for (const name of DEMO_REGISTERS) {
    const { n } = await database.db.selectFrom(tableName({ name })).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    total += Number(n);
  }
  return total;
}

// ---------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  if (!options) {
    console.log(usage);
    return 0;
  }
  const started = performance.now();
  const { config, database, fayuan } = await boot();
  try {
    const where = database.dialect === 'postgres' ? 'PostgreSQL' : `SQLite（${config.dataDir}）`;
    console.log(`数据库：${where}`);

    if (options.reset) {
      const deleted = await reset(fayuan, database);
      const summary = Object.entries(deleted).map(([table, n]) => `${table} ${n}`).join('，');
      console.log(`已清空：${summary}`);
    } else if ((await demoRows(database)) > 0) {
      throw new Refusal('数据库中已有登记簿数据。加 --reset 先清空演示登记簿，再装入新的演示数据。');
    }

    const generating = performance.now();
    const data = withFrontDoor(generateDemoCentre({ cases: options.cases, seed: options.seed, today: options.today }), { today: options.today, seed: options.seed });
    const generated = performance.now() - generating;

    const progress = progressPrinter();
    const { accounts, times } = await loadDemoInBulk(fayuan, database, data, config.demoPassword, progress.update);
    progress.end();
    const counts = Object.fromEntries(Object.entries(data).map(([name, rows]) => [name, rows.length]));
    await writeAudit(database.db, { actor: cliActor, action: options.reset ? 'seed-reset' : 'seed', changes: { ...options, counts } });

    console.log('已装入：');
    for (const [name, n] of Object.entries(counts)) console.log(`  ${name.padEnd(16)} ${String(n).padStart(9)}`);
    if (accounts.length) console.log(`新建演示账号：${accounts.join('、')}`);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;
    const plugins = Object.entries(times.plugins).map(([name, ms]) => `${name} ${seconds(ms)}`);
    console.log(`生成 ${seconds(generated)}，写入 ${seconds(times.load)}${plugins.length ? `，插件演示数据（${plugins.join('，')}）` : ''}，建索引 ${seconds(times.indexes)}${times.statistics ? `，更新查询统计 ${seconds(times.statistics)}` : ''}，共 ${seconds(performance.now() - started)}`);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof Refusal || (error as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      console.error(error instanceof Error ? error.message : String(error));
      console.error(usage);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
