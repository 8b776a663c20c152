/** Day arithmetic in the process's local time zone, the zone chrono reads dates in. */

export type PeriodUnit = 'week' | 'month' | 'year';

export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + days);
}

export function isoDate(day: Date): string {
  const year = String(day.getFullYear()).padStart(4, '0');
  const month = String(day.getMonth() + 1).padStart(2, '0');
  const date = String(day.getDate()).padStart(2, '0');
  return `${year}-${month}-${date}`;
}

/**
 * The one day Lex gives for a period (AMAZON.Date docs: a future period gives its last day, the current or a
 * past one its first day; weeks run Monday to Sunday). The docs' own example turns "next week" on Wednesday
 * 2020-11-25 into Sunday 2020-11-29, so a future week is read as the first Sunday after today.
 */
export function periodDay(today: Date, unit: PeriodUnit, offset: number): Date {
  const year = today.getFullYear();
  const month = today.getMonth();
  switch (unit) {
    case 'week': {
      const daysSinceMonday = (today.getDay() + 6) % 7;
      if (offset > 0) return addDays(today, 7 - today.getDay());
      return addDays(today, -daysSinceMonday + 7 * offset);
    }
    case 'month':
      return offset > 0 ? new Date(year, month + offset + 1, 0) : new Date(year, month + offset, 1);
    case 'year':
      return offset > 0 ? new Date(year + offset, 11, 31) : new Date(year + offset, 0, 1);
  }
}

/** A month named without a day ("december"): its last day when it is still ahead, else its first. */
export function monthDay(today: Date, year: number, monthIndex: number): Date {
  const ahead = year > today.getFullYear() || (year === today.getFullYear() && monthIndex > today.getMonth());
  return ahead ? new Date(year, monthIndex + 1, 0) : new Date(year, monthIndex, 1);
}

/** A year named without a month: its last day when it is still ahead, else its first. */
export function yearDay(today: Date, year: number): Date {
  return year > today.getFullYear() ? new Date(year, 11, 31) : new Date(year, 0, 1);
}
