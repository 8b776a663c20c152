import {
  storeAddressIn,
  storeIdFor,
  storeNameIn,
  WEEKDAYS,
  type DayHours,
  type Store,
  type StoreRepository,
} from '../data/stores';
import { formatList, formatTime, weekdayName } from '../formatting';
import type { MessageCatalogue } from '../messages';
import { close } from '../responses';
import { saysAnyOf } from '../../shared/plain-words';
import { addDays, clockTimeToMinutes, localMoment } from '../calendar';
import { interpretedValue, withSlotValue } from '../slots';
import type { IntentHandler } from './intent-handler';
import { describeWeek } from './store-schedule';

const LOCATION = 'Location';
/** AMAZON.Date: the day asked about, answered for its weekday ("is it open on Sunday?"). */
const DAY = 'Day';
/** AMAZON.Time: a time the customer wants the store open at ("¿está abierta a las 7?"). */
const OPEN_AT = 'OpenAt';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The customer's locale: the names stores are called, and the catalogue the sentences come from. */
interface Audience {
  localeId: string;
  messages: MessageCatalogue;
}

/**
 * "The weekend" is no date, so Lex's AMAZON.Date cannot carry it: a question that names it is answered for
 * Saturday and Sunday, whatever day an earlier question left in the slot. Lowercase, without accents.
 */
const WEEKEND_WORDS: Readonly<Record<string, readonly string[]>> = {
  en_US: ['weekend', 'weekends'],
  es_US: ['fin de semana', 'fines de semana', 'finde'],
};
const SATURDAY = 5;
const SUNDAY = 6;
const MINUTES_PER_DAY = 24 * 60;

/**
 * Weekdays as a whole ("¿y entre semana?") are no date either: such a question gets the week's schedule, which
 * groups the weekdays, whatever day an earlier question left in the slot. Lowercase, without accents.
 */
const WEEKDAYS_WORDS: Readonly<Record<string, readonly string[]>> = {
  en_US: ['weekdays', 'during the week', 'monday to friday', 'monday through friday'],
  es_US: ['entre semana', 'dias de semana', 'dias entre semana', 'de lunes a viernes'],
};

/**
 * "Are you open now?" is no date either: it is answered for today, in the stores' time zone. Lowercase,
 * without accents.
 */
const NOW_WORDS: Readonly<Record<string, readonly string[]>> = {
  en_US: ['now', 'right now', 'currently', 'at the moment'],
  es_US: ['ahora', 'ahorita', 'ahora mismo', 'en este momento', 'ya'],
};

/**
 * "Where is it?": a day's hours do not say where the store is (the week's do), so the address comes first.
 * Lowercase, without accents.
 */
const WHERE_WORDS: Readonly<Record<string, readonly string[]>> = {
  en_US: ['where', 'address', 'located', 'location'],
  es_US: ['donde', 'direccion', 'ubicacion', 'ubicada', 'como llego'],
};

/** Holidays, whose hours the stores table does not have. Lowercase, without accents. */
const HOLIDAY_WORDS: Readonly<Record<string, readonly string[]>> = {
  en_US: [
    'holiday',
    'holidays',
    'christmas',
    'thanksgiving',
    'new year',
    'new years',
    'easter',
    'july 4th',
    'fourth of july',
  ],
  es_US: [
    'festivo',
    'festivos',
    'feriado',
    'feriados',
    'navidad',
    'accion de gracias',
    'ano nuevo',
    'semana santa',
  ],
};

/**
 * A weekday asked about as a habit ("are you open on Sundays?", "¿abren los sábados?") is no date either, and
 * AMAZON.Date leaves it out; such a question is answered for that weekday. Monday first, lowercase, no accents.
 */
const RECURRING_WEEKDAYS: Readonly<Record<string, readonly string[]>> = {
  en_US: ['mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays'],
  es_US: [
    'los lunes',
    'los martes',
    'los miercoles',
    'los jueves',
    'los viernes',
    'los sabados',
    'los domingos',
  ],
};

/**
 * "Which store closes latest?" and "which opens earliest?" compare the stores on one day (the one asked about,
 * or today). Lowercase, without accents.
 */
