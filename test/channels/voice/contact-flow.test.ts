import fc from 'fast-check';
import { findLocale, type LoadedBot } from '../../../bot-definitions/loader/load';
import {
  buildContactFlow,
  FLOW_ACTION_IDS,
  HANDOFF_REASON_CONTACT_ATTRIBUTE,
  renderContactFlowContent,
  type ContactFlowOptions,
} from '../../../channels/voice/contact-flow';
import { ContactFlow, type ActionOf } from '../../../channels/voice/flow-language';
import { LINE_LOCALE_SETTINGS, LINE_LOCALES, type LineLocale } from '../../../channels/voice/line-locales';
import { ILLEGAL_XML_CHARACTER } from '../../../channels/voice/prompt-ssml';
import { validateContactFlow } from '../../../channels/voice/validate-contact-flow';
import { messagesFor } from '../../../functions/lex-code-hook/messages';
import { toPlainSpeechText } from '../../../functions/voice/ssml';
import { unescapeXml } from '../../../functions/voice/xml-text';
import { loadRetailBot } from './bot';
import { simulateCall } from './call-simulator';

const BOT_ALIAS_ARN = 'arn:aws:lex:us-east-1:111122223333:bot-alias/RETAILBOT1/LIVEALIAS1';
const QUEUE_ARN =
  'arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555/queue/66666666-7777-8888-9999-000000000000';
const ids = FLOW_ACTION_IDS;

function optionsFor(localeId: LineLocale, extra: Partial<ContactFlowOptions> = {}): ContactFlowOptions {
  return { localeId, botAliasArn: BOT_ALIAS_ARN, queueArn: QUEUE_ARN, ...extra };
}

function lexBlocks(flow: ContactFlow): ActionOf<'ConnectParticipantWithLexBot'>[] {
  return flow.Actions.filter(
    (action): action is ActionOf<'ConnectParticipantWithLexBot'> =>
      action.Type === 'ConnectParticipantWithLexBot',
  );
}

function actionOf<Type extends ContactFlow['Actions'][number]['Type']>(
  flow: ContactFlow,
  id: string,
  type: Type,
) {
  const action = flow.Actions.find((candidate) => candidate.Identifier === id);
  if (action?.Type !== type) throw new Error(`${id} is not a ${type}`);
  return action as ActionOf<Type>;
}

let bot: LoadedBot;
beforeAll(async () => {
  bot = await loadRetailBot();
});

