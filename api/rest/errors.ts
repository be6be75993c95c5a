import type { Context } from 'hono';
import type { Label } from '../resources/define.js';

export type Locale = 'zh' | 'en';

/** zh unless the client asks for English first. */
export function localeOf(c: Context): Locale {
  return /^en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'zh';
}

/** An answer to bad input: status, a sentence, and per-field messages, all in both languages. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly label: Label,
    readonly errors: Record<string, Label> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(label.en);
  }

  body(locale: Locale) {
    const errors = Object.fromEntries(Object.entries(this.errors).map(([k, v]) => [k, v[locale]]));
    return { message: this.label[locale], errors, ...this.extra };
  }
}

export const notFound = () => new ApiError(404, { zh: '记录不存在', en: 'No such record' });

export function badInput(errors: Record<string, Label>, label: Label = { zh: '提交的数据有误', en: 'The data has errors' }) {
  return new ApiError(400, label, errors);
}

const UNIQUE_VIOLATION = /UNIQUE constraint failed|duplicate key value violates unique constraint/;
const FOREIGN_KEY_VIOLATION = /FOREIGN KEY constraint failed|violates foreign key constraint/;

/** Database refusals that reach here despite the checks before them (races); never shown raw. */
export function fromDatabaseError(error: unknown): ApiError | undefined {
  const text = error instanceof Error ? error.message : String(error);
  if (UNIQUE_VIOLATION.test(text)) return new ApiError(409, { zh: '与已有记录重复', en: 'Duplicates an existing record' });
  if (FOREIGN_KEY_VIOLATION.test(text)) {
    return new ApiError(409, { zh: '该记录与其他记录关联，不能执行此操作', en: 'Other records refer to this one' });
  }
  return undefined;
}
