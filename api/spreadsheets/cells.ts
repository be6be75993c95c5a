// Between a register's values and a spreadsheet's cells: Chinese headers, option labels, 是/否,
// references by their record's title. Export and import read the same declaration.
import type { Field, Label, ResourceDefinition } from '../resources/define.js';

/** The columns of a register's sheet: every field a client may write or read, in declared order. */
export function sheetFields(resource: ResourceDefinition, purpose: 'export' | 'import'): [string, Field][] {
  return Object.entries(resource.fields).filter(([, field]) => field.type !== 'list' && (purpose === 'export' || !field.readOnly));
}

export function headerOf(field: Field): string {
  return field.label.zh;
}

/** A cell that a spreadsheet would run as a formula (= + - @, tab, CR) is kept as text with a leading apostrophe. */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Shown values of one field: labels for options and booleans, titles for references. */
export function cellOf(field: Field, value: unknown, titles: Map<number, string> | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'enum': return field.options[String(value)]?.zh ?? String(value);
    case 'tags': return (value as string[]).map((v) => field.options[v]?.zh ?? v).join('、');
    case 'boolean': return value ? '是' : '否';
    case 'reference': return titles?.get(Number(value)) ?? String(value);
    case 'referenceList': return (value as number[]).map((id) => titles?.get(Number(id)) ?? String(id)).join('、');
    case 'integer': case 'money': return Number(value);
    default: return String(value);
  }
}

/** Text fields whose values are digits that a spreadsheet must not turn into numbers (ID numbers, phones, licences). */
export function isTextField(field: Field): boolean {
  return field.type === 'text' || field.type === 'longText';
}

const yes = new Set(['是', 'true', '1', 'yes', 'y', '√', '✓']);
const no = new Set(['否', 'false', '0', 'no', 'n', '×', '']);

function optionKey(options: Record<string, Label>, text: string): string | undefined {
  const wanted = text.trim();
  for (const [key, label] of Object.entries(options)) {
    if (key === wanted || label.zh === wanted || label.en.toLowerCase() === wanted.toLowerCase()) return key;
  }
  return undefined;
}

export type CellProblem = { message: string };

/**
 * A cell's text to the value a client would send; references are looked up by title in
 * `titleIds` (title → id). A problem is answered for a value no option, boolean or title matches.
 */
export function cellValue(field: Field, raw: unknown, titleIds: Map<string, number> | undefined): { value: unknown } | CellProblem {
  if (raw === null || raw === undefined) return { value: undefined };
  if (raw instanceof Date) {
    const iso = raw.toISOString();
    return { value: field.type === 'datetime' ? iso : iso.slice(0, 10) };
  }
  const text = typeof raw === 'string' ? raw.replace(/^'(?=[=+\-@\t\r])/, '').trim() : String(raw);
  if (text === '') return { value: undefined };
  switch (field.type) {
    case 'enum': {
      const key = optionKey(field.options, text);
      return key ? { value: key } : { message: `应为以下之一：${Object.values(field.options).map((o) => o.zh).join('、')}` };
    }
    case 'tags': {
      const parts = text.split(/[、,，;；\s]+/).filter(Boolean);
      const keys = parts.map((p) => optionKey(field.options, p));
      const bad = parts.filter((_, i) => !keys[i]);
      return bad.length ? { message: `「${bad.join('、')}」不是可选项（${Object.values(field.options).map((o) => o.zh).join('、')}）` } : { value: keys };
    }
    case 'boolean': {
      const t = text.toLowerCase();
      return yes.has(t) ? { value: true } : no.has(t) ? { value: false } : { message: '应为“是”或“否”' };
    }
    case 'reference': {
      const id = titleIds?.get(text);
      return id !== undefined ? { value: id } : { message: `找不到名为「${text}」的记录` };
    }
    case 'referenceList': {
      const parts = text.split(/[、,，;；]+/).map((p) => p.trim()).filter(Boolean);
      const missing = parts.filter((p) => titleIds?.get(p) === undefined);
      return missing.length ? { message: `找不到名为「${missing.join('、')}」的记录` } : { value: parts.map((p) => titleIds!.get(p)) };
    }
    case 'integer': case 'money': {
      const n = Number(text.replace(/[,，\s]/g, ''));
      return Number.isFinite(n) ? { value: n } : { message: '应为数字' };
    }
    case 'date': {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
      return { value: m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text };
    }
    default: return { value: text };
  }
}
