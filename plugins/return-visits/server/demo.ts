// Demo visits: most closed cases visited, ~98% satisfied, and two bad visits whose complaints the write path opens.
import { closedCaseStatuses, currentFormRevision, scoreSheet, systemActor, type Answers, type PluginContext } from '../../../api/plugin-kit.js';
import { FORM_KEY } from './declarations.js';

const METHODS = ['phone', 'phone', 'phone', 'visit', 'letter', 'online'];
const GOOD: Answers = { preparation: true, investigation: true, onTime: true, gifts: false, fees: false, opinionsAdopted: true, satisfaction: 'satisfied' };

export async function seedDemoVisits(ctx: PluginContext): Promise<void> {
  const { db } = ctx.database;
  const form = await currentFormRevision(db, FORM_KEY);
  if (!form) return;
  const closed = await db.selectFrom('cases').select(['id', 'closedAt', 'applicantName']).where('status', 'in', closedCaseStatuses)
    .where('closedAt', 'is not', null).orderBy('id').execute();
  const visited = closed.filter((_, i) => i % 10 !== 9); // nine in ten
  const resource = ctx.resource('return-visits');
  const day = (c: { closedAt: unknown }) => new Date(Date.parse(new Date(c.closedAt as string).toISOString()) + 10 * 86_400_000).toISOString().slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  // Two kinds of sheet, each scored once.
  const sheets = [GOOD, { ...GOOD, opinionsAdopted: false, satisfaction: 'basically_satisfied' }].map((answers) => ({ answers, ...scoreSheet(form.definition, answers) }));
  const rows = visited.map((c, i) => {
    const { answers, score, grade } = sheets[i % 40 === 7 ? 1 : 0];
    const visitedAt = [day(c), today].sort()[0]; // the earlier ISO date
    return {
      caseId: Number(c.id), method: METHODS[i % METHODS.length], visitedAt, reachedPerson: '受援人本人', visitor: '回访专员',
      formId: form.id, answers, score, grade, satisfaction: answers.satisfaction,
    };
  });
  const bad = rows.splice(-2, 2); // the last two: a complaint each, through the write path
  await db.transaction().execute(async (trx) => {
    await ctx.records.seedRows(resource, rows, trx);
    // Seeded rows skip the visits' hooks: their cases are marked as the write path would.
    await ctx.records.seedUpdates(ctx.resource('cases'), rows.map((r) => ({ id: r.caseId, returnVisited: true })), trx);
  });
  const badAnswers: Answers[] = [
    { ...GOOD, gifts: true, satisfaction: 'dissatisfied' },
    { ...GOOD, fees: true, opinionsAdopted: false, satisfaction: 'dissatisfied' },
  ];
  for (const [i, row] of bad.entries()) {
    const { score: _s, grade: _g, satisfaction: _x, ...visit } = row;
    await ctx.records.insert(resource, { ...visit, answers: badAnswers[i], satisfaction: badAnswers[i].satisfaction }, systemActor);
  }
}
