// A challenge the server checks without a third party or any stored state until it is spent: a
// signed proof-of-work. The browser finds a counter whose SHA-256 with the nonce starts with
// `bits` zero bits (about 2^bits hashes, a second or two); the signature proves the nonce and
// its expiry came from us; a spent nonce is recorded so that one solution serves one submission.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';

export const CHALLENGE_BITS = 15;
const LIFETIME_MS = 10 * 60_000;

export interface Challenge {
  token: string;
  nonce: string;
  bits: number;
  expiresAt: string;
}

function sign(secret: string, text: string): string {
  return createHmac('sha256', `challenge:${secret}`).update(text).digest('base64url');
}

export function issueChallenge(secret: string, now = Date.now(), bits = CHALLENGE_BITS): Challenge {
  const nonce = randomBytes(16).toString('base64url');
  const expires = now + LIFETIME_MS;
  const body = `${nonce}.${bits}.${expires}`;
  return { token: `${body}.${sign(secret, body)}`, nonce, bits, expiresAt: new Date(expires).toISOString() };
}

/** Whether SHA-256(`${nonce}:${counter}`) starts with `bits` zero bits. */
export function solves(nonce: string, counter: string, bits: number): boolean {
  const digest = createHash('sha256').update(`${nonce}:${counter}`).digest();
  for (let i = 0; i < bits; i++) if ((digest[i >> 3] >> (7 - (i & 7))) & 1) return false;
  return true;
}

/** Solves a challenge (tests and scripts; the page does the same in the browser). */
export function solve(nonce: string, bits: number): string {
  for (let counter = 0; ; counter++) if (solves(nonce, String(counter), bits)) return String(counter);
}

/**
 * Checks the token's signature and expiry and the solution, then spends the nonce (a second use
 * fails). Answers false for any failure, without saying which.
 */
export async function spendChallenge(db: Kysely<any>, secret: string, token: unknown, solution: unknown, now = Date.now()): Promise<boolean> {
  if (typeof token !== 'string' || typeof solution !== 'string' || token.length > 200 || !/^[0-9]{1,12}$/.test(solution)) return false;
  const parts = token.split('.');
  if (parts.length !== 4) return false;
  const [nonce, bitsText, expiresText, signature] = parts;
  const expected = Buffer.from(sign(secret, `${nonce}.${bitsText}.${expiresText}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const expires = Number(expiresText);
  if (!(expires > now) || !solves(nonce, solution, Number(bitsText))) return false;
  await db.deleteFrom('public_challenges_spent').where('expiresAt', '<', now).execute();
  try {
    await db.insertInto('public_challenges_spent').values({ nonce, expiresAt: expires }).execute();
    return true;
  } catch {
    return false; // spent already
  }
}
