import type { MessageCatalogue } from './catalogue';
import { fullStop } from './punctuation';

const WHAT_I_CAN_DO =
  'I can check the status of an order, tell you our store hours, reset your password, book a callback, or connect you with an agent.';

const ASK_NUMBER = 'What phone number should I text the details to?';

export const enUS: MessageCatalogue = {
  intlLocale: 'en-US',
  common: {
    unexpectedError:
      "I'm sorry, something went wrong on my side and I couldn't finish that. Would you like me to connect you with an agent?",
    unknownIntent: `Sorry, I can't handle that request. ${WHAT_I_CAN_DO}`,
  },
  orders: {
    numberHint: "Order numbers have 5 digits, like 10001. What's yours?",
    shipped: ({ orderNumber, carrier, trackingNumber, expectedDelivery }) =>
      `Good news: order ${orderNumber} has shipped with ${carrier}. It should arrive on ${expectedDelivery}. ` +
      `The tracking number is ${trackingNumber}.`,
    processing: ({ orderNumber }) =>
      `Order ${orderNumber} is processing: we're picking and packing it, and it hasn't shipped yet. ` +
      "We'll email you a tracking number as soon as it's on its way.",
    delivered: ({ orderNumber, deliveredOn }) =>
      `Order ${orderNumber} was delivered on ${deliveredOn}. ` +
      "If you can't find it, check around your door and with your neighbors; if it's still missing, I can connect you with an agent.",
    cancelled: ({ orderNumber }) =>
      `Order ${orderNumber} was cancelled. If you didn't expect that, I can connect you with an agent.`,
    notFound: ({ orderNumber }) =>
      `I couldn't find an order with the number ${orderNumber}. ` +
      'Please check the 5-digit number in your confirmation email and try again, or say "agent" to talk to a person.',
  },
  stores: {
    oneStore: ({ name, address, schedule }) =>
      fullStop(`Hours for our ${name} store, at ${address}: ${schedule}`),
    allStores: (stores) =>
      `Here are our store hours. ${stores.map(({ name, schedule }) => fullStop(`${name}: ${schedule}`)).join(' ')} ` +
      'Ask me about one store for its address.',
    storeAddress: ({ name, address }) => fullStop(`Our ${name} store is at ${address}`),
    oneStoreOnDay: ({ name, day, hours }) =>
      hours === null
        ? `Our ${name} store is closed on ${day}.`
        : `On ${day}, our ${name} store is open ${hours}.`,
    allStoresOnDay: (day, entries) => fullStop(`On ${day}: ${entries.join('; ')}`),
    closesLatest: (day, entries) =>
      fullStop(
        entries.length === 1
          ? `On ${day}, the store open latest is ${entries.join('')}`
          : `On ${day}, the stores open latest are: ${entries.join('; ')}`,
      ),
    opensEarliest: (day, entries) =>
      fullStop(
        entries.length === 1
          ? `On ${day}, the store that opens earliest is ${entries.join('')}`
          : `On ${day}, the stores that open earliest are: ${entries.join('; ')}`,
      ),
    oneStoreAtTime: ({ name, day, time, hours, open }) =>
      fullStop(
        open
          ? `Yes: on ${day}, our ${name} store is open ${hours}`
          : `Not at ${time}: on ${day}, our ${name} store is open ${hours}`,
      ),
    storesOpenAtTime: (day, time, entries) =>
      fullStop(`At ${time} on ${day}, these stores are open: ${entries}`),
    noStoreOpenAtTime: (day, time) => `None of our stores is open at ${time} on ${day}.`,
    unknownStore: (knownNames) => `I don't have hours for that store. Our stores are ${knownNames}.`,
    noStores:
      "I'm sorry, I don't have our store hours right now. Would you like me to connect you with an agent?",
    holidayHoursUnknown: "Hours on holidays can differ from our regular hours, and I don't have them.",
    everyDay: 'every day',
    dayRange: (first, last) => `${first} to ${last}`,
    hours: (opens, closes) => `${opens} to ${closes}`,
    closed: 'closed',
    scheduleEntry: (days, hours) => `${days}, ${hours}`,
  },
  password: {
    emailHint: "That doesn't look like an email address. Please say it like name@example.com.",
    linkSent: (maskedEmail) =>
      `Done. I've sent a password reset link to ${maskedEmail}. ` +
      "If it isn't in your inbox in a few minutes, check your spam folder.",
    declined: "Okay, I won't reset your password. Anything else?",
  },
  callback: {
    dateUnreadable: "Sorry, I didn't catch the date. Which day would you like us to call you?",
    dateInPast: 'That date has already passed. Which day would you like us to call you?',
    dateTooFar: (lastDate) =>
      `We can book callbacks up to 30 days ahead, so the latest is ${lastDate}. Which day works for you?`,
    timeUnreadable: ({ opens, closes }) =>
      `Sorry, I didn't catch the time. What time should we call, between ${opens} and ${closes}?`,
    timeAmbiguous: ({ opens, closes }) =>
      fullStop(
        `Is that in the morning or the afternoon? Please say AM or PM. We call between ${opens} and ${closes}`,
      ),
    timeOutsideHours: ({ opens, closes }) =>
      `${fullStop(`We make callbacks between ${opens} and ${closes}`)} What time in that window works for you?`,
    timeAlreadyPassed: ({ opens, closes }) =>
      `That time has already passed today. What later time works, between ${opens} and ${closes}?`,
    phoneInvalid:
      "That phone number doesn't look complete. Please say the whole number, including the area code.",
    confirm: ({ date, time, timeZone, phoneEnding }) =>
      `An agent will call you on the number ending in ${phoneEnding} on ${date} at ${time} ${timeZone}. Shall I book it?`,
    booked: ({ date, time, timeZone, phoneEnding, reference }) =>
      `You're all set: an agent will call you on the number ending in ${phoneEnding} on ${date} at ${time} ${timeZone}. ` +
      `Your reference number is ${reference}.`,
    declined: "Okay, I haven't booked a callback. Anything else?",
  },
  agent: {
    connecting: 'Connecting you to an agent...',
  },
  feedback: {
    unhelpfulAnswer:
      "I'm sorry that didn't help. You can ask me another way, or I can connect you with a person. Would you like that?",
    noPreviousAnswer: `I'm sorry about that. ${WHAT_I_CAN_DO} What can I help you with?`,
  },
  welcome: `Hi! ${WHAT_I_CAN_DO} I can also answer questions about returns, shipping, payments and more. What can I help you with?`,
  repairs: {
    notCaught: "Sorry, I didn't catch that.",
    offerDeclined: 'All right. Is there anything else I can help you with?',
  },
  farewell: {
    call: 'Thanks for calling. Goodbye!',
    chat: 'Glad I could help. Bye!',
  },
  details: {
    offer: 'I can text you the full details: just say "text me the details".',
    nothingToSend:
      "I don't have an answer from this conversation to send you yet. Ask me a question, and I can text you the details afterwards.",
    askNumber: ASK_NUMBER,
    confirmNumber: (phoneNumber) => `I'll text the full details to ${phoneNumber}. Is that the right number?`,
    requested:
      "Done: you'll get a text with the full details in a few minutes. Message and data rates may apply.",
    alreadyRequested: (phoneNumber) =>
      `I've already asked for those details to be texted to ${phoneNumber}. They should arrive in a few minutes.`,
  },
  voice: {
    noInput: "Sorry, I didn't hear anything.",
    howCanIHelp: 'How can I help?',
    yesOrNo: 'Please say yes or no.',
    goodbye: "I still can't hear you, so I'll end the call now. Please call us back any time. Goodbye.",
    shortened: "That's the short version; an agent can tell you the rest.",
    slotPrompts: {
      CheckOrderStatus: {
        OrderNumber: "What's your order number? It's the 5-digit number in your confirmation email.",
      },
      OrderStatusFollowUp: {
        OrderNumber: "What's your order number? It's the 5-digit number in your confirmation email.",
      },
      ResetPassword: { Email: "What's the email address on your account?" },
      BookCallback: {
        CallbackDate: 'What day would you like us to call you?',
        CallbackTime: 'What time should we call? For example, 10 AM or 3:30 PM.',
        PhoneNumber: 'What phone number should we call?',
      },
      SendAnswerDetails: { PhoneNumber: ASK_NUMBER },
    },
  },
  fallback: {
    cannotHelp: `Sorry, I can't help with that yet. ${WHAT_I_CAN_DO} Would you like to talk to an agent?`,
    sources: (titles) => `Sources: ${titles.join('; ')}`,
    moreInArticle: 'Say "tell me more" for the whole article.',
  },
  moreDetails: {
    nothingMore: "That's all our article says about it. Is there anything else I can help you with?",
  },
};
