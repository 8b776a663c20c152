import fc from 'fast-check';
import { redactPii } from '../../../functions/shared/redact';

/** Ordinary words around the personal data, never with digits or "@" of their own. */
const words = fc
  .array(
    fc.constantFrom(
      'please',
      'call',
      'me',
      'at',
      'my',
      'card',
      'is',
      'email',
      'thanks',
      'llámame',
      'al',
      ',',
    ),
    {
      maxLength: 6,
    },
  )
  .map((list) => list.join(' '));

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max });

function luhnComplete(body: number[]): string {
  const withCheck = [...body, 0];
  let sum = 0;
  withCheck.reverse().forEach((digit, index) => {
    const weighted = index % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  });
  return [...body, (10 - (sum % 10)) % 10].join('');
}

const cardNumber = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digits(11, 17))
  .map(([first, rest]) => luhnComplete([first, ...rest]));

const cardAsWritten = fc
  .tuple(cardNumber, fc.constantFrom('', ' ', '-'))
  .map(([number, separator]) =>
    separator === '' ? number : (number.match(/.{1,4}/g) ?? []).join(separator),
  );

const d = (count: number) => digits(count, count).map((list) => list.join(''));
const phoneAsWritten = fc.oneof(
  fc.tuple(d(3), d(3), d(4)).map(([area, exchange, line]) => `(${area}) ${exchange}-${line}`),
  fc
    .tuple(d(3), d(3), d(4), fc.constantFrom('-', '.', ' ', ''))
    .map((parts) => parts.slice(0, 3).join(parts[3])),
  fc.tuple(d(3), d(3), d(4)).map(([area, exchange, line]) => `+1 ${area} ${exchange} ${line}`),
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), d(7), fc.integer({ min: 0, max: 6 }))
    .map(([first, body, extra]) => `+${first}${body}${'5'.repeat(extra)}`),
  fc.tuple(d(2), d(4), d(4)).map(([area, first, second]) => `${area} ${first} ${second}`),
);

describe('redactPii', () => {
  it('replaces emails, phone numbers and card numbers where people write them', () => {
    expect(redactPii('write to jane.doe+orders@mail.example.co.uk.')).toBe('write to [email].');
    expect(redactPii('call +1 (509) 555-1212 or 509.555.1212 tonight')).toBe(
      'call [phone] or [phone] tonight',
    );
    expect(redactPii('card 4111 1111 1111 1111 then 5095551212')).toBe('card [card] then [phone]');
    expect(redactPii('pay with 4111-1111-1111-1111, thanks')).toBe('pay with [card], thanks');
    expect(redactPii('mi número es 55 1234 5678')).toBe('mi número es [phone]');
    expect(redactPii('card 4111 1111 1111 1111 5095551212')).toBe('card [card] [phone]');
  });

  it('keeps order numbers, dates, times, prices and tracking numbers', () => {
    const text =
      'Order 10001 ships on 2026-03-12 (or 03/12/2026, 12.03.2026) by 14:30 for $1,299.99, tracking 1Z999AA10123456784.';
    expect(redactPii(text)).toBe(text);
  });

  it('keeps a 16-digit number that fails the card check digit: not a card, too long for a phone', () => {
    expect(redactPii('ref 4111111111111112')).toBe('ref 4111111111111112');
  });

  it('never lets a generated email, phone or card number through', () => {
    const sensitive = fc.oneof(fc.emailAddress(), phoneAsWritten, cardAsWritten);
    fc.assert(
      fc.property(words, sensitive, words, (before, value, after) => {
        const redacted = redactPii(`${before} ${value} ${after}`);
        expect(redacted).not.toContain(value);
        expect(redacted).not.toMatch(/[@\d]/);
        expect(redacted).toMatch(/\[(email|phone|card)\]/);
      }),
      { numRuns: 500 },
    );
  });

  it('labels a Luhn-valid card number as a card, however it is grouped', () => {
    fc.assert(
      fc.property(cardAsWritten, (card) => {
        expect(redactPii(`card ${card} please`)).toBe('card [card] please');
      }),
    );
  });

  it('leaves text without digits or "@" exactly as it was', () => {
    const plain = fc.string({ unit: 'grapheme', maxLength: 200 }).filter((text) => !/[\d@]/.test(text));
    fc.assert(fc.property(plain, (text) => expect(redactPii(text)).toBe(text)));
  });
});
