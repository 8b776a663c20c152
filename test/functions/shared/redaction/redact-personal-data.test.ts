import fc from 'fast-check';
import {
  redactPersonalData,
  type RedactionPlace,
} from '../../../../functions/shared/redaction/redact-personal-data';
import {
  card,
  email,
  frame,
  language,
  ordinarySentence,
  phone,
  wordsOf,
  type Language,
} from './personal-data-arbitraries';

const PLACES: readonly RedactionPlace[] = ['memory', 'gaps', 'log', 'handoff'];
const place = fc.constantFrom(...PLACES);
const LABEL = /\[(?:email|phone|card|number)\]/g;

/** Every word left is one of the sentence's own: nothing of the personal data survives, spelled or not. */
function expectOnlyFrameWords(redacted: string, before: string, after: string): void {
  const left = wordsOf(redacted.replace(LABEL, ' '));
  const frameWords = [...wordsOf(before), ...wordsOf(after)];
  for (const word of left) {
    const index = frameWords.indexOf(word);
    expect({ word, redacted, inFrame: index >= 0 }).toMatchObject({ inFrame: true });
    frameWords.splice(index, 1);
  }
}

const embedded = <T extends { text: string }>(data: (lang: Language) => fc.Arbitrary<T>) =>
  language.chain((lang) => fc.tuple(frame(lang), data(lang), frame(lang)));

