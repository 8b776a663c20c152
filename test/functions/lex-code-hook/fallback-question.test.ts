import type { Context } from 'aws-lambda';
import fc from 'fast-check';
import type { GeneratedAnswer, QuestionRequest } from '../../../functions/generative/answer-question';
import { answerMessage, LEX_MESSAGE_MAX_LENGTH } from '../../../functions/lex-code-hook/answer-message';
import type { QuestionAnswerer } from '../../../functions/lex-code-hook/dependencies';
import type { CodeHookHandler } from '../../../functions/lex-code-hook/handler';
import type { LexV2Event } from '../../../functions/lex-code-hook/lex-event';
import { messagesFor } from '../../../functions/lex-code-hook/messages';
import { ANSWER_PENDING_CONTEXT, slotPrompt } from '../../../functions/lex-code-hook/pending-question';
import { lexEvent } from './events';
import { loadHandlerModule } from './hook-fixture';
import { resultProblems, textOf } from './result-rules';

const ANSWER: GeneratedAnswer = {
  text: 'You can return most items within 30 days.',
  citations: [
    { id: 'returns#1', title: 'Return policy' },
    { id: 'returns#2', title: 'Return policy' },
    { id: 'gift-returns#1', title: 'Gift returns' },
  ],
  outcome: 'answer',
  source: 'model',
};

/** Answers every question with `answer` and keeps what it was asked. */
function fakeAnswerer(answer: GeneratedAnswer = ANSWER): QuestionAnswerer & { asked: QuestionRequest[] } {
  const asked: QuestionRequest[] = [];
  return {
    asked,
    answer: async (request) => {
      asked.push(request);
      return answer;
    },
    hasArticleFor: async () => false,
  };
}

const STAFF_ALIAS = 'staff';
const PUBLIC_ALIAS = 'TestBotAlias';

let createHandler: (questions: QuestionAnswerer) => CodeHookHandler;
beforeAll(() => {
  // Powertools writes JSON lines to stdout; they are not what these tests look at.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const hook = loadHandlerModule();
  createHandler = (questions) => hook.createHandler({ questions, staffAliasName: STAFF_ALIAS });
});
afterAll(() => jest.restoreAllMocks());

function question(overrides: Partial<LexV2Event> = {}, localeId = 'en_US'): LexV2Event {
  return {
    ...lexEvent({
      intent: 'FallbackIntent',
      localeId,
      inputTranscript: '  Can I return an opened item? ',
      sessionAttributes: { channel: 'web' },
      originatingRequestId: 'lex-request-7',
    }),
    ...overrides,
  };
}