const CLOSES_LATEST_WORDS: Readonly<Record<string, readonly string[]>> = {
  en_US: ['closes latest', 'close latest', 'closes last', 'open latest', 'open the latest', 'opened latest'],
  es_US: [
    'cierra mas tarde',
    'cierran mas tarde',
    'cierra al ultimo',
    'hasta mas tarde',
    'abierta mas tarde',
  ],
};
const OPENS_EARLIEST_WORDS: Readonly<Record<string, readonly string[]>> = {
  en_US: ['opens earliest', 'open earliest', 'opens first', 'open first', 'earliest'],
  es_US: ['abre mas temprano', 'abren mas temprano', 'abre primero', 'abre antes', 'mas temprano'],
};

export const storeHours: IntentHandler = {
  async fulfil({ event, intent, sessionAttributes, messages, deps }) {
    const audience = { localeId: event.bot.localeId, messages };
    const location = interpretedValue(intent, LOCATION);
    const { inputTranscript: transcript } = event;
    const recurring = recurringWeekdays(transcript, event.bot.localeId);
    const asked = weekdayOf(interpretedValue(intent, DAY));
    const days = asksAboutWeekend(transcript, event.bot.localeId)
      ? [SATURDAY, SUNDAY]
      : saysAnyOf(transcript, WEEKDAYS_WORDS[event.bot.localeId] ?? [])
        ? [undefined]
        : recurring.length > 0
          ? recurring
          : [asked ?? (saysAnyOf(transcript, NOW_WORDS[event.bot.localeId] ?? []) ? today(deps) : undefined)];
    // The one day answered for goes into the slot, so the output context carries it to a follow-up: "¿y la
    // del norte?" after "¿abren los domingos?" asks about Sunday too.
    const answeredOn = (day: number | undefined) =>
      asked === undefined && day !== undefined ? withSlotValue(intent, DAY, nextDateOf(day, deps)) : intent;
    // A comparison or a time asks about one day: the one named, or today.
    const oneDay = days.length === 1 ? (days[0] ?? today(deps) ?? 0) : undefined;
    const comparison = comparisonAsked(transcript, event.bot.localeId);
    // AMAZON.Time may also be a part of the day ("EV"): only a clock time says whether a store is open.
    const given = interpretedValue(intent, OPEN_AT);
    const openAt = given && clockTimeToMinutes(given) !== undefined ? given : undefined;
    const compared = comparison && !location ? comparison : undefined;
    // The store asked about, read once for every answer about it this turn.
    const store = location ? await deps.stores.findStore(storeIdFor(location)) : undefined;
    if (oneDay !== undefined && (compared || openAt)) {
      const said =
        location && openAt
          ? await oneStoreAtTime(store, oneDay, openAt, deps.stores, audience)
          : await allStoresOnOneDay(
              oneDay,
              compared ? { compared } : { openAt: openAt ?? '' },
              deps.stores,
              audience,
            );
      return close(answeredOn(oneDay), 'Fulfilled', said, sessionAttributes);
    }
    const answers: string[] = [];
    for (const day of days) {
      answers.push(
        location
          ? await hoursOfOneStore(store, day, deps.stores, audience)
          : await hoursOfAllStores(day, deps.stores, audience),
      );
    }
    const holiday = saysAnyOf(event.inputTranscript, HOLIDAY_WORDS[event.bot.localeId] ?? []);
    const where =
      store &&
      days.every((day) => day !== undefined) &&
      saysAnyOf(transcript, WHERE_WORDS[event.bot.localeId] ?? [])
        ? addressOf(store, audience)
        : undefined;
    const said = [
      ...(holiday ? [messages.stores.holidayHoursUnknown] : []),
      ...(where ? [where] : []),
      ...new Set(answers),
    ];
    return close(
      answeredOn(days.length === 1 ? days[0] : undefined),
      'Fulfilled',
      said.join(' '),
      sessionAttributes,
    );
  },
};

type Comparison = 'closesLatest' | 'opensEarliest';

function comparisonAsked(transcript: string, localeId: string): Comparison | undefined {
  if (saysAnyOf(transcript, CLOSES_LATEST_WORDS[localeId] ?? [])) return 'closesLatest';
  return saysAnyOf(transcript, OPENS_EARLIEST_WORDS[localeId] ?? []) ? 'opensEarliest' : undefined;
}

