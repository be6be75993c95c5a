import { badInput, caseTypes, currentFormRevision, defineResource, everyRow, sheetFields, sheetHooks, type Actor, type BeforeUpdate, type Row, type RowRule } from '../../../api/plugin-kit.js';

export const FORM_KEY = 'peer-evaluation';

export const roundStates = {
  draft: { zh: '草稿', en: 'Draft' },
  sampled: { zh: '已抽样', en: 'Sampled' },
  reviewing: { zh: '评估中', en: 'Reviewing' },
  deciding: { zh: '待决定', en: 'Deciding' },
  published: { zh: '已公布', en: 'Published' },
};

export const reviewStates = {
  assigned: { zh: '待评估', en: 'To review' },
  submitted: { zh: '已评估', en: 'Scored' },
};

/** The round's reviewers: user ids (checked against the users with the reviewer role when the round is saved). */
const checkReviewers = async (record: Row, { trx }: { trx: any }): Promise<Row> => {
  const listed = (record.reviewers ?? []) as { userId?: unknown }[];
  const ids = listed.map((r) => r?.userId);
  if (!ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 64)) {
    throw badInput({ reviewers: { zh: '评估专家应为用户编号的列表', en: 'Reviewers must be a list of user ids' } });
  }
  const unique = [...new Set(ids as string[])];
  const found = unique.length ? await trx.selectFrom('user').select('id').where('id', 'in', unique).where('role', '=', 'reviewer').execute() : [];
  if (found.length !== unique.length) throw badInput({ reviewers: { zh: '只能选择角色为评估专家的用户', en: 'Only users with the reviewer role' } });
  return { ...record, reviewers: unique.map((userId) => ({ userId })) };
};
const reviewersOnUpdate: BeforeUpdate = (record, _previous, ctx) => checkReviewers(record, ctx);

/** The reviewer's open reviews: those of rounds under review or awaiting the decision. */
export const assignedReviews = (actor: Actor, db: any) => db.selectFrom('peer_reviews as r').innerJoin('peer_review_rounds as p', 'p.id', 'r.roundId')
  .where('r.reviewerId', '=', actor.id).where('p.status', 'in', ['reviewing', 'deciding']);

const roundsOfOwnReviews: RowRule = async (actor, db) => ({ id: [...new Set((await assignedReviews(actor, db).select('p.id').execute()).map((r: Row) => Number(r.id)))] });
/** 同行评估轮次 */
export const rounds = defineResource({
  name: 'peer-review-rounds',
  label: { zh: '同行评估', en: 'Peer review rounds' },
  titleField: 'name',
  fields: {
    name: { type: 'text', label: { zh: '名称', en: 'Name' }, required: true, maxLength: 100 },
    periodFrom: { type: 'date', label: { zh: '评估期间自', en: 'Period from' } },
    periodTo: { type: 'date', label: { zh: '评估期间至', en: 'Period to' } },
    caseTypes: { type: 'tags', label: { zh: '案件类型', en: 'Case types' }, options: caseTypes, help: { zh: '不选则为全部类型', en: 'Empty: every type' } },
    closedFrom: { type: 'date', label: { zh: '结案日期自', en: 'Closed from' }, required: true },
    closedTo: { type: 'date', label: { zh: '结案日期至', en: 'Closed to' }, required: true },
    sampleMode: { type: 'enum', label: { zh: '抽样方式', en: 'Sample by' }, required: true, default: 'percent', options: { percent: { zh: '按比例（%）', en: 'Percentage' }, number: { zh: '每类件数', en: 'Number per type' } } },
    sampleSize: { type: 'integer', label: { zh: '比例或件数', en: 'Percentage or number' }, required: true, min: 1, max: 1000, default: 10 },
    reviewers: {
      type: 'list', label: { zh: '评估专家', en: 'Reviewers' }, maxItems: 100, default: () => [], help: { zh: '角色为评估专家的用户', en: 'Users with the reviewer role' },
      of: { userId: { type: 'text', label: { zh: '用户编号', en: 'User id' }, required: true, maxLength: 64 } },
    },
    blind: { type: 'boolean', label: { zh: '盲评', en: 'Blind' }, default: true, help: { zh: '盲评时评估专家看不到承办律师及其律所', en: "Blind: reviewers never see the file's lawyer or firm" } },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: roundStates, default: 'draft', readOnly: true },
    seed: { type: 'integer', label: { zh: '随机种子', en: 'Seed' }, readOnly: true, grouping: false },
    sample: { type: 'json', label: { zh: '抽取的案卷', en: 'Sampled files' }, readOnly: true },
    confirmedAt: { type: 'datetime', label: { zh: '抽样确认时间', en: 'Sample confirmed at' }, readOnly: true },
    results: { type: 'json', label: { zh: '评估结果', en: 'Results' }, readOnly: true },
    publishedAt: { type: 'datetime', label: { zh: '公布时间', en: 'Published at' }, readOnly: true },
  },
  access: {
    // A reviewer reads the rounds of their open reviews, for the round's name and period on the sheet; the
    // sample, the other reviewers and the results stay the centre's (withheld).
    read: { admin: everyRow, supervisor: everyRow, reviewer: roundsOfOwnReviews },
    create: { admin: everyRow },
    update: { admin: () => ({ status: 'draft' }) },
    delete: { admin: () => ({ status: 'draft' }) },
    withheld: { reviewer: () => ['reviewers', 'seed', 'sample', 'confirmedAt', 'results', 'caseTypes', 'sampleMode', 'sampleSize'] },
  },
  list: { columns: ['name', 'closedFrom', 'closedTo', 'sampleMode', 'sampleSize', 'blind', 'status'], sort: ['id', 'DESC'], filters: ['status'], search: ['name'] },
  hooks: { beforeCreate: [checkReviewers], beforeUpdate: [reviewersOnUpdate] },
});

