import {
  AccessDeniedException,
  BedrockRuntimeClient,
  ConverseCommand,
  InternalServerException,
  ModelErrorException,
  ModelNotReadyException,
  ModelTimeoutException,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
  type ConverseCommandInput,
} from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { answerQuestion, FINISH_RESERVE_MS } from '../../../functions/generative/answer-question';
import { CHANNEL_SETTINGS } from '../../../functions/generative/channel-settings';
import { parsePassages } from '../../../functions/generative/contract';
import type { FailureKind } from '../../../functions/generative/failures';
import { generativeMessagesFor } from '../../../functions/generative/messages';
import { MemoryUnavailableError } from '../../../functions/memory/conversation-memory';
import {
  dependencies,
  fakeMemory,
  fakeRetriever,
  passage,
  questionRequest,
  textReply,
  toolReply,
  turn,
} from './fakes';

const bedrock = mockClient(BedrockRuntimeClient);
beforeEach(() => bedrock.reset());
afterAll(() => bedrock.restore());

const en = generativeMessagesFor('en_US');
const es = generativeMessagesFor('es_US');
const RETURNS = [passage('returns#1'), passage('returns#2'), passage('gift-cards#1')];
const CURATED = {
  docId: 'returns',
  title: 'Return policy',
  text: 'You can return most items within 30 days. Bring your receipt. Sale items are final.',
  confidence: 1,
};

/** What the model was asked, read back from the (failing) call the mock received. */
function sentInput(): ConverseCommandInput {
  const call = bedrock.commandCalls(ConverseCommand)[0];
  if (!call) throw new Error('the model was not called');
  return call.args[0].input;
}

function sentPassageIds(): string[] {
  const last = sentInput().messages?.at(-1);
  return parsePassages(last?.content?.[0]?.text ?? '').map((p) => p.id);
}

