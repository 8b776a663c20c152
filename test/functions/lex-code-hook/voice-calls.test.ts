/**
 * The code hook on a phone call, invoked with events shaped like the ones Lex sends for speech and keypad
 * input: spoken replies, call behaviours and silences, across every intent.
 */
import fc from 'fast-check';
import type { BotLocale } from '../../../bot-definitions/loader/schema';
import {
  DEFAULT_VOICE_ENGINE,
  InvalidConfigError,
  loadConfig,
} from '../../../functions/lex-code-hook/config';
import type { LexV2Event, LexV2Result } from '../../../functions/lex-code-hook/lex-event';
import { messagesFor } from '../../../functions/lex-code-hook/messages';
import { SILENT_TURNS_ATTRIBUTE } from '../../../functions/lex-code-hook/voice/no-input';
import { POLLY_ENGINES, type PollyEngine } from '../../../functions/voice/engine-support';
import { toPlainSpeechText } from '../../../functions/voice/ssml';
import { ambiguousSlot, INTENT_SLOTS, lexEvent, slot, type EventOptions } from './events';
import { startHookFixture, type HookFixture } from './hook-fixture';
import { resultProblems, textOf } from './result-rules';
import { retailBotLocales } from './voice/bot-locales';
import { ssmlProblems } from './voice/ssml-rules';
import { END_CALL_ATTRIBUTE } from '../../../functions/shared/channel-attributes';

const INTERRUPT = 'x-amz-lex:allow-interrupt:*:*';

let fixture: HookFixture;
beforeAll(async () => {
  fixture = await startHookFixture();
});
afterAll(() => fixture.stop());

const call = (options: EventOptions): LexV2Event => lexEvent({ inputMode: 'Speech', ...options });
const spoken = (result: LexV2Result): string => toPlainSpeechText(textOf(result));

/** The Lex result rules, with SSML allowed; and every SSML message one document the engine accepts. */
function callResultProblems(result: LexV2Result, engine: PollyEngine): string[] {
  const problems = resultProblems(result).filter((problem) => problem !== 'contentType SSML');
  for (const message of result.messages ?? []) {
    if (message.contentType !== 'SSML') problems.push(`contentType ${message.contentType} on a call`);
    else problems.push(...ssmlProblems(message.content, engine));
  }
  if (!result.sessionState.sessionAttributes?.[INTERRUPT]) problems.push('no barge-in setting');
  return problems;
}

