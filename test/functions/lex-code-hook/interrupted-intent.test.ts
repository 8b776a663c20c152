import fc from 'fast-check';
import {
  INTERRUPTED_INTENT_ATTRIBUTE,
  keepingInterrupted,
  RESUME_TASK_INTENT_NAME,
  resumedIntent,
  TASK_LEFT_CONTEXT,
  withoutInterrupted,
} from '../../../functions/lex-code-hook/interrupted-intent';
import type { LexV2Event, LexV2Result } from '../../../functions/lex-code-hook/lex-event';
import {
  ANSWER_PENDING_CONTEXT,
  LAST_REPLY_CONTEXT,
} from '../../../functions/lex-code-hook/pending-question';
import { lexEvent, slot } from './events';

const NOW = Date.parse('2026-03-10T15:00:00Z');

/** A turn after the bot asked BookCallback's time, the day already given. */
function afterTimeAsked(transcript: string, intent = 'FallbackIntent'): LexV2Event {
  const event = lexEvent({ intent, inputTranscript: transcript, localeId: 'es_US' });
  const pending = {
    name: ANSWER_PENDING_CONTEXT,
    contextAttributes: {
      intentName: 'BookCallback',
      slotName: 'CallbackTime',
      slots: JSON.stringify({ CallbackDate: '2026-03-12' }),
    },
    timeToLive: { turnsToLive: 1, timeToLiveInSeconds: 300 },
  };
  return { ...event, sessionState: { ...event.sessionState, activeContexts: [pending] } };
}

const answered = (intentName: string): LexV2Result => ({
  sessionState: {
    dialogAction: { type: 'Close' },
    intent: { name: intentName, state: 'Fulfilled', confirmationState: 'None', slots: {} },
    sessionAttributes: { other: 'kept' },
  },
  messages: [{ contentType: 'PlainText', content: 'Al día siguiente: $24.99.' }],
});