describe('curated answers', () => {
  it('answers the one question asked among other sentences with its curated answer', async () => {
    const knowledge = fakeRetriever(RETURNS, (query) =>
      query === 'what is your return policy?' ? CURATED : undefined,
    );
    const { deps } = dependencies({ knowledge });
    const story = 'My sister gave me a lamp I already have. what is your return policy? She will not mind.';
    expect(await answerQuestion(questionRequest({ question: story }), deps)).toMatchObject({
      source: 'curated',
      text: CURATED.text,
    });
    expect(knowledge.curatedQueries).toEqual([story, 'what is your return policy?']);
    expect(bedrock.calls()).toHaveLength(0);
  });

  it('answers with the curated text and its source, without the model', async () => {
    const memory = fakeMemory();
    const { deps, recorded } = dependencies({ knowledge: fakeRetriever(RETURNS, CURATED), memory });
    const answer = await answerQuestion(questionRequest({ question: 'What is your return policy?' }), deps);
    expect(answer).toEqual({
      text: CURATED.text,
      citations: [{ id: 'returns', title: 'Return policy' }],
      outcome: 'answer',
      source: 'curated',
      // The fake memory numbers turns from 1; channels ask for feedback on the answer by this number.
      turn: 1,
    });
    expect(bedrock.calls()).toHaveLength(0);
    expect(memory.windows).toHaveLength(0);
    expect(memory.appended).toEqual([
      {
        sessionId: 'session-1',
        turn: {
          user: 'What is your return policy?',
          assistant: CURATED.text,
          requestId: 'request-1',
          localeId: 'en_US',
          channel: 'chat',
          citations: ['returns'],
          outcome: 'answer',
        },
      },
    ]);
    expect(recorded.samples).toEqual([{ source: 'curated' }]);
  });

  it('reads the voice version on a call, or else the first sentences', async () => {
    const voiced = dependencies({
      knowledge: fakeRetriever([], { ...CURATED, voice: 'Most items go back within 30 days.' }),
    });
    const withVoice = await answerQuestion(questionRequest({ channel: 'voice' }), voiced.deps);
    expect(withVoice.text).toBe('Most items go back within 30 days.');
    const plain = dependencies({ knowledge: fakeRetriever([], CURATED) });
    const withoutVoice = await answerQuestion(questionRequest({ channel: 'voice' }), plain.deps);
    expect(withoutVoice.text).toBe('You can return most items within 30 days. Bring your receipt.');
  });

  it('keeps the whole article as the details of a call answer, and remembers both as our own text', async () => {
    const memory = fakeMemory();
    const { deps } = dependencies({
      knowledge: fakeRetriever([], {
        ...CURATED,
        text: 'You can return most items within **30 days**.\n\n## Sale items\n\n- Sale items are final.',
        voice: 'Most items go back within 30 days.',
      }),
      memory,
    });
    const answer = await answerQuestion(questionRequest({ channel: 'voice' }), deps);
    const article = 'You can return most items within 30 days.\n\nSale items\n\n- Sale items are final.';
    expect(answer).toMatchObject({ text: 'Most items go back within 30 days.', details: article });
    expect(memory.appended[0]?.turn).toMatchObject({
      assistant: 'Most items go back within 30 days.',
      details: article,
      detailsSource: 'knowledge',
    });
  });

  it('has no details when the spoken opening is the whole article', async () => {
    const short = { ...CURATED, text: 'You can return most items within **30 days**.' };
    const memory = fakeMemory();
    const onCall = dependencies({ knowledge: fakeRetriever([], short), memory });
    const spoken = await answerQuestion(questionRequest({ channel: 'voice' }), onCall.deps);
    expect(spoken.text).toBe('You can return most items within **30 days**.');
    expect(spoken).not.toHaveProperty('details');
    expect(memory.appended[0]?.turn).not.toHaveProperty('details');
  });

  it('leads a chat with the voice line and keeps the article as the details; without one, the article whole', async () => {
    const inChat = dependencies({ knowledge: fakeRetriever([], { ...CURATED, voice: 'Short.' }) });
    expect(await answerQuestion(questionRequest(), inChat.deps)).toMatchObject({
      text: 'Short.',
      details: 'You can return most items within 30 days. Bring your receipt. Sale items are final.',
      source: 'curated',
    });
    const staff = dependencies({ knowledge: fakeRetriever([], CURATED) });
    const whole = await answerQuestion(questionRequest(), staff.deps);
    expect(whole.text).toBe(
      'You can return most items within 30 days. Bring your receipt. Sale items are final.',
    );
    expect(whole).not.toHaveProperty('details');
  });
});

