import fc from 'fast-check';
import { isFollowUpOfAnswer } from '../../../functions/lex-code-hook/follow-up-of-answer';
import type { LexV2Event } from '../../../functions/lex-code-hook/lex-event';
import { KNOWLEDGE_ANSWERED_CONTEXT } from '../../../functions/lex-code-hook/pending-question';
import { lexEvent, slot } from './events';

const answered = {
  name: KNOWLEDGE_ANSWERED_CONTEXT,
  contextAttributes: {},
  timeToLive: { turnsToLive: 1, timeToLiveInSeconds: 300 },
};

function storeHours(
  transcript: string,
  location: string,
  options: { afterAnswer?: boolean; localeId?: string } = {},
): LexV2Event {
  const event = lexEvent({
    intent: 'StoreHours',
    inputTranscript: transcript,
    slots: { Location: slot('Airport', location) },
    ...(options.localeId ? { localeId: options.localeId } : {}),
  });
  const activeContexts = options.afterAnswer === false ? [] : [answered];
  return { ...event, sessionState: { ...event.sessionState, activeContexts } };
}

/** The event right after a knowledge answer, with Lex this sure of the intent it heard. */
function afterAnswer(event: LexV2Event, nluConfidence: number): LexV2Event {
  return {
    ...event,
    interpretations: event.interpretations.map((interpretation, index) =>
      index === 0 ? { ...interpretation, nluConfidence } : interpretation,
    ),
    sessionState: { ...event.sessionState, activeContexts: [answered] },
  };
}

describe('isFollowUpOfAnswer', () => {
  it('carries an answered question over to the thing named after a continuation cue', () => {
    expect(isFollowUpOfAnswer(storeHours('what about the airport one?', 'airport'))).toBe(true);
    expect(isFollowUpOfAnswer(storeHours('And the Airport?', 'Airport'))).toBe(true);
    expect(isFollowUpOfAnswer(storeHours('¿y en el aeropuerto?', 'aeropuerto', { localeId: 'es_US' }))).toBe(
      true,
    );
  });

  it('reads a pronoun before a verb that asks as what the answer was about ("¿y la puedo usar en...?")', () => {
    const spanish = { localeId: 'es_US' };
    const use = '¿y la puedo usar en la tienda del aeropuerto?';
    expect(isFollowUpOfAnswer(storeHours(use, 'aeropuerto', spanish))).toBe(true);
    expect(
      isFollowUpOfAnswer(storeHours('y lo aceptan en la tienda del aeropuerto', 'aeropuerto', spanish)),
    ).toBe(true);
    // An article before a noun asks about the store.
    const hours = '¿y la tienda del aeropuerto a qué hora abre el sábado?';
    expect(isFollowUpOfAnswer(storeHours(hours, 'tienda del aeropuerto', spanish))).toBe(false);
  });

  it('leaves the intent alone when nothing was answered, or the words say what they want', () => {
    expect(
      isFollowUpOfAnswer(storeHours('what about the airport one?', 'airport', { afterAnswer: false })),
    ).toBe(false);
    expect(isFollowUpOfAnswer(storeHours('and what time does the airport one open?', 'airport'))).toBe(false);
    expect(isFollowUpOfAnswer(storeHours('the airport one', 'airport'))).toBe(false);
  });

  it('needs a value Lex read, and never takes key presses', () => {
    const noValue = lexEvent({ intent: 'StoreHours', inputTranscript: 'and then?' });
    expect(
      isFollowUpOfAnswer({
        ...noValue,
        sessionState: { ...noValue.sessionState, activeContexts: [answered] },
      }),
    ).toBe(false);
    expect(isFollowUpOfAnswer({ ...storeHours('and 2', '2'), inputMode: 'DTMF' })).toBe(false);
  });

  it('takes a hypothetical with no value ("¿y si ya se envió?") as about the answer, not the intent Lex heard', () => {
    const hypothetical = (transcript: string, localeId: string, activeContexts = [answered]) => {
      const event = lexEvent({ intent: 'CheckOrderStatus', inputTranscript: transcript, localeId });
      return { ...event, sessionState: { ...event.sessionState, activeContexts } };
    };
    expect(isFollowUpOfAnswer(hypothetical('¿y si ya se envió?', 'es_US'))).toBe(true);
    expect(isFollowUpOfAnswer(hypothetical('and if it already shipped?', 'en_US'))).toBe(true);
    expect(isFollowUpOfAnswer(hypothetical('¿y si ya se envió?', 'es_US', []))).toBe(false);
    expect(isFollowUpOfAnswer(hypothetical('¿y ya se envió?', 'es_US'))).toBe(false);
  });

  it('takes a hypothetical as about the answer when Lex was unsure of the intent, whatever value it read', () => {
    const event = lexEvent({
      intent: 'CheckOrderStatus',
      inputTranscript: 'y si la compra es de mas de 150 dolares',
      localeId: 'es_US',
      slots: { OrderNumber: slot('150', '150') },
    });
    expect(isFollowUpOfAnswer(afterAnswer(event, 0.5))).toBe(true);
    expect(isFollowUpOfAnswer(afterAnswer(event, 0.92))).toBe(false);
  });

  it('takes a question that carries on as about the answer when Lex was unsure of the intent it heard', () => {
    const event = lexEvent({
      intent: 'Welcome',
      inputTranscript: '¿Y qué precio tiene esa opción?',
      localeId: 'es_US',
    });
    expect(isFollowUpOfAnswer(afterAnswer(event, 0.53))).toBe(true);
    expect(isFollowUpOfAnswer(afterAnswer(event, 0.9))).toBe(false);
  });

  it('never throws, whatever was said', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom('en_US', 'es_US', 'fr_FR'),
        (said, value, localeId) => {
          expect(typeof isFollowUpOfAnswer(storeHours(said, value, { localeId }))).toBe('boolean');
        },
      ),
    );
  });
});
