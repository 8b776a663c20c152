/**
 * Every customer-facing sentence, per locale. Values arrive already rendered for the locale (dates,
 * times, lists come from formatting.ts), so a catalogue only decides wording and word order.
 */
export interface MessageCatalogue {
  /** BCP 47 tag for Intl: `en-US`, `es-US`. */
  intlLocale: string;
  common: {
    unexpectedError: string;
    unknownIntent: string;
  };
  orders: {
    numberHint: string;
    shipped(order: {
      orderNumber: string;
      carrier: string;
      trackingNumber: string;
      expectedDelivery: string;
    }): string;
    processing(order: { orderNumber: string }): string;
    delivered(order: { orderNumber: string; deliveredOn: string }): string;
    cancelled(order: { orderNumber: string }): string;
    notFound(order: { orderNumber: string }): string;
  };
  /** Store names arrive as the customer's locale calls them (`storeNameIn` in data/stores.ts). */
  stores: {
    oneStore(store: { name: string; address: string; schedule: string }): string;
    allStores(stores: { name: string; schedule: string }[]): string;
    /** One store on the day asked about; `hours` is null when it is closed that day. */
    oneStoreOnDay(store: { name: string; day: string; hours: string | null }): string;
    /** Where one store is, for "where is it?" after its hours on a day. */
    storeAddress(store: { name: string; address: string }): string;
    /** Every store on the day asked about, each entry "Downtown, 9 AM to 9 PM" (scheduleEntry). */
    allStoresOnDay(day: string, entries: readonly string[]): string;
    /** The store or stores open latest, or opening earliest, on the day asked about, as scheduleEntry entries. */
    closesLatest(day: string, entries: readonly string[]): string;
    opensEarliest(day: string, entries: readonly string[]): string;
    /** Whether one store is open at the time asked ("7 PM"), with its hours that day. */
    oneStoreAtTime(store: { name: string; day: string; time: string; hours: string; open: boolean }): string;
    /** The stores open on the day at the time asked, as scheduleEntry entries joined; noStoreOpenAtTime for none. */
    storesOpenAtTime(day: string, time: string, entries: string): string;
    noStoreOpenAtTime(day: string, time: string): string;
    unknownStore(knownNames: string): string;
    noStores: string;
    /** Said before the regular hours when a holiday is asked about: the stores table has no holiday hours. */
    holidayHoursUnknown: string;
    everyDay: string;
    dayRange(first: string, last: string): string;
    hours(opens: string, closes: string): string;
    closed: string;
    /** One run of days with the same hours: "Monday to Friday, 9 AM to 9 PM". */
    scheduleEntry(days: string, hours: string): string;
  };
  password: {
    emailHint: string;
    linkSent(maskedEmail: string): string;
    declined: string;
  };
  callback: {
    dateUnreadable: string;
    dateInPast: string;
    dateTooFar(lastDate: string): string;
    timeUnreadable(window: { opens: string; closes: string }): string;
    timeAmbiguous(window: { opens: string; closes: string }): string;
    timeOutsideHours(window: { opens: string; closes: string }): string;
    timeAlreadyPassed(window: { opens: string; closes: string }): string;
    phoneInvalid: string;
    /** Before booking: the day and time as people say them, never the ISO values Lex would put in its prompt. */
    confirm(booking: { date: string; time: string; timeZone: string; phoneEnding: string }): string;
    booked(booking: {
      date: string;
      time: string;
      timeZone: string;
      phoneEnding: string;
      reference: string;
    }): string;
    declined: string;
  };
  agent: {
    connecting: string;
  };
  feedback: {
    /** After the customer says the last answer did not help: apologise and offer a person. */
    unhelpfulAnswer: string;
    /** The same complaint with no answer remembered in this session to refer to. */
    noPreviousAnswer: string;
  };
  /** A greeting, or "what can you do?": what the bot can help with, and an invitation to ask. */
  welcome: string;
  /** Short replies read against the question just asked (pending-question.ts). */
  repairs: {
    /** Before a slot prompt asked again, after a "no" that cannot answer it. */
    notCaught: string;
    /** "No" to an offer of a person: the conversation goes on. */
    offerDeclined: string;
  };
  farewell: {
    /** The customer has nothing more to ask, on a call: the contact flow hangs up after it. */
    call: string;
    /** The same in a chat, which stays open should the customer come back. */
    chat: string;
  };
  details: {
    /** After a spoken answer with more to it: the full details can be texted, and the words that ask for it. */
    offer: string;
    /** Asked to text an answer when this conversation has none remembered. */
    nothingToSend: string;
    /** The caller's number is unknown, or not the one to use: which number to text. */
    askNumber: string;
    /** Reads the number back for the customer to check, as a yes-or-no question. */
    confirmNumber(phoneNumber: string): string;
    /** The request is stored; the text itself comes from another system, with its usual SMS notice. */
    requested: string;
    /** The same answer had already been requested, for `phoneNumber`. */
    alreadyRequested(phoneNumber: string): string;
  };
  voice: {
    /** Said before repeating a question the caller did not answer at all. */
    noInput: string;
    /** The question repeated when no intent is waiting for an answer. */
    howCanIHelp: string;
    /** The question repeated when a yes or a no is awaited. */
    yesOrNo: string;
    /** After too many silences in a row: the call ends politely. */
    goodbye: string;
    /** A spoken reply cut to fit one message says so, and where the rest is. */
    shortened: string;
    /** Each slot's question, worded as the bot definition's first prompt, by intent and slot name. */
    slotPrompts: Readonly<Record<string, Readonly<Record<string, string>>>>;
  };
  fallback: {
    cannotHelp: string;
    /** The line under a generated chat answer naming the articles it came from. */
    sources(titles: readonly string[]): string;
    /** After the opening of a curated article in a chat: how to see the rest. */
    moreInArticle: string;
  };
  /** The rest of the article just answered from, asked for in a chat ("tell me more"). */
  moreDetails: {
    nothingMore: string;
  };
}