describe('redactPersonalData', () => {
  it.each([
    ['write to jane.doe+orders@mail.example.co.uk.', 'write to [email].'],
    ['mi correo es josé.pérez@correo.mx', 'mi correo es [email]'],
    ['my email is jorge dot ramirez at gmail dot com, thanks', 'my email is [email], thanks'],
    ['mi correo es ana punto perez arroba correo punto mx gracias', 'mi correo es [email] gracias'],
    ["it's jorge underscore r at hotmail dot com", "it's [email]"],
    ['es jorge guion bajo r arroba gmail punto com', 'es [email]'],
    ['escríbeme a ana guión perez arroba mi-empresa punto com punto mx', 'escríbeme a [email]'],
    ['my email is j o r g e at gmail dot com', 'my email is [email]'],
    ['my email is jorge eight two at hot mail dot com', 'my email is [email]'],
    ['it is jorge dot ramirez@gmail.com', 'it is [email]'],
    ['call +1 (509) 555-1212 or 509.555.1212 tonight', 'call [phone] or [phone] tonight'],
    ['mi número es +52 55 1234 5678', 'mi número es [phone]'],
    ['local 555-0142', 'local [phone]'],
    ['my number is five five five, one two three, four five six seven', 'my number is [phone]'],
    [
      'mi número es cincuenta y cinco, doce, treinta y cuatro, cincuenta y seis, setenta y ocho',
      'mi número es [phone]',
    ],
    ['call one eight hundred, double five five, one two one two', 'call [phone]'],
    ['card 4111 1111 1111 1111 then 5095551212', 'card [card] then [phone]'],
    ['card 4111 1111 1111 1111 5095551212', 'card [card] [phone]'],
    ['card 4111 1111 1111 1111 exp 12/27', 'card [card] exp 12/27'],
    ['amex 3782-822463-10005', 'amex [card]'],
    ['pay with 4111-1111-1111-1111, thanks', 'pay with [card], thanks'],
    // Fails the check digit: a mistyped card number is still a card number.
    ['ref 4111111111111112', 'ref [card]'],
    ['four one one one, one one one one, one one one one, one one one two', '[card]'],
    ['id 123456789012345678901234', 'id [number]'],
    ['order 12345 placed 2026-03-10 for $24.99', 'order 12345 placed 2026-03-10 for $24.99'],
    ['I will be at the Airport store at 5', 'I will be at the Airport store at 5'],
    ['nos vemos a las tres en punto', 'nos vemos a las tres en punto'],
    ['leave at five dot thirty', 'leave at five dot thirty'],
    // Shaped like a date but none: no month 0, no year 0.
    ['llame al ５５５-１２３-４５６７', 'llame al [phone]'],
    ['call 0-00-0000', 'call [phone]'],
    ['call 31-12-0000', 'call [phone]'],
  ])('%s', (input, expected) => {
    for (const where of PLACES) expect(redactPersonalData(input, where)).toBe(expected);
  });

  it('keeps order numbers, dates, times, prices and, in memory only, tracking codes', () => {
    const text = 'Order 10001 ships on 2026-03-12 (or 03/12/2026, 12.03.2026) by 14:30 for $1,299.99';
    const tracking = ', tracking 1Z999AA10123456784.';
    expect(redactPersonalData(text + tracking, 'memory')).toBe(text + tracking);
    for (const where of ['gaps', 'log', 'handoff'] as const)
      expect(redactPersonalData(text + tracking, where)).toBe(`${text}, tracking 1Z999AA[phone].`);
    expect(redactPersonalData('call me on phone5095551212', 'memory')).toBe('call me on phone[phone]');
  });

  it('leaves no trace of a generated email, written, said or both, in English or Spanish', () => {
    fc.assert(
      fc.property(embedded(email), place, ([before, address, after], where) => {
        const redacted = redactPersonalData(`${before} ${address.text} ${after}`, where);
        expect(redacted).toContain('[email]');
        expect(redacted).not.toContain('@');
        expectOnlyFrameWords(redacted, before, after);
        for (const part of address.parts) expect(wordsOf(redacted)).not.toContain(part);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no digit of a generated phone or card number (valid or not), written or said', () => {
    const number = (lang: Language) => fc.oneof(phone(lang), card(lang));
    fc.assert(
      fc.property(embedded(number), place, ([before, said, after], where) => {
        const redacted = redactPersonalData(`${before} ${said.text} ${after}`, where);
        expect(redacted).toMatch(LABEL);
        expect(redacted).not.toMatch(/\d/);
        expectOnlyFrameWords(redacted, before, after);
      }),
      { numRuns: 600 },
    );
  });

  it('leaves ordinary sentences with order numbers, amounts, times, dates and counts as they were', () => {
    fc.assert(
      fc.property(
        language.chain((lang) => ordinarySentence(lang)),
        place,
        (sentence, where) => expect(redactPersonalData(sentence, where)).toBe(sentence),
      ),
      { numRuns: 300 },
    );
  });

  it('changes nothing in text without digits, "@", numbers said in words or address words', () => {
    const plain = fc
      .string({ unit: 'grapheme', maxLength: 200 })
      .filter(
        (text) => !/[\d@]|\b(?:at|arroba|oh|one|two|three|four|five|six|seven|eight|nine|zero)\b/i.test(text),
      );
    fc.assert(fc.property(plain, place, (text, where) => expect(redactPersonalData(text, where)).toBe(text)));
  });

  /** Digits joined by at most three separators count as one number, whatever the grouping. */
  const longestDigitRun = (text: string) =>
    Math.max(0, ...[...text.matchAll(/\d(?:[ .-]{0,3}\d)*/g)].map((run) => run[0].replace(/\D/g, '').length));

  it('leaves no run of 10 or more digits in any text, and in memory none outside codes of letters and digits', () => {
    const noise = (characters: string) =>
      fc.array(fc.constantFrom(...characters), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        noise('0123456789 -.()+a\n'),
        fc.constantFrom<RedactionPlace>('gaps', 'log', 'handoff'),
        (text, where) => expect(longestDigitRun(redactPersonalData(text, where))).toBeLessThan(10),
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(noise('0123456789 -.()+\n'), (text) =>
        expect(longestDigitRun(redactPersonalData(text, 'memory'))).toBeLessThan(10),
      ),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    const mixed = fc
      .array(
        fc.oneof(
          fc.stringMatching(/^[0-9]{1,14}$/),
          fc.constantFrom(
            'my',
            'order',
            ' ',
            '-',
            'a@b.co',
            'x dot y at z dot com',
            'five',
            'cinco',
            'y',
            'at',
          ),
        ),
        { maxLength: 20 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(mixed, place, (text, where) => {
        const once = redactPersonalData(text, where);
        expect(redactPersonalData(once, where)).toBe(once);
      }),
    );
  });
});