describe('spoken replies', () => {
  it('reads an order back in SSML, to the end, with the keypad settings for the next turn', async () => {
    const result = await fixture.pinnedHandler(
      call({ intent: 'CheckOrderStatus', inputMode: 'DTMF', slots: { OrderNumber: slot('10004') } }),
    );
    expect(result.messages).toEqual([
      {
        contentType: 'SSML',
        content:
          '<speak><s>Order <say-as interpret-as="digits">10004</say-as> was cancelled.</s><break time="300ms"/>' +
          '<s>If you didn&apos;t expect that, I can connect you with an agent.</s></speak>',
      },
    ]);
    expect(result.sessionState.sessionAttributes).toMatchObject({
      [INTERRUPT]: 'false',
      'x-amz-lex:dtmf:max-length:CheckOrderStatus:OrderNumber': '5',
      'x-amz-lex:dtmf:end-character:BookCallback:PhoneNumber': '#',
    });
  });

  it('lets the caller interrupt a prompt to correct an order number', async () => {
    const result = await fixture.pinnedHandler(
      call({ intent: 'CheckOrderStatus', source: 'DialogCodeHook', slots: { OrderNumber: slot('123') } }),
    );
    expect(textOf(result)).toBe(
      '<speak><s>Order numbers have 5 digits, like <say-as interpret-as="digits">10001</say-as></s>' +
        '<break time="300ms"/><s>What&apos;s yours?</s></speak>',
    );
    expect(result.sessionState.sessionAttributes?.[INTERRUPT]).toBe('true');
  });

  it('plays the callback confirmation prompt to the end', async () => {
    const event = call({
      intent: 'BookCallback',
      source: 'DialogCodeHook',
      slots: {
        CallbackDate: slot('2026-03-12'),
        CallbackTime: slot('10:00'),
        PhoneNumber: slot('+15095551212'),
      },
    });
    event.proposedNextState = { dialogAction: { type: 'ConfirmIntent' }, intent: event.sessionState.intent };
    const result = await fixture.pinnedHandler(event);
    expect(result.sessionState.dialogAction.type).toBe('ConfirmIntent');
    expect(spoken(result)).toMatch(/Thursday, March 12 at 10 AM/);
    expect(result.sessionState.sessionAttributes?.[INTERRUPT]).toBe('false');
  });

  it('keeps every attribute the event brought', async () => {
    const result = await fixture.pinnedHandler(
      call({
        intent: 'TalkToAgent',
        sessionAttributes: { customerPhoneNumber: '+15095551212', tier: 'gold' },
      }),
    );
    expect(result.sessionState.sessionAttributes).toMatchObject({
      customerPhoneNumber: '+15095551212',
      tier: 'gold',
      'parley:handoff': 'agent',
    });
    expect(spoken(result)).toBe('Connecting you to an agent...');
  });

  it("says a store's Spanish name to a Spanish caller, in valid SSML", async () => {
    const result = await fixture.pinnedHandler(
      call({ intent: 'StoreHours', localeId: 'es_US', slots: { Location: slot('Riverside Mall') } }),
    );
    expect(callResultProblems(result, DEFAULT_VOICE_ENGINE)).toEqual([]);
    expect(spoken(result)).toMatch(
      /^Horario de nuestra tienda Centro Comercial Riverside, en 500 Riverside Drive/,
    );
  });

  it('uses the configured Polly engine', async () => {
    const result = await fixture.createHandler({ voiceEngine: 'generative' })(
      call({ intent: 'StoreHours', localeId: 'es_US', slots: { Location: slot('Airport') } }),
    );
    expect(callResultProblems(result, 'generative')).toEqual([]);
    expect(spoken(result)).toMatch(/^Horario de nuestra tienda Aeropuerto/);
  });
});

describe('silences on a call', () => {
  it('repeats the pending question, counts to three, then says goodbye and asks to hang up', async () => {
    const first = await fixture.pinnedHandler(
      call({ intent: 'CheckOrderStatus', source: 'DialogCodeHook', inputTranscript: '' }),
    );
    expect(first.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'OrderNumber' });
    expect(spoken(first)).toBe(
      "Sorry, I didn't hear anything. What's your order number? It's the 5-digit number in your confirmation email.",
    );
    const second = await fixture.pinnedHandler(
      call({
        intent: 'FallbackIntent',
        inputTranscript: ' ',
        sessionAttributes: first.sessionState.sessionAttributes ?? {},
      }),
    );
    expect(second.sessionState.dialogAction).toEqual({ type: 'ElicitIntent' });
    expect(spoken(second)).toBe("Sorry, I didn't hear anything. How can I help?");
    expect(second.sessionState.sessionAttributes?.[SILENT_TURNS_ATTRIBUTE]).toBe('2');
    const third = await fixture.pinnedHandler(
      call({
        intent: 'FallbackIntent',
        inputMode: 'DTMF',
        inputTranscript: '',
        localeId: 'es_US',
        sessionAttributes: second.sessionState.sessionAttributes ?? {},
      }),
    );
    expect(third.sessionState.dialogAction).toEqual({ type: 'Close' });
    expect(spoken(third)).toBe(messagesFor('es_US').voice.goodbye);
    expect(third.sessionState.sessionAttributes).toMatchObject({
      [SILENT_TURNS_ATTRIBUTE]: '3',
      [END_CALL_ATTRIBUTE]: 'true',
    });
  });

  it('starts counting again once the caller says something', async () => {
    const result = await fixture.pinnedHandler(
      call({
        intent: 'TalkToAgent',
        inputTranscript: 'agent',
        sessionAttributes: { [SILENT_TURNS_ATTRIBUTE]: '2', tier: 'gold' },
      }),
    );
    expect(result.sessionState.sessionAttributes).not.toHaveProperty(SILENT_TURNS_ATTRIBUTE);
    expect(result.sessionState.sessionAttributes?.tier).toBe('gold');
  });

  it('leaves an empty chat message as it was: what the bot can do, in plain text', async () => {
    const result = await fixture.pinnedHandler(
      lexEvent({
        intent: 'FallbackIntent',
        inputTranscript: '',
        sessionAttributes: { [SILENT_TURNS_ATTRIBUTE]: '2' },
      }),
    );
    expect(result.messages).toEqual([
      { contentType: 'PlainText', content: messagesFor('en_US').fallback.cannotHelp },
    ]);
    expect(result.sessionState.sessionAttributes).toEqual({ [SILENT_TURNS_ATTRIBUTE]: '2' });
  });
});

