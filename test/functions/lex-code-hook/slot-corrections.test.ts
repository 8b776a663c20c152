import type { LexV2Event } from '../../../functions/lex-code-hook/lex-event';
import { resultIntent } from '../../../functions/lex-code-hook/responses';
import { withCorrections } from '../../../functions/lex-code-hook/slot-corrections';
import { ambiguousSlot, lexEvent, slot } from './events';

function askingTime(transcript: string, resolvedDate: string, localeId = 'en_US'): LexV2Event {
  const event = lexEvent({
    intent: 'BookCallback',
    source: 'DialogCodeHook',
    localeId,
    inputTranscript: transcript,
    slots: { CallbackDate: slot('2026-12-07') },
  });
  return {
    ...event,
    proposedNextState: {
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'CallbackTime' },
      intent: event.sessionState.intent,
    },
    transcriptions: [
      {
        transcription: transcript,
        resolvedSlots: { CallbackDate: slot(resolvedDate), CallbackTime: slot('15:00') },
      },
    ],
  };
}

const dateOf = (event: LexV2Event) =>
  withCorrections(event, resultIntent(event.sessionState.intent)).slots.CallbackDate?.value?.interpretedValue;

describe('withCorrections', () => {
  it('takes a different value for a filled slot when the words say they change it', () => {
    expect(dateOf(askingTime('actually, make it friday', '2026-12-11'))).toBe('2026-12-11');
    expect(dateOf(askingTime('mejor el viernes', '2026-12-11', 'es_US'))).toBe('2026-12-11');
  });

  it('leaves the slots alone without a correction, and leaves the asked slot to Lex', () => {
    expect(dateOf(askingTime('friday at 3', '2026-12-11'))).toBe('2026-12-07');
    const event = askingTime('actually, 3 pm', '2026-12-07');
    const intent = resultIntent(event.sessionState.intent);
    expect(withCorrections(event, intent)).toBe(intent);
    expect(withCorrections(event, intent).slots.CallbackTime ?? null).toBeNull();
  });

  it('only on dialog turns', () => {
    const event = {
      ...askingTime('actually, make it friday', '2026-12-11'),
      invocationSource: 'FulfillmentCodeHook' as const,
    };
    expect(dateOf(event)).toBe('2026-12-07');
  });

  describe('a "no" to the confirmation that names another value', () => {
    function deniedWith(transcript: string, resolvedEmail: string | undefined): LexV2Event {
      const event = lexEvent({
        intent: 'ResetPassword',
        source: 'DialogCodeHook',
        inputTranscript: transcript,
        slots: { Email: slot('jane.doe@gmial.com') },
      });
      return {
        ...event,
        sessionState: {
          ...event.sessionState,
          intent: { ...event.sessionState.intent, confirmationState: 'Denied' },
        },
        transcriptions: [
          { transcription: transcript, resolvedSlots: resolvedEmail ? { Email: slot(resolvedEmail) } : {} },
        ],
      };
    }

    it('takes the new value and asks to confirm again', () => {
      const event = deniedWith("no, typo, it's jane.doe@gmail.com", 'jane.doe@gmail.com');
      const intent = withCorrections(event, resultIntent(event.sessionState.intent));
      expect(intent.slots.Email?.value?.interpretedValue).toBe('jane.doe@gmail.com');
      expect(intent.confirmationState).toBe('None');
    });

    it('stays a "no" without another value, or with the same one', () => {
      for (const event of [
        deniedWith('no', undefined),
        deniedWith('no, jane.doe@gmial.com is wrong', 'jane.doe@gmial.com'),
      ]) {
        const intent = resultIntent(event.sessionState.intent);
        expect(withCorrections(event, intent)).toBe(intent);
        expect(withCorrections(event, intent).confirmationState).toBe('Denied');
      }
    });
  });

  it('takes a time Lex could not settle ("at four") from a "no" to the confirmation, for the intent to settle', () => {
    const event = lexEvent({
      intent: 'BookCallback',
      source: 'DialogCodeHook',
      inputTranscript: 'no, better at four',
      slots: {
        CallbackDate: slot('2026-12-09'),
        CallbackTime: slot('15:00'),
        PhoneNumber: slot('+15553028811'),
      },
      confirmationState: 'Denied',
    });
    const corrected = withCorrections(
      {
        ...event,
        transcriptions: [
          {
            transcription: 'no, better at four',
            resolvedSlots: { CallbackTime: ambiguousSlot('at four', ['04:00', '16:00']) },
          },
        ],
      },
      resultIntent(event.sessionState.intent),
    );
    expect(corrected.slots.CallbackTime?.value?.resolvedValues).toEqual(['04:00', '16:00']);
    expect(corrected.confirmationState).toBe('None');
  });
});
