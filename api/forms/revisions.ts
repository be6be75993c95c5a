// The rules of the `forms` register: definitions checked by the forms engine (errors at their
// JSON paths), revisions numbered per key, published revisions kept as they were.
import type { Kysely } from 'kysely';
import { validateDefinition, type FormDefinition } from '../../forms/engine.js';
import type { Label, Row } from '../resources/define.js';
import { ApiError, badInput } from '../rest/errors.js';

export const formStatuses = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  retired: { zh: '已停用', en: 'Retired' },
};

/** A definition's errors keyed `definition/<JSON pointer>`, e.g. `definition/sections/0/items/2/max`. */
export function definitionErrors(definition: unknown, key?: unknown): Record<string, Label> | null {
  const result = validateDefinition(definition);
  if (!result.ok) return Object.fromEntries(result.errors.map((e) => [`definition${e.path}`, e.message]));
  if (key !== undefined && result.definition.key !== key) {
    return { 'definition/key': { zh: `应与表单标识「${String(key)}」一致`, en: `Must equal the form key "${String(key)}"` } };
  }
  return null;
}

export function refuseBadDefinition(record: Row): Row {
  const errors = definitionErrors(record.definition, record.key);
  if (errors) throw badInput(errors);
  return { ...record, title: (record.definition as FormDefinition).title.zh };
}

/** A new row is the key's next revision. */
export async function withRevision(record: Row, trx: Kysely<any>): Promise<Row> {
  const last = await trx.selectFrom('forms').select((eb) => eb.fn.max('revision').as('n')).where('key', '=', String(record.key)).executeTakeFirst();
  return { ...record, revision: Number(last?.n ?? 0) + 1 };
}

/** Sheets point at published and retired revisions: their definition and key stay; only the status moves. */
export function refusePublishedEdit(record: Row, previous: Row): Row {
  if (previous.status === 'draft') return record;
  const changed = record.key !== previous.key || JSON.stringify(record.definition) !== JSON.stringify(previous.definition);
  if (changed) {
    throw new ApiError(409, {
      zh: '已发布的表单版本不能修改，请另存为新版本',
      en: 'A published revision is kept as it is; save the change as a new revision',
    }, { definition: { zh: '请另存为新版本', en: 'Save as a new revision' } });
  }
  if (record.status === 'draft') throw badInput({ status: { zh: '已发布的版本不能退回草稿', en: 'A published revision cannot become a draft again' } });
  return record;
}
