import type { BotLocale } from '../../../../bot-definitions/loader/schema';
import {
  callBehaviourAttributes,
  callBehaviourKey,
  DIGIT_SLOTS,
} from '../../../../functions/lex-code-hook/voice/call-behaviours';
import { retailBotLocales } from './bot-locales';

let locales: BotLocale[];
beforeAll(async () => {
  locales = await retailBotLocales();
});

describe('call behaviour attributes', () => {
  it('lets the caller interrupt an ordinary prompt or answer', () => {
    for (const kind of [undefined, 'answer'] as const) {
      expect(callBehaviourAttributes(kind)['x-amz-lex:allow-interrupt:*:*']).toBe('true');
    }
  });

  it.each(['readBack', 'disclaimer'] as const)('plays a %s to the end', (kind) => {
    expect(callBehaviourAttributes(kind)['x-amz-lex:allow-interrupt:*:*']).toBe('false');
  });

  it('sets the silence timeouts for every slot, longer for digit slots', () => {
    const attributes = callBehaviourAttributes(undefined);
    expect(attributes).toMatchObject({
      'x-amz-lex:audio:start-timeout-ms:*:*': '4000',
      'x-amz-lex:audio:end-timeout-ms:*:*': '800',
      'x-amz-lex:audio:start-timeout-ms:CheckOrderStatus:OrderNumber': '8000',
      'x-amz-lex:audio:end-timeout-ms:CheckOrderStatus:OrderNumber': '2000',
      'x-amz-lex:audio:end-timeout-ms:BookCallback:PhoneNumber': '2000',
      'x-amz-lex:audio:end-timeout-ms:SendAnswerDetails:PhoneNumber': '2000',
    });
    const globalEnd = Number(attributes['x-amz-lex:audio:end-timeout-ms:*:*']);
    for (const { intent, slot } of DIGIT_SLOTS) {
      expect(Number(attributes[`x-amz-lex:audio:end-timeout-ms:${intent}:${slot}`])).toBeGreaterThan(
        globalEnd,
      );
    }
  });

  it('takes keypad input for the order number, up to its five digits', () => {
    expect(callBehaviourAttributes(undefined)).toMatchObject({
      'x-amz-lex:dtmf:end-character:CheckOrderStatus:OrderNumber': '#',
      'x-amz-lex:dtmf:deletion-character:CheckOrderStatus:OrderNumber': '*',
      'x-amz-lex:dtmf:max-length:CheckOrderStatus:OrderNumber': '5',
      'x-amz-lex:dtmf:end-timeout-ms:CheckOrderStatus:OrderNumber': '3000',
    });
  });

  it.each(['BookCallback', 'SendAnswerDetails'])(
    'takes keypad input for %s phone numbers, up to 15 digits',
    (intent) => {
      expect(callBehaviourAttributes(undefined)).toMatchObject({
        [`x-amz-lex:dtmf:end-character:${intent}:PhoneNumber`]: '#',
        [`x-amz-lex:dtmf:deletion-character:${intent}:PhoneNumber`]: '*',
        [`x-amz-lex:dtmf:max-length:${intent}:PhoneNumber`]: '15',
        [`x-amz-lex:dtmf:end-timeout-ms:${intent}:PhoneNumber`]: '3000',
      });
    },
  );

  it('sets only x-amz-lex keys in the documented shape, with values Lex accepts', () => {
    for (const [key, value] of Object.entries(callBehaviourAttributes('readBack'))) {
      expect(key).toMatch(
        /^x-amz-lex:(?:allow-interrupt|audio:[a-z-]+|dtmf:[a-z-]+):(?:\*|[A-Za-z]+):(?:\*|[A-Za-z]+)$/,
      );
      if (key.includes('-ms:') || key.includes('max-length')) {
        expect(Number(value)).toBeGreaterThan(0);
        expect(Number.isInteger(Number(value))).toBe(true);
      }
    }
  });

  it('stays small next to the 12 KB Lex allows for session attributes', () => {
    expect(JSON.stringify(callBehaviourAttributes('readBack')).length).toBeLessThan(2_000);
  });

  it('builds keys as behaviour, intent and slot, wildcards by default', () => {
    expect(callBehaviourKey('allow-interrupt')).toBe('x-amz-lex:allow-interrupt:*:*');
    expect(callBehaviourKey('dtmf:max-length', 'A', 'B')).toBe('x-amz-lex:dtmf:max-length:A:B');
  });
});

describe('digit slots match the bot definition', () => {
  it('name real slots of real intents, in every locale', () => {
    for (const locale of locales) {
      for (const { intent, slot } of DIGIT_SLOTS) {
        const slots = locale.Intents?.find((candidate) => candidate.Name === intent)?.Slots ?? [];
        expect(slots.map((candidate) => candidate.Name)).toContain(slot);
      }
    }
  });

  // An optional slot is never asked for (ResumeTask's take a value said unasked), so keys never answer it.
  it('cover every phone number slot Lex asks for, and the order number', () => {
    for (const locale of locales) {
      const phoneSlots = (locale.Intents ?? []).flatMap((intent) =>
        (intent.Slots ?? [])
          .filter(
            (slot) =>
              slot.SlotTypeName === 'AMAZON.PhoneNumber' &&
              slot.ValueElicitationSetting.SlotConstraint === 'Required',
          )
          .map((slot) => `${intent.Name}.${slot.Name}`),
      );
      const digitSlots = DIGIT_SLOTS.map(({ intent, slot }) => `${intent}.${slot}`);
      expect(phoneSlots.length).toBeGreaterThan(0);
      expect(digitSlots).toEqual(expect.arrayContaining([...phoneSlots, 'CheckOrderStatus.OrderNumber']));
    }
  });
});
