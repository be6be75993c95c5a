// The case cannot move on while its file is incomplete; when archived, its checklist is frozen.
import type { TransitionEffect, TransitionGuard } from '../../../api/plugin-kit.js';
import { checklistOf, templateForCase } from './checklist.js';

const names = (items: { name: string }[]) => items.map((i) => `「${i.name}」`).join('');

/** The lawyer submits for closing only with every required lawyer-supplied item uploaded. */
export const lawyerItemsComplete: TransitionGuard = {
  action: 'submit-closing',
  name: 'case-file-lawyer-items',
  async check({ trx, caseRow, contributions }) {
    const { missingLawyerItems, progress } = await checklistOf(trx, caseRow, contributions);
    if (!missingLawyerItems.length) return [];
    return [{
      rule: 'case_file.lawyer_items_missing',
      message: {
        zh: `卷宗材料不全（${progress.done}/${progress.total}），尚缺：${names(missingLawyerItems)}`,
        en: `The case file is incomplete (${progress.done}/${progress.total}); missing: ${missingLawyerItems.map((i) => i.name).join(', ')}`,
      },
      details: { missing: missingLawyerItems },
    }];
  },
};

/** The centre closes only a complete file, its own items included. */
export const allItemsComplete: TransitionGuard = {
  action: 'close',
  name: 'case-file-all-items',
  async check({ trx, caseRow, contributions }) {
    const { missingLawyerItems, missingCentreItems } = await checklistOf(trx, caseRow, contributions);
    const missing = [...missingCentreItems, ...missingLawyerItems];
    if (!missing.length) return [];
    return [{
      rule: 'case_file.items_missing',
      message: { zh: `卷宗材料不全，不能结案，尚缺：${names(missing)}`, en: `Cannot close: missing ${missing.map((i) => i.name).join(', ')}` },
      details: { missing },
    }];
  },
};

/** Archived cases keep the template version they were closed with. */
export const freezeChecklistOnArchive: TransitionEffect = {
  action: 'archive',
  async run({ trx, after }) {
    const template = await templateForCase(trx, after);
    if (!template || template.frozen) return;
    await trx.insertInto('case_file_snapshots').values({
      caseId: Number(after.id),
      templateId: template.id,
      templateName: template.name,
      templateVersion: template.version,
      items: JSON.stringify(template.items),
      takenAt: new Date().toISOString(),
    }).execute();
  },
};