describe('retrieval', () => {
  it.each([
    ['en_US', en.noPassage],
    ['es_US', es.noPassage],
  ])('says honestly when nothing matches, and records the gap (%s)', async (localeId, text) => {
    const { deps, recorded } = dependencies({
      knowledge: fakeRetriever([passage('weak#1', { score: 0.2 })]),
    });
    const answer = await answerQuestion(questionRequest({ localeId, question: 'Do you sell pizza?' }), deps);
    expect(answer).toEqual({ text, citations: [], outcome: 'cannot_answer', source: 'no_passage', turn: 1 });
    expect(text).toMatch(/agent|agente/);
    expect(recorded.gaps).toEqual([
      { kind: 'no_passage', question: 'Do you sell pizza?', localeId, channel: 'chat' },
    ]);
    expect(bedrock.calls()).toHaveLength(0);
  });

  it('asks the index for the locale, audience and channel limit', async () => {
    bedrock.on(ConverseCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    const knowledge = fakeRetriever(RETURNS);
    const { deps } = dependencies({ knowledge });
    await answerQuestion(questionRequest({ localeId: 'es_US', audience: 'staff', channel: 'voice' }), deps);
    expect(knowledge.queries.map((q) => q.options)).toEqual([
      { localeId: 'es_US', audience: 'staff', limit: CHANNEL_SETTINGS.voice.passageLimit },
    ]);
    expect(knowledge.curatedQueries).toHaveLength(1);
  });

  it('never sends staff text for a public question, nor weak passages', async () => {
    bedrock.on(ConverseCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    const knowledge = fakeRetriever([
      passage('refund-thresholds#1', { audience: 'staff' }),
      passage('returns#1'),
      passage('returns#2', { score: 0.1 }),
    ]);
    const { deps } = dependencies({ knowledge });
    await answerQuestion(questionRequest(), deps);
    expect(sentPassageIds()).toEqual(['returns#1']);
  });

  it('reads a follow-up together with the previous question, and sends the history', async () => {
    bedrock.on(ConverseCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    const knowledge = fakeRetriever((query) =>
      query.includes('Canada') ? [passage('intl#1'), passage('intl#2')] : [passage('shipping#1')],
    );
    const memory = fakeMemory({
      history: [
        turn('Do you ship to Canada?', 'Yes, in 5 to 10 days.', 'request-0'),
        // This very request, stored by an earlier invocation that Lex retried.
        turn('And to Mexico?', 'Sorry, I could not look that up.', 'request-1'),
      ],
    });
    const { deps } = dependencies({ knowledge, memory });
    await answerQuestion(questionRequest({ question: 'And to Mexico?', channel: 'voice' }), deps);
    expect(memory.windows).toEqual([CHANNEL_SETTINGS.voice.history]);
    // It carries on from the previous question ("and..."), whose own passages stay candidates too.
    expect(knowledge.queries.map((q) => q.query)).toEqual([
      'And to Mexico?',
      'Do you ship to Canada? And to Mexico?',
      'Do you ship to Canada?',
    ]);
    expect(sentPassageIds()).toEqual(['shipping#1', 'intl#1', 'intl#2']);
    expect(sentInput().messages?.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  });

  it('looks a question up with what the customer was just asked, and tells the model', async () => {
    bedrock.on(ConverseCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    const knowledge = fakeRetriever([passage('orders#1')]);
    const { deps } = dependencies({ knowledge });
    const askedFor = "What's your order number?";
    await answerQuestion(questionRequest({ question: 'Where do I find that?', askedFor }), deps);
    expect(knowledge.queries.map((q) => q.query)).toEqual([
      'Where do I find that?',
      "What's your order number? Where do I find that?",
    ]);
    expect(
      sentInput()
        .messages?.at(-1)
        ?.content?.map((block) => block.text),
    ).toContain(`Just asked of the customer: ${askedFor}`);
  });

  it('looks a question of its own up without what was just asked, which would bring that topic along', async () => {
    bedrock.on(ConverseCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    const knowledge = fakeRetriever([passage('returns#1')]);
    const { deps } = dependencies({ knowledge });
    const askedFor = '¿Cuál es el correo electrónico de su cuenta?';
    const question = 'cuántos días tengo para devolver unos zapatos';
    await answerQuestion(questionRequest({ question, localeId: 'es_US', askedFor }), deps);
    expect(knowledge.queries.map((q) => q.query)).toEqual([question]);
  });

  it('remembers the turn with what reading the conversation learnt, so the turn costs one read', async () => {
    bedrock.on(ConverseCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    const memory = fakeMemory({ history: [turn('Do you ship to Canada?', 'Yes.', 'request-0')] });
    const { deps } = dependencies({ knowledge: fakeRetriever([passage('intl#1')]), memory });
    await answerQuestion(questionRequest({ question: 'And to Mexico?' }), deps);
    expect(memory.appended[0]?.after).toEqual({
      newestTurn: 1,
      recent: [{ requestId: 'request-0', turn: 1 }],
    });
    // A curated answer reads nothing first, so the memory reads for itself.
    const curated = fakeMemory();
    await answerQuestion(
      questionRequest(),
      dependencies({ knowledge: fakeRetriever([], CURATED), memory: curated }).deps,
    );
    expect(curated.appended[0]?.after).toBeUndefined();
  });

  it('answers a question that carries on from the previous one with it, not with its own curated answer', async () => {
    const memory = fakeMemory({ history: [turn('Do you ship to Mexico?', 'Yes: 24.99.', 'request-0')] });
    const knowledge = fakeRetriever([passage('intl#1')], CURATED);
    const { deps } = dependencies({ knowledge, memory });
    const answer = await answerQuestion(questionRequest({ question: 'and how long does it take?' }), deps);
    expect(answer.source).not.toBe('curated');
    expect(bedrock.calls()).toHaveLength(1);
    // With nothing before it, the question is its own: the curated answer stands.
    const alone = dependencies({ knowledge: fakeRetriever([], CURATED), memory: fakeMemory() });
    const first = await answerQuestion(
      questionRequest({ question: '¿y cuánto tarda?', localeId: 'es_US' }),
      alone.deps,
    );
    expect(first.source).toBe('curated');
  });

  it('answers a correction of the previous question as the corrected question it lists', async () => {
    const mexico = { docId: 'intl', title: 'International', text: 'Mexico: 24.99.', confidence: 1 };
    const knowledge = fakeRetriever([], (query) => (query === 'Do you ship to Mexico' ? mexico : undefined));
    const memory = fakeMemory({ history: [turn('Do you ship to Canada?', 'Canada: 19.99.', 'request-0')] });
    const { deps } = dependencies({ knowledge, memory });
    const answer = await answerQuestion(questionRequest({ question: 'oh sorry, I meant Mexico' }), deps);
    expect(answer).toMatchObject({ text: 'Mexico: 24.99.', source: 'curated', citations: [{ id: 'intl' }] });
    expect(bedrock.calls()).toHaveLength(0);
    // Remembered in the customer's own words.
    expect(memory.appended[0]?.turn.user).toBe('oh sorry, I meant Mexico');
  });

  it('answers without history when the memory cannot be read', async () => {
    bedrock.on(ConverseCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    const memory = fakeMemory({ historyFails: new MemoryUnavailableError('DynamoDB is unavailable') });
    const { deps, recorded } = dependencies({ knowledge: fakeRetriever(RETURNS), memory });
    await answerQuestion(questionRequest(), deps);
    expect(sentInput().messages).toHaveLength(1);
    expect(recorded.logs).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        attributes: { error: { name: 'MemoryUnavailableError', message: 'DynamoDB is unavailable' } },
      }),
    );
  });
});

const metadata = { $metadata: {} };
const BEDROCK_FAILURES: [string, Error, FailureKind, string, 'warn' | 'error'][] = [
  [
    'ThrottlingException',
    new ThrottlingException({ message: 'Too many requests', ...metadata }),
    'throttled',
    en.busy,
    'warn',
  ],
  [
    'ModelNotReadyException',
    new ModelNotReadyException({ message: 'Model is loading', ...metadata }),
    'throttled',
    en.busy,
    'warn',
  ],
  [
    'ServiceUnavailableException',
    new ServiceUnavailableException({ message: 'Unavailable', ...metadata }),
    'unavailable',
    en.unavailable,
    'warn',
  ],
  [
    'InternalServerException',
    new InternalServerException({ message: 'Internal', ...metadata }),
    'unavailable',
    en.unavailable,
    'warn',
  ],
  [
    'ModelTimeoutException',
    new ModelTimeoutException({ message: 'Model timed out', ...metadata }),
    'timeout',
    en.slow,
    'warn',
  ],
  [
    'ModelErrorException',
    new ModelErrorException({ message: 'Model failed', ...metadata }),
    'model_error',
    en.unavailable,
    'warn',
  ],
  [
    'ValidationException',
    new ValidationException({ message: 'Malformed input', ...metadata }),
    'rejected',
    en.unavailable,
    'error',
  ],
  [
    'AccessDeniedException',
    new AccessDeniedException({ message: 'No access to model', ...metadata }),
    'rejected',
    en.unavailable,
    'error',
  ],
  [
    'ResourceNotFoundException',
    new ResourceNotFoundException({ message: 'No such model', ...metadata }),
    'rejected',
    en.unavailable,
    'error',
  ],
  [
    'a refused connection',
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }),
    'unavailable',
    en.unavailable,
    'warn',
  ],
];

describe('when Bedrock fails', () => {
  it.each(BEDROCK_FAILURES)(
    '%s: says so, offers an agent and logs the cause',
    async (_name, error, kind, text, level) => {
      bedrock.on(ConverseCommand).rejects(error);
      const memory = fakeMemory();
      const { deps, recorded } = dependencies({ knowledge: fakeRetriever(RETURNS), memory });
      const answer = await answerQuestion(questionRequest(), deps);
      expect(answer).toEqual({
        text,
        citations: [],
        outcome: 'cannot_answer',
        source: 'fallback_error',
        error: { kind, detail: error.name },
        // The time until the call failed: a slow failure shows in the console and the metrics.
        modelLatencyMs: expect.any(Number),
        turn: 1,
      });
      expect(answer.text).toMatch(/agent\?$/);
      expect(recorded.logs).toContainEqual({
        level,
        message: 'Model gave no usable answer',
        attributes: {
          failure: { kind, detail: error.name },
          error: { name: error.name, message: error.message },
        },
      });
      expect(memory.appended).toHaveLength(1);
      expect(recorded.samples).toEqual([{ source: 'fallback_error', modelLatencyMs: expect.any(Number) }]);
    },
  );

  it('answers in the customer language', async () => {
    bedrock
      .on(ConverseCommand)
      .rejects(new ThrottlingException({ message: 'Too many requests', $metadata: {} }));
    const { deps } = dependencies({ knowledge: fakeRetriever(RETURNS) });
    const answer = await answerQuestion(questionRequest({ localeId: 'es_US' }), deps);
    expect(answer.text).toBe(es.busy);
  });

  it('does not pass on what a guardrail says instead of the model', async () => {
    bedrock
      .on(ConverseCommand)
      .resolves(textReply('Sorry, the model cannot answer this question.', 'guardrail_intervened'));
    const { deps, recorded } = dependencies({ knowledge: fakeRetriever(RETURNS) });
    const answer = await answerQuestion(questionRequest(), deps);
    expect(answer).toMatchObject({
      text: en.blocked,
      source: 'fallback_error',
      error: { kind: 'guardrail', detail: 'guardrail_intervened' },
      usage: { inputTokens: 400, outputTokens: 20 },
    });
    expect(recorded.logs).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        attributes: expect.objectContaining({ stopReason: 'guardrail_intervened' }),
      }),
    );
  });

  it.each([
    ['off-schema tool input', toolReply({ answer: 42, outcome: 'answer' }), 'malformed_output'],
    [
      'prose instead of the tool',
      textReply('You can return it within 30 days.', 'end_turn'),
      'malformed_output',
    ],
    [
      'citations of passages never sent',
      toolReply({ answer: 'Within 90 days.', citations: ['made-up#1'], outcome: 'answer' }),
      'ungrounded',
    ],
  ])('replaces %s with a safe answer, keeping the token count', async (_case, reply, kind) => {
    bedrock.on(ConverseCommand).resolves(reply);
    const memory = fakeMemory();
    const { deps, recorded } = dependencies({ knowledge: fakeRetriever(RETURNS), memory });
    const answer = await answerQuestion(questionRequest(), deps);
    expect(answer).toMatchObject({
      text: en.unsure,
      citations: [],
      source: 'fallback_error',
      error: { kind },
    });
    expect(memory.appended[0]?.turn).toMatchObject({
      assistant: en.unsure,
      inputTokens: reply.usage?.inputTokens,
      outputTokens: reply.usage?.outputTokens,
    });
    expect(recorded.samples[0]).toMatchObject({
      source: 'fallback_error',
      usage: { inputTokens: reply.usage?.inputTokens },
    });
  });
});

