// Filled sheets, one mechanism for every register that holds one (hearing observations, return
// visits, inspections, peer reviews): the fields `formId`, `answers`, `score`, `grade`, and the
// hooks that check the answers against the sheet's own form revision and score them on the server.
import type { Kysely } from 'kysely';
import { scoreSheet, validateAnswers, type Answers, type FormDefinition, type ScoredSheet } from '../../forms/engine.js';
import type { Field, Hooks, Label, Row } from '../resources/define.js';
import { badInput } from '../rest/errors.js';
import { qualityGrades } from '../resources/options.js';

export interface FormRevision {
  id: number;
  key: string;
  revision: number;
  status: string;
  definition: FormDefinition;
}

function revisionOf(row: Record<string, any>): FormRevision {
  return {
    id: Number(row.id), key: String(row.key), revision: Number(row.revision), status: String(row.status),
    definition: typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition,
  };
}

/** The key's current published revision (the highest published), or null. */
export async function currentFormRevision(db: Kysely<any>, key: string): Promise<FormRevision | null> {
  const row = await db.selectFrom('forms').selectAll().where('key', '=', key).where('status', '=', 'published')
    .orderBy('revision', 'desc').limit(1).executeTakeFirst();
  return row ? revisionOf(row) : null;
}

/** One revision by its row id, or null. */
export async function loadFormRevision(db: Kysely<any>, id: number): Promise<FormRevision | null> {
  const row = await db.selectFrom('forms').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? revisionOf(row) : null;
}

/** The fields of a register holding a filled sheet whose form is, unless chosen, `defaultFormKey`'s current revision. */
export function sheetFields(defaultFormKey: string): Record<string, Field> {
  return {
    formId: {
      type: 'reference', to: 'forms', label: { zh: '表单版本', en: 'Form revision' },
      help: { zh: `不选则用「${defaultFormKey}」的现行发布版本`, en: `Empty: the current published revision of "${defaultFormKey}"` },
    },
    answers: { type: 'json', label: { zh: '评价表', en: 'Sheet' }, required: true, default: () => ({}), holds: { kind: 'sheet', defaultForm: defaultFormKey } },
    score: { type: 'money', unit: { zh: '分', en: 'points' }, label: { zh: '得分', en: 'Score' }, readOnly: true, help: { zh: '由系统按表单计分（0–100）', en: 'Scored by the server (0–100)' } },
    // The forms' bands name these grades (forms/*.json); a band of another name shows as its key.
    grade: { type: 'enum', options: qualityGrades, label: { zh: '等次', en: 'Grade' }, readOnly: true },
  };
}

const noForm = (key: string): Label => ({ zh: `没有已发布的「${key}」表单`, en: `No published "${key}" form` });

/**
 * Resolves the sheet's revision, checks its answers (400 keyed `answers.<item id>`) and stores
 * the server's score and grade; a score or grade sent by the client never reaches the row.
 */
export async function scoredSheet(record: Row, defaultFormKey: string, db: Kysely<any>, previous?: Row): Promise<Row & { formId: number; score: number | null; grade: string | null }> {
  const form = record.formId ? await loadFormRevision(db, Number(record.formId)) : await currentFormRevision(db, defaultFormKey);
  if (!form) throw badInput({ formId: record.formId ? { zh: '所选表单版本不存在', en: 'No such form revision' } : noForm(defaultFormKey) });
  // A sheet already filled on a revision keeps it whatever became of it; a new choice must be in use.
  if (form.status === 'draft' && form.id !== Number(previous?.formId)) throw badInput({ formId: { zh: '草稿表单不能用于填写', en: 'A draft form cannot be filled in' } });
  const checked = validateAnswers(form.definition, record.answers ?? {});
  if (!checked.ok) throw badInput(Object.fromEntries(checked.errors.map((e) => [`answers.${e.item}`, e.message])));
  const sheet = scoreSheet(form.definition, checked.answers);
  return { ...record, formId: form.id, answers: checked.answers, score: sheet.score, grade: sheet.grade };
}

/** The consequences a stored sheet's answers trigger, scored with its own revision. */
export async function sheetOutcome(db: Kysely<any>, row: Row): Promise<ScoredSheet | null> {
  const form = row.formId ? await loadFormRevision(db, Number(row.formId)) : null;
  return form ? scoreSheet(form.definition, (row.answers ?? {}) as Answers) : null;
}

/** The hooks that go with `sheetFields`: every create and update re-scores with the sheet's revision. */
export function sheetHooks(defaultFormKey: string): Required<Pick<Hooks, 'beforeCreate' | 'beforeUpdate'>> {
  return {
    beforeCreate: [(record, { trx }) => scoredSheet(record, defaultFormKey, trx)],
    beforeUpdate: [(record, previous, { trx }) => scoredSheet(record, defaultFormKey, trx, previous)],
  };
}
