// What the benchmarks share to time things and summarise the times.

/** The p-th percentile (0–100) of ascending times, by nearest rank; 0 for no times. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : 0;
}

export const ascending = (times: number[]) => [...times].sort((a, b) => a - b);
export const mean = (times: number[]) => times.reduce((a, b) => a + b, 0) / times.length;
/** One decimal, as the tables print times. */
export const tenths = (ms: number) => Math.round(ms * 10) / 10;

/** `work`'s result and its wall time in ms. */
export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** Wall times (ms, ascending) of `runs` sequential calls of `run`, after `warmups` untimed ones. */
export async function sampleTimes(run: () => Promise<unknown>, runs: number, warmups = 1): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return ascending(times);
}
