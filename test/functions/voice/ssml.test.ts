import fc from 'fast-check';
import { type PollyEngine, POLLY_ENGINES, SSML_BY_ENGINE } from '../../../functions/voice/engine-support';
import { billedLength, POLLY_MAX_TOTAL_CHARS } from '../../../functions/voice/speak-documents';
import { renderSsml, toPlainSpeechText } from '../../../functions/voice/ssml';
import { parseWellFormedXml } from './xml-well-formed';

const en = { engine: 'neural', localeId: 'en_US' } as const;

function speak(text: string, options: Parameters<typeof renderSsml>[1] = en): string {
  const documents = renderSsml(text, options);
  expect(documents).toHaveLength(1);
  return documents[0] ?? '';
}

describe('renderSsml examples', () => {
  it('speaks a Markdown list as steps and drops the markup', () => {
    expect(
      speak('## Returns\nTo return an item:\n- **Print** the `label`\n* Drop it at a _store_\n\n---\n'),
    ).toBe(
      '<speak><s>Returns.</s><break time="300ms"/><s>To return an item:</s><break time="300ms"/>' +
        '<s>First, Print the label.</s><break time="300ms"/><s>Next, Drop it at a store.</s></speak>',
    );
  });

  it('numbers list steps in Spanish and keeps accents', () => {
    expect(speak('1. Abre la aplicación\n2. Pulsa «Devolución»', { ...en, localeId: 'es_US' })).toBe(
      '<speak><s>Primero, Abre la aplicación.</s><break time="300ms"/>' +
        '<s>Luego, Pulsa «Devolución».</s></speak>',
    );
  });

  it('reads a lone list item and a list in other languages without lead-ins', () => {
    expect(speak('- Only one')).toBe('<speak><s>Only one.</s></speak>');
    expect(speak('- Un\n- Deux', { ...en, localeId: 'fr_FR' })).toBe(
      '<speak><s>Un.</s><break time="300ms"/><s>Deux.</s></speak>',
    );
  });

  it('reads URLs as their domain and links as their text', () => {
    expect(
      speak('See https://www.example.com/returns?id=1&x=2. Or [our help page](https://help.example.com).'),
    ).toBe('<speak><s>See example.com.</s><break time="300ms"/><s>Or our help page.</s></speak>');
  });

  it('escapes all five XML characters and removes HTML-like tags', () => {
    expect(speak('AT&T <b>deals</b> under < $50 > "now" it\'s here')).toBe(
      '<speak><s>AT&amp;T deals under &lt; $50 &gt; &quot;now&quot; it&apos;s here.</s></speak>',
    );
  });

  it('drops emoji and symbols that cannot be spoken', () => {
    expect(speak('Thanks 🎉👍🏽 for waiting ✨ → ok™')).toBe('<speak><s>Thanks for waiting ok.</s></speak>');
  });

  it('reads an order number as digits without a trailing dot after the tag', () => {
    expect(speak('Your order is 10001.')).toBe(
      '<speak><s>Your order is <say-as interpret-as="digits">10001</say-as></s></speak>',
    );
  });

  it('leaves longer numbers, prices and clock times to Polly', () => {
    expect(speak('It costs $12.99 from 15:00, item 123456 or 10001.5.')).toBe(
      '<speak><s>It costs $12.99 from 15:00, item 123456 or 10001.5.</s></speak>',
    );
  });

  it('reads phone numbers as telephone where the locale supports it, else digits', () => {
    expect(speak('Call 555-123-4567 today')).toBe(
      '<speak><s>Call <say-as interpret-as="telephone">555-123-4567</say-as> today.</s></speak>',
    );
    expect(speak('Llama al (555) 123-4567 hoy', { ...en, localeId: 'es_US' })).toContain(
      '<say-as interpret-as="telephone">(555) 123-4567</say-as>',
    );
    expect(speak('Bel 555-123-4567 nu', { ...en, localeId: 'nl_NL' })).toContain(
      '<say-as interpret-as="digits">555-123-4567</say-as>',
    );
  });

  it('reads ISO dates as dates', () => {
    expect(speak('It arrives on 2026-11-28, not 2026-13-01')).toBe(
      '<speak><s>It arrives on <say-as interpret-as="date" format="ymd">2026-11-28</say-as>, not 2026-13-01.</s></speak>',
    );
  });

  it('splits long answers into documents between sentences', () => {
    const sentence = 'Returns are free for thirty days. ';
    const documents = renderSsml(sentence.repeat(10), { ...en, maxBilledChars: 100 });
    expect(documents).toHaveLength(4);
    expect(documents[0]).toBe(
      `<speak>${'<s>Returns are free for thirty days.</s>'.repeat(3).replaceAll('</s><s>', '</s><break time="300ms"/><s>')}</speak>`,
    );
    expect(documents.map(toPlainSpeechText).join(' ')).toBe(sentence.repeat(10).trim());
  });

  it('cuts a sentence too long for one document between words', () => {
    const documents = renderSsml(`${'word '.repeat(30)}end`, { ...en, maxBilledChars: 40 });
    expect(documents.length).toBeGreaterThan(3);
    expect(documents.every((document) => billedLength(document) <= 40)).toBe(true);
    expect(documents.map(toPlainSpeechText).join(' ')).toBe(`${'word '.repeat(30)}end.`);
  });

  it('gives no documents when there is nothing to say', () => {
    expect(renderSsml(' 🎉 ** --- ', en)).toEqual([]);
  });

  it('rejects bad options with a clear error', () => {
    expect(() => renderSsml('Hi', { ...en, localeId: 'english' })).toThrow(/localeId/);
    expect(() => renderSsml('Hi', { ...en, maxBilledChars: 5000 })).toThrow(/maxBilledChars/);
    expect(() => renderSsml('Hi', { ...en, engine: 'turbo' as PollyEngine })).toThrow(/engine/);
  });
});

