import { dateTimeFormat, listFormat } from '../shared/intl-formatters';
import { calendarInstant } from './calendar';

/**
 * Locale-aware rendering of dates, times and lists for customer-facing text. Intl supplies the words
 * ("Thursday, March 12", "jueves, 12 de marzo", "9 a.m."), so the catalogues only hold sentences.
 */

/** `2026-03-12` as "Thursday, March 12". */
export function formatDate(isoDate: string, intlLocale: string): string {
  return plainSpaces(
    dateTimeFormat(intlLocale, {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(calendarInstant(isoDate)),
  );
}

/** `14:30` as "2:30 PM"; whole hours without minutes ("9 AM"), the way people say them. */
export function formatTime(clockTime: string, intlLocale: string): string {
  const instant = calendarInstant('2000-01-01', clockTime);
  const wholeHour = instant.getUTCMinutes() === 0;
  return plainSpaces(
    dateTimeFormat(intlLocale, {
      hour: 'numeric',
      ...(wholeHour ? {} : { minute: '2-digit' }),
      timeZone: 'UTC',
    }).format(instant),
  );
}

/** The generic name of a zone ("Eastern Time", "hora del este") as it reads at `epochMs`. */
export function formatTimeZoneName(timeZone: string, intlLocale: string, epochMs: number): string {
  const parts = dateTimeFormat(intlLocale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(epochMs);
  return plainSpaces(parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone);
}

/** 0 = Monday ... 6 = Sunday, in the locale's own spelling ("Monday", "lunes"). */
export function weekdayName(mondayBasedIndex: number, intlLocale: string): string {
  // 2024-01-01 was a Monday.
  const monday = calendarInstant('2024-01-01');
  const day = new Date(monday.getTime() + mondayBasedIndex * 86_400_000);
  return dateTimeFormat(intlLocale, { weekday: 'long', timeZone: 'UTC' }).format(day);
}

/** "A, B, and C" / "A, B y C". */
export function formatList(items: readonly string[], intlLocale: string): string {
  return listFormat(intlLocale, { style: 'long', type: 'conjunction' }).format(items);
}

/** Newer ICU puts narrow no-break spaces inside times ("9\u202fAM"); plain spaces read and speak the same everywhere. */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}
