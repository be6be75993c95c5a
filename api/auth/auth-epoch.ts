// The auth epoch: one counter (table auth_epoch, one row) that every change to who may do what
// moves on — a ban or unban, a role or lawyer link, a password, a revoked or ended session. The
// session cache (session.ts) keeps an entry only while the epoch it was read under is current, so
// such a change applies on the next request in every process that shares the database.
//
// The rule that makes "next request" hold: the epoch is bumped only after the change has
// committed, and the bump has finished (in every process's view, below) before the changing
// request is answered. A session read under an older epoch may hold old data; one read under
// the new epoch was read after the change.
//
// SQLite: the epoch is read with a primary-key lookup on each request (microseconds; the file
// is local, and several processes may share it).
//
// PostgreSQL: each process keeps the epoch in memory, told of bumps by LISTEN/NOTIFY on a
// connection of its own. A notification can still be on the wire when the changer answers, so
// memory alone would let the next request elsewhere see the old epoch. Hence leases, as in
// Chubby's cache invalidation: each process holds a row in auth_epoch_readers (the epoch it has
// seen, and a lease it renews every second). A bump waits until every reader whose lease has not
// expired says it has seen the new epoch (it writes `seen` after raising its memory); a reader
// trusts its memory only while its lease holds on its own clock, counted from before the renewal
// was sent and less a margin, so it stops trusting before the database considers the lease over.
// Outside its lease (starting, listener lost, renewals failing) it reads the epoch by primary key
// on every request, which is always current. A killed process delays bumps by at most one lease.
import crypto from 'node:crypto';
import type pg from 'pg';
import { sql } from 'kysely';
import type { Database } from '../db/connect.js';
import type { Migration } from '../db/migrate.js';

const LEASE_MS = 4000;
const RENEW_EVERY_MS = 1000;
const MARGIN_MS = 500;
const RECONNECT_MS = 1000;

export interface AuthEpoch {
  /** The epoch now, as the next request must see it. */
  current(): Promise<number>;
  /** Moves the epoch on; call after the change has committed, and await before answering. */
  bump(): Promise<void>;
}

export const authEpochMigration: Migration = {
  name: 'core/005-auth-epoch',
  async up(db, dialect) {
    await db.schema.createTable('auth_epoch')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('value', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('auth_epoch').values({ id: 1, value: 0 }).execute();
    if (dialect !== 'postgres') return;
    await db.schema.createTable('auth_epoch_readers')
      .addColumn('process', 'text', (c) => c.primaryKey())
      .addColumn('seen', 'bigint', (c) => c.notNull())
      .addColumn('leaseUntil', 'timestamptz', (c) => c.notNull())
      // The listening connection's server process (pg_stat_activity.pid), for an operator.
      .addColumn('backend', 'integer')
      .execute();
  },
};

export function createAuthEpoch(database: Database): AuthEpoch {
  return database.dialect === 'postgres' && database.dedicatedClient ? new ListenedEpoch(database) : new ReadEpoch(database);
}

async function readEpoch(database: Database): Promise<number> {
  const row = await database.db.selectFrom('auth_epoch').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.value);
}

class ReadEpoch implements AuthEpoch {
  constructor(private readonly database: Database) {}

  current() {
    return readEpoch(this.database);
  }

  async bump() {
    await this.database.db.updateTable('auth_epoch').set((eb) => ({ value: eb('value', '+', 1) })).where('id', '=', 1).execute();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class ListenedEpoch implements AuthEpoch {
  private readonly process = crypto.randomUUID();
  private epoch = 0;
  /** performance.now() until which `epoch` may be trusted without reading. */
  private trustedUntil = 0;
  private client: pg.Client | null = null;
  private started = false;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private channel = '';

  constructor(private readonly database: Database) {
    database.onClose(() => this.close());
  }

  async current() {
    // Started by the first reader: a CLI that only changes accounts never listens.
    if (!this.started) {
      this.started = true;
      void this.connect();
    }
    if (performance.now() < this.trustedUntil) return this.epoch;
    const value = await readEpoch(this.database);
    this.raise(value);
    return value;
  }

  async bump() {
    const channel = await this.channelName();
    const value = await this.database.db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('auth_epoch').set((eb) => ({ value: eb('value', '+', 1) })).where('id', '=', 1)
        .returning('value').executeTakeFirstOrThrow();
      await sql`select pg_notify(${channel}, ${String(row.value)})`.execute(trx);
      return Number(row.value);
    });
    this.raise(value);
    if (this.client) await this.acknowledge(this.client).catch(() => {});
    const deadline = Date.now() + LEASE_MS + 2 * RENEW_EVERY_MS;
    for (;;) {
      const { waiting } = await this.database.db.selectFrom('auth_epoch_readers')
        .select((eb) => eb.fn.countAll<number>().as('waiting'))
        .where('process', '<>', this.process).where('seen', '<', value).where('leaseUntil', '>', sql<Date>`now()`)
        .executeTakeFirstOrThrow();
      if (Number(waiting) === 0) return;
      if (Date.now() > deadline) {
        console.error(`auth epoch ${value}: ${waiting} process(es) hold a lease but did not acknowledge`);
        return;
      }
      await sleep(3);
    }
  }