describe.each(LINE_LOCALES)('the %s phone line', (localeId) => {
  const flow = buildContactFlow(optionsFor(localeId));
  const prompts = LINE_LOCALE_SETTINGS[localeId].prompts;
  const botMessages = messagesFor(localeId);
  const said = (sentences: readonly string[]) => sentences.join(' ');

  it('is a valid flow for the bot locale it serves', () => {
    expect(validateContactFlow(flow, { bot, localeId })).toEqual([]);
  });

  it('speaks with the bot locale voice and sets the contact language that selects the Lex locale', () => {
    const botVoice = findLocale(bot, localeId)?.VoiceSettings;
    const voice = actionOf(flow, ids.setVoice, 'UpdateContactTextToSpeechVoice').Parameters;
    expect(voice.TextToSpeechVoice).toBe(botVoice?.VoiceId);
    expect(voice.TextToSpeechEngine.toLowerCase()).toBe(botVoice?.Engine);
    expect(actionOf(flow, ids.setLanguage, 'UpdateContactData').Parameters.LanguageCode).toBe(
      localeId.replace('_', '-'),
    );
  });

  it('passes the caller id and the voice input settings to every Lex block', () => {
    for (const block of lexBlocks(flow))
      expect(block.Parameters.LexSessionAttributes).toEqual({
        customerPhoneNumber: '$.CustomerEndpoint.Address',
        'x-amz-lex:audio:start-timeout-ms:*:*': '4000',
        'x-amz-lex:audio:end-timeout-ms:*:*': '800',
        'x-amz-lex:allow-interrupt:*:*': 'true',
      });
  });

  it('greets, answers, listens again and transfers when the caller asks for an agent', () => {
    const call = simulateCall(flow, {
      lexTurns: [
        { intent: 'StoreHours' },
        {
          intent: 'TalkToAgent',
          sessionAttributes: { 'parley:handoff': 'agent', 'parley:handoffReason': 'requested' },
        },
      ],
    });
    expect(call.heard).toEqual([said(prompts.greeting), said(prompts.anythingElse)]);
    expect(call.ending).toBe('transferred');
    expect(call.queue).toBe(QUEUE_ARN);
    expect(call.contactAttributes).toEqual({ [HANDOFF_REASON_CONTACT_ATTRIBUTE]: 'requested' });
  });

  it('transfers on the TalkToAgent intent even without the hand-off marker', () => {
    const call = simulateCall(flow, { lexTurns: [{ intent: 'TalkToAgent' }] });
    expect(call.ending).toBe('transferred');
  });

  it('transfers when the code hook marks a hand-off on another intent', () => {
    const call = simulateCall(flow, {
      lexTurns: [
        {
          intent: 'FallbackIntent',
          sessionAttributes: { 'parley:handoff': 'agent', 'parley:handoffReason': 'generative' },
        },
      ],
    });
    expect(call.ending).toBe('transferred');
    expect(call.contactAttributes).toEqual({ [HANDOFF_REASON_CONTACT_ATTRIBUTE]: 'generative' });
  });

  it.each([
    ['the caller says they are done', 'EndConversation', botMessages.farewell.call],
    ['the caller stayed silent three times', 'FallbackIntent', botMessages.voice.goodbye],
  ])('hangs up after the bot says goodbye, without a second goodbye, when %s', (_, intent, goodbye) => {
    const call = simulateCall(flow, {
      lexTurns: [
        { intent: 'StoreHours', botSays: 'We are open from 9 to 5.' },
        { intent, botSays: goodbye, sessionAttributes: { 'parley:endCall': 'true' } },
      ],
    });
    expect(call.heard).toEqual([
      said(prompts.greeting),
      'We are open from 9 to 5.',
      said(prompts.anythingElse),
      goodbye,
    ]);
    expect(call.path.slice(-3)).toEqual([ids.listenAgain, ids.checkEndCall, ids.hangUp]);
    expect(call.ending).toBe('hung up');
  });

  it('has no goodbye of its own: every prompt before a hang-up is an apology', () => {
    const apologies = [prompts.noInput, prompts.technicalError, prompts.agentsBusy, prompts.transferFailed];
    const hangUpPrompts = flow.Actions.filter(
      (action): action is ActionOf<'MessageParticipant'> =>
        action.Type === 'MessageParticipant' && action.Transitions.NextAction === ids.hangUp,
    ).map((action) => toPlainSpeechText(action.Parameters.SSML ?? ''));
    expect(hangUpPrompts).toEqual(apologies.map(said));
  });

  it.each([
    [
      'the caller says nothing',
      { lexTurns: [{ error: 'InputTimeLimitExceeded' as const }] },
      prompts.noInput,
    ],
    ['Lex fails', { lexTurns: [{ error: 'NoMatchingError' as const }] }, prompts.technicalError],
  ])('apologises and hangs up when %s', (_, script, apology) => {
    const call = simulateCall(flow, script);
    expect(call.heard).toEqual([said(prompts.greeting), said(apology)]);
    expect(call.ending).toBe('hung up');
  });

  it.each([
    ['the queue is full', { [ids.transferToAgent]: 'QueueAtCapacity' }, prompts.agentsBusy],
    ['the transfer fails', { [ids.transferToAgent]: 'NoMatchingError' }, prompts.transferFailed],
    ['the queue cannot be set', { [ids.setAgentQueue]: 'NoMatchingError' }, prompts.transferFailed],
  ])('apologises and hangs up when %s', (_, failures, apology) => {
    const call = simulateCall(flow, { lexTurns: [{ intent: 'TalkToAgent' }], failures });
    expect(call.heard.at(-1)).toBe(said(apology));
    expect(call.ending).toBe('hung up');
  });

  it('still reaches the bot when the voice, the language or the hand-off reason cannot be set', () => {
    const call = simulateCall(flow, {
      lexTurns: [{ intent: 'TalkToAgent' }],
      failures: {
        [ids.setVoice]: 'NoMatchingError',
        [ids.setLanguage]: 'NoMatchingError',
        [ids.recordHandoffReason]: 'NoMatchingError',
      },
    });
    expect(call.ending).toBe('transferred');
  });
});

