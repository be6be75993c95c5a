// The State Council's holiday schedule (国务院办公厅关于节假日安排的通知) as the default
// holiday list: weekday holidays and the make-up working days (调休) on weekends. Admins edit
// the list in the settings; working-day deadlines read it (calendar.ts).
import type { CalendarException } from '../calendar.js';

type Span = [first: string, last: string, name: string];

function days([first, last, name]: Span): CalendarException[] {
  const out: CalendarException[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) <= last; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push({ date: d.toISOString().slice(0, 10), kind: 'holiday', name });
  }
  return out;
}
const workday = (date: string, name: string): CalendarException => ({ date, kind: 'workday', name: `${name}调休上班` });

/** 2026: 国办发明电〔2025〕7号. */
const schedule2026: CalendarException[] = [
  ...days(['2026-01-01', '2026-01-03', '元旦']), workday('2026-01-04', '元旦'),
  workday('2026-02-14', '春节'), ...days(['2026-02-15', '2026-02-23', '春节']), workday('2026-02-28', '春节'),
  ...days(['2026-04-04', '2026-04-06', '清明节']),
  ...days(['2026-05-01', '2026-05-05', '劳动节']), workday('2026-05-09', '劳动节'),
  ...days(['2026-06-19', '2026-06-21', '端午节']),
  ...days(['2026-09-25', '2026-09-27', '中秋节']),
  workday('2026-09-20', '国庆节'), ...days(['2026-10-01', '2026-10-07', '国庆节']), workday('2026-10-10', '国庆节'),
];

/**
 * 2027: only the statutory days of 《全国年节及纪念日放假办法》 (art. 2) on their lunar dates;
 * the State Council's 调休 for 2027 is to be entered by an admin once published.
 */
const statutory2027: CalendarException[] = [
  ...days(['2027-01-01', '2027-01-01', '元旦']),
  ...days(['2027-02-05', '2027-02-08', '春节']),
  ...days(['2027-04-05', '2027-04-05', '清明节']),
  ...days(['2027-05-01', '2027-05-02', '劳动节']),
  ...days(['2027-06-09', '2027-06-09', '端午节']),
  ...days(['2027-09-15', '2027-09-15', '中秋节']),
  ...days(['2027-10-01', '2027-10-03', '国庆节']),
];

export const defaultHolidays: CalendarException[] = [...schedule2026, ...statutory2027]
  .sort((a, b) => a.date.localeCompare(b.date));
