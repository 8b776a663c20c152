import fc from 'fast-check';
import { createIntentClassifier } from '../../../../local/lex/nlu/classifier';
import type { IntentClassifier } from '../../../../local/lex/nlu/types';
import { contextFor, englishLocale, spanishLocale } from './fixtures';

const classifiers: [string, IntentClassifier, string[]][] = [
  ['en_US', createIntentClassifier(englishLocale, contextFor('en_US')), englishWords()],
  ['es_US', createIntentClassifier(spanishLocale, contextFor('es_US')), spanishWords()],
];
const intentNames = ['OrderPizza', 'CheckBalance', 'BookFlight', 'Goodbye', 'FallbackIntent'];

function englishWords(): string[] {
  return [
    'order',
    'a',
    'big',
    'pizza',
    "what's",
    'balance',
    'account',
    '12345',
    'friday',
    'at',
    '7',
    'pm',
    'bye',
    'fly',
  ];
}

function spanishWords(): string[] {
  return [
    'pídeme',
    'una',
    'pizza',
    'grande',
    'cuál',
    'saldo',
    'cuenta',
    'número',
    '2468',
    'el',
    'viernes',
    'adiós',
  ];
}

/** Arbitrary text, and text made of the bot's own words with arbitrary glue, which reaches the slot finders. */
function utterances(words: string[]): fc.Arbitrary<string> {
  const glue = fc.constantFrom(' ', '  ', ', ', '-', "'", '?', '¿', '@', '.', '\n', '’');
  const wordy = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), glue), {
      maxLength: 12,
    })
    .map((parts) => parts.map(([word, separator]) => word + separator).join(''));
  return fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), wordy);
}

describe.each(classifiers)('%s classifier properties', (localeId, classifier, words) => {
  it('ranks any text without throwing: scores in 0..1, best first, slot values taken from the text', () => {
    fc.assert(
      fc.property(utterances(words), (utterance) => {
        const candidates = classifier.classify(utterance);
        const scores = candidates.map((candidate) => candidate.score);
        expect(scores.every((score) => score >= 0 && score <= 1)).toBe(true);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
        expect(candidates.length).toBeGreaterThanOrEqual(Math.min(4, classifiedIntents(localeId)));
        for (const candidate of candidates) {
          for (const value of Object.values(candidate.slots))
            expect(utterance).toContain(value.originalValue);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('only offers eligible intents', () => {
    fc.assert(
      fc.property(utterances(words), fc.subarray(intentNames), (utterance, eligible) => {
        const allowed = new Set(eligible);
        const names = classifier.classify(utterance, { eligibleIntents: allowed }).map((c) => c.intentName);
        expect(names.every((name) => allowed.has(name) && name !== 'FallbackIntent')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('fills slots from any answer without throwing, with values taken from the answer', () => {
    fc.assert(
      fc.property(
        utterances(words),
        fc.constantFrom(...slotsOf(localeId)),
        (answer, [intentName, slotName]) => {
          const value = classifier.fillSlot(intentName, slotName, answer);
          if (value !== undefined) expect(answer).toContain(value.originalValue);
        },
      ),
      { numRuns: 200 },
    );
  });
});

function localeOf(localeId: string) {
  return localeId === 'en_US' ? englishLocale : spanishLocale;
}

function classifiedIntents(localeId: string): number {
  return (localeOf(localeId).Intents ?? []).filter((intent) => intent.ParentIntentSignature === undefined)
    .length;
}

function slotsOf(localeId: string): [string, string][] {
  return (localeOf(localeId).Intents ?? []).flatMap((intent) =>
    (intent.Slots ?? []).map((slot): [string, string] => [intent.Name, slot.Name]),
  );
}
