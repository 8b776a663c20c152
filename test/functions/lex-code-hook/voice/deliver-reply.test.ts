import { ofKind, type IntentResult } from '../../../../functions/lex-code-hook/intents/intent-handler';
import type { LexV2Event } from '../../../../functions/lex-code-hook/lex-event';
import { messagesFor } from '../../../../functions/lex-code-hook/messages';
import { close, delegate, elicitSlot, resultIntent } from '../../../../functions/lex-code-hook/responses';
import { deliverReply } from '../../../../functions/lex-code-hook/voice/deliver-reply';
import { SILENT_TURNS_ATTRIBUTE } from '../../../../functions/lex-code-hook/voice/no-input';
import { toPlainSpeechText } from '../../../../functions/voice/ssml';
import { lexEvent, slot, type EventOptions } from '../events';
import { ssmlProblems } from './ssml-rules';
import { END_CALL_ATTRIBUTE } from '../../../../functions/shared/channel-attributes';

const en = messagesFor('en_US');
const options = { engine: 'neural' as const, messages: en };
const INTERRUPT = 'x-amz-lex:allow-interrupt:*:*';
const LONG_ANSWER =
  'You can return most items within 30 days. Bring the receipt to any store. ' +
  'Opened electronics have a 15% restocking fee.';

const event = (overrides: Partial<EventOptions> = {}): LexV2Event =>
  lexEvent({
    intent: 'FallbackIntent',
    inputTranscript: 'can I return this',
    sessionAttributes: { tier: 'gold' },
    ...overrides,
  });

function answerReply(from: LexV2Event, text = LONG_ANSWER): IntentResult {
  return ofKind(
    'answer',
    close(resultIntent(from.sessionState.intent), 'Fulfilled', text, {
      tier: 'gold',
      'parley:handoff': 'agent',
    }),
  );
}

describe('typed chat', () => {
  it('gets the reply exactly as the intent wrote it, without the message kind', () => {
    const chat = event();
    const reply = answerReply(chat);
    const expected: IntentResult = { ...reply };
    delete expected.messageKind;
    expect(deliverReply(chat, reply, options)).toEqual(expected);
    expect(deliverReply(chat, reply, options)).not.toHaveProperty('messageKind');
  });
});

