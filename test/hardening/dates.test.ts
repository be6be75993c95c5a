// Every date the API accepts lies in its field's range of years (1900–2100 unless declared),
// and everything outside is a 400 answered at once: no date reaches date arithmetic that
// could run on without end. The fields are read from the declarations, plugin registers included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addWorkingDays } from '../../api/calendar.js';
import { centreToday } from '../../api/calendar.js';
import { allFields, type Field, type ResourceDefinition } from '../../api/resources/define.js';
import { DEFAULT_YEARS, yearsOf } from '../../api/rest/date-range.js';
import { listQuery, startTestFayuan, type TestFayuan } from '../support/fayuan.js';

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 5, plugins: ['case-files'] });
});
afterAll(() => t?.close());

const registers = () => t.fayuan.resources;
function dateFields(resource: ResourceDefinition): [string, Field][] {
  return Object.entries(allFields(resource)).filter(([, f]) => f.type === 'date' || f.type === 'datetime');
}
const day = (year: number, rest: string) => `${String(year).padStart(4, '0')}-${rest}`;

/** The answer and how long it took; every one must come within a second. */
async function timed(run: () => Promise<Response>) {
  const began = performance.now();
  const res = await run();
  const body = await res.json();
  return { status: res.status, body, ms: performance.now() - began };
}

describe('dates outside the accepted range', () => {
  it('covers every date-bearing field of every register, plugin registers included', () => {
    const names = registers().flatMap((r) => dateFields(r).map(([f]) => `${r.name}.${f}`));
    expect(names).toContain('cases.applicationDate');
    expect(names).toContain('complaints.receivedAt');
    expect(names.some((n) => n.startsWith('case-files.'))).toBe(true);
  });

  it('refuses each writable date field beyond its range with 400 naming it, within a second, and lets the edges pass', async () => {
    for (const resource of registers()) {
      const writable = dateFields(resource).filter(([, f]) => !f.readOnly);
      for (const [name, field] of writable) {
        const [first, last] = yearsOf(field);
        const beyond = [day(last + 1, '01-01'), day(first - 1, '12-31'), '9999-12-31', '0001-01-01', '+275760-09-13'];
        for (const value of beyond) {
          const sent = field.type === 'datetime' && value.length === 10 ? `${value}T00:00:00.000Z` : value;
          const answer = await timed(() => t.api('admin', `/api/${resource.name}`, { method: 'POST', body: { [name]: sent } }));
          expect(answer.ms, `${resource.name}.${name} = ${sent}`).toBeLessThan(1000);
          // A register an admin may not create in answers 403 before looking at the body; all others 400 naming the field.
          if (answer.status === 403) continue;
          expect(answer.status, `${resource.name}.${name} = ${sent}`).toBe(400);
          expect(answer.body.errors[name], `${resource.name}.${name} = ${sent}`).toBeTruthy();
        }
        // A field that may not lie in the future (issue #10) has today as its upper edge.
        const upper = 'notAfter' in field && field.notAfter === 'today' ? centreToday() : day(last, '12-31');
        for (const edge of [day(first, '01-01'), upper]) {
          const sent = field.type === 'datetime' ? `${edge}T00:00:00.000Z` : edge;
          const answer = await timed(() => t.api('admin', `/api/${resource.name}`, { method: 'POST', body: { [name]: sent } }));
          expect(answer.ms).toBeLessThan(1000);
          expect(answer.status).toBeLessThan(500);
          expect(answer.body.errors?.[name], `${resource.name}.${name} = ${sent}`).toBeUndefined();
        }
      }
    }
  });

  it('refuses every date field as a list filter beyond its range with 400, and answers the edges', async () => {
    for (const resource of registers()) {
      for (const [name, field] of dateFields(resource)) {
        const [first, last] = yearsOf(field);
        for (const key of [name, `${name}_gte`, `${name}_lt`]) {
          for (const value of [day(last + 1, '01-01'), day(first - 1, '06-30'), '9999-12-31', 'next tuesday', '2024', '2026-02-30']) {
            const answer = await timed(() => t.api('admin', `/api/${resource.name}${listQuery({ filter: { [key]: value } })}`));
            expect(answer.ms).toBeLessThan(1000);
            if (answer.status === 403) continue;
            expect(answer.status, `${resource.name} ${key}=${value}`).toBe(400);
            expect(answer.body.errors.filter).toBeTruthy();
          }
          const edge = await t.api('admin', `/api/${resource.name}${listQuery({ filter: { [key]: day(last, '12-31') } })}`);
          expect([200, 403]).toContain(edge.status);
        }
      }
    }
  });

  it('keeps the default range 1900–2100 unless a field declares its own', () => {
    expect(DEFAULT_YEARS).toEqual([1900, 2100]);
    expect(yearsOf({ type: 'date', label: { zh: '', en: '' }, years: [2000, 2030] })).toEqual([2000, 2030]);
  });

  it('answers a complaint received on the last accepted day with its working-day deadline, at once', async () => {
    const answer = await timed(() => t.api('admin', '/api/complaints', { method: 'POST', body: { receivedAt: '2100-12-31' } }));
    expect(answer.ms).toBeLessThan(1000);
    expect(answer.status).toBeLessThan(500);
  });
});

describe('working days', () => {
  it('adds any count of working days in constant time', () => {
    const began = performance.now();
    expect(addWorkingDays('2026-03-06', 5)).toBe('2026-03-13'); // Friday + 5 = next Friday
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Saturday + 1 = Monday
    expect(addWorkingDays('2000-01-03', 5 * 5200)).toBe(addDays('2000-01-03', 7 * 5200)); // a Monday + 5 working days is the next Monday
    expect(performance.now() - began).toBeLessThan(50);
    expect(() => addWorkingDays('2026-03-06', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
