// Sign-in attempts are counted per (address, account): one person's typos lock out that account
// from that address, not the whole office behind it. A looser per-address limit (better-auth's
// rule in auth.ts) still stops one address from trying many accounts. The counts live in
// better-auth's rateLimit table, so every process on the database shares them.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

export const ACCOUNT_ATTEMPTS = { window: 60, max: 5 };
/** Per address, whatever the account: room for an office of people signing in at once. */
export const ADDRESS_ATTEMPTS = { window: 60, max: 30 };

/** One attempt counted against `key` (shared by every process on the database); false when its window is already full. */
export async function consume(db: Kysely<any>, key: string, { window, max }: { window: number; max: number }, retry = true): Promise<boolean> {
  const now = Date.now();
  const windowStart = now - window * 1000;
  const counted = await db.updateTable('rateLimit').set((eb) => ({ count: eb('count', '+', 1) }))
    .where('key', '=', key).where('lastRequest', '>', windowStart).where('count', '<', max).executeTakeFirst();
  if (Number(counted.numUpdatedRows) === 1) return true;
  const renewed = await db.updateTable('rateLimit').set({ count: 1, lastRequest: now })
    .where('key', '=', key).where('lastRequest', '<=', windowStart).executeTakeFirst();
  if (Number(renewed.numUpdatedRows) === 1) return true;
  const exists = await db.selectFrom('rateLimit').select('id').where('key', '=', key).executeTakeFirst();
  if (exists) return false;
  try {
    await db.insertInto('rateLimit').values({ id: randomUUID(), key, count: 1, lastRequest: now }).execute();
    return true;
  } catch {
    return retry ? consume(db, key, { window, max }, false) : false; // another request created it first
  }
}

export function signInThrottle(db: Kysely<any>, enabled: boolean) {
  return {
    /** Counts this attempt; false when the account has had too many from this address. */
    async allows(ip: string, email: string): Promise<boolean> {
      if (!enabled) return true;
      return consume(db, `sign-in:${ip}:${email.trim().toLowerCase().slice(0, 200)}`, ACCOUNT_ATTEMPTS);
    },
  };
}
