import { describe, expect, it } from 'vitest';
import { generateDemoCentre, type DemoCentre } from '../api/seed/demo-centre.js';
import type { ResourceDefinition, Row } from '../api/resources/define.js';
import { applicability, holds } from '../api/resources/conditions.js';
import lawFirmsResource from '../api/resources/law-firms.js';
import lawyersResource from '../api/resources/lawyers.js';
import volunteerTeamsResource from '../api/resources/volunteer-teams.js';
import servicePointsResource from '../api/resources/service-points.js';
import casesResource from '../api/resources/cases.js';
import complaintsResource from '../api/resources/complaints.js';

const TODAY = '2026-03-05';
const SEED = 2026;
const centre = generateDemoCentre({ cases: 600, seed: SEED, today: TODAY });
const { cases, lawyers, complaints } = centre;
const firms = centre['law-firms'];
const teams = centre['volunteer-teams'];
const points = centre['service-points'];

const registers: [keyof DemoCentre, ResourceDefinition][] = [
  ['law-firms', lawFirmsResource],
  ['lawyers', lawyersResource],
  ['volunteer-teams', volunteerTeamsResource],
  ['service-points', servicePointsResource],
  ['cases', casesResource],
  ['complaints', complaintsResource],
];

const SERVER_FIELDS = ['id', 'version', 'createdAt', 'updatedAt', 'caseNumber', 'acceptDeadline', 'concludeDeadline'];
const AFTER_ACCEPTANCE = ['accepted', 'assigned', 'in_progress', 'closing_submitted', 'closed', 'archived'];
const AFTER_ASSIGNMENT = ['assigned', 'in_progress', 'closing_submitted', 'closed', 'archived'];
const LABOUR_CLAIMS = ['劳动报酬纠纷', '工伤赔偿', '提供劳务者受害责任纠纷', '工伤认定', '劳动争议仲裁', '追索劳动报酬仲裁', '工伤保险待遇仲裁', '劳动报酬调解'];

function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 周岁 on `on`: the year is complete the day after the birthday (民法典 art. 201). */
function ageOn(birthDate: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const birthday = (year: number) => {
    const md = birthDate.slice(5);
    return `${year}-${md === '02-29' && !isLeapYear(year) ? '02-28' : md}`;
  };
  while (age > 0 && addDays(birthday(Number(birthDate.slice(0, 4)) + age), 1) > on) age--;
  return age;
}

/** The day on which 3 full years of practice begun on `start` are complete. */
function threeYearsComplete(start: string): string {
  const year = Number(start.slice(0, 4)) + 3;
  const md = start.slice(5);
  return `${year}-${md === '02-29' && !isLeapYear(year) ? '03-01' : md}`;
}

function idChecksum(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return '10X98765432'[sum % 11];
}

const day = (value: unknown) => String(value).slice(0, 10);
const tags = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);
const withLawyer = cases.filter((c) => c.lawyerId != null);
const lawyerOf = (c: Row) => lawyers[c.lawyerId as number];
const firmOf = (lawyer: Row) => (lawyer.lawFirmId == null ? null : firms[lawyer.lawFirmId as number]);
const count = (rows: Row[], predicate: (row: Row) => boolean) => rows.filter(predicate).length;

