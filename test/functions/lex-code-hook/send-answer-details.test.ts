import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { FollowUpSchema } from '../../../functions/follow-ups/follow-up';
import { CALLER_NUMBER_DECLINED_ATTRIBUTE } from '../../../functions/lex-code-hook/intents/send-answer-details';
import type {
  LexV2ConfirmationState,
  LexV2Event,
  LexV2Result,
} from '../../../functions/lex-code-hook/lex-event';
import { messagesFor } from '../../../functions/lex-code-hook/messages';
import {
  dynamoDbConversationMemory,
  MemoryUnavailableError,
  type ConversationMemory,
} from '../../../functions/memory/conversation-memory';
import { toPlainSpeechText } from '../../../functions/voice/ssml';
import { lexEvent, slot } from './events';
import { NOW, startHookFixture, type HookFixture } from './hook-fixture';
import { resultProblems, textOf } from './result-rules';
import { CALLER_NUMBER_ATTRIBUTE } from '../../../functions/shared/channel-attributes';

const FULL_ANSWER =
  'You can return most items within 30 days. Bring the receipt to any store. ' +
  'Opened electronics have a 15% restocking fee. Gift returns get store credit.';
const CALLER = '+15095551212';
const INTERRUPT = 'x-amz-lex:allow-interrupt:*:*';

let fixture: HookFixture;
let memory: ConversationMemory;
beforeAll(async () => {
  fixture = await startHookFixture();
  memory = dynamoDbConversationMemory(fixture.documents, 'parley-conversations');
});
afterAll(() => fixture.stop());

let sessionCounter = 0;
function newSession(): string {
  sessionCounter += 1;
  return `details-${sessionCounter}`;
}

async function remember(
  sessionId: string,
  assistant: string,
  localeId = 'en_US',
  details?: string,
): Promise<number> {
  const stored = await memory.append(sessionId, {
    user: 'can I return this?',
    assistant,
    requestId: `answer-${sessionId}-${assistant.length}`,
    localeId,
    channel: 'voice',
    outcome: 'answer',
    ...(details === undefined ? {} : { details }),
  });
  return stored.turn;
}

interface DetailsOptions {
  sessionId: string;
  source?: 'DialogCodeHook' | 'FulfillmentCodeHook';
  inputMode?: LexV2Event['inputMode'];
  localeId?: string;
  phoneNumber?: string;
  confirmationState?: LexV2ConfirmationState;
  sessionAttributes?: Record<string, string>;
}

const details = (options: DetailsOptions): LexV2Event =>
  lexEvent({
    intent: 'SendAnswerDetails',
    source: options.source ?? 'DialogCodeHook',
    inputMode: options.inputMode ?? 'Speech',
    localeId: options.localeId ?? 'en_US',
    sessionId: options.sessionId,
    inputTranscript: 'text me the details',
    confirmationState: options.confirmationState ?? 'None',
    slots: { PhoneNumber: options.phoneNumber === undefined ? null : slot(options.phoneNumber) },
    sessionAttributes: options.sessionAttributes ?? { [CALLER_NUMBER_ATTRIBUTE]: CALLER },
  });

const spoken = (result: LexV2Result): string => toPlainSpeechText(textOf(result));

async function storedFollowUps(sessionId: string) {
  const { Items } = await fixture.documents.send(new ScanCommand({ TableName: 'parley-followups' }));
  return (Items ?? []).filter((item) => item.sessionId === sessionId);
}