/** A store open on the day asked about, by the name its audience knows, with that day's hours. */
interface OpenStore {
  name: string;
  hours: NonNullable<DayHours>;
  /** "9 AM to 9 PM", in the audience's words. */
  said: string;
}

/** The stores open on the weekday; undefined when there are no stores at all. */
async function storesOpenOn(
  weekday: number,
  stores: StoreRepository,
  audience: Audience,
): Promise<OpenStore[] | undefined> {
  const all = named(await stores.listStores(), audience);
  if (all.length === 0) return undefined;
  return all.flatMap(({ name, store }) => {
    const hours = store.hours[WEEKDAYS[weekday] ?? 'monday'];
    const said = hoursOn(store, weekday, audience.messages);
    return hours && said ? [{ name, hours, said }] : [];
  });
}

/** Every store on one day, compared ("which one closes latest?") or at a time ("which are open at 7?"). */
async function allStoresOnOneDay(
  weekday: number,
  asked: { compared: Comparison } | { openAt: string },
  stores: StoreRepository,
  audience: Audience,
): Promise<string> {
  const open = await storesOpenOn(weekday, stores, audience);
  if (!open) return audience.messages.stores.noStores;
  return 'compared' in asked
    ? storesCompared(asked.compared, weekday, open, audience.messages)
    : storesOpenAtTime(weekday, asked.openAt, open, audience.messages);
}

/**
 * A day's opening and closing in minutes past midnight; a store that closes at or after midnight closes the next
 * day, so past 24 hours.
 */
function openMinutes(hours: NonNullable<DayHours>): { opens: number; closes: number } {
  const opens = clockTimeToMinutes(hours.opens) ?? 0;
  const closes = clockTimeToMinutes(hours.closes) ?? 0;
  return { opens, closes: closes <= opens ? closes + MINUTES_PER_DAY : closes };
}

/** The store or stores open latest, or opening earliest, on the weekday, with their hours that day. */
function storesCompared(
  comparison: Comparison,
  weekday: number,
  open: readonly OpenStore[],
  messages: MessageCatalogue,
): string {
  const day = weekdayName(weekday, messages.intlLocale);
  if (open.length === 0) return messages.stores.allStoresOnDay(day, [messages.stores.closed]);
  const time = ({ hours }: OpenStore) =>
    comparison === 'opensEarliest' ? openMinutes(hours).opens : openMinutes(hours).closes;
  const times = open.map(time);
  const best = comparison === 'closesLatest' ? Math.max(...times) : Math.min(...times);
  const entries = open
    .filter((entry) => time(entry) === best)
    .map(({ name, said }) => messages.stores.scheduleEntry(name, said));
  return messages.stores[comparison](day, entries);
}

/** Whether the store is open at a clock time ("19:00") on that day; after midnight counts for a late closing. */
function isOpenAt(hours: NonNullable<DayHours>, time: string): boolean {
  const minutes = clockTimeToMinutes(time) ?? 0;
  const { opens, closes } = openMinutes(hours);
  return (minutes >= opens && minutes < closes) || minutes + MINUTES_PER_DAY < closes;
}

async function oneStoreAtTime(
  store: Store | undefined,
  weekday: number,
  time: string,
  stores: StoreRepository,
  audience: Audience,
): Promise<string> {
  const { localeId, messages } = audience;
  const hours = store?.hours[WEEKDAYS[weekday] ?? 'monday'];
  // An unknown store, or one closed all day, is answered as a question about the day.
  if (!store || !hours) return hoursOfOneStore(store, weekday, stores, audience);
  return messages.stores.oneStoreAtTime({
    name: storeNameIn(store, localeId),
    day: weekdayName(weekday, messages.intlLocale),
    time: formatTime(time, messages.intlLocale),
    hours: hoursOn(store, weekday, messages) ?? '',
    open: isOpenAt(hours, time),
  });
}

function storesOpenAtTime(
  weekday: number,
  time: string,
  open: readonly OpenStore[],
  messages: MessageCatalogue,
): string {
  const day = weekdayName(weekday, messages.intlLocale);
  const said = formatTime(time, messages.intlLocale);
  const entries = open
    .filter(({ hours }) => isOpenAt(hours, time))
    .map(({ name, said: hours }) => messages.stores.scheduleEntry(name, hours));
  if (entries.length === 0) return messages.stores.noStoreOpenAtTime(day, said);
  return messages.stores.storesOpenAtTime(day, said, entries.join('; '));
}

