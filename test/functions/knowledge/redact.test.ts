import fc from 'fast-check';
import { redactPersonalData } from '../../../functions/knowledge/redact';

const digit = fc.constantFrom(...'0123456789');
const digits = (min: number, max: number) =>
  fc.array(digit, { minLength: min, maxLength: max }).map((parts) => parts.join(''));
const separator = fc.constantFrom(' ', '-', '.', '', '  ', ' - ');
/** Words around the personal data: no digits, "@" or spelled-out "at"/"dot". */
const word = fc.constantFrom(
  'my',
  'order',
  'card',
  'is',
  'please',
  'call',
  'número',
  'teléfono',
  'refund',
  '¿',
  '?',
);
const words = fc.array(word, { maxLength: 6 }).map((parts) => parts.join(' '));

/** Digits joined by at most three separators count as one number, whatever the grouping. */
function longestDigitRun(text: string): number {
  return Math.max(
    0,
    ...[...text.matchAll(/\d(?:[ .-]{0,3}\d)*/g)].map((run) => run[0].replace(/\D/g, '').length),
  );
}

function grouped(number: string, sizes: readonly number[], separators: readonly string[]): string {
  let rest = number;
  const groups: string[] = [];
  for (const size of sizes) {
    groups.push(rest.slice(0, size));
    rest = rest.slice(size);
  }
  if (rest) groups.push(rest);
  return groups
    .filter((group) => group.length > 0)
    .map((group, index) => (index === 0 ? group : `${separators[index % separators.length] ?? ''}${group}`))
    .join('');
}

describe('redactPersonalData', () => {
  it.each([
    ['email me at jane.doe+orders@example.co.uk', 'email me at [email]'],
    ['mi correo es josé.pérez@correo.mx', 'mi correo es [email]'],
    ['it is jane dot doe at gmail dot com', 'it is [email]'],
    ['es juan arroba correo punto com', 'es [email]'],
    ['call (555) 123-4567 or +1 555 123 4567', 'call [phone] or [phone]'],
    ['mi número es +52 55 1234 5678', 'mi número es [phone]'],
    ['local 555-0142', 'local [phone]'],
    ['card 4111 1111 1111 1111 exp 12/27', 'card [card] exp 12/27'],
    ['amex 3782-822463-10005', 'amex [card]'],
    ['order 12345 placed 2026-03-10 for $24.99', 'order 12345 placed 2026-03-10 for $24.99'],
    ['I will be at the Airport store at 5', 'I will be at the Airport store at 5'],
  ])('%s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it('removes any email address', () => {
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}$/);
    const domain = fc.stringMatching(/^[a-z0-9-]{1,15}(\.[a-z0-9-]{1,10}){0,2}\.[a-z]{2,6}$/);
    fc.assert(
      fc.property(words, local, domain, words, (before, user, host, after) => {
        const email = `${user}@${host}`;
        const redacted = redactPersonalData(`${before} ${email} ${after}`);
        expect(redacted).toContain('[email]');
        expect(redacted).not.toContain('@');
        expect(redacted).not.toContain(host);
      }),
    );
  });

  it('removes any card-like number, however it is grouped', () => {
    fc.assert(
      fc.property(
        words,
        digits(13, 19),
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 5 }),
        fc.array(separator, { minLength: 1, maxLength: 4 }),
        words,
        (before, number, sizes, separators, after) => {
          const redacted = redactPersonalData(`${before} ${grouped(number, sizes, separators)} ${after}`);
          expect(redacted).toContain('[card]');
          expect(redacted).not.toMatch(/\d/);
        },
      ),
    );
  });

  it('removes any phone number of 10 to 12 digits, with or without +, parentheses or separators', () => {
    fc.assert(
      fc.property(
        words,
        digits(10, 12),
        fc.array(fc.integer({ min: 2, max: 4 }), { maxLength: 4 }),
        fc.array(separator, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        words,
        (before, number, sizes, separators, plus, parentheses, after) => {
          let phone = grouped(number, sizes, separators);
          if (parentheses) phone = phone.replace(/^(\d+)/, '($1)');
          const redacted = redactPersonalData(`${before} ${plus ? '+' : ''}${phone} ${after}`);
          expect(redacted).toContain('[phone]');
          expect(redacted).not.toMatch(/\d/);
        },
      ),
    );
  });

  it('leaves no run of 10 or more digits in any text', () => {
    const noisy = fc
      .array(fc.oneof(digit, fc.constantFrom(' ', '-', '.', '(', ')', '+', 'a', '\n')), { maxLength: 80 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(noisy, (text) => {
        expect(longestDigitRun(redactPersonalData(text))).toBeLessThan(10);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps order numbers, amounts and dates', () => {
    const orderNumber = digits(5, 5);
    fc.assert(
      fc.property(words, orderNumber, words, (before, number, after) => {
        const text = `${before} order ${number}, $${number.slice(0, 2)}.99 on 2026-03-10 ${after}`;
        expect(redactPersonalData(text)).toBe(text);
      }),
    );
  });

  it('changes nothing in text without digits, "@" or a spelled-out address', () => {
    const plain = fc.string({ maxLength: 120 }).filter((text) => !/[\d@]|\b(?:at|arroba)\b/i.test(text));
    fc.assert(fc.property(plain, (text) => expect(redactPersonalData(text)).toBe(text)));
  });

  it('is idempotent', () => {
    const mixed = fc
      .array(fc.oneof(word, digits(1, 14), fc.constantFrom('a@b.co', ' ', '-', 'x dot y at z dot com')), {
        maxLength: 20,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(mixed, (text) => {
        const once = redactPersonalData(text);
        expect(redactPersonalData(once)).toBe(once);
      }),
    );
  });
});