describe('FallbackIntent asks the generative path', () => {
  it('with the question, the session and a chat deadline', async () => {
    const answerer = fakeAnswerer();
    const before = Date.now();
    await createHandler(answerer)(question());
    expect(answerer.asked).toEqual([
      {
        question: 'Can I return an opened item?',
        localeId: 'en_US',
        channel: 'chat',
        audience: 'public',
        sessionId: 'session-1',
        requestId: 'lex-request-7',
        inputMode: 'Text',
        deadlineMs: expect.any(Number),
      },
    ]);
    const deadline = answerer.asked[0]?.deadlineMs ?? 0;
    expect(deadline).toBeGreaterThanOrEqual(before + 10_000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 10_000);
  });

  it('with the question the bot had just asked, when a slot question was pending', async () => {
    const answerer = fakeAnswerer();
    const pending = {
      name: ANSWER_PENDING_CONTEXT,
      timeToLive: { turnsToLive: 1, timeToLiveInSeconds: 300 },
      contextAttributes: { intentName: 'CheckOrderStatus', slotName: 'OrderNumber', slots: '{}' },
    };
    const event = question({ inputTranscript: 'where do I find that?' });
    await createHandler(answerer)({
      ...event,
      sessionState: { ...event.sessionState, activeContexts: [pending] },
    });
    expect(answerer.asked[0]?.askedFor).toBe(
      slotPrompt(messagesFor('en_US'), 'CheckOrderStatus', 'OrderNumber'),
    );
    expect(answerer.asked[0]?.askedFor).toMatch(/order number/);
    await createHandler(answerer)(question());
    expect(answerer.asked[1]).not.toHaveProperty('askedFor');
  });

  it('within what the Lambda invocation has left', async () => {
    const answerer = fakeAnswerer();
    const context = { getRemainingTimeInMillis: () => 2_500 } as Context;
    const before = Date.now();
    await createHandler(answerer)(question(), context);
    const deadline = answerer.asked[0]?.deadlineMs ?? 0;
    expect(deadline).toBeGreaterThanOrEqual(before + 1_500);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 1_500);
  });

  it.each([
    ['typed, public alias', 'Text', {}, PUBLIC_ALIAS, 'chat', 'public'],
    ['typed, staff alias', 'Text', {}, STAFF_ALIAS, 'chat', 'staff'],
    ['spoken on the staff alias', 'Speech', {}, STAFF_ALIAS, 'voice', 'public'],
    ['keyed in on the staff alias', 'DTMF', { 'parley:channel': 'chat' }, STAFF_ALIAS, 'voice', 'public'],
    ['typed into a spoken flow', 'Text', { 'parley:channel': 'voice' }, PUBLIC_ALIAS, 'voice', 'public'],
    // The old request-attribute claim, or any other value a caller can set, must grant nothing.
    ['public alias, claiming staff', 'Text', { 'parley:audience': 'staff' }, PUBLIC_ALIAS, 'chat', 'public'],
    [
      'typed, unknown values',
      'Text',
      { 'parley:audience': 'admin', 'parley:channel': 'fax' },
      PUBLIC_ALIAS,
      'chat',
      'public',
    ],
  ] as const)(
    '%s: channel and audience',
    async (_case, inputMode, requestAttributes, aliasName, channel, audience) => {
      const answerer = fakeAnswerer();
      const event = question({ inputMode, requestAttributes });
      await createHandler(answerer)({ ...event, bot: { ...event.bot, aliasName } });
      expect(answerer.asked[0]).toMatchObject({ channel, audience, inputMode });
    },
  );

  it('is public on every alias when no staff alias is configured', async () => {
    const answerer = fakeAnswerer();
    const event = question();
    await loadHandlerModule().createHandler({ questions: answerer, staffAliasName: undefined })({
      ...event,
      bot: { ...event.bot, aliasName: STAFF_ALIAS },
    });
    expect(answerer.asked[0]).toMatchObject({ audience: 'public' });
  });

  it('describes the answer for channels in a request attribute of the turn, and names no sources inline when asked', async () => {
    const answerer = fakeAnswerer({ ...ANSWER, turn: 4 });
    const separate = await createHandler(answerer)(
      question({ requestAttributes: { 'parley:sources': 'separate' } }),
    );
    expect(textOf(separate)).toBe(ANSWER.text);
    expect(JSON.parse(separate.requestAttributes?.['parley:answer'] ?? '{}')).toEqual({
      source: 'model',
      turn: 4,
      citations: ANSWER.citations,
    });
    expect(separate.requestAttributes).toMatchObject({ 'parley:sources': 'separate' });
    const inline = await createHandler(answerer)(question());
    expect(textOf(inline)).toMatch(/Sources: Return policy, Gift returns|Return policy/);
    expect(inline.sessionState.sessionAttributes ?? {}).not.toHaveProperty('parley:answer');
  });

  it('adds the tokens the model used and how long it took, whole milliseconds', async () => {
    const answerer = fakeAnswerer({
      ...ANSWER,
      usage: { inputTokens: 812, outputTokens: 64 },
      modelLatencyMs: 431.6,
    });
    const result = await createHandler(answerer)(question());
    expect(JSON.parse(result.requestAttributes?.['parley:answer'] ?? '{}')).toMatchObject({
      usage: { inputTokens: 812, outputTokens: 64 },
      modelLatencyMs: 432,
    });
  });

  it('says what the bot can do when nothing was said, without asking', async () => {
    const answerer = fakeAnswerer();
    const result = await createHandler(answerer)(question({ inputTranscript: '   ' }));
    expect(answerer.asked).toEqual([]);
    expect(textOf(result)).toBe(messagesFor('en_US').fallback.cannotHelp);
  });

  it('delegates a dialog hook call without asking', async () => {
    const answerer = fakeAnswerer();
    const result = await createHandler(answerer)(
      lexEvent({ intent: 'FallbackIntent', source: 'DialogCodeHook', inputTranscript: 'hours?' }),
    );
    expect(result.sessionState.dialogAction.type).toBe('Delegate');
    expect(answerer.asked).toEqual([]);
  });
});

