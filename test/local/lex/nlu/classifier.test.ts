import type { BotLocale } from '../../../../bot-definitions/loader/schema';
import { createIntentClassifier } from '../../../../local/lex/nlu/classifier';
import type { IntentCandidate } from '../../../../local/lex/nlu/types';
import { contextFor, englishLocale, intent, slot, spanishLocale } from './fixtures';

const english = createIntentClassifier(englishLocale, contextFor('en_US'));
const spanish = createIntentClassifier(spanishLocale, contextFor('es_US'));
const THRESHOLD = 0.4;

function top(candidates: IntentCandidate[]): IntentCandidate {
  const [first] = candidates;
  if (first === undefined) throw new Error('no candidates');
  return first;
}

function interpreted(candidate: IntentCandidate): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(candidate.slots).map(([name, value]) => [name, value.interpretedValue]),
  );
}

describe('requests after opening remarks', () => {
  it('scores what follows a greeting and an apology nearly as the request alone', () => {
    const alone = top(english.classify('could I order a pizza please')).score;
    const polite = top(english.classify('Good evening. Sorry to bother you, could I order a pizza please?'));
    expect(polite.intentName).toBe('OrderPizza');
    expect(polite.score).toBeGreaterThanOrEqual(0.9 * alone - 1e-9);
  });

  it('scores a question asked among other sentences alone', () => {
    const alone = top(english.classify('could I order a pizza please?')).score;
    const asked = top(
      english.classify('could I order a pizza please? My flight got cancelled and I am starving.'),
    );
    expect(asked.intentName).toBe('OrderPizza');
    expect(asked.score).toBeGreaterThanOrEqual(0.9 * alone - 1e-9);
  });

  it.each([
    [english, 'could I order a pizza please', 'could I order a pizza right now please'],
    [english, 'could I order a pizza please', 'you know what, could I order a pizza please asap'],
    [spanish, 'pídeme una pizza grande', 'pídeme una pizza grande ahorita mismo'],
    [spanish, 'pide una pizza grande', 'aquí tiene: pide una pizza grande'],
  ])(
    'does not count urgency, or the words that hand over a value, against a request (%#)',
    (classifier, plain, urgent) => {
      const alone = top(classifier.classify(plain));
      const hurried = top(classifier.classify(urgent));
      expect(hurried.intentName).toBe(alone.intentName);
      expect(hurried.score).toBeGreaterThanOrEqual(0.9 * alone.score - 1e-9);
    },
  );

  it('reads a question of one word after a story as about the story, and one that opens the message alone', () => {
    const story = english.classify('I want to order a pizza for my party on friday. Balance?');
    expect(top(story).intentName).toBe('OrderPizza');
    const opening = english.classify('Balance? I have two accounts and I worry about the savings one.');
    expect(top(opening).intentName).toBe('CheckBalance');
  });

  it('scores a last clause that gives a value as a sample asks for it, after any story', () => {
    const story =
      'Buenas tardes. Ayer me llegó una carta del banco que no entendí y me preocupé mucho. Tengo aquí el estado: saldo de la cuenta 4412.';
    const best = top(spanish.classify(story));
    expect(best.intentName).toBe('CheckBalance');
    expect(best.score).toBeGreaterThan(0.6);
  });

  it('scores what a long spoken request asks, after "I am calling to ask if" and before "because"', () => {
    const alone = top(spanish.classify('pídeme una pizza grande')).score;
    const spoken = top(
      spanish.classify(
        'buenas noches mire le hablo para preguntar si me pide una pizza grande porque tengo hambre',
      ),
    );
    expect(spoken.intentName).toBe('OrderPizza');
    expect(spoken.score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(spoken.score).toBeGreaterThanOrEqual(0.85 * alone);
  });

  it('keeps the whole utterance when the opening says something of substance', () => {
    const [first] = english.classify(
      'my flight to Boston was cancelled yesterday, could I order a pizza please',
    );
    const alone = top(english.classify('could I order a pizza please')).score;
    expect(first?.score ?? 0).toBeLessThan(0.9 * alone);
  });
});

describe('ranking and scores', () => {
  it.each([
    ['could I order a pizza please', 'OrderPizza'],
    ['how much is in my account', 'CheckBalance'],
    ['I need to book a flight', 'BookFlight'],
    ['ok bye then', 'Goodbye'],
  ])('puts the intent of a paraphrase first, above the threshold: %s', (utterance, expected) => {
    const best = top(english.classify(utterance));
    expect(best.intentName).toBe(expected);
    expect(best.score).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('scores a sample utterance with its placeholder filled near 1', () => {
    const best = top(english.classify('I want a big pizza'));
    expect(best.intentName).toBe('OrderPizza');
    expect(best.score).toBeGreaterThan(0.95);
  });

  it.each(["what's the weather in Paris", 'sing me a song', 'asdf qwerty'])(
    'keeps unrelated text below the threshold: %s',
    (utterance) => {
      expect(top(english.classify(utterance)).score).toBeLessThan(THRESHOLD);
    },
  );

  it('orders candidates best first', () => {
    const scores = english.classify('check my pizza order balance').map((candidate) => candidate.score);
    expect(scores.filter((score) => score > 0).length).toBeGreaterThanOrEqual(2);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('never offers FallbackIntent, and offers every other intent when there are four', () => {
    const names = english.classify('hello').map((candidate) => candidate.intentName);
    expect(names).not.toContain('FallbackIntent');
    expect([...names].sort()).toEqual(['BookFlight', 'CheckBalance', 'Goodbye', 'OrderPizza']);
  });

  it('gives every intent 0 for text without words', () => {
    const candidates = english.classify('?!  ...');
    expect(candidates).toHaveLength(4);
    expect(candidates.every((candidate) => candidate.score === 0)).toBe(true);
  });

  it('is deterministic', () => {
    expect(english.classify('order a small pizza for 6 pm')).toEqual(
      english.classify('order a small pizza for 6 pm'),
    );
  });

  it('reads a value alone as no request', () => {
    expect(top(english.classify('12345')).score).toBe(0);
    expect(top(english.classify('friday')).score).toBe(0);
  });

  it('matches a value alone when a sample utterance is only its placeholder', () => {
    const locale: BotLocale = {
      LocaleId: 'en_US',
      NluConfidenceThreshold: 0.4,
      Intents: [intent('Track', ['{Parcel}', 'track a parcel'], [slot('Parcel', 'AMAZON.Number')])],
    };
    const best = top(createIntentClassifier(locale, contextFor('en_US')).classify('12345'));
    expect(best).toMatchObject({ intentName: 'Track', score: 1 });
    expect(best.slots['Parcel']?.interpretedValue).toBe('12345');
  });

  it('reads a word with a vowel left out as the word ("flght", "ordr")', () => {
    const typed = top(english.classify('book a flight')).score;
    expect(top(english.classify('book a flght')).score).toBeGreaterThan(0.8 * typed);
    expect(top(english.classify('ordr a pizza'))).toMatchObject({ intentName: 'OrderPizza' });
    expect(top(english.classify('ordr a pizza')).score).toBeGreaterThan(0.7);
    expect(top(spanish.classify('qiero pedir una pizza')).score).toBeGreaterThan(0.8);
  });

  it('treats contractions like the words they stand for', () => {
    expect(top(english.classify("what's my balance")).score).toBeGreaterThan(0.9);
  });
});

describe('eligibleIntents', () => {
  it('only ranks the eligible intents', () => {
    const candidates = english.classify('order a pizza', {
      eligibleIntents: new Set(['CheckBalance', 'Goodbye']),
    });
    expect(candidates.map((candidate) => candidate.intentName).sort()).toEqual(['CheckBalance', 'Goodbye']);
  });

  it('still reports the slots of a single eligible intent that scores 0', () => {
    const [only] = english.classify('2', { eligibleIntents: new Set(['Goodbye']) });
    expect(only).toEqual({ intentName: 'Goodbye', score: 0, slots: {} });
  });

  it('returns nothing when no intent is eligible', () => {
    expect(english.classify('order a pizza', { eligibleIntents: new Set() })).toEqual([]);
  });
});

describe('slot values of a candidate', () => {
  it('resolves a custom slot type synonym to its canonical value', () => {
    const best = top(english.classify('I want a big pizza'));
    expect(best.slots['Size']).toEqual({
      originalValue: 'big',
      interpretedValue: 'large',
      resolvedValues: ['large'],
    });
  });

  it('binds two values of one type by their places in the matching sample utterance', () => {
    const leaving = top(english.classify('leave friday and come back sunday'));
    expect(interpreted(leaving)).toEqual({ DepartureDate: '2026-11-27', ReturnDate: '2026-11-29' });
    const returning = top(english.classify('return on sunday after leaving on friday'));
    expect(interpreted(returning)).toEqual({ DepartureDate: '2026-11-27', ReturnDate: '2026-11-29' });
  });

  it('never gives one value to two slots', () => {
    const best = top(english.classify('book a flight for friday'));
    expect(interpreted(best)).toEqual({ DepartureDate: '2026-11-27' });
  });

  it('reads a number inside a time as part of the time', () => {
    const best = top(english.classify('order 2 pizzas for 7 pm'));
    expect(interpreted(best)).toEqual({ Quantity: '2', DeliveryTime: '19:00' });
  });

  it('keeps a date and a time apart when a date finder reads them as one phrase', () => {
    const locale: BotLocale = {
      LocaleId: 'en_US',
      NluConfidenceThreshold: 0.4,
      Intents: [
        intent(
          'BookCallback',
          ['call me back {CallbackDate} at {CallbackTime}', 'call me back'],
          [slot('CallbackDate', 'AMAZON.Date'), slot('CallbackTime', 'AMAZON.Time')],
        ),
      ],
    };
    const classifier = createIntentClassifier(locale, contextFor('en_US'));
    const best = top(classifier.classify('please call me back tomorrow at 3 pm'));
    expect(interpreted(best)).toEqual({ CallbackDate: '2026-11-27', CallbackTime: '15:00' });
  });

  it('gives every candidate the values of its own slots', () => {
    const candidates = english.classify('order 2 pizzas');
    const balance = candidates.find((candidate) => candidate.intentName === 'CheckBalance');
    expect(balance?.slots['AccountNumber']?.interpretedValue).toBe('2');
    expect(Object.keys(balance?.slots ?? {})).toEqual(['AccountNumber']);
  });
});

describe('Spanish', () => {
  it.each([
    ['pídeme una pizza grande', 'OrderPizza'],
    ['cual es mi saldo', 'CheckBalance'],
    ['adios', 'Goodbye'],
    ['quisiera saber cuánto dinero hay en mi cuenta', 'CheckBalance'],
  ])('classifies %s, with or without accents and attached pronouns', (utterance, expected) => {
    const best = top(spanish.classify(utterance));
    expect(best.intentName).toBe(expected);
    expect(best.score).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('does not read an article as the number one', () => {
    const candidates = spanish.classify('quiero pedir una pizza');
    const balance = candidates.find((candidate) => candidate.intentName === 'CheckBalance');
    expect(balance?.slots).toEqual({});
  });

  it('does not read "one" in a longer English text as the number one, though digits spelled out stay a number', () => {
    const goodbye = english.classify("nope that's it, have a good one");
    expect(goodbye.find((candidate) => candidate.intentName === 'CheckBalance')?.slots).toEqual({});
    expect(english.fillSlot('CheckBalance', 'AccountNumber', 'one two three four')?.interpretedValue).toBe(
      '1234',
    );
  });

  it('keeps unrelated text below the threshold', () => {
    expect(top(spanish.classify('qué tiempo hace en París')).score).toBeLessThan(THRESHOLD);
  });
});

describe('building a classifier', () => {
  it('names the intent, slot and slot type it cannot resolve', () => {
    const locale: BotLocale = {
      LocaleId: 'en_US',
      NluConfidenceThreshold: 0.4,
      Intents: [intent('Travel', ['go to {City}'], [slot('City', 'NoSuchType')])],
    };
    expect(() => createIntentClassifier(locale, contextFor('en_US'))).toThrow(
      /locale en_US, intent Travel, slot City: .*NoSuchType/,
    );
  });

  it('classifies a language it has no word tables for by the words as written', () => {
    const locale: BotLocale = {
      LocaleId: 'fr_FR',
      NluConfidenceThreshold: 0.4,
      Intents: [intent('Commande', ['je veux commander une pizza']), intent('Au revoir', ['au revoir'])],
    };
    const classifier = createIntentClassifier(locale, contextFor('fr_FR'));
    expect(top(classifier.classify('commander une pizza')).intentName).toBe('Commande');
  });

  it('ranks intents without sample utterances last, at 0', () => {
    const locale: BotLocale = {
      LocaleId: 'en_US',
      NluConfidenceThreshold: 0.4,
      Intents: [intent('Empty', []), intent('Greet', ['hello there'])],
    };
    const candidates = createIntentClassifier(locale, contextFor('en_US')).classify('hello');
    expect(candidates.map((candidate) => [candidate.intentName, candidate.score > 0])).toEqual([
      ['Greet', true],
      ['Empty', false],
    ]);
  });
});

describe('an intent of values alone', () => {
  const withAnswers = createIntentClassifier(
    {
      ...englishLocale,
      Intents: [
        ...(englishLocale.Intents ?? []),
        intent(
          'GiveValue',
          ['{When}', 'at {Time}', '{Account}'],
          [slot('When', 'AMAZON.Date'), slot('Time', 'AMAZON.Time'), slot('Account', 'AMAZON.Number')],
        ),
      ],
    },
    contextFor('en_US'),
  );
  const requests = new Set(['OrderPizza', 'CheckBalance', 'BookFlight', 'Goodbye']);

  it.each([
    'leave tomorrow and come back on friday',
    'I would like to order 2 large pizzas for 7 pm',
    'balance of account 12345',
  ])('takes no share of a value from the requests that carry one: "%s"', (utterance) => {
    const before = top(english.classify(utterance, { eligibleIntents: requests }));
    const after = top(withAnswers.classify(utterance, { eligibleIntents: requests }));
    expect(after.intentName).toBe(before.intentName);
    expect(after.score).toBeCloseTo(before.score, 9);
  });

  it('still takes a value said alone when it can be chosen', () => {
    expect(top(withAnswers.classify('at 3 pm')).intentName).toBe('GiveValue');
  });
});
