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
export function definitionErrors(definition: unknown): Record<string, Label> | null {
  const result = validateDefinition(definition);
  if (result.ok) return null;
  const n = result.errors.length;
  // The field itself, as every register's refusals name it, then each error at its path.
  return {
    definition: { zh: `表单定义有 ${n} 处错误`, en: `The definition has ${n} error${n > 1 ? 's' : ''}` },
    ...Object.fromEntries(result.errors.map((e) => [`definition${e.path}`, e.message])),
  };
}

/** The row's key and title are the definition's. */
export function refuseBadDefinition(record: Row): Row {
  const errors = definitionErrors(record.definition);
  if (errors) throw badInput(errors);
  const definition = record.definition as FormDefinition;
  return { ...record, key: definition.key, title: definition.title.zh };
}

/** The first publication is remembered: from then on the definition stays. */
export function stampPublished(record: Row): Row {
  return record.status === 'published' && !record.publishedAt ? { ...record, publishedAt: new Date().toISOString() } : record;
}

/** A new row is the key's next revision. */
export async function withRevision(record: Row, trx: Kysely<any>): Promise<Row> {
  const last = await trx.selectFrom('forms').select((eb) => eb.fn.max('revision').as('n')).where('key', '=', String(record.key)).executeTakeFirst();
  return { ...record, revision: Number(last?.n ?? 0) + 1 };
}

/** Sheets point at revisions once published: their definition stays; only the status moves. */
export function refusePublishedEdit(record: Row, previous: Row): Row {
  if (!previous.publishedAt) return record;
  const changed = record.key !== previous.key || JSON.stringify(record.definition) !== JSON.stringify(previous.definition);
  if (changed) {
    throw new ApiError(409, {
      zh: '已发布的表单版本不能修改，请另存为新版本',
      en: 'A published revision is kept as it is; save the change as a new revision',
    }, { definition: { zh: '请另存为新版本', en: 'Save as a new revision' } });
  }
  return { ...record, publishedAt: previous.publishedAt };
}
