import { clockTimeToMinutes, isoDateToDayNumber } from '../calendar';
import type { LexV2SlotValue } from '../lex-event';

/** Agents make callbacks in this window, store local time, both ends included. */
export const BUSINESS_HOURS = { opens: '09:00', closes: '17:00' } as const;
/** How far ahead a callback can be booked, counting today as day 0. */
export const BOOKING_WINDOW_DAYS = 30;

export type DateCheck = { ok: true; date: string } | { ok: false; problem: 'unreadable' | 'past' | 'tooFar' };

export function checkCallbackDate(value: string | null, today: string): DateCheck {
  if (value === null) return { ok: false, problem: 'unreadable' };
  const day = isoDateToDayNumber(value);
  const todayNumber = isoDateToDayNumber(today);
  if (day === undefined || todayNumber === undefined) return { ok: false, problem: 'unreadable' };
  if (day < todayNumber) return { ok: false, problem: 'past' };
  if (day > todayNumber + BOOKING_WINDOW_DAYS) return { ok: false, problem: 'tooFar' };
  return { ok: true, date: value };
}

export type TimeCheck =
  | { ok: true; time: string }
  | { ok: false; problem: 'unreadable' | 'ambiguous' | 'outsideHours' | 'alreadyPassed' };

export interface TimeCheckContext {
  /** The callback date when it is already known to be valid; only then can a time be "already passed". */
  date: string | undefined;
  today: string;
  /** Store local time now, `HH:MM`. */
  now: string;
}

/**
 * AMAZON.Time leaves "at 10" open: interpretedValue null, resolvedValues ["10:00", "22:00"]. Only one of a
 * pair can fall inside business hours, so that one is what the customer meant; otherwise ask.
 */
export function checkCallbackTime(value: LexV2SlotValue, context: TimeCheckContext): TimeCheck {
  const chosen =
    value.interpretedValue === null
      ? pickBusinessHoursCandidate(value.resolvedValues ?? [])
      : { ok: true as const, time: value.interpretedValue };
  if (!chosen.ok) return chosen;
  const minutes = clockTimeToMinutes(chosen.time);
  if (minutes === undefined) return { ok: false, problem: 'unreadable' };
  if (!withinBusinessHours(minutes)) return { ok: false, problem: 'outsideHours' };
  const nowMinutes = clockTimeToMinutes(context.now);
  if (context.date === context.today && nowMinutes !== undefined && minutes <= nowMinutes) {
    return { ok: false, problem: 'alreadyPassed' };
  }
  return chosen;
}

function pickBusinessHoursCandidate(candidates: readonly string[]): TimeCheck {
  const readable = candidates.filter((candidate) => clockTimeToMinutes(candidate) !== undefined);
  if (readable.length === 0) return { ok: false, problem: 'unreadable' };
  const inHours = readable.filter((candidate) => withinBusinessHours(clockTimeToMinutes(candidate) ?? -1));
  const [only] = inHours;
  return inHours.length === 1 && only !== undefined
    ? { ok: true, time: only }
    : { ok: false, problem: 'ambiguous' };
}

function withinBusinessHours(minutes: number): boolean {
  const opens = clockTimeToMinutes(BUSINESS_HOURS.opens) ?? 0;
  const closes = clockTimeToMinutes(BUSINESS_HOURS.closes) ?? 0;
  return minutes >= opens && minutes <= closes;
}
