// Which transition issues which documents (Legal Aid Law arts. 43, 44, 48 and the closing review).
import type { CaseActionName, TransitionEffect } from '../../../api/plugin-kit.js';
import type { DocumentKind } from './templates/document-data.js';

const ISSUED_AT: [CaseActionName, DocumentKind[]][] = [
  ['accept', ['decision_grant']],
  ['reject', ['decision_refuse']],
  ['assign', ['assignment_notice', 'official_letter']],
  ['terminate', ['termination']],
  ['close', ['closing_approval']],
  ['change-lawyer', ['change_notice']],
];

export const issueOnTransition: TransitionEffect[] = ISSUED_AT.map(([action, kinds]) => ({
  action,
  async run({ trx, before, after, actor, payload, context }) {
    // The PDF toolkit loads react-pdf and the fonts: only once a document is first issued.
    const { issueDocument } = await import('./issue.js');
    const change = action === 'change-lawyer'
      ? { previousLawyerId: Number(before.lawyerId), changeReason: String(payload.reason), changeNote: payload.note == null ? null : String(payload.note) }
      : undefined;
    for (const kind of kinds) await issueDocument(trx, context, after, kind, actor, undefined, change);
  },
}));
