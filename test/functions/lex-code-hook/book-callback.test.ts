import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { LexV2Slot } from '../../../functions/lex-code-hook/lex-event';
import { ambiguousSlot, lexEvent, slot } from './events';
import { NOW, startHookFixture, type HookFixture } from './hook-fixture';
import { resultProblems, textOf } from './result-rules';

let fixture: HookFixture;
beforeAll(async () => {
  fixture = await startHookFixture();
});
afterAll(() => fixture.stop());

// NOW is Tuesday 2026-03-10, 11:00 in New York.
const VALID = {
  CallbackDate: slot('2026-03-12'),
  CallbackTime: slot('14:30'),
  PhoneNumber: slot('+15095551212'),
};

interface CallbackOptions {
  slots?: Partial<Record<keyof typeof VALID, LexV2Slot | null>>;
  source?: 'DialogCodeHook' | 'FulfillmentCodeHook';
  confirmationState?: 'None' | 'Confirmed' | 'Denied';
  localeId?: string;
  sessionId?: string;
  originatingRequestId?: string;
}

const callback = (options: CallbackOptions = {}) => {
  const source = options.source ?? 'DialogCodeHook';
  return lexEvent({
    intent: 'BookCallback',
    source,
    slots: { ...VALID, ...options.slots },
    confirmationState: options.confirmationState ?? (source === 'FulfillmentCodeHook' ? 'Confirmed' : 'None'),
    localeId: options.localeId ?? 'en_US',
    sessionId: options.sessionId ?? 'callback-session',
    originatingRequestId: options.originatingRequestId ?? 'callback-request',
  });
};

/** All slots valid and not yet confirmed: the hook asks to confirm them itself. */
const READY = 'ConfirmIntent';