describe('every reply on a call', () => {
  it('is SSML the engine accepts within Lex limits, with the call behaviours, for any intent and input', async () => {
    const slotValue = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 40 }).map((value) => slot(value)),
      fc
        .constantFrom(
          '10001',
          '10003',
          '99999',
          'Downtown',
          'jane@example.com',
          '+15095551212',
          '2026-03-11',
          '12:00',
        )
        .map((value) => slot(value)),
      fc
        .array(fc.string({ maxLength: 6 }), { maxLength: 3 })
        .map((values) => ambiguousSlot('at ten', values)),
    );
    const event = fc.record({
      intent: fc.constantFrom(...Object.keys(INTENT_SLOTS), 'Unknown'),
      source: fc.constantFrom('DialogCodeHook' as const, 'FulfillmentCodeHook' as const),
      inputMode: fc.constantFrom('Speech' as const, 'DTMF' as const),
      inputTranscript: fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 60 })),
      localeId: fc.constantFrom('en_US', 'es_US', 'de_DE'),
      confirmationState: fc.constantFrom('None' as const, 'Confirmed' as const, 'Denied' as const),
      values: fc.array(slotValue, { minLength: 3, maxLength: 3 }),
      silentTurns: fc.constantFrom(undefined, '1', '2', 'x'),
      engine: fc.constantFrom(...POLLY_ENGINES),
    });
    await fc.assert(
      fc.asyncProperty(event, async ({ intent, values, silentTurns, engine, ...options }) => {
        const slots = Object.fromEntries(
          (INTENT_SLOTS[intent] ?? []).map((name, index) => [name, values[index] ?? null]),
        );
        const sessionAttributes = {
          customerPhoneNumber: '+15095551212',
          ...(silentTurns === undefined ? {} : { [SILENT_TURNS_ATTRIBUTE]: silentTurns }),
        };
        const handler = fixture.createHandler({ voiceEngine: engine });
        const result = await handler(call({ intent, slots, sessionAttributes, ...options }));
        expect(callResultProblems(result, engine)).toEqual([]);
        expect(result.sessionState.sessionAttributes?.customerPhoneNumber).toBe('+15095551212');
      }),
      { numRuns: 120 },
    );
  });
});

describe('VOICE_ENGINE', () => {
  let locales: BotLocale[];
  beforeAll(async () => {
    locales = await retailBotLocales();
  });

  it('defaults to the engine of the bot locales', () => {
    expect(loadConfig({}).voiceEngine).toBe(DEFAULT_VOICE_ENGINE);
    expect(loadConfig({ VOICE_ENGINE: '' }).voiceEngine).toBe(DEFAULT_VOICE_ENGINE);
    for (const locale of locales) expect(locale.VoiceSettings?.Engine).toBe(DEFAULT_VOICE_ENGINE);
  });

  it.each(POLLY_ENGINES)('takes %s', (engine) => {
    expect(loadConfig({ VOICE_ENGINE: engine }).voiceEngine).toBe(engine);
  });

  it('names a value that is not a Polly engine', () => {
    expect(() => loadConfig({ VOICE_ENGINE: 'Neural' })).toThrow(InvalidConfigError);
    expect(() => loadConfig({ VOICE_ENGINE: 'premium' })).toThrow(
      'Invalid code hook configuration: VOICE_ENGINE: must be a Polly engine: standard, neural, long-form, generative',
    );
  });

  it('reads FOLLOWUPS_TABLE_NAME like the other tables', () => {
    expect(loadConfig({ FOLLOWUPS_TABLE_NAME: 'prod-followups' }).tableNames.followups).toBe(
      'prod-followups',
    );
    expect(() => loadConfig({ FOLLOWUPS_TABLE_NAME: 'x' })).toThrow(
      /FOLLOWUPS_TABLE_NAME: must be a DynamoDB table name/,
    );
  });
});
