import fc from 'fast-check';
import {
  firstSentences,
  markdownAsPlainText,
  plainAnswerText,
} from '../../../functions/generative/answer-text';

describe('plain answer text', () => {
  it('keeps ordinary text as it is', () => {
    expect(
      plainAnswerText('Returns are free within 30 days (60 for members). Prices < $50 & more > 2.'),
    ).toBe('Returns are free within 30 days (60 for members). Prices < $50 & more > 2.');
  });

  it('takes out tags, Slack tokens, Markdown and control characters', () => {
    expect(
      plainAnswerText(
        '# Returns\n**Free** <b>returns</b> <!here>\u0007 for `members`\u200b.\n> quoted\n* item',
      ),
    ).toBe('Returns Free returns for members . quoted item');
  });

  it('leaves nothing a channel could interpret, and is stable', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const plain = plainAnswerText(text);
        expect(plain).not.toMatch(/<[^<>\s][^<>]*>/);
        expect(plain).not.toMatch(/[\p{Cc}\p{Cf}]/u);
        expect(plain).toBe(plain.trim());
        expect(plainAnswerText(plain)).toBe(plain);
      }),
      { numRuns: 500 },
    );
  });
});

describe('first sentences', () => {
  it('keeps the first two sentences', () => {
    expect(firstSentences('Returns are free. Bring the receipt. Members get 60 days.', 'en_US')).toBe(
      'Returns are free. Bring the receipt.',
    );
  });

  it('respects abbreviations and Spanish punctuation', () => {
    expect(firstSentences('¿Devoluciones? Sí, en 30 días. Traiga el recibo. Nada más.', 'es_US')).toBe(
      '¿Devoluciones? Sí, en 30 días.',
    );
  });

  it('stops before the length limit, but always keeps the first sentence whole', () => {
    const long = `${'word '.repeat(80).trim()}. Second sentence.`;
    expect(firstSentences(long, 'en_US')).toBe(`${'word '.repeat(80).trim()}.`);
    expect(firstSentences('Short one. Second one here.', 'en_US', 2, 15)).toBe('Short one.');
  });

  it('never returns more than it was given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const first = firstSentences(text, 'en_US');
        expect(text.replace(/\s+/g, ' ').trim().startsWith(first)).toBe(true);
        if (text.trim() !== '') expect(first).not.toBe('');
      }),
    );
  });
});

describe('curated Markdown as plain text', () => {
  it('keeps the lines and drops the marks', () => {
    const markdown =
      'We ship to **Canada** and Mexico.\n\n\n## Canada ##\n### Pay in C#\n\n- Carrier: `FedEx`.\n- See [rates](https://example.com/rates).';
    expect(markdownAsPlainText(markdown)).toBe(
      'We ship to Canada and Mexico.\n\nCanada\nPay in C#\n\n- Carrier: FedEx.\n- See rates (https://example.com/rates).',
    );
  });
});