describe('BookCallback dialog hook', () => {
  it('asks to confirm valid slots, unchanged, with the day and time in words', async () => {
    const result = await fixture.pinnedHandler(callback());
    expect(result.sessionState.dialogAction.type).toBe(READY);
    expect(result.sessionState.intent?.slots).toEqual(VALID);
    expect(textOf(result)).toBe(
      'An agent will call you on the number ending in 1212 on Thursday, March 12 at 2:30 PM Eastern Time. Shall I book it?',
    );
    const spanish = await fixture.pinnedHandler(callback({ localeId: 'es_US' }));
    expect(textOf(spanish)).toMatch(
      /^Un agente le llamará al número que termina en 1212 el jueves, 12 de marzo/,
    );
  });

  it('delegates once the booking is confirmed', async () => {
    const result = await fixture.pinnedHandler(callback({ confirmationState: 'Confirmed' }));
    expect(result.sessionState.dialogAction.type).toBe('Delegate');
  });

  it('delegates while slots are still missing', async () => {
    const result = await fixture.pinnedHandler(
      callback({ slots: { CallbackTime: null, PhoneNumber: null } }),
    );
    expect(result.sessionState.dialogAction.type).toBe('Delegate');
  });

  it.each([
    ['2026-03-10', true],
    ['2026-04-09', true],
    ['2026-03-09', false],
    ['2026-04-10', false],
    ['2026-02-30', false],
    ['next week', false],
  ])('accepts %s: %s', async (date, accepted) => {
    const result = await fixture.pinnedHandler(
      callback({ slots: { CallbackDate: slot(date), CallbackTime: slot('15:00') } }),
    );
    expect(result.sessionState.dialogAction.type).toBe(accepted ? READY : 'ElicitSlot');
    expect(resultProblems(result)).toEqual([]);
  });

  it.each([
    ['2026-03-09', 'That date has already passed. Which day would you like us to call you?'],
    [
      '2026-04-10',
      'We can book callbacks up to 30 days ahead, so the latest is Thursday, April 9. Which day works for you?',
    ],
    ['2026-13-01', "Sorry, I didn't catch the date. Which day would you like us to call you?"],
  ])('asks for another date than %s and says why', async (date, reason) => {
    const result = await fixture.pinnedHandler(callback({ slots: { CallbackDate: slot(date) } }));
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'CallbackDate' });
    expect(result.sessionState.intent?.slots.CallbackDate).toBeNull();
    expect(result.sessionState.intent?.slots.PhoneNumber).toEqual(VALID.PhoneNumber);
    expect(textOf(result)).toBe(reason);
  });

  it.each([
    ['09:00', true],
    ['17:00', true],
    ['08:59', false],
    ['17:01', false],
    ['22:00', false],
    ['25:00', false],
  ])('accepts time %s: %s', async (time, accepted) => {
    const result = await fixture.pinnedHandler(callback({ slots: { CallbackTime: slot(time) } }));
    expect(result.sessionState.dialogAction.type).toBe(accepted ? READY : 'ElicitSlot');
  });

  it('explains business hours when the time is outside them', async () => {
    const result = await fixture.pinnedHandler(callback({ slots: { CallbackTime: slot('19:00') } }));
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'CallbackTime' });
    expect(textOf(result)).toBe(
      'We make callbacks between 9 AM and 5 PM. What time in that window works for you?',
    );
  });

  it('refuses a time earlier today, but takes a later one', async () => {
    const today = { CallbackDate: slot('2026-03-10') };
    const early = await fixture.pinnedHandler(callback({ slots: { ...today, CallbackTime: slot('10:30') } }));
    expect(textOf(early)).toBe(
      'That time has already passed today. What later time works, between 9 AM and 5 PM?',
    );
    const later = await fixture.pinnedHandler(callback({ slots: { ...today, CallbackTime: slot('11:30') } }));
    expect(later.sessionState.dialogAction.type).toBe(READY);
  });

  it.each([
    [['10:00', '22:00'], '10:00'],
    [['05:00', '17:00'], '17:00'],
    [['02:30', '14:30'], '14:30'],
  ])('settles the ambiguous time %j on the one in business hours', async (resolvedValues, expected) => {
    const result = await fixture.pinnedHandler(
      callback({ slots: { CallbackTime: ambiguousSlot('at 10', resolvedValues) } }),
    );
    expect(result.sessionState.dialogAction.type).toBe(READY);
    expect(result.sessionState.intent?.slots.CallbackTime?.value).toEqual({
      originalValue: 'at 10',
      interpretedValue: expected,
      resolvedValues: [expected],
    });
  });

  it.each([
    ['en_US', 'Is that in the morning or the afternoon? Please say AM or PM. We call between 9 AM and 5 PM.'],
    ['es_US', '¿Es de la mañana o de la tarde? Llamamos entre las 9 a.m. y las 5 p.m.'],
  ])('asks AM or PM when neither reading is in business hours (%s)', async (localeId, question) => {
    const result = await fixture.pinnedHandler(
      callback({ localeId, slots: { CallbackTime: ambiguousSlot('at 8', ['08:00', '20:00']) } }),
    );
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'CallbackTime' });
    expect(textOf(result)).toBe(question);
  });

  it.each([
    ['(509) 555-1212', '5095551212'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('normalises the phone number %s', async (spoken, stored) => {
    const result = await fixture.pinnedHandler(callback({ slots: { PhoneNumber: slot(spoken) } }));
    expect(result.sessionState.dialogAction.type).toBe(READY);
    expect(result.sessionState.intent?.slots.PhoneNumber?.value?.interpretedValue).toBe(stored);
  });

  it.each(['5551212', '+1234567890123456', '555-CALL-NOW'])(
    'asks again for the phone number %s',
    async (phone) => {
      const result = await fixture.pinnedHandler(callback({ slots: { PhoneNumber: slot(phone) } }));
      expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'PhoneNumber' });
      expect(textOf(result)).toBe(
        "That phone number doesn't look complete. Please say the whole number, including the area code.",
      );
    },
  );

  it('asks for the first bad slot in the order Lex asks for them', async () => {
    const result = await fixture.pinnedHandler(
      callback({
        slots: { CallbackDate: slot('2026-01-01'), CallbackTime: slot('23:00'), PhoneNumber: slot('1') },
      }),
    );
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'CallbackDate' });
  });

  it('closes as Failed with the declination when the customer said no', async () => {
    const result = await fixture.pinnedHandler(callback({ confirmationState: 'Denied', localeId: 'es_US' }));
    expect(result.sessionState.intent?.state).toBe('Failed');
    expect(textOf(result)).toBe('Está bien, no agendé ninguna llamada. ¿Le ayudo con algo más?');
  });
});

