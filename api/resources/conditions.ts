// When a field applies: a small condition on the record's other fields, plain JSON so that
// /api/meta carries it and the console evaluates exactly what the server's validator does.
// No imports: the console bundles this file as it is.

/**
 * `{ caseType: 'criminal' }`       the field equals the value
 * `{ status: ['closed', …] }`      the field is one of the values
 * `{ householdMonthlyIncome: null }` the field is empty
 * `{ exemptionReason: { not: null } }` negation of any of the above
 * `{ any: [c1, c2] }`, `{ all: [c1, c2] }` either / both; several keys in one object mean all of them.
 */
export type Condition =
  | { any: Condition[] }
  | { all: Condition[] }
  | { [field: string]: Matcher };

export type Scalar = string | number | boolean | null;
export type Matcher = Scalar | Scalar[] | { not: Scalar | Scalar[] };

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function matches(value: unknown, expected: Scalar | Scalar[]): boolean {
  if (Array.isArray(expected)) return expected.some((e) => matches(value, e));
  if (expected === null) return isEmpty(value);
  if (Array.isArray(value)) return value.includes(expected); // a tag list "is" each of its tags
  return value === expected;
}

export function holds(condition: Condition | undefined, record: Record<string, unknown>): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([key, matcher]) => {
    if (key === 'any' && Array.isArray(matcher)) return (matcher as Condition[]).some((c) => holds(c, record));
    if (key === 'all' && Array.isArray(matcher)) return (matcher as Condition[]).every((c) => holds(c, record));
    if (matcher !== null && typeof matcher === 'object' && !Array.isArray(matcher)) return !matches(record[key], (matcher as { not: Scalar | Scalar[] }).not);
    return matches(record[key], matcher as Scalar | Scalar[]);
  });
}

/** The fields a condition reads, for checking declarations. */
export function fieldsRead(condition: Condition): string[] {
  return Object.entries(condition).flatMap(([key, matcher]) =>
    (key === 'any' || key === 'all') && Array.isArray(matcher) ? (matcher as Condition[]).flatMap(fieldsRead) : [key]);
}

/** A record's stages in order: a field with `stage: s` applies once `field` is s or a later one in `order`. */
export interface Stages {
  field: string;
  order: string[];
}

/** The one condition under which a field applies: its own, and its stage reached. */
export function applicability(field: { visibleWhen?: Condition; stage?: string }, stages: Stages | undefined): Condition | undefined {
  const parts: Condition[] = [];
  if (field.visibleWhen) parts.push(field.visibleWhen);
  if (field.stage && stages) parts.push({ [stages.field]: stages.order.slice(stages.order.indexOf(field.stage)) });
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { all: parts };
}