describe('the deadline', () => {
  it('answers within the deadline when the model is slower', async () => {
    const timers: NodeJS.Timeout[] = [];
    bedrock
      .on(ConverseCommand)
      .callsFake(
        () => new Promise((resolve) => timers.push(setTimeout(() => resolve(toolReply({})), 5_000))),
      );
    const memory = fakeMemory();
    const { deps, recorded } = dependencies({ knowledge: fakeRetriever(RETURNS), memory });
    const started = Date.now();
    const budgetMs = 600;
    try {
      const answer = await answerQuestion(questionRequest({ deadlineMs: started + budgetMs }), deps);
      const elapsed = Date.now() - started;
      expect(answer).toMatchObject({ text: en.slow, source: 'fallback_error', error: { kind: 'timeout' } });
      expect(elapsed).toBeGreaterThanOrEqual(budgetMs - FINISH_RESERVE_MS - 20);
      expect(elapsed).toBeLessThan(budgetMs + 100);
      expect(memory.appended).toHaveLength(1);
      expect(recorded.samples[0]?.modelLatencyMs).toBeLessThan(budgetMs);
    } finally {
      timers.forEach(clearTimeout);
    }
  });

  it('does not call the model when the deadline has passed', async () => {
    const { deps } = dependencies({ knowledge: fakeRetriever(RETURNS) });
    const answer = await answerQuestion(questionRequest({ deadlineMs: Date.now() - 1 }), deps);
    expect(answer).toMatchObject({ text: en.slow, error: { kind: 'timeout' } });
    expect(bedrock.calls()).toHaveLength(0);
  });

  it('does not wait for a memory that never answers', async () => {
    const memory = fakeMemory({ historyHangs: true });
    const { deps } = dependencies({ knowledge: fakeRetriever(RETURNS), memory });
    const started = Date.now();
    const answer = await answerQuestion(questionRequest({ deadlineMs: started + 300 }), deps);
    expect(Date.now() - started).toBeLessThan(400);
    expect(answer).toMatchObject({ text: en.slow, source: 'fallback_error' });
    expect(bedrock.calls()).toHaveLength(0);
  });
});

