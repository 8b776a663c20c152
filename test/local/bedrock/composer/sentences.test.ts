import fc from 'fast-check';
import { joinSentences, splitSentences } from '../../../../local/bedrock/composer/sentences';

const texts = (text: string) => splitSentences(text, 0).map((sentence) => sentence.text);

describe('passage sentences', () => {
  it('never makes a heading a sentence, but keeps it as what the sentences under it are about', () => {
    const sentences = splitSentences('We ship to Canada.\n\n## Canada\n\nOrders arrive in a week.', 0);
    expect(sentences).toEqual([
      { passageIndex: 0, position: 0, text: 'We ship to Canada.' },
      { passageIndex: 0, position: 1, text: 'Orders arrive in a week.', heading: 'Canada' },
    ]);
  });

  it('gives a list item the line that introduces it, which is not said alone', () => {
    expect(texts('We accept:\n\n- PayPal, online only.\n- Cash, in store only.\n\nNo checks.')).toEqual([
      'We accept: PayPal, online only.',
      'We accept: Cash, in store only.',
      'No checks.',
    ]);
  });

  it('says the lead-in of a list once before items of it said one after the other', () => {
    const [paypal, cash, checks] = splitSentences(
      'We accept:\n\n- PayPal, online only.\n- Cash, in store only.\n\nNo checks.',
      0,
    );
    expect(paypal?.leadIn).toBe('We accept:');
    expect(joinSentences([paypal!, cash!])).toBe('We accept: PayPal, online only. Cash, in store only.');
    expect(joinSentences([paypal!, checks!, cash!])).toBe(
      'We accept: PayPal, online only. No checks. We accept: Cash, in store only.',
    );
    expect(joinSentences([{ text: 'Open daily' }])).toBe('Open daily.');
  });

  it('names the topic heading in a list item that does not', () => {
    expect(texts('## Mexico\n\n- Carrier: UPS Worldwide Expedited.\n- Ships from Mexico City.')).toEqual([
      'Carrier (Mexico): UPS Worldwide Expedited.',
      'Ships from Mexico City.',
    ]);
    expect(texts('## Options and prices\n\n- **Standard**: 3-5 business days.')).toEqual([
      'Standard: 3-5 business days.',
    ]);
    expect(texts('## Returns\n\n- Free for defective items.')).toEqual([
      'Returns: Free for defective items.',
    ]);
  });

  it('keeps every word of the passage body, whatever the Markdown', () => {
    const line = fc.stringMatching(/^[A-Z][a-z]{0,8}( [a-z]{1,8}){0,3}\.$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('', '- ', '1. ', '## '), line), { minLength: 1, maxLength: 6 }),
        (lines) => {
          const text = lines.map(([marker, words]) => `${marker}${words}`).join('\n');
          const said = texts(text).join(' ');
          for (const [marker, words] of lines) {
            if (marker !== '## ') expect(said).toContain(words.replace(/\.$/, ''));
          }
          expect(said).not.toMatch(/^#|\s#/);
        },
      ),
    );
  });
});
