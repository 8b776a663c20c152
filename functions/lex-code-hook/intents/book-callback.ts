import { randomUUID } from 'node:crypto';
import { addDays, localMoment } from '../calendar';
import type { Callback } from '../data/callbacks';
import { formatDate, formatTime, formatTimeZoneName } from '../formatting';
import type { LexV2Result, LexV2ResultIntent } from '../lex-event';
import type { MessageCatalogue } from '../messages';
import { close, confirmIntent, delegate, elicitSlot } from '../responses';
import { slotValue, withSlotValue } from '../slots';
import { lastFourDigits, normalizePhoneNumber } from '../validation/phone-number';
import {
  BOOKING_WINDOW_DAYS,
  BUSINESS_HOURS,
  checkCallbackDate,
  checkCallbackTime,
  type DateCheck,
  type TimeCheck,
} from '../validation/callback-schedule';
import { callbackReference } from './callback-reference';
import { ofKind, type IntentHandler, type IntentRequest } from './intent-handler';

const DATE = 'CallbackDate';
const TIME = 'CallbackTime';
const PHONE = 'PhoneNumber';

interface Schedule {
  date: string;
  time: string;
  phoneNumber: string;
}

/** Either the slot to ask for again and why, or the intent with its slot values settled. */
type SlotReview =
  { rejected: { slot: string; reason: string } } | { intent: LexV2ResultIntent; schedule: Partial<Schedule> };

export const bookCallback: IntentHandler = {
  validate(request) {
    const { intent, sessionAttributes } = request;
    if (intent.confirmationState === 'Denied') return declined(request);
    const review = reviewSlots(request);
    if ('rejected' in review) return askAgain(request, review.rejected);
    const { date, time, phoneNumber } = review.schedule;
    // Lex's own confirmation prompt would read the slots' ISO values ("on 2026-12-09 at 15:00").
    if (date && time && phoneNumber && intent.confirmationState === 'None')
      return ofKind(
        'readBack',
        confirmIntent(
          review.intent,
          confirmationPrompt({ date, time, phoneNumber }, request),
          sessionAttributes,
        ),
      );
    return delegate(review.intent, sessionAttributes);
  },

  async fulfil(request) {
    const { event, intent, sessionAttributes, deps, log } = request;
    // Lex plays the declination itself and never fulfils a denied intent; this guards a changed bot definition.
    if (intent.confirmationState === 'Denied') return declined(request);
    const review = reviewSlots(request);
    if ('rejected' in review) return askAgain(request, review.rejected);
    const schedule = completeSchedule(review.schedule);
    // Without Lex's request id a retry cannot be recognised, so each invocation books on its own.
    const requestId = event.sessionState.originatingRequestId ?? randomUUID();
    const { callback, created } = await deps.callbacks.bookOnce({
      callbackId: callbackReference(event.sessionId, requestId),
      sessionId: event.sessionId,
      requestId,
      localeId: event.bot.localeId,
      ...schedule,
      createdAt: new Date(deps.clock()).toISOString(),
      status: 'requested',
    });
    log.info(created ? 'Callback booked' : 'Callback already booked by this request', {
      callbackId: callback.callbackId,
    });
    // The booking and its reference number are read back: the caller needs them whole.
    return ofKind(
      'readBack',
      close(review.intent, 'Fulfilled', confirmation(callback, request), sessionAttributes),
    );
  },
};

