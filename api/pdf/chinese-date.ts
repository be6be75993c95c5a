// Dates as Chinese official documents write them.

const DIGITS = '〇一二三四五六七八九';

type DateInput = Date | string;

/** Calendar parts of a date (an ISO date string is read as written, a Date in UTC+8, the centre's time). */
function calendarParts(date: DateInput): { year: number; month: number; day: number } {
  if (typeof date === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!match) throw new RangeError(`not an ISO date: ${date}`);
    return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  }
  const china = new Date(date.getTime() + 8 * 3600_000);
  return { year: china.getUTCFullYear(), month: china.getUTCMonth() + 1, day: china.getUTCDate() };
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一. */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${units ? DIGITS[units] : ''}`;
}

/** 2026-12-01 → 二〇二六年十二月一日, the form under a document's seal. */
export function chineseOfficialDate(date: DateInput): string {
  const { year, month, day } = calendarParts(date);
  const yearDigits = [...String(year)].map((d) => DIGITS[Number(d)]).join('');
  return `${yearDigits}年${chineseNumber(month)}月${chineseNumber(day)}日`;
}

/** 2026-12-01 → 2026年12月1日, the form in tables and running text. */
export function chineseDate(date: DateInput | null | undefined): string {
  if (date == null || date === '') return '';
  const { year, month, day } = calendarParts(date);
  return `${year}年${month}月${day}日`;
}