describe('SendAnswerDetails before anything is stored', () => {
  it.each(['Speech', 'Text'] as const)(
    'says so politely when nothing was answered yet (%s)',
    async (inputMode) => {
      const result = await fixture.pinnedHandler(details({ sessionId: newSession(), inputMode }));
      expect(result.sessionState.dialogAction.type).toBe('Close');
      expect(result.sessionState.intent?.state).toBe('Fulfilled');
      const text = inputMode === 'Text' ? textOf(result) : spoken(result);
      expect(text).toBe(messagesFor('en_US').details.nothingToSend);
    },
  );

  it('reads the caller id back for a yes, as a telephone number heard to the end', async () => {
    const sessionId = newSession();
    await remember(sessionId, FULL_ANSWER);
    const result = await fixture.pinnedHandler(details({ sessionId }));
    expect(result.sessionState.dialogAction.type).toBe('ConfirmIntent');
    expect(result.sessionState.intent).toMatchObject({ state: 'InProgress', confirmationState: 'None' });
    expect(result.sessionState.intent?.slots.PhoneNumber?.value?.interpretedValue).toBe(CALLER);
    expect(result.messages).toEqual([
      {
        contentType: 'SSML',
        content:
          '<speak><s>I&apos;ll text the full details to <say-as interpret-as="telephone">(509) 555-1212</say-as></s>' +
          '<break time="300ms"/><s>Is that the right number?</s></speak>',
      },
    ]);
    expect(result.sessionState.sessionAttributes).toMatchObject({
      [CALLER_NUMBER_ATTRIBUTE]: CALLER,
      [INTERRUPT]: 'false',
    });
  });

  it('reads a number typed in chat back as plain text, in Spanish too', async () => {
    const sessionId = newSession();
    await remember(sessionId, FULL_ANSWER);
    const typed = await fixture.pinnedHandler(
      details({ sessionId, inputMode: 'Text', phoneNumber: '509-555-0000', sessionAttributes: {} }),
    );
    expect(textOf(typed)).toBe("I'll text the full details to (509) 555-0000. Is that the right number?");
    expect(typed.sessionState.intent?.slots.PhoneNumber?.value?.interpretedValue).toBe('5095550000');
    expect(resultProblems(typed)).toEqual([]);
    const spanish = await fixture.pinnedHandler(
      details({
        sessionId,
        inputMode: 'Text',
        localeId: 'es_US',
        phoneNumber: '5095550000',
        sessionAttributes: {},
      }),
    );
    expect(textOf(spanish)).toBe(
      'Le enviaré los detalles completos por mensaje de texto al (509) 555-0000. ¿Es el número correcto?',
    );
  });

  it('asks for the number when the caller id is unknown or unusable', async () => {
    const sessionId = newSession();
    await remember(sessionId, FULL_ANSWER);
    const unusable: Record<string, string>[] = [{}, { [CALLER_NUMBER_ATTRIBUTE]: 'anonymous' }];
    for (const sessionAttributes of unusable) {
      const result = await fixture.pinnedHandler(
        details({ sessionId, inputMode: 'Text', sessionAttributes }),
      );
      expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'PhoneNumber' });
      expect(textOf(result)).toBe('What phone number should I text the details to?');
    }
  });

  it('asks again for a number that is not complete', async () => {
    const sessionId = newSession();
    await remember(sessionId, FULL_ANSWER);
    const result = await fixture.pinnedHandler(
      details({ sessionId, inputMode: 'Text', phoneNumber: '5551212' }),
    );
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'PhoneNumber' });
    expect(result.sessionState.intent?.slots.PhoneNumber).toBeNull();
    expect(textOf(result)).toBe(messagesFor('en_US').callback.phoneInvalid);
  });

  it('asks for another number when the caller says no, and does not offer the caller id again', async () => {
    const sessionId = newSession();
    await remember(sessionId, FULL_ANSWER);
    const denied = await fixture.pinnedHandler(
      details({ sessionId, phoneNumber: CALLER, confirmationState: 'Denied' }),
    );
    expect(denied.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'PhoneNumber' });
    expect(denied.sessionState.intent).toMatchObject({
      confirmationState: 'None',
      slots: { PhoneNumber: null },
    });
    expect(spoken(denied)).toBe('What phone number should I text the details to?');
    const attributes = denied.sessionState.sessionAttributes ?? {};
    expect(attributes[CALLER_NUMBER_DECLINED_ATTRIBUTE]).toBe('true');
    expect(attributes[CALLER_NUMBER_ATTRIBUTE]).toBe(CALLER);

    const retried = await fixture.pinnedHandler(details({ sessionId, sessionAttributes: attributes }));
    expect(retried.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'PhoneNumber' });
  });

  it('hands a confirmed number back to Lex for fulfilment', async () => {
    const sessionId = newSession();
    await remember(sessionId, FULL_ANSWER);
    const result = await fixture.pinnedHandler(details({ sessionId, confirmationState: 'Confirmed' }));
    expect(result.sessionState.dialogAction).toEqual({ type: 'Delegate' });
    expect(result.sessionState.intent).toMatchObject({
      confirmationState: 'Confirmed',
      slots: { PhoneNumber: { value: { interpretedValue: CALLER } } },
    });
  });
});