  private pending: Promise<unknown> = Promise.resolve();
  /** One statement at a time on the listening connection (the lease timer, notifications and bumps all use it; pg 9 refuses overlapping queries). */
  private query(client: pg.Client, text: string, values?: unknown[]) {
    const next = this.pending.then(() => client.query(text, values));
    this.pending = next.catch(() => {});
    return next;
  }

  private raise(value: number) {
    if (value > this.epoch) this.epoch = value;
  }

  private async channelName() {
    if (!this.channel) {
      // Channels are per database, schemas are not: one channel per schema.
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(this.database.db);
      this.channel = `fayuan_auth_epoch:${rows[0].schema}`;
    }
    return this.channel;
  }

  private async connect() {
    if (this.closed) return;
    const client = this.database.dedicatedClient!();
    this.client = client;
    const lost = (error?: unknown) => {
      if (this.client !== client) return;
      if (error && !this.closed) console.error('auth epoch listener:', error instanceof Error ? error.message : error);
      this.trustedUntil = 0;
      this.client = null;
      if (this.timer) clearTimeout(this.timer);
      client.end().catch(() => {});
      if (!this.closed) this.timer = setTimeout(() => void this.connect(), RECONNECT_MS).unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      const value = Number(message.payload);
      if (message.channel !== this.channel || !Number.isFinite(value) || value <= this.epoch) return;
      this.raise(value);
      this.acknowledge(client).catch(lost);
    });
    try {
      await client.connect();
      const channel = await this.channelName();
      await this.query(client, `listen "${channel.replace(/"/g, '""')}"`);
      // Registered before the epoch is read: a bump after this point waits for us (seen = -1).
      await this.query(client, `delete from auth_epoch_readers where "leaseUntil" < now() - interval '1 minute'`);
      await this.query(
        client,
        `insert into auth_epoch_readers (process, seen, "leaseUntil", backend) values ($1, -1, now() + $2 * interval '1 millisecond', pg_backend_pid())
         on conflict (process) do update set seen = -1, "leaseUntil" = excluded."leaseUntil", backend = excluded.backend`,
        [this.process, LEASE_MS],
      );
      await this.renew(client, lost);
    } catch (error) {
      lost(error);
    }
  }

  /** Extends the lease, then reads the epoch (a separate statement: it sees every bump committed before the lease was). */
  private async renew(client: pg.Client, lost: (error: unknown) => void) {
    const sentAt = performance.now();
    const renewed = await this.query(client, `update auth_epoch_readers set "leaseUntil" = now() + $2 * interval '1 millisecond' where process = $1`, [this.process, LEASE_MS]);
    if (renewed.rowCount === 0) throw new Error('lease row removed');
    const { rows } = await this.query(client, 'select value from auth_epoch where id = 1');
    if (this.client !== client) return;
    this.raise(Number(rows[0].value));
    this.trustedUntil = sentAt + LEASE_MS - MARGIN_MS;
    await this.acknowledge(client);
    this.timer = setTimeout(() => {
      this.renew(client, lost).catch(lost);
    }, RENEW_EVERY_MS).unref();
  }

  /** Says which epoch this process's memory holds (written only after the memory holds it). */
  private async acknowledge(client: pg.Client) {
    await this.query(client, 'update auth_epoch_readers set seen = greatest(seen, $2) where process = $1', [this.process, this.epoch]);
  }

  private async close() {
    this.closed = true;
    this.trustedUntil = 0;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    if (!client) return;
    await this.query(client, 'delete from auth_epoch_readers where process = $1', [this.process]).catch(() => {});
    await client.end().catch(() => {});
  }
}
