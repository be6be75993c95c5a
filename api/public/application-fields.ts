// The fields a person fills in on the public application form: the applicant's part of the case
// declaration (whatever fields the declaration has among these, with their labels, types and
// checks), nothing an admin or the system keeps.
import type { Field, ResourceDefinition } from '../resources/define.js';

export const applicantFieldNames = [
  'applicantName', 'applicantIdNumber', 'applicantGender', 'applicantBirthDate', 'applicantPhone', 'applicantAddress',
  'applicantGroups', 'caseType', 'causeOfAction', 'caseSummary', 'opposingPartyName', 'opposingPartyIdNumber',
  'householdMonthlyIncome', 'householdSize', 'exemptionReason',
] as const;

/** Required online, though optional at the window: the status page is found by this phone. */
const requiredOnline = new Set(['applicantPhone', 'applicantIdNumber']);

/** The case declaration cut down to the applicant's fields, as one register view the validator checks. */
export function publicApplicationView(cases: ResourceDefinition): ResourceDefinition {
  const fields: Record<string, Field> = {};
  for (const name of applicantFieldNames) {
    const field = cases.fields[name];
    if (!field || field.readOnly) continue;
    fields[name] = requiredOnline.has(name) ? { ...field, required: true } : field;
  }
  return { ...cases, fields, hooks: {} };
}