function asksAboutWeekend(transcript: string, localeId: string): boolean {
  return saysAnyOf(transcript, WEEKEND_WORDS[localeId] ?? []);
}

/** Today's weekday in the stores' time zone, Monday-based: worked out only when "now" is asked. */
function today(deps: { clock: () => number; storeTimeZone: string }): number | undefined {
  return weekdayOf(localMoment(deps.clock(), deps.storeTimeZone).date);
}

/** The date of the weekday's next occurrence, today included, in the stores' time zone. */
function nextDateOf(weekday: number, deps: { clock: () => number; storeTimeZone: string }): string {
  const { date } = localMoment(deps.clock(), deps.storeTimeZone);
  return addDays(date, (weekday - (weekdayOf(date) ?? weekday) + 7) % 7);
}

/** The weekdays a question names as a habit, Monday-based. */
function recurringWeekdays(transcript: string, localeId: string): number[] {
  return (RECURRING_WEEKDAYS[localeId] ?? []).flatMap((name, weekday) =>
    saysAnyOf(transcript, [name]) ? [weekday] : [],
  );
}

/** Monday-based index of a date's weekday; undefined for no date or a value that is not one. */
function weekdayOf(date: string | null | undefined): number | undefined {
  const parts = date ? ISO_DATE.exec(date) : null;
  if (!parts) return undefined;
  const utc = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
  return Number.isNaN(utc.getTime()) ? undefined : (utc.getUTCDay() + 6) % 7;
}

/** "9 AM to 9 PM" on that weekday, or null when the store is closed. */
function hoursOn(store: Store, weekday: number, messages: MessageCatalogue): string | null {
  const hours = store.hours[WEEKDAYS[weekday] ?? 'monday'];
  if (hours === null) return null;
  const { intlLocale } = messages;
  return messages.stores.hours(formatTime(hours.opens, intlLocale), formatTime(hours.closes, intlLocale));
}

/** The asked store's hours on the weekday, or its week; the stores we have when it is not one of them. */
async function hoursOfOneStore(
  store: Store | undefined,
  weekday: number | undefined,
  stores: StoreRepository,
  audience: Audience,
): Promise<string> {
  const { localeId, messages } = audience;
  if (store && weekday !== undefined) {
    return messages.stores.oneStoreOnDay({
      name: storeNameIn(store, localeId),
      day: weekdayName(weekday, messages.intlLocale),
      hours: hoursOn(store, weekday, messages),
    });
  }
  if (store) {
    return messages.stores.oneStore({
      name: storeNameIn(store, localeId),
      address: storeAddressIn(store, localeId),
      schedule: describeWeek(store.hours, messages),
    });
  }
  const known = named(await stores.listStores(), audience);
  if (known.length === 0) return messages.stores.noStores;
  const names = known.map(({ name }) => name);
  return messages.stores.unknownStore(formatList(names, messages.intlLocale));
}

function addressOf(store: Store, audience: Audience): string {
  return audience.messages.stores.storeAddress({
    name: storeNameIn(store, audience.localeId),
    address: storeAddressIn(store, audience.localeId),
  });
}

async function hoursOfAllStores(
  weekday: number | undefined,
  stores: StoreRepository,
  audience: Audience,
): Promise<string> {
  const { messages } = audience;
  const all = named(await stores.listStores(), audience);
  if (all.length === 0) return messages.stores.noStores;
  if (weekday !== undefined) {
    return messages.stores.allStoresOnDay(
      weekdayName(weekday, messages.intlLocale),
      all.map(({ name, store }) =>
        messages.stores.scheduleEntry(name, hoursOn(store, weekday, messages) ?? messages.stores.closed),
      ),
    );
  }
  return messages.stores.allStores(
    all.map(({ name, store }) => ({ name, schedule: describeWeek(store.hours, messages) })),
  );
}

/** Each store with the name its audience knows it by, in that language's alphabetical order. */
function named(stores: Store[], { localeId, messages }: Audience): { name: string; store: Store }[] {
  return stores
    .map((store) => ({ name: storeNameIn(store, localeId), store }))
    .sort((a, b) => a.name.localeCompare(b.name, messages.intlLocale));
}
