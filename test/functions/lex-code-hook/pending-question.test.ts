import fc from 'fast-check';
import { isLoneNegative } from '../../../functions/lex-code-hook/intents/end-conversation';
import type { LexV2ActiveContext, LexV2Event } from '../../../functions/lex-code-hook/lex-event';
import {
  AGENT_OFFERED_CONTEXT,
  ANSWER_PENDING_CONTEXT,
  isActive,
  KNOWLEDGE_ANSWERED_CONTEXT,
  lastReply,
  pendingIntent,
  pendingSlot,
  rememberReply,
  withPendingQuestion,
} from '../../../functions/lex-code-hook/pending-question';
import { close, elicitSlot } from '../../../functions/lex-code-hook/responses';
import { lexEvent, slot } from './events';

const withContexts = (event: LexV2Event, activeContexts: LexV2ActiveContext[]): LexV2Event => ({
  ...event,
  sessionState: { ...event.sessionState, activeContexts },
});

const callbackIntent = {
  name: 'BookCallback',
  state: 'InProgress' as const,
  confirmationState: 'None' as const,
  slots: { CallbackDate: slot('2026-12-07'), CallbackTime: null, PhoneNumber: null },
};

describe('pending questions', () => {
  it('remembers a slot prompt for one turn, with the values given so far', () => {
    const event = withContexts(lexEvent({ intent: 'BookCallback', source: 'DialogCodeHook' }), [
      {
        name: 'OrderChecked',
        timeToLive: { timeToLiveInSeconds: 600, turnsToLive: 5 },
        contextAttributes: {},
      },
    ]);
    const reply = withPendingQuestion(event, elicitSlot(callbackIntent, 'CallbackTime', 'What time?', {}));
    const contexts = reply.sessionState.activeContexts ?? [];
    expect(contexts.map((context) => context.name)).toEqual(['OrderChecked', ANSWER_PENDING_CONTEXT]);
    expect(contexts[1]?.timeToLive.turnsToLive).toBe(1);
    const next = withContexts(lexEvent({ intent: 'EndConversation' }), contexts);
    const pending = pendingSlot(next);
    expect(pending).toEqual({
      intentName: 'BookCallback',
      slotName: 'CallbackTime',
      slots: { CallbackDate: '2026-12-07' },
    });
    expect(pending && pendingIntent(pending).slots.CallbackDate?.value?.interpretedValue).toBe('2026-12-07');
  });

  it('remembers an offer of a person, and says nothing when the reply asked nothing', () => {
    const event = lexEvent({ intent: 'FallbackIntent' });
    const answered = close(event.sessionState.intent, 'Fulfilled', 'Gift cards never expire.', {});
    expect(withPendingQuestion(event, answered)).toEqual(answered);
    const offered = withPendingQuestion(event, { ...answered, offersAgent: true });
    expect(offered).not.toHaveProperty('offersAgent');
    const next = withContexts(
      lexEvent({ intent: 'AcceptAgentOffer' }),
      offered.sessionState.activeContexts ?? [],
    );
    expect(isActive(next, AGENT_OFFERED_CONTEXT)).toBe(true);
    expect(pendingSlot(next)).toBeUndefined();
  });

  it('marks an answer from the knowledge base for one turn, and no other reply', () => {
    const event = lexEvent({ intent: 'FallbackIntent' });
    const closed = close(event.sessionState.intent, 'Fulfilled', 'Gift cards never expire.', {});
    for (const messageKind of ['answer', 'answerSummary'] as const) {
      const contexts =
        withPendingQuestion(event, { ...closed, messageKind }).sessionState.activeContexts ?? [];
      expect(contexts.map((context) => [context.name, context.timeToLive.turnsToLive])).toEqual([
        [KNOWLEDGE_ANSWERED_CONTEXT, 1],
      ]);
    }
    expect(
      withPendingQuestion(event, { ...closed, messageKind: 'readBack' }).sessionState.activeContexts,
    ).toBeUndefined();
  });

  it('never hands back a one-turn context from the event, which would give it another turn', () => {
    const oneTurn = { timeToLive: { timeToLiveInSeconds: 300, turnsToLive: 1 }, contextAttributes: {} };
    const event = withContexts(lexEvent({ intent: 'EndConversation' }), [
      { name: AGENT_OFFERED_CONTEXT, ...oneTurn },
      { name: 'StoreHoursAsked', ...oneTurn },
    ]);
    const reply = rememberReply(event, close(event.sessionState.intent, 'Fulfilled', 'Bye!', {}));
    expect(reply.sessionState.activeContexts?.map((context) => context.name)).toEqual([
      'StoreHoursAsked',
      'LastReply',
    ]);
    const next = withContexts(
      lexEvent({ intent: 'RepeatLastReply' }),
      reply.sessionState.activeContexts ?? [],
    );
    expect(lastReply(next)).toBe('Bye!');
    expect(lastReply(lexEvent({ intent: 'RepeatLastReply' }))).toBeUndefined();
  });

  it('reads any context attributes without throwing: only a named intent and slot make a question', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('intentName', 'slotName', 'slots', 'other'), fc.string()),
        (attributes) => {
          const event = withContexts(lexEvent({ intent: 'EndConversation' }), [
            {
              name: ANSWER_PENDING_CONTEXT,
              timeToLive: { timeToLiveInSeconds: 1, turnsToLive: 1 },
              contextAttributes: attributes,
            },
          ]);
          const pending = pendingSlot(event);
          if (!attributes.intentName || !attributes.slotName) expect(pending).toBeUndefined();
          else
            expect(Object.values(pending?.slots ?? {}).every((value) => typeof value === 'string')).toBe(
              true,
            );
        },
      ),
    );
  });
});

describe('isLoneNegative', () => {
  it('is a "no" and nothing more, in either language', () => {
    for (const text of ['no', 'No.', 'nope!', 'no thanks', 'No, thank you'])
      expect(isLoneNegative(text, 'en_US')).toBe(true);
    for (const text of ['No.', 'no, gracias', 'para nada']) expect(isLoneNegative(text, 'es_US')).toBe(true);
    for (const text of ["no, that's all", 'no thanks, bye', 'not now, where is my order', 'yes']) {
      expect(isLoneNegative(text, 'en_US')).toBe(false);
    }
    expect(isLoneNegative('no', 'fr_FR')).toBe(false);
  });
});