describe('BookCallback fulfillment', () => {
  it('stores the request and confirms it with a reference number', async () => {
    const result = await fixture.pinnedHandler(
      callback({ source: 'FulfillmentCodeHook', originatingRequestId: 'req-A' }),
    );
    expect(result.sessionState.intent?.state).toBe('Fulfilled');
    const text = textOf(result);
    const reference = /reference number is (CB-[0-9A-Z]{8})\./.exec(text)?.[1];
    expect(text).toContain(
      "You're all set: an agent will call you on the number ending in 1212 on Thursday, March 12 at 2:30 PM Eastern Time.",
    );
    const { Item } = await fixture.documents.send(
      new GetCommand({ TableName: 'parley-callbacks', Key: { callbackId: reference } }),
    );
    expect(Item).toEqual({
      callbackId: reference,
      sessionId: 'callback-session',
      requestId: 'req-A',
      localeId: 'en_US',
      date: '2026-03-12',
      time: '14:30',
      phoneNumber: '+15095551212',
      createdAt: new Date(NOW).toISOString(),
      status: 'requested',
    });
  });

  it('books a retried request only once and answers it the same way', async () => {
    const event = callback({
      source: 'FulfillmentCodeHook',
      sessionId: 'retry-session',
      originatingRequestId: 'req-R',
    });
    const first = await fixture.pinnedHandler(event);
    const retry = await fixture.createHandler({ clock: () => NOW + 5_000 })(event);
    expect(textOf(retry)).toBe(textOf(first));
    const { Items } = await fixture.documents.send(
      new ScanCommand({
        TableName: 'parley-callbacks',
        FilterExpression: 'sessionId = :s',
        ExpressionAttributeValues: { ':s': 'retry-session' },
      }),
    );
    expect(Items).toHaveLength(1);
    expect(Items?.[0]?.createdAt).toBe(new Date(NOW).toISOString());
  });

  it('books a new request in the same session separately', async () => {
    const a = await fixture.pinnedHandler(
      callback({ source: 'FulfillmentCodeHook', sessionId: 'two', originatingRequestId: '1' }),
    );
    const b = await fixture.pinnedHandler(
      callback({ source: 'FulfillmentCodeHook', sessionId: 'two', originatingRequestId: '2' }),
    );
    expect(textOf(a)).not.toBe(textOf(b));
  });

  it('books an ambiguous time on the business-hours reading', async () => {
    const result = await fixture.pinnedHandler(
      callback({
        source: 'FulfillmentCodeHook',
        originatingRequestId: 'req-ambiguous',
        slots: { CallbackTime: ambiguousSlot('at 3', ['03:00', '15:00']) },
      }),
    );
    expect(textOf(result)).toContain('at 3 PM Eastern Time');
    expect(result.sessionState.intent?.slots.CallbackTime?.value?.interpretedValue).toBe('15:00');
  });

  it('confirms in Spanish', async () => {
    const result = await fixture.pinnedHandler(
      callback({
        source: 'FulfillmentCodeHook',
        localeId: 'es_US',
        originatingRequestId: 'req-es',
        slots: { CallbackTime: slot('13:00') },
      }),
    );
    expect(textOf(result)).toMatch(
      /^Listo: un agente le llamará al número que termina en 1212 el jueves, 12 de marzo a la 1 p\.m\. \(hora oriental\)\. Su número de referencia es CB-[0-9A-Z]{8}\.$/,
    );
  });

  it('re-validates at fulfillment and asks again rather than booking a bad slot', async () => {
    const result = await fixture.pinnedHandler(
      callback({ source: 'FulfillmentCodeHook', slots: { CallbackTime: slot('20:00') } }),
    );
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'CallbackTime' });
  });

  it('apologises when fulfillment arrives with a required slot missing', async () => {
    const result = await fixture.pinnedHandler(
      callback({ source: 'FulfillmentCodeHook', slots: { PhoneNumber: null } }),
    );
    expect(result.sessionState.intent?.state).toBe('Failed');
    expect(textOf(result)).toContain('something went wrong');
  });

  it('closes a denied intent as Failed without booking', async () => {
    const result = await fixture.pinnedHandler(
      callback({ source: 'FulfillmentCodeHook', confirmationState: 'Denied', sessionId: 'denied-session' }),
    );
    expect(result.sessionState.intent?.state).toBe('Failed');
    expect(textOf(result)).toBe("Okay, I haven't booked a callback. Anything else?");
    const { Items } = await fixture.documents.send(
      new ScanCommand({
        TableName: 'parley-callbacks',
        FilterExpression: 'sessionId = :s',
        ExpressionAttributeValues: { ':s': 'denied-session' },
      }),
    );
    expect(Items).toHaveLength(0);
  });

  it('keeps the phone number out of the logs', async () => {
    fixture.clearLogs();
    await fixture.pinnedHandler(
      callback({ source: 'FulfillmentCodeHook', originatingRequestId: 'req-logs' }),
    );
    const logs = JSON.stringify(fixture.logs());
    expect(logs).toContain('Callback booked');
    expect(logs).not.toContain('5095551212');
  });
});