const ownReviews: RowRule = async (actor, db) => ({ id: (await assignedReviews(actor, db).select('r.id').execute()).map((r: Row) => Number(r.id)) });
const openOwnReviews: RowRule = async (actor, db) => ({
  id: (await assignedReviews(actor, db).where('p.status', '=', 'reviewing').where('r.status', '=', 'assigned').select('r.id').execute()).map((r: Row) => Number(r.id)),
});
/** A lawyer reads the published reviews of their own cases (a blind round's reviewer withheld). */
const publishedOnOwnCases: RowRule = async (actor, db) => ({
  id: (await db.selectFrom('peer_reviews as r').innerJoin('peer_review_rounds as p', 'p.id', 'r.roundId').innerJoin('cases as c', 'c.id', 'r.caseId')
    .where('p.status', '=', 'published').where('c.lawyerId', '=', actor.lawyerId ?? -1).select('r.id').execute()).map((r: Row) => Number(r.id)),
});

const sheet = sheetHooks(FORM_KEY);
/** An assignment carries the current rubric and no score until the reviewer fills it. */
const unscored = async (record: Row, ctx: Parameters<typeof sheet.beforeCreate[0]>[1]): Promise<Row> => {
  const answers = record.answers as Record<string, unknown> | null | undefined;
  if (answers && Object.keys(answers).length) return sheet.beforeCreate[0](record, ctx);
  const form = await currentFormRevision(ctx.trx, FORM_KEY);
  return { ...record, answers: {}, formId: form?.id ?? null, score: null, grade: null };
};

/** A reviewer's save is the scoring: the review is then submitted. */
const submitted: BeforeUpdate = (record, previous) => (record.answers && JSON.stringify(record.answers) !== JSON.stringify(previous.answers)
  ? { ...record, status: 'submitted', submittedAt: new Date().toISOString() } : record);

/** 同行评估表: one reviewer's sheet on one sampled file. */
export const reviews = defineResource({
  name: 'peer-reviews',
  label: { zh: '同行评估表', en: 'Peer reviews' },
  titleField: 'id',
  fields: {
    roundId: { type: 'reference', to: 'peer-review-rounds', label: { zh: '评估轮次', en: 'Round' }, required: true, readOnly: true },
    caseId: { type: 'reference', to: 'cases', label: { zh: '案件', en: 'Case' }, required: true, readOnly: true },
    reviewerId: { type: 'text', label: { zh: '评估专家', en: 'Reviewer' }, maxLength: 64, readOnly: true, account: true },
    ...sheetFields(FORM_KEY),
    comments: { type: 'longText', label: { zh: '评估意见', en: 'Comments' }, maxLength: 2000 },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: reviewStates, default: 'assigned', readOnly: true },
    recheckOf: { type: 'reference', to: 'peer-reviews', label: { zh: '复评所依据的评估', en: 'Re-check of' }, readOnly: true },
    submittedAt: { type: 'datetime', label: { zh: '评估时间', en: 'Scored at' }, readOnly: true },
    dueOn: { type: 'date', label: { zh: '评估期限', en: 'Due on' }, readOnly: true },
    conflictOverride: { type: 'longText', label: { zh: '回避例外理由', en: 'Conflict override reason' }, maxLength: 500, readOnly: true },
  },
  access: {
    read: { admin: everyRow, supervisor: everyRow, reviewer: ownReviews, lawyer: publishedOnOwnCases },
    create: {},
    update: { reviewer: openOwnReviews },
    delete: {},
    writableFields: { reviewer: ['answers', 'comments'] },
    withheld: {
      lawyer: async (actor, db) => {
        const blind = await db.selectFrom('peer_reviews as r').innerJoin('peer_review_rounds as p', 'p.id', 'r.roundId').innerJoin('cases as c', 'c.id', 'r.caseId')
          .where('c.lawyerId', '=', actor.lawyerId ?? -1).select('p.blind').execute();
        return blind.some((r: Row) => Boolean(r.blind)) ? ['reviewerId', 'conflictOverride'] : ['conflictOverride'];
      },
      reviewer: () => ['conflictOverride'],
    },
  },
  list: { columns: ['roundId', 'caseId', 'reviewerId', 'status', 'score', 'grade', 'dueOn', 'recheckOf'], sort: ['id', 'ASC'], filters: ['roundId', 'caseId', 'reviewerId', 'status', 'grade', 'recheckOf'], search: [] },
  hooks: { beforeCreate: [unscored], beforeUpdate: [...sheet.beforeUpdate, submitted] },
});
