import type { NluLanguage } from './types';
import { wordList } from './word-list';

export const english: NluLanguage = {
  stemmer: 'english',
  // Function words, then negation and the framing of a request, which say little about its topic.
  stopWords: wordList(`
    i, me, my, mine, myself, you, your, yours, yourself, yall, y'all, u, ur, r, ugh, lol, omg, btw, idk, till, til,
    until, we, us, our, ours, he, him, his, she, her, it, its, they,
    them, their, this, that, these, those, a, an, one, the, and, or, but, so, if, of, to, in, on, at, by, for, with, from,
    about, as, into, onto, up, out, off, over, then, than, too, very, is, am, are, was, were, be, been, being, do,
    does, did, done, have, has, had, will, would, shall, should, can, could, may, might, must, not, no, yes, please,
    pls, plz, just, any, some, all, there, here, also, really, actually, oh, um, uh, hmm, hm, hi, hello, hey, now, let,
    ok, okay, yeah, yep, yup, yea, guys, well, like, kindly,
    never, problem, problems, trouble, issue, issues, question, wondering, wonder, whether, afraid, grateful,
    appreciate, bother, most, forget it, forget that, never mind, nevermind, usually, normally, typically, placed, typo, oops,
    generally, right now, right away, asap, immediately, you know what, know what, can not wait, it is urgent,
    urgently`),
  currencyWord: 'dollars',
  contractedWords: {
    "can't": ['can', 'not'],
    "won't": ['will', 'not'],
    "shan't": ['shall', 'not'],
    "ain't": ['is', 'not'],
    cannot: ['can', 'not'],
    // Chat shorthand, as typed in a hurry.
    wat: ['what'],
    wut: ['what'],
    wats: ['what', 'is'],
    thx: ['thanks'],
    ty: ['thank', 'you'],
    hrs: ['hours'],
    rn: ['right', 'now'],
    sry: ['sorry'],
    tmrw: ['tomorrow'],
    tmr: ['tomorrow'],
    b4: ['before'],
    pic: ['picture'],
  },
  contractedEndings: {
    "n't": ['not'],
    "'s": ['is'],
    "'re": ['are'],
    "'m": ['am'],
    "'ll": ['will'],
    "'ve": ['have'],
    "'d": ['would'],
  },
  encliticPronouns: [],
  correctionCues: wordList(
    `no wait, wait no, i mean, i meant, sorry, actually, make it, rather, instead, correction, pardon, scratch that,
     my mistake, my bad, oops, typo`,
  ),
  questionOpeners: wordList(`
    to ask if, to ask whether, to ask you if, wanted to know if, want to know if, like to know if,
    wondering if, wondering whether, tell me if, could you tell me, can you tell me`),
  reasonCues: wordList('because, cause, cuz, coz, in case, just in case'),
  synonymGroups: [
    // Dismissals: phrases, so "forget it" is not the "forget" of a password.
    wordList('forget it, forget that, never mind'),
    // Urgency and asides around a request: phrases and stop words, so "right now" is not the "right" of an order.
    wordList('right now, right away, asap, immediately'),
    wordList('can not wait, it is urgent, urgently'),
    wordList('you know what, know what'),
    // Orders and deliveries
    wordList('order, purchase, package, parcel, shipment, delivery, item, goods, product'),
    wordList('status, update, progress, tracking, whereabouts'),
    wordList('track, trace, follow up, locate'),
    wordList('ship, send, sent out, dispatch, mail, post'),
    wordList('arrive, come, deliver, receive, get here, show up, turn up'),
    wordList('look up, check, find out, find, see, look into'),
    wordList('wait, expect, still'),
    // Stores and opening hours
    wordList('store, shop, branch, location, outlet'),
    wordList('hours, times, schedule, opening times, opening hours, business hours, hours of operation'),
    wordList('open, opening, opens'),
    wordList('close, closing, closed, shut'),
    wordList('early, earliest'),
    wordList('late, latest, tonight, evening'),
    wordList('weekend, weekends, weekday, weekdays, week'),
    wordList('holiday, holidays, christmas, thanksgiving, easter, new year'),
    // Passwords and accounts
    wordList('password, passcode, passphrase, pin, credentials, login details'),
    wordList('reset, change, recover, restore, replace, new, different'),
    wordList('forgot, forget, forgotten, remember, recall, misplaced, lost, slipped my mind'),
    wordList('log in, login, log on, sign in, signin, access, get in, get into, get back in, enter'),
    wordList('account, profile'),
    wordList('locked, lock, blocked, block, disabled, suspended'),
    wordList('working, work, accepted, accept, valid, incorrect, wrong, invalid, error'),
    // Callbacks
    wordList('call, callback, phone, telephone, ring, dial, buzz, contact'),
    wordList('schedule, book, arrange, set up, appointment, reserve, plan'),
    wordList('later, afterwards, another time'),
    // People
    wordList(`
      agent, person, human, representative, rep, operator, someone, somebody, anyone, anybody, staff, employee,
      supervisor, manager, advisor, adviser, associate, people, individual, specialist, human being, staff member`),
    wordList('talk, speak, chat, converse'),
    wordList('transfer, connect, put through, escalate, hand over, forward, redirect, take over'),
    wordList('real, live, actual'),
    wordList('help, assist, support, customer service, customer support, customer care'),
  ],
};
