import type { BotLocale } from '../../../../bot-definitions/loader/schema';
import type { LexV2Event } from '../../../../functions/lex-code-hook/lex-event';
import { messagesFor } from '../../../../functions/lex-code-hook/messages';
import { resultIntent } from '../../../../functions/lex-code-hook/responses';
import {
  afterHeardInput,
  isNoInput,
  MAX_SILENT_TURNS,
  replyToSilence,
  SILENT_TURNS_ATTRIBUTE,
} from '../../../../functions/lex-code-hook/voice/no-input';
import { lexEvent, type EventOptions } from '../events';
import { textOf } from '../result-rules';
import { retailBotLocales } from './bot-locales';
import { END_CALL_ATTRIBUTE } from '../../../../functions/shared/channel-attributes';

const silence = (options: Partial<EventOptions> = {}): LexV2Event =>
  lexEvent({
    intent: 'FallbackIntent',
    inputMode: 'Speech',
    inputTranscript: '',
    sessionAttributes: { tier: 'gold' },
    ...options,
  });

/** A silent answer to a slot prompt: Lex retries the prompt and asks the dialog hook first. */
const silentSlotAnswer = (intent: string, options: Partial<EventOptions> = {}): LexV2Event =>
  silence({ intent, source: 'DialogCodeHook', ...options });

function reply(event: LexV2Event) {
  const localeId = event.bot.localeId;
  return replyToSilence(
    event,
    resultIntent(event.sessionState.intent),
    event.sessionState.sessionAttributes ?? {},
    messagesFor(localeId),
  );
}

describe('isNoInput', () => {
  it.each(['Speech', 'DTMF'] as const)('is a blank %s transcript', (inputMode) => {
    for (const inputTranscript of ['', '   ', '\n\t'])
      expect(isNoInput(silence({ inputMode, inputTranscript }))).toBe(true);
  });

  it('is never typed input: an empty chat message keeps its own handling', () => {
    expect(isNoInput(silence({ inputMode: 'Text' }))).toBe(false);
  });

  it('is not a turn in which something was said or keyed', () => {
    expect(isNoInput(silence({ inputTranscript: 'hello' }))).toBe(false);
    expect(isNoInput(silence({ inputMode: 'DTMF', inputTranscript: '1' }))).toBe(false);
  });

  it('counts a dialog turn of any intent, but not the fulfilment of a real intent', () => {
    expect(isNoInput(silentSlotAnswer('CheckOrderStatus'))).toBe(true);
    expect(isNoInput(silence({ intent: 'StoreHours', source: 'FulfillmentCodeHook' }))).toBe(false);
  });
});