describe('stores that fail', () => {
  it('still answers when the turn cannot be remembered', async () => {
    const memory = fakeMemory({ appendFails: new MemoryUnavailableError('DynamoDB is unavailable') });
    const { deps, recorded } = dependencies({ knowledge: fakeRetriever([], CURATED), memory });
    const answer = await answerQuestion(questionRequest(), deps);
    expect(answer.source).toBe('curated');
    expect(recorded.logs).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'Turn not confirmed as remembered; the answer goes out anyway',
      }),
    );
  });

  it('still answers when the gap cannot be recorded', async () => {
    const { deps, recorded } = dependencies({
      recordGap: () => Promise.reject(new Error('ResourceNotFoundException')),
    });
    const answer = await answerQuestion(questionRequest(), deps);
    expect(answer.source).toBe('no_passage');
    expect(recorded.logs).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'Knowledge gap not recorded' }),
    );
  });

  it('answers with an apology when the knowledge index cannot be loaded', async () => {
    const { deps, recorded } = dependencies({
      retriever: () => Promise.reject(new Error('ENOENT: no such file knowledge-index.json')),
    });
    const answer = await answerQuestion(questionRequest(), deps);
    expect(answer).toMatchObject({
      text: en.unavailable,
      source: 'fallback_error',
      error: { kind: 'unavailable' },
    });
    expect(recorded.logs).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'Could not answer the question',
        attributes: expect.objectContaining({
          error: { name: 'Error', message: 'ENOENT: no such file knowledge-index.json' },
        }),
      }),
    );
  });

  it('never logs what the customer said', async () => {
    bedrock
      .on(ConverseCommand)
      .rejects(new ValidationException({ message: 'Malformed input', $metadata: {} }));
    const { deps, recorded } = dependencies({ knowledge: fakeRetriever(RETURNS) });
    await answerQuestion(
      questionRequest({ question: 'My email is jane@example.com, can I return this?' }),
      deps,
    );
    expect(JSON.stringify(recorded.logs)).not.toContain('jane@example.com');
  });
});
