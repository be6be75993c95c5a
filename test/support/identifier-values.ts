// Valid identifiers for tests that build records from the declarations (issue #10 checks ID
// numbers, phones and licence numbers, and an ID number's birth date and gender).
import { idCheckCharacter } from '../../api/identifiers.js';
import type { Field, ResourceDefinition, Row } from '../../api/resources/define.js';

let serial = 0;

/** A resident ID number (路桥 331004) that spells this birth date and gender; a new sequence each call. */
export function idNumberFor(birthDate: string, gender: string): string {
  const sequence = String((++serial % 50) * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `331004${birthDate.replace(/-/g, '')}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

/** Candidates for a text field with a pattern: a mobile, a 17-digit licence number, an e-mail. */
export function patternedTextCandidates(token8: string): string[] {
  return [`139${token8}`, `${token8}${token8}1`, `fy${token8}@example.cn`];
}

const isDay = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * The body with each ID number made valid and agreeing with the birth date and gender it
 * carries (or, when those are empty, any valid number, whose birth date and gender the server
 * fills in). Masked values (a role that sees them masked) are left as they are.
 */
export function withValidIdNumbers(resource: ResourceDefinition, body: Row): Row {
  const out = { ...body };
  for (const [name, field] of Object.entries(resource.fields) as [string, Field][]) {
    if (field.type !== 'text' || !field.format || !(name in out) || out[name] === null || out[name] === undefined) continue;
    if (String(out[name]).includes('*')) continue;
    const derives = field.derives;
    const birth = derives ? out[derives.birthDate] : undefined;
    const gender = derives ? out[derives.gender] : undefined;
    if (derives && isDay(birth) && (gender === 'male' || gender === 'female')) out[name] = idNumberFor(birth as string, gender);
    else if (derives && (String(birth ?? '').includes('*') || String(gender ?? '').includes('*'))) continue;
    else {
      out[name] = idNumberFor('1990-05-01', 'male');
      if (derives) {
        out[derives.birthDate] = '1990-05-01';
        out[derives.gender] = 'male';
      }
    }
  }
  return out;
}