describe.each(['Speech', 'DTMF'] as const)('a call (%s input)', (inputMode) => {
  it('speaks every message as one SSML document for the engine', () => {
    const call = event({ inputMode });
    const delivered = deliverReply(call, answerReply(call), options);
    expect(delivered.messages).toHaveLength(1);
    const [message] = delivered.messages ?? [];
    expect(message?.contentType).toBe('SSML');
    const content = message && 'content' in message ? message.content : '';
    expect(ssmlProblems(content, 'neural')).toEqual([]);
    expect(toPlainSpeechText(content)).toBe(
      'You can return most items within 30 days. Bring the receipt to any store. ' +
        'I can text you the full details: just say "text me the details".',
    );
  });

  it('keeps the attributes of the reply and adds the call behaviours', () => {
    const call = event({ inputMode });
    const attributes = deliverReply(call, answerReply(call), options).sessionState.sessionAttributes ?? {};
    expect(attributes).toMatchObject({
      tier: 'gold',
      'parley:handoff': 'agent',
      [INTERRUPT]: 'true',
      'x-amz-lex:dtmf:max-length:CheckOrderStatus:OrderNumber': '5',
    });
  });

  it('plays a read-back and a disclaimer to the end', () => {
    const call = event({ inputMode, intent: 'CheckOrderStatus' });
    const intent = resultIntent(call.sessionState.intent);
    for (const kind of ['readBack', 'disclaimer'] as const) {
      const reply = ofKind(kind, close(intent, 'Fulfilled', 'Order 10001 was cancelled.', {}));
      const delivered = deliverReply(call, reply, options);
      expect(delivered.sessionState.sessionAttributes?.[INTERRUPT]).toBe('false');
      expect(delivered.messages?.[0]).toEqual({
        contentType: 'SSML',
        content: '<speak><s>Order <say-as interpret-as="digits">10001</say-as> was cancelled.</s></speak>',
      });
    }
  });

  it("treats a hand-back to Lex's confirmation prompt as a read-back", () => {
    const call = event({
      inputMode,
      intent: 'ResetPassword',
      source: 'DialogCodeHook',
      slots: { Email: slot('jane@example.com') },
    });
    call.proposedNextState = { dialogAction: { type: 'ConfirmIntent' }, intent: call.sessionState.intent };
    const delivered = deliverReply(call, delegate(resultIntent(call.sessionState.intent), {}), options);
    expect(delivered.sessionState.sessionAttributes?.[INTERRUPT]).toBe('false');
    expect(delivered.messages).toBeUndefined();
  });

  it('lets the caller interrupt an ordinary prompt', () => {
    const call = event({ inputMode, intent: 'CheckOrderStatus', source: 'DialogCodeHook' });
    const reply = elicitSlot(resultIntent(call.sessionState.intent), 'OrderNumber', en.orders.numberHint, {});
    expect(deliverReply(call, reply, options).sessionState.sessionAttributes?.[INTERRUPT]).toBe('true');
  });

  it('keeps the event attributes when the reply has none', () => {
    const call = event({ inputMode, source: 'DialogCodeHook' });
    const reply: IntentResult = { sessionState: { dialogAction: { type: 'Delegate' } } };
    expect(deliverReply(call, reply, options).sessionState.sessionAttributes).toMatchObject({ tier: 'gold' });
  });

  it('restarts the silence count once the caller is heard', () => {
    const silent = { tier: 'gold', [SILENT_TURNS_ATTRIBUTE]: '2', [END_CALL_ATTRIBUTE]: 'true' };
    const call = event({ inputMode, inputTranscript: '1 0 0 0 1', sessionAttributes: silent });
    const reply = close(resultIntent(call.sessionState.intent), 'Fulfilled', 'Thanks.', silent);
    const attributes = deliverReply(call, reply, options).sessionState.sessionAttributes ?? {};
    expect(attributes).not.toHaveProperty(SILENT_TURNS_ATTRIBUTE);
    expect(attributes).not.toHaveProperty(END_CALL_ATTRIBUTE);
    expect(attributes.tier).toBe('gold');
  });

  it('keeps the hang-up mark an intent sets on a turn the caller spoke in', () => {
    const call = event({
      inputMode,
      inputTranscript: 'no thanks bye',
      sessionAttributes: { tier: 'gold', [SILENT_TURNS_ATTRIBUTE]: '1' },
    });
    const reply = close(resultIntent(call.sessionState.intent), 'Fulfilled', 'Goodbye!', {
      tier: 'gold',
      [SILENT_TURNS_ATTRIBUTE]: '1',
      [END_CALL_ATTRIBUTE]: 'true',
    });
    const attributes = deliverReply(call, reply, options).sessionState.sessionAttributes ?? {};
    expect(attributes).toMatchObject({ tier: 'gold', [END_CALL_ATTRIBUTE]: 'true' });
    expect(attributes).not.toHaveProperty(SILENT_TURNS_ATTRIBUTE);
  });

  it('keeps the silence count on a silent turn', () => {
    const call = event({ inputMode, inputTranscript: ' ' });
    const reply = close(resultIntent(call.sessionState.intent), 'Fulfilled', 'Goodbye.', {
      [SILENT_TURNS_ATTRIBUTE]: '3',
      [END_CALL_ATTRIBUTE]: 'true',
    });
    expect(deliverReply(call, reply, options).sessionState.sessionAttributes).toMatchObject({
      [SILENT_TURNS_ATTRIBUTE]: '3',
      [END_CALL_ATTRIBUTE]: 'true',
    });
  });

  it('speaks a locale without a catalogue in the English it is written in', () => {
    const call = event({ inputMode, localeId: 'de_DE' });
    const delivered = deliverReply(call, answerReply(call, 'Hello there.'), options);
    expect(delivered.messages?.[0]).toEqual({
      contentType: 'SSML',
      content: '<speak><s>Hello there.</s></speak>',
    });
  });
});

describe('a channel that speaks typed replies itself', () => {
  it('gets the answer cut short with the offer, as plain text without call behaviours', () => {
    const spoken = event({ inputMode: 'Text' });
    spoken.requestAttributes = { 'parley:channel': 'voice' };
    const delivered = deliverReply(spoken, answerReply(spoken), options);
    expect(delivered.messages).toEqual([
      {
        contentType: 'PlainText',
        content:
          'You can return most items within 30 days. Bring the receipt to any store. ' +
          'I can text you the full details: just say "text me the details".',
      },
    ]);
    expect(delivered.sessionState.sessionAttributes).toEqual({ tier: 'gold', 'parley:handoff': 'agent' });
  });
});

describe('an answer summary (a short answer whose full text is kept apart)', () => {
  const SUMMARY = 'Most items go back within 30 days.';
  const summaryReply = (from: LexV2Event): IntentResult =>
    ofKind('answerSummary', close(resultIntent(from.sessionState.intent), 'Fulfilled', SUMMARY, {}));

  it.each(['Speech', 'DTMF'] as const)('is heard whole on a call, then the offer (%s)', (inputMode) => {
    const call = event({ inputMode });
    const [message] = deliverReply(call, summaryReply(call), options).messages ?? [];
    const content = message && 'content' in message ? message.content : '';
    expect(toPlainSpeechText(content)).toBe(`${SUMMARY} ${en.details.offer}`);
  });

  it('is shown as it is in a chat, which has no details to offer', () => {
    const chat = event();
    expect(deliverReply(chat, summaryReply(chat), options).messages).toEqual([
      { contentType: 'PlainText', content: SUMMARY },
    ]);
  });
});
