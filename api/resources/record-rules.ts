// Cross-field rules a declaration lists under `rules` (define.ts RecordRule).
import type { Field, Label, RecordRule } from './define.js';

const BEIJING_MS = 8 * 3_600_000;

/** The calendar day of a date or a moment, as the centre (Beijing time) reads it. */
function dayOf(field: Field, value: unknown): string {
  if (field.type !== 'datetime') return String(value).slice(0, 10);
  return new Date(new Date(String(value)).getTime() + BEIJING_MS).toISOString().slice(0, 10);
}

function moment(value: unknown): number {
  return new Date(String(value)).getTime();
}

/**
 * Dates and time stamps that follow one another (applied ≤ accepted ≤ assigned ≤ closed ≤ archived):
 * each one present may not precede the last present one before it. A date and a moment are
 * compared by day; two moments to the millisecond.
 */
export function inOrder(...names: string[]): RecordRule {
  return (record, { fields }) => {
    const errors: Record<string, Label> = {};
    let earlier: string | undefined;
    for (const name of names) {
      const value = record[name];
      if (value === null || value === undefined || value === '') continue;
      if (earlier !== undefined) {
        const [a, b] = [fields[earlier], fields[name]];
        const before = a.type === 'datetime' && b.type === 'datetime'
          ? moment(value) < moment(record[earlier])
          : dayOf(b, value) < dayOf(a, record[earlier]);
        // Said on the field a form can change: the later one, or the earlier when the system keeps the later.
        if (before && b.readOnly && !a.readOnly) errors[earlier] = { zh: `不能晚于「${b.label.zh}」`, en: `Cannot be after "${b.label.en}"` };
        else if (before) errors[name] = { zh: `不能早于「${a.label.zh}」`, en: `Cannot be before "${a.label.en}"` };
      }
      earlier = name;
    }
    return errors;
  };
}
