// Named gapless counters (case numbers per year, document numbers): one row each in `counters`.
import { sql, type Kysely } from 'kysely';

export interface Counters {
  /** The counter's next value; within the caller's transaction, so a rolled-back write leaves no gap. */
  next(name: string): Promise<number>;
}

/**
 * One atomic upsert per value: concurrent writers in several processes on one PostgreSQL never
 * share a value, and each holds the row only until its transaction ends.
 */
export function liveCounters(trx: Kysely<any>): Counters {
  return {
    async next(name) {
      const { rows } = await sql<{ value: number }>`
        insert into counters (name, value) values (${name}, 1)
        on conflict (name) do update set value = counters.value + 1
        returning value`.execute(trx);
      return Number(rows[0].value);
    },
  };
}

/**
 * For a bulk load in one transaction: each counter's row is read (and, on PostgreSQL, locked
 * until the load commits) once, values are handed out in memory, and `flush` stores the last
 * ones. Writers outside the load wait for it and go on from where it ended, so numbers stay
 * gapless and unique at one round trip per counter instead of one per value.
 */
export function bulkCounters(trx: Kysely<any>): Counters & { flush(): Promise<void> } {
  const values = new Map<string, number>();
  return {
    async next(name) {
      let value = values.get(name);
      if (value === undefined) {
        const { rows } = await sql<{ value: number }>`
          insert into counters (name, value) values (${name}, 0)
          on conflict (name) do update set value = counters.value
          returning value`.execute(trx);
        value = Number(rows[0].value);
      }
      values.set(name, value + 1);
      return value + 1;
    },
    async flush() {
      for (const [name, value] of values) await sql`update counters set value = ${value} where name = ${name}`.execute(trx);
    },
  };
}
