import fc from 'fast-check';
import type { BotLocale } from '../../../../bot-definitions/loader/schema';
import { checkHookResponse } from '../../../../local/lex/dialog/hook-response';

const prompt = { MaxRetries: 1, MessageGroupsList: [{ Message: { PlainTextMessage: { Value: 'Which?' } } }] };
const locale: BotLocale = {
  LocaleId: 'en_US',
  NluConfidenceThreshold: 0.4,
  Intents: [
    {
      Name: 'Book',
      Slots: [
        {
          Name: 'Day',
          SlotTypeName: 'AMAZON.Date',
          ValueElicitationSetting: { SlotConstraint: 'Required', PromptSpecification: prompt },
        },
      ],
    },
    { Name: 'Confirmable', IntentConfirmationSetting: { PromptSpecification: prompt } },
    { Name: 'FallbackIntent', ParentIntentSignature: 'AMAZON.FallbackIntent' },
  ],
};

const close = (extra: object = {}) => ({
  sessionState: { dialogAction: { type: 'Close' }, intent: { name: 'Book', state: 'Fulfilled' } },
  ...extra,
});

describe('checkHookResponse', () => {
  it('accepts a well-formed Close', () => {
    expect(
      checkHookResponse(close({ messages: [{ contentType: 'PlainText', content: 'Done.' }] }), locale),
    ).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['no sessionState', {}, 'sessionState'],
    ['no dialogAction', { sessionState: {} }, 'dialogAction'],
    ['unknown dialog action', { sessionState: { dialogAction: { type: 'Dance' } } }, 'type'],
    ['Close without intent', { sessionState: { dialogAction: { type: 'Close' } } }, 'intent is required'],
    [
      'ElicitSlot without slotToElicit',
      {
        sessionState: { dialogAction: { type: 'ElicitSlot' }, intent: { name: 'Book', state: 'InProgress' } },
      },
      'slotToElicit is required',
    ],
    [
      'ElicitSlot of a slot the intent lacks',
      {
        sessionState: {
          dialogAction: { type: 'ElicitSlot', slotToElicit: 'Time' },
          intent: { name: 'Book', state: 'InProgress' },
        },
      },
      '"Time" is not a slot',
    ],
    [
      'ReadyForFulfillment with Close',
      {
        sessionState: {
          dialogAction: { type: 'Close' },
          intent: { name: 'Book', state: 'ReadyForFulfillment' },
        },
      },
      'only valid with dialogAction type Delegate',
    ],
    [
      'ElicitIntent without messages',
      { sessionState: { dialogAction: { type: 'ElicitIntent' } } },
      'messages are required',
    ],
    [
      'ConfirmIntent without messages and no configured prompt',
      {
        sessionState: {
          dialogAction: { type: 'ConfirmIntent' },
          intent: { name: 'Book', state: 'InProgress' },
        },
      },
      'no confirmation prompt',
    ],
    [
      'an intent of another bot',
      {
        sessionState: { dialogAction: { type: 'Close' }, intent: { name: 'OrderPizza', state: 'Fulfilled' } },
      },
      'not an intent',
    ],
    [
      'a slot the intent lacks',
      {
        sessionState: {
          dialogAction: { type: 'Close' },
          intent: { name: 'Book', state: 'Fulfilled', slots: { Nope: null } },
        },
      },
      'slots.Nope',
    ],
    ['PlainText without content', close({ messages: [{ contentType: 'PlainText' }] }), 'content is required'],
    [
      'a message over 1024 characters',
      close({ messages: [{ contentType: 'PlainText', content: 'x'.repeat(1025) }] }),
      'messages.0.content',
    ],
  ])('rejects %s, naming the rule', (_name, response, reason) => {
    const check = checkHookResponse(response, locale);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(reason);
  });

  it('accepts ConfirmIntent without messages when the intent has a confirmation prompt', () => {
    const response = {
      sessionState: {
        dialogAction: { type: 'ConfirmIntent' },
        intent: { name: 'Confirmable', state: 'InProgress' },
      },
    };
    expect(checkHookResponse(response, locale).ok).toBe(true);
  });

  it('never throws, whatever the hook returns', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const check = checkHookResponse(value, locale);
        expect(typeof check.ok).toBe('boolean');
        if (!check.ok) expect(check.reason.length).toBeGreaterThan(0);
      }),
    );
  });
});
