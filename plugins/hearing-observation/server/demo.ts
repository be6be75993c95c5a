// Demo observations: about 5% of the cases heard so far, each scored with the published sheet.
import { currentFormRevision, formItems, scoreSheet, type Answers, type FormDefinition, type PluginContext } from '../../../api/plugin-kit.js';
import { FORM_KEY } from './declarations.js';

const FEEDBACK = ['庭前准备充分，质证有针对性，建议进一步提炼辩护要点。', '发言条理清楚，但对法律适用的论证略显单薄。', '庭审表现良好，注意把握发问节奏。'];

/** A believable sheet: most items near their maximum, a few lower, varied by the case. */
export function demoAnswers(definition: FormDefinition, seed: number): Answers {
  const answers: Answers = {};
  for (const { item } of formItems(definition)) {
    if (item.kind !== 'score') continue;
    const drop = ((seed * 7 + item.id.length * 13) % 5) * item.step;
    answers[item.id] = Math.max(item.min, item.max - drop);
  }
  return answers;
}

export async function seedDemoObservations(ctx: PluginContext): Promise<void> {
  const { db } = ctx.database;
  const form = await currentFormRevision(db, FORM_KEY);
  if (!form) return;
  const now = new Date().toISOString();
  const hearings = await db.selectFrom('case_activities').select(['id', 'caseId', 'occurredAt', 'court'])
    .where('kind', '=', 'hearing').where('occurredAt', '<', now).orderBy('caseId').orderBy('occurredAt').execute();
  const byCase = new Map(hearings.map((h) => [Number(h.caseId), h]));
  // One heard case in sixteen: about 5% of the cases with a hearing this year, the upcoming ones included.
  const chosen = [...byCase.values()].filter((_, i) => i % 16 === 0);
  const rows = chosen.map((h, i) => {
    const answers = demoAnswers(form.definition, Number(h.caseId));
    const sheet = scoreSheet(form.definition, answers);
    return {
      caseId: Number(h.caseId), activityId: Number(h.id), observedOn: new Date(h.occurredAt).toISOString().slice(0, 10), court: h.court,
      observers: '中心主任、质量监督员', formId: form.id, answers, score: sheet.score, grade: sheet.grade,
      judgeView: '法官认为辩护（代理）意见有理有据。', feedback: FEEDBACK[i % FEEDBACK.length], privateNotes: '下季度再次旁听，关注法律适用论证。',
    };
  });
  const resource = ctx.resource('hearing-observations');
  await db.transaction().execute((trx) => ctx.records.seedRows(resource, rows, trx));
}
