import { dateTimeFormat } from '../shared/intl-formatters';

/**
 * Calendar arithmetic on the plain strings Lex uses: ISO dates (`2026-03-10`, AMAZON.Date) and 24-hour
 * clock times (`14:30`, AMAZON.Time). They carry no time zone; "now" is placed in the store's zone.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface LocalMoment {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM`, 24-hour */
  time: string;
}

/** The wall-clock date and time at `epochMs` in `timeZone`. */
export function localMoment(epochMs: number, timeZone: string): LocalMoment {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** Days since 1970-01-01 for a real calendar date, or undefined (`2026-02-30` is not one). */
export function isoDateToDayNumber(isoDate: string): number | undefined {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const epochMs = Date.UTC(year, month - 1, day);
  const date = new Date(epochMs);
  const roundTrips =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return roundTrips ? epochMs / DAY_MS : undefined;
}

export function dayNumberToIsoDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const dayNumber = isoDateToDayNumber(isoDate);
  if (dayNumber === undefined) throw new RangeError(`Not an ISO calendar date: ${isoDate}`);
  return dayNumberToIsoDate(dayNumber + days);
}

/** Minutes after midnight for `HH:MM`, or undefined for anything else. */
export function clockTimeToMinutes(time: string): number | undefined {
  const match = CLOCK_TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** A UTC instant whose UTC fields spell the given date (and time): the anchor Intl formatters need. */
export function calendarInstant(isoDate: string, time = '00:00'): Date {
  const dayNumber = isoDateToDayNumber(isoDate);
  const minutes = clockTimeToMinutes(time);
  if (dayNumber === undefined || minutes === undefined)
    throw new RangeError(`Not a date and time: ${isoDate} ${time}`);
  return new Date(dayNumber * DAY_MS + minutes * 60_000);
}
