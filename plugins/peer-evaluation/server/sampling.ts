// Sampling and assignment, pure: a seeded PRNG (the same seed gives the same sample), a sample
// stratified by case type and lawyer, and a balanced assignment that never gives a reviewer a
// file of their own or of their own firm.

/** mulberry32: small, fast, and the same on every platform for the same 32-bit seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface Candidate { id: number; caseType: string; lawyerId: number | null }
export interface SampleRule { mode: 'percent' | 'number'; size: number }

/** How many files of a case type with `n` closed files the rule takes. */
export function quota(rule: SampleRule, n: number): number {
  return Math.min(n, rule.mode === 'percent' ? Math.ceil((n * rule.size) / 100) : rule.size);
}

/**
 * Per case type (in name order), the quota of files: first one file of each lawyer not yet in the
 * sample (so every lawyer gets a file where the quotas allow), then the rest, all in the seed's order.
 */
export function drawSample(candidates: Candidate[], rule: SampleRule, seed: number): number[] {
  const random = prng(seed);
  const covered = new Set<number>();
  const picked: number[] = [];
  const types = [...new Set(candidates.map((c) => c.caseType))].sort();
  for (const type of types) {
    const pool = shuffled(candidates.filter((c) => c.caseType === type).sort((a, b) => a.id - b.id), random);
    const want = quota(rule, pool.length);
    const chosen = new Set<number>();
    for (const c of pool) {
      if (chosen.size >= want) break;
      if (c.lawyerId !== null && !covered.has(c.lawyerId)) { chosen.add(c.id); covered.add(c.lawyerId); }
    }
    for (const c of pool) {
      if (chosen.size >= want) break;
      if (!chosen.has(c.id)) { chosen.add(c.id); if (c.lawyerId !== null) covered.add(c.lawyerId); }
    }
    picked.push(...chosen);
  }
  return picked.sort((a, b) => a - b);
}

export interface Reviewer { userId: string; lawyerId: number | null; firmId: number | null }
export interface FileToReview { caseId: number; lawyerId: number | null; firmId: number | null }

/** Why this reviewer may not review this file, or null. */
export function conflictOf(reviewer: Reviewer, file: FileToReview): 'own_case' | 'own_firm' | null {
  if (reviewer.lawyerId !== null && reviewer.lawyerId === file.lawyerId) return 'own_case';
  if (reviewer.firmId !== null && reviewer.firmId === file.firmId) return 'own_firm';
  return null;
}

/**
 * The eligible reviewer with the least load (ties: the order of the round's list), excluding those
 * who already reviewed the file; null when none is eligible. Adds one to the chosen reviewer's load.
 */
export function pickReviewer(reviewers: Reviewer[], file: FileToReview, load: Map<string, number>, exclude: Set<string> = new Set()): Reviewer | null {
  let best: Reviewer | null = null;
  for (const r of reviewers) {
    if (exclude.has(r.userId) || conflictOf(r, file)) continue;
    if (!best || (load.get(r.userId) ?? 0) < (load.get(best.userId) ?? 0)) best = r;
  }
  if (best) load.set(best.userId, (load.get(best.userId) ?? 0) + 1);
  return best;
}

const RANK = ['fail', 'pass', 'good', 'excellent'];

/** A file's grade from its reviews: one review's grade, or the majority of three (all different: the middle one). */
export function decideGrade(grades: string[]): string | null {
  if (!grades.length) return null;
  if (grades.length === 1) return grades[0];
  const counts = new Map<string, number>();
  for (const g of grades) counts.set(g, (counts.get(g) ?? 0) + 1);
  const [top, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (n * 2 > grades.length) return top;
  const sorted = [...grades].sort((a, b) => RANK.indexOf(a) - RANK.indexOf(b));
  return sorted[Math.floor(sorted.length / 2)];
}
