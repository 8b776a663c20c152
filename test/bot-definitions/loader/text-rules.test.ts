import fc from 'fast-check';
import { regexFilterProblems } from '../../../bot-definitions/loader/checks/regex-filter';
import { closestName } from '../../../bot-definitions/loader/closest-name';
import { normalizeText } from '../../../bot-definitions/loader/normalize';
import { scanPlaceholders } from '../../../bot-definitions/loader/placeholders';
import { readablePath } from '../../../bot-definitions/loader/readable-path';

const word = fc.stringMatching(/^[a-zñé']{1,8}$/);
const slotName = fc.stringMatching(/^[A-Z][a-zA-Z0-9]{0,10}$/);

describe('scanPlaceholders', () => {
  it('finds the {Slot} references of text built from words and placeholders, and nothing else', () => {
    const part = fc.oneof(
      word.map((text) => ({ text, slot: undefined })),
      slotName.map((slot) => ({ text: `{${slot}}`, slot })),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const scan = scanPlaceholders(parts.map((p) => p.text).join(' '));
        expect(scan.errors).toEqual([]);
        expect(scan.names).toEqual(parts.flatMap((p) => (p.slot === undefined ? [] : [p.slot])));
      }),
    );
  });

  it('always reports a stray brace', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 6 }),
        fc.constantFrom('{', '}'),
        fc.nat(),
        (words, brace, at) => {
          const tokens = [...words];
          tokens.splice(at % (tokens.length + 1), 0, brace);
          expect(scanPlaceholders(tokens.join(' ')).errors).not.toEqual([]);
        },
      ),
    );
  });

  it('treats [attribute] references as plain text and rejects empty or nested braces', () => {
    expect(scanPlaceholders('Hi [firstName], your {Order} is ready')).toEqual({
      names: ['Order'],
      errors: [],
    });
    expect(scanPlaceholders('{}').errors).toEqual(['empty placeholder "{}" at position 1']);
    expect(scanPlaceholders('{a{b}}').errors).toEqual([
      '"{" at position 3 opens inside the placeholder opened at 1',
      '"}" at position 6 has no matching "{"',
    ]);
  });
});

describe('normalizeText', () => {
  it('ignores case, accents, spacing and ?!.,¿¡', () => {
    expect(normalizeText('  ¿Dónde  está mi PEDIDO?! ')).toBe('donde esta mi pedido');
    expect(normalizeText('where is order {OrderNumber}')).toBe('where is order {ordernumber}');
  });

  it('is idempotent and unaffected by added punctuation and case changes', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('?', '!', '.', ',', '¿', '¡'),
        (words, mark) => {
          const plain = words.join(' ');
          const normalized = normalizeText(plain);
          expect(normalizeText(normalized)).toBe(normalized);
          expect(normalizeText(`${mark}${plain.toUpperCase()}${mark}`)).toBe(normalized);
        },
      ),
    );
  });
});

describe('regexFilterProblems', () => {
  it.each([
    '[A-Z]{3}[0-9]{1,3}',
    'CP[0-9]{9}US',
    '[\\u0041-\\u005A]{2}',
    'A\\.B',
    '[.*+]{1,4}',
    '(AB|CD)?[0-9]{2,5}',
  ])('accepts %s', (pattern) => {
    expect(regexFilterProblems(pattern)).toEqual([]);
  });

  it.each([
    ['A.B', 'wildcard "."'],
    ['[0-9]*', 'unbounded repeat "*"'],
    ['[0-9]+', 'unbounded repeat "+"'],
    ['[0-9]{2,}', 'unbounded repeat "{2,}"'],
    ['([0-9]{2}', 'does not compile'],
  ])('rejects %s', (pattern, message) => {
    expect(regexFilterProblems(pattern)).toEqual([expect.stringContaining(message)]);
  });
});

describe('closestName', () => {
  it('suggests near misses and prefix relatives, and nothing for unrelated names', () => {
    expect(closestName('SampleUtterance', ['SampleUtterances', 'Slots'])).toBe('SampleUtterances');
    expect(closestName('FulfillmentCodeHookSetting', ['DialogCodeHook', 'FulfillmentCodeHook'])).toBe(
      'FulfillmentCodeHook',
    );
    expect(closestName('amazon.number', ['AMAZON.Number', 'AMAZON.Date'])).toBe('AMAZON.Number');
    expect(closestName('Weather', ['OrderNumber', 'StoreLocation'])).toBeUndefined();
  });
});

describe('readablePath', () => {
  it('labels list elements by Name, SlotName or sample value', () => {
    const locale = {
      Intents: [
        {
          Name: 'A',
          SlotPriorities: [{ Priority: 1, SlotName: 'S' }],
          SampleUtterances: [{ Utterance: 'x' }],
        },
      ],
      SlotTypes: [{ Name: 'T', SlotTypeValues: [{ SampleValue: { Value: 'red' } }] }],
    };
    expect(readablePath(locale, [])).toBe('(document)');
    expect(readablePath(locale, ['Intents', 0, 'SlotPriorities', 0, 'Priority'])).toBe(
      'Intents[0](A).SlotPriorities[0](S).Priority',
    );
    expect(readablePath(locale, ['Intents', 0, 'SampleUtterances', 0, 'Utterance'])).toBe(
      'Intents[0](A).SampleUtterances[0].Utterance',
    );
    expect(readablePath(locale, ['SlotTypes', 0, 'SlotTypeValues', 0, 'Synonyms'])).toBe(
      'SlotTypes[0](T).SlotTypeValues[0](red).Synonyms',
    );
    expect(readablePath(locale, ['Intents', 5, 'Name'])).toBe('Intents[5].Name');
  });
});
