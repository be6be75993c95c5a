// Tracking codes and the applicant's phone, as the status page checks them: the database keeps
// only keyed hashes, and the phone is compared in constant time.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: a code read out over the phone is not misheard. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** XXXX-XXXX-XXXX: 12 characters of 31, about 59 bits. */
export function newTrackingCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

/** The code as typed, in its canonical form (case and dashes do not matter), or null if it cannot be one. */
export function canonicalCode(text: string): string | null {
  const plain = text.toUpperCase().replace(/[\s-]/g, '');
  return /^[2-9A-HJKMNP-Z]{12}$/.test(plain) ? plain : null;
}

/** Digits only: "138 1234-5678" is the same phone as "13812345678". */
export function canonicalPhone(text: string): string {
  return text.replace(/[^0-9]/g, '').slice(-20);
}

export function keyedHash(secret: string, purpose: 'tracking' | 'phone', value: string): string {
  return createHmac('sha256', `${purpose}:${secret}`).update(value).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