describe('FallbackIntent answers', () => {
  it('on chat with the answer and its sources, each title once', async () => {
    const result = await createHandler(fakeAnswerer())(question());
    expect(result.sessionState.dialogAction.type).toBe('Close');
    expect(result.sessionState.intent?.state).toBe('Fulfilled');
    expect(textOf(result)).toBe(
      'You can return most items within 30 days.\nSources: Return policy; Gift returns',
    );
    expect(result.sessionState.sessionAttributes).toEqual({ channel: 'web' });
    expect(resultProblems(result)).toEqual([]);
  });

  it('in Spanish', async () => {
    const result = await createHandler(fakeAnswerer({ ...ANSWER, text: 'Sí, dentro de 30 días.' }))(
      question({}, 'es_US'),
    );
    expect(textOf(result)).toBe('Sí, dentro de 30 días.\nFuentes: Return policy; Gift returns');
  });

  it('on a call without sources, which a listener cannot follow', async () => {
    const result = await createHandler(fakeAnswerer())(question({ inputMode: 'Speech' }));
    expect(result.messages).toEqual([
      { contentType: 'SSML', content: '<speak><s>You can return most items within 30 days.</s></speak>' },
    ]);
  });

  it('on a call, offers to text the details of a short answer whose full text was kept apart', async () => {
    const summary: GeneratedAnswer = {
      ...ANSWER,
      source: 'curated',
      details: 'You can return most items within 30 days. Opened electronics have a restocking fee.',
    };
    const result = await createHandler(fakeAnswerer(summary))(question({ inputMode: 'Speech' }));
    expect(result.messages).toEqual([
      {
        contentType: 'SSML',
        content:
          '<speak><s>You can return most items within 30 days.</s><break time="300ms"/>' +
          '<s>I can text you the full details: just say &quot;text me the details&quot;.</s></speak>',
      },
    ]);
  });

  it('hands over to an agent when the answer says so, keeping the other attributes', async () => {
    const handoff: GeneratedAnswer = {
      text: 'Let me connect you with an agent who can help with that.',
      citations: [],
      outcome: 'handoff',
      source: 'model',
    };
    const result = await createHandler(fakeAnswerer(handoff))(question());
    expect(result.sessionState.intent?.state).toBe('Fulfilled');
    expect(result.sessionState.sessionAttributes).toEqual({
      channel: 'web',
      'parley:handoff': 'agent',
      'parley:handoffReason': 'generative',
    });
  });

  it('marks a failed answer as Failed, with its apology as the message', async () => {
    const failed: GeneratedAnswer = {
      text: "I'm sorry, I can't look that up right now. Would you like me to connect you with an agent?",
      citations: [],
      outcome: 'cannot_answer',
      source: 'fallback_error',
      error: { kind: 'unavailable', detail: 'ServiceUnavailableException' },
    };
    const result = await createHandler(fakeAnswerer(failed))(question());
    expect(result.sessionState.intent?.state).toBe('Failed');
    expect(textOf(result)).toBe(failed.text);
    expect(result.sessionState.sessionAttributes).toEqual({ channel: 'web' });
    expect(resultProblems(result)).toEqual([]);
  });
});

describe('the answer as a Lex message', () => {
  const messages = messagesFor('en_US');

  it('cuts a long answer after a whole sentence and keeps the sources', () => {
    const sentence = 'Returns are accepted within thirty days of purchase with a receipt. ';
    const text = answerMessage({ ...ANSWER, text: sentence.repeat(30) }, 'chat', messages);
    expect(text.length).toBeLessThanOrEqual(LEX_MESSAGE_MAX_LENGTH);
    expect(text).toMatch(/receipt\.\nSources: Return policy; Gift returns$/);
  });

  it('always fits Lex, never empty, sources only on chat', () => {
    const citation = fc.record({
      id: fc.string({ minLength: 1 }),
      title: fc.string({ minLength: 1, maxLength: 300 }),
    });
    fc.assert(
      fc.property(
        fc.string({ maxLength: 3000 }),
        fc.array(citation, { maxLength: 12 }),
        fc.constantFrom('voice' as const, 'chat' as const),
        (text, citations, channel) => {
          const message = answerMessage({ ...ANSWER, text, citations }, channel, messages);
          expect(message.trim().length).toBeGreaterThan(0);
          expect(message.length).toBeLessThanOrEqual(LEX_MESSAGE_MAX_LENGTH);
          if (channel === 'voice') expect(message).not.toContain('\nSources:');
          expect(message).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
