import fc from 'fast-check';
import { dtmfDigits, dtmfSettings } from '../../../../local/lex/voice/dtmf';
import { LexServiceError } from '../../../../local/lex/runtime/types';

const DEFAULTS = dtmfSettings({}, {});

describe('DTMF input', () => {
  it('uses Lex defaults: # ends, * clears, up to 1024 digits', () => {
    expect(DEFAULTS).toEqual({ endCharacter: '#', deletionCharacter: '*', maxLength: 1024 });
    expect(dtmfDigits('12345#99', DEFAULTS)).toBe('12345');
    expect(dtmfDigits('12*345', DEFAULTS)).toBe('345');
    expect(dtmfDigits('*', DEFAULTS)).toBe('');
  });

  it('takes the most specific session attribute: intent and slot, then intent, then everything', () => {
    const attributes = {
      'x-amz-lex:dtmf:end-character:*:*': '9',
      'x-amz-lex:dtmf:end-character:CheckOrderStatus:*': '0',
      'x-amz-lex:dtmf:max-length:CheckOrderStatus:OrderNumber': '5',
      'x-amz-lex:dtmf:deletion-character:CheckOrderStatus:OrderNumber': '#',
    };
    expect(dtmfSettings(attributes, { intentName: 'CheckOrderStatus', slotName: 'OrderNumber' })).toEqual({
      endCharacter: '0',
      deletionCharacter: '#',
      maxLength: 5,
    });
    expect(dtmfSettings(attributes, { intentName: 'BookCallback', slotName: 'Phone' }).endCharacter).toBe(
      '9',
    );
    expect(
      dtmfDigits(
        '12#3456789',
        dtmfSettings(attributes, { intentName: 'CheckOrderStatus', slotName: 'OrderNumber' }),
      ),
    ).toBe('34567');
  });

  it('ignores attribute values that are not one keypad character or a length from 1 to 1024', () => {
    const settings = dtmfSettings(
      {
        'x-amz-lex:dtmf:end-character:*:*': 'ab',
        'x-amz-lex:dtmf:deletion-character:*:*': '',
        'x-amz-lex:dtmf:max-length:*:*': '5000',
      },
      {},
    );
    expect(settings).toEqual(DEFAULTS);
  });

  it('refuses anything but keypad characters, naming them', () => {
    expect(() => dtmfDigits('12a', DEFAULTS)).toThrow(LexServiceError);
    expect(() => dtmfDigits('12a', DEFAULTS)).toThrow(/only the keypad characters 0-9, \* and #/);
  });

  it('always yields digits only, never more than max-length, and nothing typed after the end character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789*#'), maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (keys, maxLength) => {
          const digits = dtmfDigits(keys, { ...DEFAULTS, maxLength });
          expect(digits).toMatch(/^[0-9]*$/);
          expect(digits.length).toBeLessThanOrEqual(maxLength);
          const beforeEnd = keys.split('#')[0] ?? '';
          expect(beforeEnd.replace(/\*/g, '')).toContain(digits);
          if (!beforeEnd.includes('*')) expect(digits).toBe(beforeEnd.slice(0, maxLength));
        },
      ),
    );
  });
});