describe('buildContactFlow options', () => {
  it('takes voice input settings', () => {
    const flow = buildContactFlow(
      optionsFor('en_US', {
        voiceInput: { startTimeoutMs: 6000, endTimeoutMs: 1200, allowInterrupt: false },
      }),
    );
    expect(lexBlocks(flow)[0]?.Parameters.LexSessionAttributes).toMatchObject({
      'x-amz-lex:audio:start-timeout-ms:*:*': '6000',
      'x-amz-lex:audio:end-timeout-ms:*:*': '1200',
      'x-amz-lex:allow-interrupt:*:*': 'false',
    });
  });

  it('accepts deploy-time references in place of ARNs', () => {
    const flow = buildContactFlow(
      optionsFor('es_US', { botAliasArn: '${BotAlias.Arn}', queueArn: '${Token[TOKEN.123]}' }),
    );
    expect(lexBlocks(flow)[0]?.Parameters.LexV2Bot.AliasArn).toBe('${BotAlias.Arn}');
    expect(actionOf(flow, ids.setAgentQueue, 'UpdateContactTargetQueue').Parameters.QueueId).toBe(
      '${Token[TOKEN.123]}',
    );
  });

  it.each([
    [
      'a bot ARN instead of an alias ARN',
      { botAliasArn: 'arn:aws:lex:us-east-1:111122223333:bot/RETAILBOT1' },
      'botAliasArn',
    ],
    ['a queue id instead of a queue ARN', { queueArn: '66666666-7777-8888-9999-000000000000' }, 'queueArn'],
    ['an unknown locale', { localeId: 'fr_FR' as LineLocale }, 'localeId'],
    ['an empty greeting sentence', { greeting: ['  '] }, 'greeting'],
    ['a control character in the greeting', { greeting: ['Hi\u0007'] }, 'greeting'],
  ])('rejects %s, naming the option', (_, extra, option) => {
    expect(() => buildContactFlow(optionsFor('en_US', extra))).toThrow(
      new RegExp(`invalid[\\s\\S]*${option}`),
    );
  });

  it('renders the Content string of AWS::Connect::ContactFlow', () => {
    const options = optionsFor('en_US');
    expect(JSON.parse(renderContactFlowContent(options))).toEqual(buildContactFlow(options));
  });

  it('escapes any greeting into SSML that says exactly its sentences', async () => {
    const bot = await loadRetailBot();
    const sentence = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter((text) => text.trim() !== '' && !ILLEGAL_XML_CHARACTER.test(text));
    fc.assert(
      fc.property(
        fc.constantFrom(...LINE_LOCALES),
        fc.array(sentence, { minLength: 1, maxLength: 4 }),
        (localeId, greeting) => {
          const flow = buildContactFlow(optionsFor(localeId, { greeting }));
          const ssml =
            actionOf(flow, ids.greetAndListen, 'ConnectParticipantWithLexBot').Parameters.SSML ?? '';
          const spoken = [...ssml.matchAll(/<s>(.*?)<\/s>/gs)].map((match) => unescapeXml(match[1] ?? ''));
          expect(spoken).toEqual(greeting.map((text) => text.trim()));
          expect(validateContactFlow(flow, { bot, localeId })).toEqual([]);
          expect(ContactFlow.parse(flow)).toEqual(flow);
        },
      ),
      { numRuns: 150 },
    );
  });
});