describe('SendAnswerDetails fulfilment', () => {
  it('stores one pending request with the full latest answer, and says so with the SMS notice', async () => {
    const sessionId = newSession();
    await remember(sessionId, 'An older answer.');
    const turn = await remember(sessionId, FULL_ANSWER);
    const event = details({
      sessionId,
      source: 'FulfillmentCodeHook',
      phoneNumber: CALLER,
      confirmationState: 'Confirmed',
    });
    const result = await fixture.pinnedHandler(event);
    expect(result.sessionState.dialogAction.type).toBe('Close');
    expect(result.sessionState.intent?.state).toBe('Fulfilled');
    expect(spoken(result)).toBe(
      "Done: you'll get a text with the full details in a few minutes. Message and data rates may apply.",
    );
    expect(result.sessionState.sessionAttributes?.[INTERRUPT]).toBe('false');

    const { Item } = await fixture.documents.send(
      new GetCommand({ TableName: 'parley-followups', Key: { requestId: `${sessionId}#${turn}` } }),
    );
    expect(FollowUpSchema.parse(Item)).toEqual({
      requestId: `${sessionId}#${turn}`,
      sessionId,
      answerTurn: turn,
      status: 'pending',
      phoneNumber: CALLER,
      localeId: 'en_US',
      text: FULL_ANSWER,
      createdAt: new Date(NOW).toISOString(),
      expiresAt: NOW / 1000 + 24 * 60 * 60,
    });

    const retried = await fixture.pinnedHandler(event);
    expect(retried).toEqual(result);
    expect(await storedFollowUps(sessionId)).toHaveLength(1);
  });

  it('sends the details of an answer the caller heard in a shorter form', async () => {
    const sessionId = newSession();
    const turn = await remember(sessionId, 'Most items go back within 30 days.', 'en_US', FULL_ANSWER);
    await fixture.pinnedHandler(
      details({
        sessionId,
        source: 'FulfillmentCodeHook',
        phoneNumber: CALLER,
        confirmationState: 'Confirmed',
      }),
    );
    expect(await storedFollowUps(sessionId)).toEqual([
      expect.objectContaining({ answerTurn: turn, text: FULL_ANSWER }),
    ]);
  });

  it('tells the caller where the same answer already went, rather than send it twice', async () => {
    const sessionId = newSession();
    await remember(sessionId, FULL_ANSWER);
    const fulfil = (phoneNumber: string) =>
      fixture.pinnedHandler(
        details({ sessionId, source: 'FulfillmentCodeHook', phoneNumber, confirmationState: 'Confirmed' }),
      );
    await fulfil(CALLER);
    const second = await fulfil('5095550000');
    // The sentence's full stop after a final say-as is left to the <s> that ends it.
    expect(textOf(second)).toContain(
      'texted to <say-as interpret-as="telephone">(509) 555-1212</say-as></s><break time="300ms"/>' +
        '<s>They should arrive in a few minutes.</s>',
    );
    expect(second.sessionState.sessionAttributes?.[INTERRUPT]).toBe('false');
    expect(await storedFollowUps(sessionId)).toEqual([expect.objectContaining({ phoneNumber: CALLER })]);
  });

  it('checks the number first when fulfilment comes without a yes', async () => {
    const sessionId = newSession();
    await remember(sessionId, FULL_ANSWER);
    const result = await fixture.pinnedHandler(details({ sessionId, source: 'FulfillmentCodeHook' }));
    expect(result.sessionState.dialogAction.type).toBe('ConfirmIntent');
    expect(await storedFollowUps(sessionId)).toEqual([]);
  });

  it('speaks Spanish on an es_US call', async () => {
    const sessionId = newSession();
    await remember(sessionId, 'Aceptamos devoluciones durante 30 días.', 'es_US');
    const result = await fixture.pinnedHandler(
      details({
        sessionId,
        localeId: 'es_US',
        source: 'FulfillmentCodeHook',
        confirmationState: 'Confirmed',
      }),
    );
    expect(spoken(result)).toBe(
      'Listo: en unos minutos recibirá un mensaje de texto con los detalles completos. Pueden aplicarse cargos por mensajes y datos.',
    );
    expect(await storedFollowUps(sessionId)).toEqual([expect.objectContaining({ localeId: 'es_US' })]);
  });

  it('apologises and offers an agent when the conversation memory cannot be read', async () => {
    const unavailable: ConversationMemory = {
      append: () => Promise.reject(new MemoryUnavailableError('down')),
      history: () => Promise.reject(new MemoryUnavailableError('down')),
      recall: () => Promise.reject(new MemoryUnavailableError('down')),
      recordFeedback: () => Promise.reject(new MemoryUnavailableError('down')),
    };
    const handler = fixture.createHandler({ memory: unavailable });
    const result = await handler(details({ sessionId: newSession(), inputMode: 'Text' }));
    expect(result.sessionState.intent?.state).toBe('Failed');
    expect(textOf(result)).toBe(messagesFor('en_US').common.unexpectedError);
  });
});
