import fc from 'fast-check';
import { isEmailAddress, maskEmail } from '../../../functions/lex-code-hook/validation/email';
import { parseOrderNumber } from '../../../functions/lex-code-hook/validation/order-number';
import {
  lastFourDigits,
  normalizePhoneNumber,
} from '../../../functions/lex-code-hook/validation/phone-number';
import {
  checkCallbackDate,
  checkCallbackTime,
} from '../../../functions/lex-code-hook/validation/callback-schedule';
import { addDays } from '../../../functions/lex-code-hook/calendar';

describe('order numbers', () => {
  it('takes exactly five digits and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (value) => {
        expect(parseOrderNumber(value) !== undefined).toBe(/^[0-9]{5}$/.test(value));
      }),
    );
    expect(parseOrderNumber(null)).toBeUndefined();
    expect(parseOrderNumber('10001')).toBe('10001');
  });
});

describe('email addresses', () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
  const address = fc
    .tuple(
      fc.stringMatching(/^[a-z0-9._%+-]{1,12}$/),
      fc.array(label, { minLength: 1, maxLength: 3 }),
      fc.stringMatching(/^[a-z]{2,6}$/),
    )
    .map(([local, labels, tld]) => `${local}@${[...labels, tld].join('.')}`);

  it('accepts well-formed addresses and masks them to first letters and the TLD', () => {
    fc.assert(
      fc.property(address, (email) => {
        expect(isEmailAddress(email)).toBe(true);
        const masked = maskEmail(email);
        const [local = '', domain = ''] = email.split('@');
        const labels = domain.split('.');
        const topLevel = labels[labels.length - 1] ?? '';
        expect(masked).toBe(`${local[0]}***@${labels[0]?.[0]}***.${topLevel}`);
        // The TLD is shown as it is, so a local part that is also the TLD shows there by coincidence ("ef@a.ef"
        // gives "e***@a***.ef"); what the mask writes in place of the address must not give the local part away.
        const maskedPart = masked.slice(0, masked.length - `.${topLevel}`.length);
        if (local.length > 1) expect(maskedPart).not.toContain(local);
      }),
    );
    expect(maskEmail('jane.doe@example.com')).toBe('j***@e***.com');
  });

  it('rejects anything without exactly one @, a dotted domain and an alphabetic TLD', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (value) => {
        const [local, domain, ...more] = value.split('@');
        const plausible =
          more.length === 0 && !!local && !!domain && /\.[A-Za-z]{2,63}$/.test(domain) && !/\s/.test(value);
        if (!plausible) expect(isEmailAddress(value)).toBe(false);
      }),
    );
    expect(() => maskEmail('not an email')).toThrow(RangeError);
  });
});

describe('phone numbers', () => {
  it('keeps 10 to 15 digits with an optional leading +, dropping separators', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.stringMatching(/^[0-9]{1,18}$/), (plus, digits) => {
        const spoken = `${plus ? '+' : ''}(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
        const normalized = normalizePhoneNumber(spoken);
        const valid = digits.length >= 10 && digits.length <= 15;
        expect(normalized).toBe(valid ? `${plus ? '+' : ''}${digits}` : undefined);
      }),
    );
    expect(normalizePhoneNumber('555 CALL NOW')).toBeUndefined();
    expect(normalizePhoneNumber('1+5095551212')).toBeUndefined();
    expect(lastFourDigits('+15095551212')).toBe('1212');
  });
});

describe('callback dates', () => {
  it('takes today up to 30 days ahead', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const check = checkCallbackDate(addDays('2026-03-10', offset), '2026-03-10');
        if (offset >= 0 && offset <= 30) expect(check.ok).toBe(true);
        else expect(check).toEqual({ ok: false, problem: offset < 0 ? 'past' : 'tooFar' });
      }),
    );
    expect(checkCallbackDate(null, '2026-03-10')).toEqual({ ok: false, problem: 'unreadable' });
  });
});

describe('callback times', () => {
  const context = { date: '2026-03-11', today: '2026-03-10', now: '11:00' };
  const clock = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  it('takes 09:00 to 17:00 inclusive', () => {
    fc.assert(
      fc.property(clock, (time) => {
        const check = checkCallbackTime({ interpretedValue: time }, context);
        expect(check.ok).toBe(time >= '09:00' && time <= '17:00');
      }),
    );
  });

  it('settles an AM/PM pair on the reading in business hours, or asks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 59 }), (hour, minute) => {
        const pad = (n: number) => String(n).padStart(2, '0');
        const am = `${pad(hour)}:${pad(minute)}`;
        const pm = `${pad(hour + 12)}:${pad(minute)}`;
        const inHours = [am, pm].filter((t) => t >= '09:00' && t <= '17:00');
        const check = checkCallbackTime({ interpretedValue: null, resolvedValues: [am, pm] }, context);
        expect(check).toEqual(
          inHours.length === 1 ? { ok: true, time: inHours[0] } : { ok: false, problem: 'ambiguous' },
        );
      }),
    );
  });

  it('refuses a time already passed only when the call is today', () => {
    expect(checkCallbackTime({ interpretedValue: '11:00' }, { ...context, date: '2026-03-10' })).toEqual({
      ok: false,
      problem: 'alreadyPassed',
    });
    expect(checkCallbackTime({ interpretedValue: '10:00' }, context).ok).toBe(true);
    expect(checkCallbackTime({ interpretedValue: '10:00' }, { ...context, date: undefined }).ok).toBe(true);
  });

  it('calls unreadable what is not a time', () => {
    expect(checkCallbackTime({ interpretedValue: '3pm' }, context)).toEqual({
      ok: false,
      problem: 'unreadable',
    });
    expect(checkCallbackTime({ interpretedValue: null, resolvedValues: [] }, context)).toEqual({
      ok: false,
      problem: 'unreadable',
    });
  });
});