describe('an intent left for another one', () => {
  it('is kept with its values when the reply moved away from it, and the other attributes stay', () => {
    const kept = keepingInterrupted(
      afterTimeAsked('por cierto, ¿cuánto cuesta el envío?'),
      answered('FallbackIntent'),
      NOW,
    );
    const attributes = kept.sessionState.sessionAttributes ?? {};
    expect(attributes.other).toBe('kept');
    expect(JSON.parse(attributes[INTERRUPTED_INTENT_ATTRIBUTE] ?? '{}')).toEqual({
      intentName: 'BookCallback',
      slotName: 'CallbackTime',
      slots: { CallbackDate: '2026-03-12' },
      at: NOW,
    });
    expect(kept.sessionState.activeContexts?.map((context) => context.name)).toEqual([TASK_LEFT_CONTEXT]);
  });

  it('is kept with no values yet, for the slot it asked, so that value said alone later goes back to it', () => {
    const event = afterTimeAsked('mientras, ¿a qué hora abre Northgate el martes?');
    const asked = event.sessionState.activeContexts?.[0];
    const emailAsked = {
      ...event,
      sessionState: {
        ...event.sessionState,
        activeContexts: asked
          ? [
              {
                ...asked,
                contextAttributes: { intentName: 'ResetPassword', slotName: 'Email', slots: '{}' },
              },
            ]
          : [],
      },
    };
    const kept = keepingInterrupted(emailAsked, answered('StoreHours'), NOW);
    expect(JSON.parse(kept.sessionState.sessionAttributes?.[INTERRUPTED_INTENT_ATTRIBUTE] ?? '{}')).toEqual({
      intentName: 'ResetPassword',
      slotName: 'Email',
      slots: {},
      at: NOW,
    });
  });

  it('is not an intent Lex chose this turn with nothing said for it, answered as something else', () => {
    const keptBefore = JSON.stringify({
      intentName: 'BookCallback',
      slotName: 'CallbackTime',
      slots: { CallbackDate: '2026-03-12' },
      at: NOW,
    });
    const misread = lexEvent({
      intent: 'CheckOrderStatus',
      source: 'DialogCodeHook',
      inputTranscript: '¿y cuánto tarda?',
      localeId: 'es_US',
      sessionAttributes: { [INTERRUPTED_INTENT_ATTRIBUTE]: keptBefore },
    });
    const reply = answered('FallbackIntent');
    const withKept = {
      ...reply,
      sessionState: {
        ...reply.sessionState,
        sessionAttributes: { [INTERRUPTED_INTENT_ATTRIBUTE]: keptBefore },
      },
    };
    const kept = keepingInterrupted(misread, withKept, NOW);
    expect(kept.sessionState.sessionAttributes?.[INTERRUPTED_INTENT_ATTRIBUTE]).toBe(keptBefore);
  });

  it('is not kept when the customer drops it, or stays with it', () => {
    const dropped = keepingInterrupted(
      afterTimeAsked('olvídelo, ¿cuánto cuesta el envío?'),
      answered('FallbackIntent'),
      NOW,
    );
    expect(dropped.sessionState.sessionAttributes?.[INTERRUPTED_INTENT_ATTRIBUTE]).toBeUndefined();
    expect(dropped.sessionState.activeContexts).toBeUndefined();
    const stayed = keepingInterrupted(
      afterTimeAsked('a las 4', 'BookCallback'),
      answered('BookCallback'),
      NOW,
    );
    expect(stayed.sessionState.sessionAttributes?.[INTERRUPTED_INTENT_ATTRIBUTE]).toBeUndefined();
  });

  it('gives its values back to the same intent for the slots not said again, within ten minutes', () => {
    const attributes = {
      [INTERRUPTED_INTENT_ATTRIBUTE]: JSON.stringify({
        intentName: 'BookCallback',
        slots: { CallbackDate: '2026-03-12', CallbackTime: '10:00' },
        at: NOW,
      }),
    };
    const back = lexEvent({
      intent: 'BookCallback',
      source: 'DialogCodeHook',
      slots: { CallbackTime: slot('16:00') },
    });
    const resumed = resumedIntent(back.sessionState.intent, attributes, NOW + 60_000);
    expect(resumed?.slots.CallbackDate?.value?.interpretedValue).toBe('2026-03-12');
    expect(resumed?.slots.CallbackTime?.value?.interpretedValue).toBe('16:00');
    expect(resumedIntent(back.sessionState.intent, attributes, NOW + 11 * 60_000)).toBeUndefined();
    const other = lexEvent({ intent: 'ResetPassword', source: 'DialogCodeHook' });
    expect(resumedIntent(other.sessionState.intent, attributes, NOW)).toBeUndefined();
    expect(withoutInterrupted(attributes)).toEqual({});
  });

  it('keeps TaskLeft while the task is kept, and ends it once the task is taken up again or dropped', () => {
    const taskLeft = {
      name: TASK_LEFT_CONTEXT,
      contextAttributes: {},
      timeToLive: { turnsToLive: 2, timeToLiveInSeconds: 500 },
    };
    const lastReply = { ...taskLeft, name: LAST_REPLY_CONTEXT };
    const base = lexEvent({
      intent: 'FallbackIntent',
      inputTranscript: '¿y cuánto tarda?',
      localeId: 'es_US',
    });
    const event = { ...base, sessionState: { ...base.sessionState, activeContexts: [taskLeft, lastReply] } };
    const keeping = answered('FallbackIntent');
    const stillKept = {
      ...keeping,
      sessionState: {
        ...keeping.sessionState,
        sessionAttributes: { [INTERRUPTED_INTENT_ATTRIBUTE]: '{}' },
      },
    };
    expect(keepingInterrupted(event, stillKept, NOW)).toEqual(stillKept);
    const takenUp = keepingInterrupted(event, answered('BookCallback'), NOW);
    expect(takenUp.sessionState.activeContexts).toEqual([]);
  });

  it('gives a value said alone (ResumeTask) to the task left: the slot it asked for, or one it had', () => {
    const attributes = {
      [INTERRUPTED_INTENT_ATTRIBUTE]: JSON.stringify({
        intentName: 'BookCallback',
        slotName: 'PhoneNumber',
        slots: { CallbackDate: '2026-03-12', CallbackTime: '10:00' },
        at: NOW,
      }),
    };
    const said = (slots: Parameters<typeof lexEvent>[0]['slots']) =>
      lexEvent({ intent: RESUME_TASK_INTENT_NAME, source: 'DialogCodeHook', slots }).sessionState.intent;
    const phone = resumedIntent(said({ PhoneNumber: slot('5553104426') }), attributes, NOW);
    expect(phone?.name).toBe('BookCallback');
    expect(phone?.slots.PhoneNumber?.value?.interpretedValue).toBe('5553104426');
    expect(phone?.slots.CallbackDate?.value?.interpretedValue).toBe('2026-03-12');
    const time = resumedIntent(said({ CallbackTime: slot('16:00') }), attributes, NOW);
    expect(time?.slots.CallbackTime?.value?.interpretedValue).toBe('16:00');
    expect(time?.slots.PhoneNumber).toBeUndefined();
    const email = resumedIntent(said({ Email: slot('ana@example.com') }), attributes, NOW);
    expect(email?.slots.Email).toBeUndefined();
    expect(resumedIntent(said({}), {}, NOW)).toBeUndefined();
  });

  it('takes nothing from an attribute that is not what it writes', () => {
    const back = lexEvent({ intent: 'BookCallback', source: 'DialogCodeHook' });
    fc.assert(
      fc.property(fc.string(), (value) => {
        const resumed = resumedIntent(
          back.sessionState.intent,
          { [INTERRUPTED_INTENT_ATTRIBUTE]: value },
          NOW,
        );
        expect(resumed).toBeUndefined();
      }),
    );
  });
});
