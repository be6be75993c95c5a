// Demo inspections: every closed case but the newest ten, each sheet scoring into the band of the case's demo grade.
import { closedCaseStatuses, currentFormRevision, formItems, scoreSheet, type Answers, type FormDefinition, type PluginContext } from '../../../api/plugin-kit.js';
import { FORM_KEY } from './declarations.js';

/** A score inside each band (the rubric's bands: 90 / 80 / 60 / 0), varied by the case. */
const TARGET: Record<string, [number, number]> = { excellent: [91, 98], good: [81, 88], pass: [63, 78], fail: [40, 55] };
const COMMENTS: Record<string, string> = {
  excellent: '案卷材料齐全，办案过程规范，辩护（代理）意见充分，效果良好。',
  good: '案卷整体规范，个别文书制作略显简单，建议加强调查取证记录。',
  pass: '案卷基本齐全，会见、调查记录不够详细，结案材料需补充完善。',
  fail: '案卷材料缺失较多，办案过程记录不全，须限期整改。',
};

/** Answers scoring `target` points: each item at its maximum, the shortfall taken item by item from a seed-chosen start. */
export function answersScoring(definition: FormDefinition, target: number, seed: number): Answers {
  const items = formItems(definition).map(({ item }) => item).filter((item) => item.kind === 'score');
  const answers: Answers = Object.fromEntries(items.map((item) => [item.id, item.max]));
  let shortfall = items.reduce((sum, item) => sum + item.max, 0) - target;
  for (let i = 0; shortfall > 0 && i < items.length * 20; i++) {
    const item = items[(seed + i) % items.length];
    const value = answers[item.id] as number;
    const take = Math.min(shortfall, Math.ceil(item.max / 5), value - item.min);
    answers[item.id] = value - take;
    shortfall -= take;
  }
  return answers;
}

export async function seedDemoInspections(ctx: PluginContext): Promise<void> {
  const { db } = ctx.database;
  const form = await currentFormRevision(db, FORM_KEY);
  if (!form) return;
  const closed = await db.selectFrom('cases').select(['id', 'closedAt', 'qualityGrade']).where('status', 'in', closedCaseStatuses)
    .where('closedAt', 'is not', null).orderBy('closedAt', 'asc').orderBy('id', 'asc').execute();
  const inspected = closed.slice(0, Math.max(0, closed.length - 10)); // the newest ten wait in the queue
  const today = new Date().toISOString().slice(0, 10);
  // A big demo has few distinct sheets: each (score, seed start) is scored once.
  const sheets = new Map<string, { answers: Answers; score: unknown; grade: unknown }>();
  const scored = formItems(form.definition).filter(({ item }) => item.kind === 'score').length || 1;
  const sheetFor = (target: number, seed: number) => {
    const key = `${target}/${seed % scored}`; // answersScoring reads its seed modulo the number of scored items
    let sheet = sheets.get(key);
    if (!sheet) {
      const answers = answersScoring(form.definition, target, seed % scored);
      const result = scoreSheet(form.definition, answers);
      sheet = { answers, score: result.score, grade: result.grade };
      sheets.set(key, sheet);
    }
    return sheet;
  };
  const rows = inspected.map((c) => {
    const id = Number(c.id);
    const grade = String(c.qualityGrade ?? 'good') in TARGET ? String(c.qualityGrade ?? 'good') : 'good';
    const [low, high] = TARGET[grade];
    const sheet = sheetFor(low + (id * 7) % (high - low + 1), id);
    const answers = sheet.answers;
    const closedOn = Date.parse(new Date(c.closedAt as string).toISOString());
    const inspectedAt = [new Date(closedOn + (5 + (id % 20)) * 86_400_000).toISOString().slice(0, 10), today].sort()[0];
    return { caseId: id, inspectedAt, inspector: '质量监督员', formId: form.id, answers, score: sheet.score, grade: sheet.grade, comments: COMMENTS[sheet.grade as string] ?? COMMENTS.good };
  });
  const resource = ctx.resource('case-inspections');
  await db.transaction().execute((trx) => ctx.records.seedRows(resource, rows, trx));
}