describe('replyToSilence', () => {
  it('asks for the slot Lex was waiting for again, after an apology, keeping the attributes', () => {
    const result = reply(silentSlotAnswer('CheckOrderStatus'));
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'OrderNumber' });
    expect(result.sessionState.intent).toMatchObject({ name: 'CheckOrderStatus', state: 'InProgress' });
    expect(textOf(result)).toBe(
      "Sorry, I didn't hear anything. What's your order number? It's the 5-digit number in your confirmation email.",
    );
    expect(result.sessionState.sessionAttributes).toEqual({ tier: 'gold', [SILENT_TURNS_ATTRIBUTE]: '1' });
  });

  it('asks in Spanish for es_US', () => {
    const result = reply(silentSlotAnswer('BookCallback', { localeId: 'es_US' }));
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'CallbackDate' });
    expect(textOf(result)).toBe('Disculpe, no escuché nada. ¿Para qué día quiere programar la llamada?');
  });

  it('asks for a slot the catalogue has no words for with the bot definition prompt', () => {
    const event = silentSlotAnswer('StoreHours');
    event.proposedNextState = {
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'Location' },
      intent: event.sessionState.intent,
    };
    const result = reply(event);
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Location' });
    expect(result.messages).toBeUndefined();
  });

  it('asks for a yes or a no when a confirmation was pending', () => {
    const event = silentSlotAnswer('ResetPassword');
    event.proposedNextState = { dialogAction: { type: 'ConfirmIntent' }, intent: event.sessionState.intent };
    const result = reply(event);
    expect(result.sessionState.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(textOf(result)).toBe("Sorry, I didn't hear anything. Please say yes or no.");
  });

  it('asks how to help when no intent is waiting for an answer', () => {
    const result = reply(silence());
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitIntent' });
    expect(result.sessionState.intent).toBeUndefined();
    expect(textOf(result)).toBe("Sorry, I didn't hear anything. How can I help?");
  });

  it('falls back to asking how to help when the proposed slot is not one of the intent', () => {
    const event = silentSlotAnswer('CheckOrderStatus');
    event.proposedNextState = {
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'toString' },
      intent: event.sessionState.intent,
    };
    expect(reply(event).sessionState.dialogAction).toEqual({ type: 'ElicitIntent' });
  });

  it('counts silences in a row and ends the call politely at the third', () => {
    let attributes: Record<string, string> = { tier: 'gold' };
    const replies = [];
    for (let turn = 1; turn <= MAX_SILENT_TURNS; turn += 1) {
      const result = reply(silence({ sessionAttributes: attributes }));
      replies.push(result);
      attributes = result.sessionState.sessionAttributes ?? {};
      expect(attributes[SILENT_TURNS_ATTRIBUTE]).toBe(String(turn));
    }
    expect(replies.slice(0, -1).map((result) => result.sessionState.sessionAttributes)).not.toContainEqual(
      expect.objectContaining({ [END_CALL_ATTRIBUTE]: 'true' }),
    );
    const last = replies.at(-1);
    expect(last?.sessionState.dialogAction).toEqual({ type: 'Close' });
    expect(last?.sessionState.intent).toMatchObject({ name: 'FallbackIntent', state: 'Fulfilled' });
    expect(last?.sessionState.sessionAttributes).toEqual({
      tier: 'gold',
      [SILENT_TURNS_ATTRIBUTE]: '3',
      [END_CALL_ATTRIBUTE]: 'true',
    });
    expect(last && textOf(last)).toBe(
      "I still can't hear you, so I'll end the call now. Please call us back any time. Goodbye.",
    );
  });

  it('closes an intent left waiting for an answer as Failed', () => {
    const result = reply(
      silentSlotAnswer('BookCallback', { sessionAttributes: { [SILENT_TURNS_ATTRIBUTE]: '2' } }),
    );
    expect(result.sessionState.intent).toMatchObject({ name: 'BookCallback', state: 'Failed' });
    expect(result.sessionState.sessionAttributes?.[END_CALL_ATTRIBUTE]).toBe('true');
  });

  it('treats a count it cannot read as none so far', () => {
    for (const stored of ['', 'two', '-1', '1e3', '99999']) {
      const result = reply(silence({ sessionAttributes: { [SILENT_TURNS_ATTRIBUTE]: stored } }));
      expect(result.sessionState.sessionAttributes?.[SILENT_TURNS_ATTRIBUTE]).toBe('1');
    }
  });
});

describe('afterHeardInput', () => {
  const marked = { tier: 'gold', [SILENT_TURNS_ATTRIBUTE]: '2', [END_CALL_ATTRIBUTE]: 'true' };

  it('drops the silence count and the hang-up mark the turn came in with, and nothing else', () => {
    expect(afterHeardInput(marked, marked)).toEqual({ tier: 'gold' });
  });

  it('keeps a hang-up mark the intent set in this turn, such as after a goodbye', () => {
    const incoming = { tier: 'gold', [SILENT_TURNS_ATTRIBUTE]: '2' };
    expect(afterHeardInput({ ...incoming, [END_CALL_ATTRIBUTE]: 'true' }, incoming)).toEqual({
      tier: 'gold',
      [END_CALL_ATTRIBUTE]: 'true',
    });
  });

  it('keeps a reply without marks as it is', () => {
    expect(afterHeardInput({ tier: 'gold' }, marked)).toEqual({ tier: 'gold' });
  });
});

describe('slot prompts match the bot definition', () => {
  let locales: BotLocale[];
  beforeAll(async () => {
    locales = await retailBotLocales();
  });

  it('exist for every required slot of every intent with a dialog hook, worded as its first prompt', () => {
    for (const locale of locales) {
      const prompts = messagesFor(locale.LocaleId).voice.slotPrompts;
      const expected: Record<string, Record<string, string>> = {};
      for (const intent of locale.Intents ?? []) {
        if (!intent.DialogCodeHook?.Enabled) continue;
        for (const slot of intent.Slots ?? []) {
          if (slot.ValueElicitationSetting.SlotConstraint !== 'Required') continue;
          const first = slot.ValueElicitationSetting.PromptSpecification?.MessageGroupsList[0]?.Message;
          (expected[intent.Name] ??= {})[slot.Name] = first?.PlainTextMessage?.Value ?? '';
        }
      }
      expect(prompts).toEqual(expected);
    }
  });
});
