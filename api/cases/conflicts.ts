// 利益冲突审查: has this applicant been on the other side of another case, has the other side been
// our client, has the lawyer (or the lawyer's firm) acted for the other side or against this
// applicant. A person is matched by an exact ID number, or by an exact name (two-character Chinese
// names included) unless both cases hold ID numbers and they differ.
import type { Kysely } from 'kysely';
import type { Label, Row } from '../resources/define.js';

export type ConflictKind =
  | 'applicant_was_opposing_party'
  | 'opposing_party_was_client'
  | 'lawyer_acted_for_opposing_party'
  | 'firm_acted_for_opposing_party'
  | 'lawyer_acted_against_applicant'
  | 'firm_acted_against_applicant';

export interface Conflict {
  kind: ConflictKind;
  caseId: number;
  caseNumber: string;
  matchedOn: 'idNumber' | 'name';
}

export const conflictLabels: Record<ConflictKind, Label> = {
  applicant_was_opposing_party: { zh: '申请人曾是其他案件的对方当事人', en: 'The applicant was the opposing party in another case' },
  opposing_party_was_client: { zh: '对方当事人曾是本中心的受援人', en: 'The opposing party was a client in another case' },
  lawyer_acted_for_opposing_party: { zh: '该律师曾代理对方当事人', en: 'The lawyer acted for the opposing party' },
  firm_acted_for_opposing_party: { zh: '该律师所在律所曾代理对方当事人', en: "The lawyer's firm acted for the opposing party" },
  lawyer_acted_against_applicant: { zh: '该律师曾代理申请人的对方', en: 'The lawyer acted against the applicant' },
  firm_acted_against_applicant: { zh: '该律师所在律所曾代理申请人的对方', en: "The lawyer's firm acted against the applicant" },
};

/** The one kind that refuses an assignment outright; the others are warnings to acknowledge. */
export const refusingKind: ConflictKind = 'lawyer_acted_for_opposing_party';

interface Party {
  idNumber: string | null;
  name: string | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const sameId = (a: unknown, b: string | null) => b !== null && text(a)?.toUpperCase() === b.toUpperCase();

function applicantOf(row: Row): Party {
  return { idNumber: text(row.applicantIdNumber)?.toUpperCase() ?? null, name: text(row.applicantName) };
}
function opposingPartyOf(row: Row): Party {
  return { idNumber: text(row.opposingPartyIdNumber)?.toUpperCase() ?? null, name: text(row.opposingPartyName) };
}

/** Other cases whose `side` (applicant or opposing party) is this person. */
async function casesNaming(db: Kysely<any>, side: 'applicant' | 'opposingParty', party: Party, excludeId: number, lawyerIds?: number[]): Promise<Array<Row & { matchedOn: Conflict['matchedOn'] }>> {
  if (!party.idNumber && !party.name) return [];
  if (lawyerIds && !lawyerIds.length) return [];
  const idColumn = `${side}IdNumber`;
  const nameColumn = `${side}Name`;
  let query = db.selectFrom('cases').select(['id', 'caseNumber', idColumn, nameColumn, 'lawyerId'])
    .where('id', '<>', excludeId)
    .where((eb) => eb.or([
      ...(party.idNumber ? [eb(eb.fn('upper', [idColumn]), '=', party.idNumber)] : []),
      ...(party.name ? [eb.and([
        eb(nameColumn, '=', party.name),
        ...(party.idNumber ? [eb.or([eb(idColumn, 'is', null), eb(idColumn, '=', ''), eb(eb.fn('upper', [idColumn]), '=', party.idNumber)])] : []),
      ])] : []),
    ]));
  if (lawyerIds) query = query.where('lawyerId', 'in', lawyerIds);
  const rows = await query.orderBy('id').limit(200).execute();
  return rows.map((row) => ({ ...row, matchedOn: sameId(row[idColumn], party.idNumber) ? 'idNumber' : 'name' }));
}

/**
 * Every conflict of the case, and, when a lawyer is named, of that lawyer (and firm) on it.
 * The case's own row is never a match.
 */
export async function findConflicts(db: Kysely<any>, caseRow: Row, lawyer?: { id: number; lawFirmId: number | null } | null): Promise<Conflict[]> {
  const caseId = Number(caseRow.id);
  const applicant = applicantOf(caseRow);
  const opposing = opposingPartyOf(caseRow);
  const found: Conflict[] = [];
  const add = (kind: ConflictKind, rows: Array<Row & { matchedOn: Conflict['matchedOn'] }>) => {
    for (const row of rows) found.push({ kind, caseId: Number(row.id), caseNumber: String(row.caseNumber ?? ''), matchedOn: row.matchedOn });
  };
  add('applicant_was_opposing_party', await casesNaming(db, 'opposingParty', applicant, caseId));
  add('opposing_party_was_client', await casesNaming(db, 'applicant', opposing, caseId));
  if (lawyer) {
    const firmLawyers = lawyer.lawFirmId == null ? [] : (await db.selectFrom('lawyers').select('id')
      .where('lawFirmId', '=', lawyer.lawFirmId).where('id', '<>', lawyer.id).execute()).map((r) => Number(r.id));
    add('lawyer_acted_for_opposing_party', await casesNaming(db, 'applicant', opposing, caseId, [lawyer.id]));
    add('firm_acted_for_opposing_party', await casesNaming(db, 'applicant', opposing, caseId, firmLawyers));
    add('lawyer_acted_against_applicant', await casesNaming(db, 'opposingParty', applicant, caseId, [lawyer.id]));
    add('firm_acted_against_applicant', await casesNaming(db, 'opposingParty', applicant, caseId, firmLawyers));
  }
  return found;
}

export function describeConflicts(conflicts: Conflict[]): Label {
  const numbers = (kind: ConflictKind) => conflicts.filter((c) => c.kind === kind).map((c) => c.caseNumber || `#${c.caseId}`).join('、');
  const kinds = [...new Set(conflicts.map((c) => c.kind))];
  return {
    zh: kinds.map((k) => `${conflictLabels[k].zh}（${numbers(k)}）`).join('；'),
    en: kinds.map((k) => `${conflictLabels[k].en} (${numbers(k).replaceAll('、', ', ')})`).join('; '),
  };
}
