// Randomness and dates: a seeded generator, day numbers, office-hour moments. Part of the demo centre (../demo-centre.ts).

export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: a uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** One of the items, each as likely as its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (let i = 0; i < items.length; i++) total += items[i][1];
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= items[i][1];
      if (r < 0) return items[i][0];
    }
    return items[items.length - 1][0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  /** `count` random decimal digits (count ≤ 9). */
  digits(count: number): string {
    return String(Math.floor(this.next() * 10 ** count)).padStart(count, '0');
  }
}

export const DAY_MS = 86_400_000;
/** Office hours 08:30–17:30 Beijing time, in minutes after 00:00 UTC. */
export const OFFICE_OPEN = 30;
export const OFFICE_CLOSE = 570;

export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** YYYY-MM-DD of a day number (days from the civil date algorithm; much faster than Date for 100k cases). */
export const isoDates = new Map<number, string>();

export function isoDate(day: number): string {
  let text = isoDates.get(day);
  if (text === undefined) {
    text = civilDate(day);
    isoDates.set(day, text);
  }
  return text;
}

export function civilDate(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Weekday of a day number, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** A moment: whole days since 1970-01-01 plus minutes after 00:00 UTC. */
export interface Moment {
  day: number;
  minute: number;
}

/** 'T09:30:00.000Z' for each minute of the day, shared by every datetime string. */
export const TIMES_OF_DAY = Array.from({ length: 1440 }, (_, minute) => {
  const h = Math.floor(minute / 60);
  const min = minute % 60;
  return `T${h < 10 ? '0' : ''}${h}:${min < 10 ? '0' : ''}${min}:00.000Z`;
});

export function isoDateTime(m: Moment): string {
  return isoDate(m.day) + TIMES_OF_DAY[m.minute];
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `date` moved by whole years, keeping month and day (29 February becomes the 28th). */
export function yearsFrom(date: string, years: number): string {
  const monthDay = date.slice(5, 10) === '02-29' ? '02-28' : date.slice(5, 10);
  return `${pad(Number(date.slice(0, 4)) + years, 4)}-${monthDay}`;
}

/** Age in 周岁 on `on`: a birthday completes the year the day after it (periods.ts). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) > birthDate.slice(5) ? years : years - 1;
}

export function yuanText(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
