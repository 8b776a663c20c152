import type { CodeHookHandler } from '../../../functions/lex-code-hook/handler';
import type { LexV2Event, LexV2Result } from '../../../functions/lex-code-hook/lex-event';
import { messagesFor } from '../../../functions/lex-code-hook/messages';
import { SILENT_TURNS_ATTRIBUTE } from '../../../functions/lex-code-hook/voice/no-input';
import { toPlainSpeechText } from '../../../functions/voice/ssml';
import { lexEvent } from './events';
import { loadHandlerModule } from './hook-fixture';
import { resultProblems, textOf } from './result-rules';
import {
  END_CALL_ATTRIBUTE,
  HANDOFF_ATTRIBUTES,
  REQUEST_ATTRIBUTES,
} from '../../../functions/shared/channel-attributes';

let handler: CodeHookHandler;
beforeAll(() => {
  // Powertools logs every invocation as a JSON line; they are not what these tests look at.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  handler = loadHandlerModule().createHandler();
});
afterAll(() => jest.restoreAllMocks());

function goodbye(
  inputMode: LexV2Event['inputMode'],
  localeId = 'en_US',
  sessionAttributes: Record<string, string> = { customerPhoneNumber: '+15095551212' },
): LexV2Event {
  return lexEvent({
    intent: 'EndConversation',
    localeId,
    inputMode,
    inputTranscript: "no, that's all",
    sessionAttributes,
  });
}

const spokenText = (result: LexV2Result): string => toPlainSpeechText(textOf(result));

describe('EndConversation on a call', () => {
  it.each([
    ['en_US', 'Speech', 'Thanks for calling. Goodbye!'],
    ['en_US', 'DTMF', 'Thanks for calling. Goodbye!'],
    ['es_US', 'Speech', 'Gracias por llamar. ¡Hasta luego!'],
  ] as const)(
    '%s, %s input: says goodbye and asks the contact flow to hang up',
    async (localeId, inputMode, words) => {
      const result = await handler(goodbye(inputMode, localeId));
      expect(result.sessionState.dialogAction.type).toBe('Close');
      expect(result.sessionState.intent).toMatchObject({ name: 'EndConversation', state: 'Fulfilled' });
      expect(result.messages?.[0]?.contentType).toBe('SSML');
      expect(spokenText(result)).toBe(words);
      expect(result.sessionState.sessionAttributes).toMatchObject({
        customerPhoneNumber: '+15095551212',
        [END_CALL_ATTRIBUTE]: 'true',
      });
    },
  );

  it('hangs up even after silences, and without a hand-off on the way out', async () => {
    const result = await handler(goodbye('Speech', 'en_US', { [SILENT_TURNS_ATTRIBUTE]: '2' }));
    const attributes = result.sessionState.sessionAttributes ?? {};
    expect(attributes[END_CALL_ATTRIBUTE]).toBe('true');
    expect(attributes).not.toHaveProperty(SILENT_TURNS_ATTRIBUTE);
    expect(attributes).not.toHaveProperty(HANDOFF_ATTRIBUTES.target);
  });
});

describe('EndConversation in a chat', () => {
  it.each([
    ['en_US', 'Glad I could help. Bye!'],
    ['es_US', 'Me alegra haberle ayudado. ¡Hasta luego!'],
  ])('%s: says goodbye in plain text and leaves the session as it was', async (localeId, words) => {
    const result = await handler(goodbye('Text', localeId, { tier: 'gold' }));
    expect(result.sessionState.intent).toMatchObject({ name: 'EndConversation', state: 'Fulfilled' });
    expect(textOf(result)).toBe(words);
    expect(textOf(result)).toBe(messagesFor(localeId).farewell.chat);
    expect(result.sessionState.sessionAttributes).toEqual({ tier: 'gold' });
    expect(resultProblems(result)).toEqual([]);
  });

  it('uses the call goodbye for a channel that speaks typed replies, with no hang-up to ask for', async () => {
    const event = goodbye('Text', 'en_US', {});
    event.requestAttributes = { [REQUEST_ATTRIBUTES.channel]: 'voice' };
    const result = await handler(event);
    expect(textOf(result)).toBe('Thanks for calling. Goodbye!');
    expect(result.sessionState.sessionAttributes).not.toHaveProperty(END_CALL_ATTRIBUTE);
  });
});
