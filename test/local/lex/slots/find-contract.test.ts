import fc from 'fast-check';
import type { SlotType } from '../../../../bot-definitions/loader/schema';
import { BUILT_IN_RESOLVERS } from '../../../../local/lex/slots';
import { expectWellFormedMatches, LOCALES, resolverFor } from './helpers';

const CUSTOM_TYPES: SlotType[] = [
  {
    Name: 'Size',
    ValueSelectionSetting: { ResolutionStrategy: 'TOP_RESOLUTION' },
    SlotTypeValues: [
      { SampleValue: { Value: 'extra large' }, Synonyms: [{ Value: 'XL' }] },
      { SampleValue: { Value: 'small' } },
    ],
  },
  {
    Name: 'Note',
    ValueSelectionSetting: { ResolutionStrategy: 'ORIGINAL_VALUE' },
    SlotTypeValues: [{ SampleValue: { Value: 'café' } }],
  },
  {
    Name: 'OrderId',
    ParentSlotTypeSignature: 'AMAZON.AlphaNumeric',
    ValueSelectionSetting: {
      ResolutionStrategy: 'ORIGINAL_VALUE',
      RegexFilter: { Pattern: '[A-Z]{2}[0-9]{3}' },
    },
  },
];

const TYPE_NAMES = [...BUILT_IN_RESOLVERS, ...CUSTOM_TYPES.map((t) => t.Name)];
const resolvers = LOCALES.flatMap((localeId) =>
  TYPE_NAMES.map((name) => resolverFor(name, localeId, { slotTypes: CUSTOM_TYPES })),
);

/** Words every resolver reacts to, so generated sentences reach the parsers and not only their first check. */
const vocabulary = fc.constantFrom(
  'one',
  'twenty',
  'hundred',
  'thousand',
  'and',
  'point',
  'minus',
  'oh',
  'a',
  'uno',
  'veinte',
  'y',
  'mil',
  'menos',
  'at',
  'dot',
  'arroba',
  'punto',
  'underscore',
  'plus',
  'más',
  '@',
  '.',
  '-',
  '+',
  '(',
  ')',
  ':',
  ',',
  'pm',
  "o'clock",
  'a las',
  'de la tarde',
  'quarter',
  'past',
  'noon',
  'tomorrow',
  'mañana',
  'next week',
  'friday',
  'yes',
  'no',
  'not sure',
  'sí',
  'no sé',
  'XL',
  'small',
  'café',
  'AB123',
  '12',
  '555',
  '1212',
  '007',
  'é',
  '\u0301',
);
const sentence = fc
  .array(fc.tuple(vocabulary, fc.constantFrom(' ', '', '  ', ', ')), { maxLength: 12 })
  .map((parts) => parts.map(([word, gap]) => word + gap).join(''));

const anyInput = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  sentence,
);

describe('every resolver, on any input', () => {
  it('find never throws and returns in-bounds, ordered, non-overlapping spans of the exact text', () => {
    fc.assert(
      fc.property(anyInput, (utterance) => {
        for (const resolver of resolvers) expectWellFormedMatches(utterance, resolver.find(utterance));
      }),
      { numRuns: 100 },
    );
  });

  it('resolve never throws, and a value has a non-empty original value and consistent resolutions', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const resolver of resolvers) {
          const value = resolver.resolve(input);
          if (value === undefined) continue;
          expect(value.originalValue.length).toBeGreaterThan(0);
          if (value.interpretedValue === null) expect(value.resolvedValues.length).toBeGreaterThan(1);
          else if (resolver.slotTypeName !== 'Note')
            expect(value.resolvedValues[0]).toBe(value.interpretedValue);
        }
      }),
      { numRuns: 100 },
    );
  });
});
