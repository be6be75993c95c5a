// Limits every value from a client meets before it reaches a lookup or the database: own keys
// only (a key named `constructor` or `__proto__` names nothing), integers that fit PostgreSQL's
// 32-bit `integer`, and text without NUL (which PostgreSQL cannot store).

export const DB_INT_MIN = -2_147_483_648;
export const DB_INT_MAX = 2_147_483_647;

/** The value under `key` only when the object itself has it, never one inherited from Object.prototype. */
export function own<T>(map: Record<string, T> | undefined, key: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

export function isDbInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= DB_INT_MIN && value <= DB_INT_MAX;
}

/** A row id: a positive integer the id column can hold. */
export function isDbId(value: unknown): value is number {
  return isDbInteger(value) && value > 0;
}

export function hasNul(text: string): boolean {
  return text.includes('\u0000');
}

/** A client's number, or digits in text, as a number; NaN for anything else (never calls an object's own toString). */
export function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}