describe('toPlainSpeechText', () => {
  it('reads back what a document says', () => {
    expect(toPlainSpeechText(speak('AT&T order 10001. Next one!'))).toBe('AT&T order 10001 Next one!');
  });
});

const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '# ',
        '## ',
        '- ',
        '* ',
        '1. ',
        '> ',
        '**',
        '_',
        '`',
        '```',
        '[',
        '](',
        ')',
        '\n',
        '\n\n',
        ' ',
        '. ',
        '? ',
        '&',
        '<',
        '>',
        '<b>',
        '"',
        "'",
        '😀',
        '👍🏽',
        'https://www.example.com/a?b=1',
        'www.shop.com',
        '10001',
        '555-123-4567',
        '2026-11-28',
        '15:00',
        '$12.99',
        'café',
        'niño',
        'AT&T',
      ),
      fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  markdownish,
);

/** Letter and digit runs of `text`, leaving out what is markup rather than words (URLs, tags, link targets). */
function spokenTokens(text: string): string[] {
  const words = text
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/(?:https?:\/\/|www\.)\S*/gi, ' ')
    .replace(/^\s*(?:>\s*)*(?:\d{1,3}[.)][ \t]|`{3,}.*|~{3,}.*)/gm, ' ');
  return words.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function appearInOrder(tokens: readonly string[], text: string): boolean {
  let from = 0;
  for (const token of tokens) {
    const found = text.indexOf(token, from);
    if (found < 0) return false;
    from = found + token.length;
  }
  return true;
}

describe('renderSsml properties', () => {
  it('always gives well-formed speak documents within the engine vocabulary and Polly limits', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom(...POLLY_ENGINES),
        fc.constantFrom('en_US', 'es_US', 'nl_NL'),
        fc.integer({ min: 40, max: 300 }),
        (text, engine, localeId, maxBilledChars) => {
          const documents = renderSsml(text, { engine, localeId, maxBilledChars });
          for (const document of documents) {
            const elements = parseWellFormedXml(document);
            expect(elements[0]?.name).toBe('speak');
            expect(document.startsWith('<speak>') && document.endsWith('</speak>')).toBe(true);
            for (const { name, attributes } of elements) {
              const allowed = SSML_BY_ENGINE[engine][name];
              expect(allowed).toBeDefined();
              expect(['speak', 'break', 'lang', 'p', 's', 'sub', 'w', 'say-as']).toContain(name);
              for (const attribute of Object.keys(attributes)) expect(allowed).toContain(attribute);
            }
            expect(billedLength(document)).toBeLessThanOrEqual(maxBilledChars);
            expect(document.length).toBeLessThanOrEqual(POLLY_MAX_TOTAL_CHARS);
          }
          const spoken = documents.map(toPlainSpeechText).join('').replace(/\s+/g, '');
          expect(appearInOrder(spokenTokens(text), spoken)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('stays within the total size limit even for tag-heavy text at the largest budget', () => {
    const documents = renderSsml('10001 '.repeat(1500), { ...en, maxBilledChars: 3000 });
    expect(documents.length).toBeGreaterThan(1);
    for (const document of documents) {
      parseWellFormedXml(document);
      expect(document.length).toBeLessThanOrEqual(POLLY_MAX_TOTAL_CHARS);
    }
  });
});

describe('the test XML checker', () => {
  it.each([
    '<speak>a & b</speak>',
    '<speak><s>a</speak></s>',
    '<speak>a</speak><speak/>',
    '<speak>a > b</speak>',
    '<speak x="1" x="2"/>',
    'text<speak/>',
    '<speak>\uD800</speak>',
    '<speak>',
  ])('rejects %j', (xml) => {
    expect(() => parseWellFormedXml(xml)).toThrow();
  });

  it('accepts a document with entities, attributes and empty elements', () => {
    expect(parseWellFormedXml('<speak>a &amp; b<break time="3ms"/><s>c</s></speak>')).toEqual([
      { name: 'speak', attributes: {} },
      { name: 'break', attributes: { time: '3ms' } },
      { name: 's', attributes: {} },
    ]);
  });
});