/** Checks the filled slots in the order Lex asks for them; the first bad one is asked for again. */
function reviewSlots({ intent, messages, deps }: IntentRequest): SlotReview {
  const now = localMoment(deps.clock(), deps.storeTimeZone);
  const window = businessHours(messages);
  let settled = intent;
  const schedule: Partial<Schedule> = {};

  const date = slotValue(intent, DATE);
  if (date) {
    const check = checkCallbackDate(date.interpretedValue, now.date);
    if (!check.ok) return { rejected: { slot: DATE, reason: dateProblem(check, now.date, messages) } };
    schedule.date = check.date;
  }

  const time = slotValue(intent, TIME);
  if (time) {
    const check = checkCallbackTime(time, { date: schedule.date, today: now.date, now: now.time });
    if (!check.ok) return { rejected: { slot: TIME, reason: timeProblem(check, window, messages) } };
    schedule.time = check.time;
    if (time.interpretedValue !== check.time) settled = withSlotValue(settled, TIME, check.time);
  }

  const phone = slotValue(intent, PHONE);
  if (phone) {
    const phoneNumber =
      phone.interpretedValue === null ? undefined : normalizePhoneNumber(phone.interpretedValue);
    if (phoneNumber === undefined)
      return { rejected: { slot: PHONE, reason: messages.callback.phoneInvalid } };
    schedule.phoneNumber = phoneNumber;
    if (phone.interpretedValue !== phoneNumber) settled = withSlotValue(settled, PHONE, phoneNumber);
  }

  return { intent: settled, schedule };
}

function dateProblem(
  check: Extract<DateCheck, { ok: false }>,
  today: string,
  messages: MessageCatalogue,
): string {
  switch (check.problem) {
    case 'unreadable':
      return messages.callback.dateUnreadable;
    case 'past':
      return messages.callback.dateInPast;
    case 'tooFar':
      return messages.callback.dateTooFar(
        formatDate(addDays(today, BOOKING_WINDOW_DAYS), messages.intlLocale),
      );
  }
}

function timeProblem(
  check: Extract<TimeCheck, { ok: false }>,
  window: { opens: string; closes: string },
  messages: MessageCatalogue,
): string {
  switch (check.problem) {
    case 'unreadable':
      return messages.callback.timeUnreadable(window);
    case 'ambiguous':
      return messages.callback.timeAmbiguous(window);
    case 'outsideHours':
      return messages.callback.timeOutsideHours(window);
    case 'alreadyPassed':
      return messages.callback.timeAlreadyPassed(window);
  }
}

function businessHours(messages: MessageCatalogue): { opens: string; closes: string } {
  return {
    opens: formatTime(BUSINESS_HOURS.opens, messages.intlLocale),
    closes: formatTime(BUSINESS_HOURS.closes, messages.intlLocale),
  };
}

/** Lex only fulfils once every required slot is filled; a gap here means the bot definition changed. */
function completeSchedule(schedule: Partial<Schedule>): Schedule {
  const { date, time, phoneNumber } = schedule;
  if (date !== undefined && time !== undefined && phoneNumber !== undefined)
    return { date, time, phoneNumber };
  const slots: [string, string | undefined][] = [
    [DATE, date],
    [TIME, time],
    [PHONE, phoneNumber],
  ];
  const missing = slots.filter(([, value]) => value === undefined).map(([name]) => name);
  throw new Error(`BookCallback reached fulfillment without ${missing.join(', ')}`);
}

/** A booking as the customer hears it: the day and time in words, in the store's time zone, the number's end. */
function bookingInWords(schedule: Schedule, { messages, deps }: IntentRequest) {
  return {
    date: formatDate(schedule.date, messages.intlLocale),
    time: formatTime(schedule.time, messages.intlLocale),
    timeZone: formatTimeZoneName(deps.storeTimeZone, messages.intlLocale, deps.clock()),
    phoneEnding: lastFourDigits(schedule.phoneNumber),
  };
}

function confirmationPrompt(schedule: Schedule, request: IntentRequest): string {
  return request.messages.callback.confirm(bookingInWords(schedule, request));
}

function confirmation(callback: Callback, request: IntentRequest): string {
  return request.messages.callback.booked({
    ...bookingInWords(callback, request),
    reference: callback.callbackId,
  });
}

function askAgain(
  { intent, sessionAttributes }: IntentRequest,
  rejected: { slot: string; reason: string },
): LexV2Result {
  return elicitSlot(intent, rejected.slot, rejected.reason, sessionAttributes);
}

function declined({ intent, sessionAttributes, messages }: IntentRequest): LexV2Result {
  return close(intent, 'Failed', messages.callback.declined, sessionAttributes);
}