describe('generateDemoCentre', () => {
  it('gives the same centre for the same seed, and a different one for another seed', () => {
    const again = generateDemoCentre({ cases: 600, seed: SEED, today: TODAY });
    expect(again).toEqual(centre);
    const other = generateDemoCentre({ cases: 600, seed: SEED + 1, today: TODAY });
    expect(other.cases).not.toEqual(centre.cases);
  });

  it('has 12 firms, 80 lawyers, 3 volunteer teams, 16 service points, the cases asked for and a complaint per 30 cases', () => {
    expect(firms).toHaveLength(12);
    expect(lawyers).toHaveLength(80);
    expect(teams).toHaveLength(3);
    expect(points.length).toBeGreaterThanOrEqual(15);
    expect(cases).toHaveLength(600);
    expect(complaints).toHaveLength(20);
  });

  it('uses only declared fields and never a field the server generates', () => {
    const wrong = new Set<string>();
    for (const [name, resource] of registers) {
      for (const row of centre[name]) {
        for (const field of Object.keys(row)) {
          if (SERVER_FIELDS.includes(field) || !Object.hasOwn(resource.fields, field)) wrong.add(`${name}.${field}`);
        }
        for (const [field, declaration] of Object.entries(resource.fields)) {
          // A required field that does not apply to the row (e.g. an agent's name without an agent) stays empty.
          const applies = holds(applicability(declaration, resource.stages), row);
          if (declaration.required && !declaration.readOnly && applies && row[field] == null) wrong.add(`${name}.${field} missing`);
        }
      }
    }
    expect([...wrong]).toEqual([]);
  });

  it('uses only declared option keys in enum and tags fields', () => {
    for (const [name, resource] of registers) {
      for (const [field, declaration] of Object.entries(resource.fields)) {
        if (declaration.type !== 'enum' && declaration.type !== 'tags') continue;
        const keys = Object.keys(declaration.options);
        for (const row of centre[name]) {
          const value = row[field];
          if (value == null) continue;
          if (declaration.type === 'enum') expect(keys, `${name}.${field}`).toContain(value);
          else {
            expect(Array.isArray(value), `${name}.${field} is an array`).toBe(true);
            for (const tag of value as string[]) expect(keys, `${name}.${field}`).toContain(tag);
          }
        }
      }
    }
  });

  it('writes each field in its API shape: YYYY-MM-DD dates, ISO datetimes, numbers, booleans, patterns', () => {
    for (const [name, resource] of registers) {
      for (const [field, declaration] of Object.entries(resource.fields)) {
        for (const row of centre[name]) {
          const value = row[field];
          if (value == null) continue;
          const where = `${name}.${field} = ${JSON.stringify(value)}`;
          switch (declaration.type) {
            case 'date':
              expect(value, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
              expect(new Date(`${String(value)}T00:00:00Z`).toISOString().slice(0, 10), where).toBe(value);
              break;
            case 'datetime':
              expect(value, where).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
              expect(new Date(String(value)).toISOString(), where).toBe(value);
              break;
            case 'money':
            case 'integer':
              expect(typeof value, where).toBe('number');
              if (declaration.min !== undefined) expect(value as number, where).toBeGreaterThanOrEqual(declaration.min);
              if (declaration.max !== undefined) expect(value as number, where).toBeLessThanOrEqual(declaration.max);
              if (declaration.type === 'integer') expect(Number.isInteger(value), where).toBe(true);
              break;
            case 'boolean':
              expect(typeof value, where).toBe('boolean');
              break;
            case 'text':
            case 'longText':
              expect(typeof value, where).toBe('string');
              if (declaration.maxLength) expect((value as string).length, where).toBeLessThanOrEqual(declaration.maxLength);
              if (declaration.type === 'text' && declaration.pattern) expect(value, where).toMatch(declaration.pattern.regex);
              break;
          }
        }
      }
    }
  });

  it('keeps every reference index within the register it refers to', () => {
    for (const [name, resource] of registers) {
      for (const [field, declaration] of Object.entries(resource.fields)) {
        if (declaration.type !== 'reference' && declaration.type !== 'referenceList') continue;
        const target = centre[declaration.to as keyof DemoCentre];
        expect(target, `${name}.${field} → ${declaration.to}`).toBeDefined();
        for (const row of centre[name]) {
          const value = row[field];
          if (value == null) continue;
          const indices = declaration.type === 'reference' ? [value] : (value as unknown[]);
          expect(Array.isArray(indices)).toBe(true);
          for (const index of indices) {
            expect(Number.isInteger(index), `${name}.${field} = ${String(index)}`).toBe(true);
            expect(index as number).toBeGreaterThanOrEqual(0);
            expect(index as number).toBeLessThan(target.length);
          }
        }
      }
    }
  });

  it('keeps unique values unique (names, licence numbers, the demo lawyer e-mail)', () => {
    for (const [name, resource] of registers) {
      for (const [field, declaration] of Object.entries(resource.fields)) {
        if (!declaration.unique || declaration.readOnly) continue;
        const values = centre[name].map((row) => row[field]).filter((v) => v != null);
        expect(new Set(values).size, `${name}.${field}`).toBe(values.length);
      }
    }
    expect(new Set(lawyers.map((l) => l.name)).size).toBe(lawyers.length);
    expect(new Set(lawyers.map((l) => l.email)).size).toBe(lawyers.length);
    for (const lawyer of lawyers) expect(lawyer.licenseNo).toMatch(/^\d{17}$/);
    for (const firm of firms) expect(firm.licenseNo).toMatch(/^\d+$/);
  });

  describe('law firms, lawyers, teams and service points', () => {
    it('contracts most firms for a period spanning today, and leaves two firms uncontracted', () => {
      const contracted = firms.filter((f) => f.isContracted === true);
      expect(firms.length - contracted.length).toBe(2);
      for (const firm of contracted) {
        expect(String(firm.contractStart) <= addDays(TODAY, -365)).toBe(true);
        expect(String(firm.contractEnd) >= TODAY).toBe(true);
      }
    });

    it('mixes lawyer types, years of practice and specialties', () => {
      const byType = (type: string) => count(lawyers, (l) => l.lawyerType === type);
      expect(byType('practising')).toBeGreaterThan(50);
      expect(byType('legal_aid') + byType('public')).toBeGreaterThanOrEqual(8);
      expect(byType('grassroots')).toBeGreaterThanOrEqual(3);
      for (const lawyer of lawyers) {
        if (lawyer.lawyerType === 'practising') expect(lawyer.lawFirmId).not.toBeNull();
        else expect(lawyer.lawFirmId).toBeNull();
      }
      const years = lawyers.map((l) => (Date.parse(TODAY) - Date.parse(String(l.practiceStartDate))) / (365.25 * 86_400_000));
      expect(Math.min(...years)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...years)).toBeLessThanOrEqual(26);
      expect(years.filter((y) => y < 3).length).toBeGreaterThanOrEqual(5);
      expect(years.filter((y) => y > 2.8 && y < 3.2).length).toBeGreaterThanOrEqual(1);
      expect(count(lawyers, (l) => tags(l.specialties).includes('minors'))).toBeGreaterThanOrEqual(10);
      expect(count(lawyers, (l) => tags(l.specialties).includes('criminal'))).toBeGreaterThanOrEqual(20);
      expect(count(lawyers, (l) => l.active === false)).toBeGreaterThanOrEqual(2);
      for (const lawyer of lawyers) expect(lawyer.phone).toMatch(/^1[358]\d{9}$/);
    });

    it('makes lawyer 0 the demo lawyer: active, at a contracted firm, ≥ 5 years of practice, the demo e-mail', () => {
      const demo = lawyers[0];
      expect(demo.email).toBe('lawyer@fayuan.test');
      expect(demo.name).toMatch(/^王[\u4e00-\u9fff]{1,2}$/);
      expect(demo.active).toBe(true);
      expect(demo.lawyerType).toBe('practising');
      expect(firmOf(demo)?.isContracted).toBe(true);
      expect(String(demo.practiceStartDate) <= addDays(TODAY, -5 * 366)).toBe(true);
      expect(demo.specialties).toEqual(expect.arrayContaining(['criminal', 'minors', 'labour', 'family']));
    });

    it('gives the demo lawyer ~15 cases, at least 4 in progress and 2 assigned', () => {
      const own = cases.filter((c) => c.lawyerId === 0);
      expect(own.length).toBeGreaterThanOrEqual(12);
      expect(own.length).toBeLessThanOrEqual(20);
      expect(count(own, (c) => c.status === 'in_progress')).toBeGreaterThanOrEqual(4);
      expect(count(own, (c) => c.status === 'assigned')).toBeGreaterThanOrEqual(2);
      expect(new Set(own.map((c) => c.status)).size).toBeGreaterThanOrEqual(3);
    });

    it('has a petition team of ~40, a migrant-workers team and a minors team, each led by a member', () => {
      const byFocus = Object.fromEntries(teams.map((t) => [t.focus, t]));
      expect(Object.keys(byFocus).sort()).toEqual(['migrant_workers', 'minors', 'petition']);
      expect((byFocus.petition.memberIds as number[]).length).toBeGreaterThanOrEqual(35);
      for (const team of teams) {
        const members = team.memberIds as number[];
        expect(members.length).toBeGreaterThanOrEqual(5);
        expect(new Set(members).size).toBe(members.length);
        expect(members).toContain(team.leaderId);
      }
      for (const member of byFocus.minors.memberIds as number[]) expect(lawyers[member].specialties).toContain('minors');
    });

    it('has intake points, workstations and liaison points at every host the seed documents name', () => {
      expect(new Set(points.map((p) => p.kind))).toEqual(new Set(['intake_point', 'workstation', 'liaison_point']));
      const hosts = new Set(points.map((p) => p.hostType));
      for (const host of ['law_firm', 'youth_league', 'womens_federation', 'disabled_federation', 'aging_committee', 'court',
        'procuratorate', 'petition_bureau', 'detention_centre', 'military_unit', 'township', 'ethnic_minority']) {
        expect(hosts, host).toContain(host);
      }
    });
  });

  describe('cases', () => {
    it('has every status and every case type', () => {
      const statuses = new Set(cases.map((c) => c.status));
      for (const status of Object.keys((casesResource.fields.status as { options: object }).options)) expect(statuses, status).toContain(status);
      const types = new Set(cases.map((c) => c.caseType));
      for (const type of ['criminal', 'civil', 'administrative', 'arbitration', 'non_litigation']) expect(types, type).toContain(type);
    });

    it('has at least 19 % criminal cases, and more civil cases than any other type', () => {
      const criminal = count(cases, (c) => c.caseType === 'criminal');
      expect(criminal / cases.length).toBeGreaterThanOrEqual(0.19);
      const byType: Record<string, number> = {};
      for (const c of cases) byType[String(c.caseType)] = (byType[String(c.caseType)] ?? 0) + 1;
      expect(Math.max(...Object.values(byType))).toBe(byType.civil);
    });

    it('spreads applications over the last 12 months, every channel and every service point', () => {
      const dates = cases.map((c) => String(c.applicationDate));
      expect(dates.every((d) => d <= TODAY && d > addDays(TODAY, -366))).toBe(true);
      const months = new Set(dates.map((d) => d.slice(0, 7)));
      expect(months.size).toBeGreaterThanOrEqual(12);
      const channels = new Set(cases.map((c) => c.channel));
      for (const channel of ['window', 'workstation', 'online', 'hotline_12348', 'notified']) expect(channels, channel).toContain(channel);
      const used = new Set(cases.map((c) => c.servicePointId).filter((p) => p != null));
      expect(used.size).toBe(points.length);
    });

    it('orders each case\'s timestamps: application ≤ acceptance ≤ assignment ≤ closing ≤ archiving, none in the future', () => {
      for (const c of cases) {
        const chain = [c.applicationDate, c.acceptedAt, c.assignedAt, c.closedAt, c.archivedAt].filter((v) => v != null).map(String);
        // ISO strings compare in time order; a date sorts before the datetimes of its own day.
        for (let k = 1; k < chain.length; k++) expect(chain[k] >= chain[k - 1], `${chain[k - 1]} ≤ ${chain[k]}`).toBe(true);
        for (const value of chain) expect(day(value) <= TODAY).toBe(true);
        for (const value of chain.slice(1)) expect(Date.parse(value)).toBeLessThan(Date.parse(`${TODAY}T00:00:00Z`));
      }
    });

    it('fills exactly the fields each status implies', () => {
      for (const c of cases) {
        const status = String(c.status);
        const terminated = status === 'terminated';
        const closed = status === 'closed' || status === 'archived';
        if (!terminated) {
          expect(c.acceptedAt != null, `${status} acceptedAt`).toBe(AFTER_ACCEPTANCE.includes(status));
          expect(c.assignedAt != null, `${status} assignedAt`).toBe(AFTER_ASSIGNMENT.includes(status));
        }
        if (c.assignedAt != null) expect(c.acceptedAt).not.toBeNull();
        expect(c.lawyerId != null).toBe(c.assignedAt != null);
        expect(c.assignmentMethod != null).toBe(c.assignedAt != null);
        expect(c.closedAt != null, `${status} closedAt`).toBe(closed);
        expect(c.outcome != null, `${status} outcome`).toBe(closed);
        expect(c.archivedAt != null, `${status} archivedAt`).toBe(status === 'archived');
        if (status === 'archived') expect(c.qualityGrade).not.toBeNull();
        if (!closed) expect(c.qualityGrade).toBeNull();
        expect(c.subsidyAmount != null).toBe(c.qualityGrade != null);
        if (status === 'rejected') expect(c.acceptedAt).toBeNull();
      }
      const closed = cases.filter((c) => c.status === 'closed');
      const graded = count(closed, (c) => c.qualityGrade != null) / closed.length;
      expect(graded).toBeGreaterThan(0.25);
      expect(graded).toBeLessThan(0.75);
      const clientChoice = count(withLawyer, (c) => c.assignmentMethod === 'client_choice') / withLawyer.length;
      expect(clientChoice).toBeGreaterThan(0.04);
      expect(clientChoice).toBeLessThan(0.2);
    });

    it('moves older cases further along: most cases older than 4 months are closed or archived', () => {
      const old = cases.filter((c) => String(c.applicationDate) < addDays(TODAY, -122));
      expect(old.length).toBeGreaterThan(300);
      expect(count(old, (c) => c.status === 'closed' || c.status === 'archived') / old.length).toBeGreaterThan(0.8);
      const recent = cases.filter((c) => String(c.applicationDate) >= addDays(TODAY, -7));
      expect(count(recent, (c) => c.status === 'closed' || c.status === 'archived')).toBe(0);
    });

    it('keeps some cases overdue: undecided for more than 7 days, unassigned more than 3 days after acceptance', () => {
      const undecided = cases.filter((c) => c.status === 'applied' || c.status === 'reviewing');
      const lateDecision = undecided.filter((c) => String(c.applicationDate) < addDays(TODAY, -7));
      expect(lateDecision.length).toBeGreaterThanOrEqual(5);
      const unassigned = cases.filter((c) => c.status === 'accepted');
      const lateAssignment = unassigned.filter((c) => day(c.acceptedAt) < addDays(TODAY, -3));
      expect(lateAssignment.length).toBeGreaterThanOrEqual(3);
      // …but most open applications and acceptances are recent and within their deadlines.
      const onTime = undecided.length - lateDecision.length + unassigned.length - lateAssignment.length;
      expect(onTime).toBeGreaterThan(lateDecision.length + lateAssignment.length);
      expect(undecided.length - lateDecision.length).toBeGreaterThan(lateDecision.length);
      expect(unassigned.length - lateAssignment.length).toBeGreaterThanOrEqual(2);
    });

    it('gives every applicant an 18-character ID number with a correct checksum, birth date and gender digit', () => {
      for (const c of cases) {
        const id = String(c.applicantIdNumber);
        expect(id).toMatch(/^\d{17}[\dX]$/);
        expect(idChecksum(id.slice(0, 17)), id).toBe(id[17]);
        expect(id.slice(6, 14)).toBe(String(c.applicantBirthDate).replace(/-/g, ''));
        expect(Number(id[16]) % 2 === 1 ? 'male' : 'female').toBe(c.applicantGender);
        expect(c.applicantName).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
        expect(c.applicantPhone).toMatch(/^1[3-9]\d{9}$/);
      }
    });

    it('tags minors and the elderly exactly by age on the application date, and women only when female', () => {
      let minors = 0;
      let elderly = 0;
      for (const c of cases) {
        const age = ageOn(String(c.applicantBirthDate), String(c.applicationDate));
        const groups = tags(c.applicantGroups);
        expect(groups.includes('minor'), `${String(c.applicantBirthDate)} on ${String(c.applicationDate)}`).toBe(age < 18);
        expect(groups.includes('elderly'), `${String(c.applicantBirthDate)} on ${String(c.applicationDate)}`).toBe(age >= 60);
        if (groups.includes('woman')) expect(c.applicantGender).toBe('female');
        if (age < 18) minors++;
        if (age >= 60) elderly++;
      }
      expect(minors).toBeGreaterThanOrEqual(10);
      expect(elderly).toBeGreaterThanOrEqual(30);
      for (const group of ['migrant_worker', 'disabled', 'woman', 'military', 'ethnic_minority', 'low_income']) {
        expect(cases.some((c) => tags(c.applicantGroups).includes(group)), group).toBe(true);
      }
    });

    it('passes the means test: income under 1800 yuan a head, an exemption the applicant qualifies for, or a notified case', () => {
      for (const c of cases) {
        expect(c.householdSize as number).toBeGreaterThanOrEqual(1);
        expect(c.householdSize as number).toBeLessThanOrEqual(6);
        const groups = tags(c.applicantGroups);
        const reason = c.exemptionReason;
        if (c.channel === 'notified') {
          expect(c.caseType).toBe('criminal');
          expect(reason).toBeNull();
          continue;
        }
        if (groups.includes('minor')) expect(reason).toBe('minor');
        if (reason == null) {
          expect(typeof c.householdMonthlyIncome).toBe('number');
          expect(c.householdMonthlyIncome as number).toBeLessThan(1800);
        }
        if (reason === 'minor') expect(groups).toContain('minor');
        if (reason === 'elderly_no_income') expect(groups).toContain('elderly');
        if (reason === 'disabled_no_income') expect(groups).toContain('disabled');
        if (reason === 'social_assistance') expect(groups).toContain('low_income');
        if (reason === 'migrant_wages') {
          expect(groups).toContain('migrant_worker');
          expect(LABOUR_CLAIMS).toContain(c.causeOfAction);
        }
      }
    });

    it('makes criminal cases realistic: mostly defendants, often notified, some facing life or death', () => {
      const criminal = cases.filter((c) => c.caseType === 'criminal');
      expect(count(criminal, (c) => c.criminalRole === 'defendant') / criminal.length).toBeGreaterThan(0.7);
      expect(count(criminal, (c) => c.channel === 'notified') / criminal.length).toBeGreaterThan(0.4);
      const serious = criminal.filter((c) => c.maxPenalty === 'life' || c.maxPenalty === 'death');
      expect(serious.length / criminal.length).toBeGreaterThan(0.02);
      expect(serious.length / criminal.length).toBeLessThan(0.1);
      for (const c of serious) {
        expect(c.criminalRole).toBe('defendant');
        expect(c.channel).toBe('notified');
      }
      for (const c of cases.filter((k) => k.caseType !== 'criminal')) {
        expect(c.criminalRole).toBeNull();
        expect(c.maxPenalty).toBeNull();
      }
      for (const c of criminal) expect(String(c.causeOfAction)).toMatch(/罪$/);
    });

    it('records outcomes, amounts recovered (≈ 4.9 million yuan per 590 cases), grades and subsidies of closed cases', () => {
      const closed = cases.filter((c) => c.status === 'closed' || c.status === 'archived');
      for (const c of closed) expect(String(c.outcome)).toMatch(/[\u4e00-\u9fff].*。$/);
      let total = 0;
      for (const c of cases) {
        if (c.amountRecovered == null) continue;
        expect(c.caseType).not.toBe('criminal');
        expect(c.closedAt).not.toBeNull();
        expect(c.amountRecovered as number).toBeGreaterThanOrEqual(0);
        expect(c.amountRecovered as number).toBeLessThanOrEqual(200_000);
        total += c.amountRecovered as number;
      }
      const expected = (4_900_000 / 590) * cases.length;
      expect(total).toBeGreaterThan(expected * 0.9);
      expect(total).toBeLessThan(expected * 1.1);

      const graded = cases.filter((c) => c.qualityGrade != null);
      const share = (grade: string) => count(graded, (c) => c.qualityGrade === grade) / graded.length;
      expect(share('excellent')).toBeGreaterThan(0.12);
      expect(share('good')).toBeGreaterThan(0.35);
      expect(share('pass')).toBeGreaterThan(0.2);
      expect(share('fail')).toBeGreaterThan(0.01);
      expect(share('fail')).toBeLessThan(0.1);
      for (const c of graded) {
        const base = c.caseType === 'criminal' ? 1200 : 1600;
        const subsidy = c.subsidyAmount as number;
        expect(subsidy).toBeLessThanOrEqual(2500);
        if (c.qualityGrade === 'fail') expect(subsidy).toBeLessThan(base);
        if (c.qualityGrade === 'pass') expect(subsidy).toBe(base);
        if (c.qualityGrade === 'excellent' || c.qualityGrade === 'good') expect(subsidy).toBeGreaterThan(base);
      }
    });
  });

  describe('assignment rules hold for every case with a lawyer', () => {
    it('assigns only active lawyers, and from a firm only when the firm is contracted for the assignment date', () => {
      expect(withLawyer.length).toBeGreaterThan(400);
      for (const c of withLawyer) {
        const lawyer = lawyerOf(c);
        expect(lawyer.active, String(lawyer.name)).toBe(true);
        const firm = firmOf(lawyer);
        if (firm) {
          expect(firm.isContracted, String(firm.name)).toBe(true);
          expect(String(firm.contractStart) <= day(c.assignedAt)).toBe(true);
          expect(String(firm.contractEnd) >= day(c.assignedAt)).toBe(true);
        }
      }
    });

    it('assigns a case that may end in life imprisonment or death only to a lawyer with 3 years of practice on the assignment date', () => {
      const serious = withLawyer.filter((c) => c.maxPenalty === 'life' || c.maxPenalty === 'death');
      expect(serious.length).toBeGreaterThan(0);
      for (const c of serious) {
        expect(threeYearsComplete(String(lawyerOf(c).practiceStartDate)) <= day(c.assignedAt), String(lawyerOf(c).name)).toBe(true);
      }
    });

    it('assigns a minor\'s case only to a lawyer with the minors specialty', () => {
      const minors = withLawyer.filter((c) => tags(c.applicantGroups).includes('minor'));
      expect(minors.length).toBeGreaterThan(0);
      for (const c of minors) expect(lawyerOf(c).specialties).toContain('minors');
    });

    it('never gives a criminal case to a grassroots legal worker', () => {
      for (const c of withLawyer.filter((k) => k.caseType === 'criminal')) expect(lawyerOf(c).lawyerType).not.toBe('grassroots');
    });

    it('spreads cases over many lawyers, law-firm lawyers handling at least 35 %', () => {
      expect(new Set(withLawyer.map((c) => c.lawyerId)).size).toBeGreaterThanOrEqual(50);
      expect(count(withLawyer, (c) => lawyerOf(c).lawFirmId != null) / withLawyer.length).toBeGreaterThanOrEqual(0.35);
    });
  });

  describe('complaints', () => {
    it('name a case with a lawyer and that case\'s lawyer, received after the assignment and within the last 12 months', () => {
      for (const complaint of complaints) {
        const c = cases[complaint.caseId as number];
        expect(c.lawyerId).not.toBeNull();
        expect(complaint.lawyerId).toBe(c.lawyerId);
        const received = String(complaint.receivedAt);
        expect(received >= day(c.assignedAt)).toBe(true);
        expect(received <= TODAY && received > addDays(TODAY, -366)).toBe(true);
        expect(String(complaint.description)).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    it('spread over every status, with a conclusion once concluded and a reply date once replied', () => {
      const statuses = new Set(complaints.map((c) => c.status));
      for (const status of ['received', 'accepted', 'not_accepted', 'concluded', 'replied']) expect(statuses, status).toContain(status);
      for (const complaint of complaints) {
        const done = complaint.status === 'concluded' || complaint.status === 'replied';
        expect(complaint.conclusion != null).toBe(done);
        expect(complaint.repliedAt != null).toBe(complaint.status === 'replied');
        if (complaint.repliedAt != null) {
          expect(String(complaint.repliedAt) > String(complaint.receivedAt)).toBe(true);
          expect(String(complaint.repliedAt) <= TODAY).toBe(true);
        }
      }
    });
  });

  it('generates 100,000 cases', () => {
    const large = generateDemoCentre({ cases: 100_000, seed: 7, today: TODAY });
    expect(large.cases).toHaveLength(100_000);
    expect(large.complaints.length).toBeGreaterThan(3000);
  });

  it('refuses a today that is not a YYYY-MM-DD date', () => {
    expect(() => generateDemoCentre({ cases: 10, today: '5 March 2026' })).toThrow(/YYYY-MM-DD/);
  });
});
