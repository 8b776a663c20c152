import type { QuestionRequest } from '../../../functions/generative/answer-question';
import type { KnowledgeGapInput } from '../../../functions/knowledge/gaps';
import type { QuestionAnswerer } from '../../../functions/lex-code-hook/dependencies';
import type { CodeHookHandler } from '../../../functions/lex-code-hook/handler';
import type { CodeHookDependencies } from '../../../functions/lex-code-hook/dependencies';
import type { LexV2Event } from '../../../functions/lex-code-hook/lex-event';
import { messagesFor } from '../../../functions/lex-code-hook/messages';
import {
  MemoryUnavailableError,
  type ConversationMemory,
  type ConversationTurn,
  type HistoryOptions,
} from '../../../functions/memory/conversation-memory';
import { lexEvent } from './events';
import { loadHandlerModule } from './hook-fixture';
import { resultProblems, textOf } from './result-rules';
import { HANDOFF_ATTRIBUTES } from '../../../functions/shared/channel-attributes';

function turn(number: number, user: string, overrides: Partial<ConversationTurn> = {}): ConversationTurn {
  return {
    turn: number,
    user,
    assistant: 'We ship to Canada and Mexico.',
    requestId: `request-${number}`,
    localeId: 'en_US',
    channel: 'chat',
    createdAt: '2026-03-10T15:00:00.000Z',
    ...overrides,
  };
}

/**
 * Remembers `turns` (oldest first) for every session, keeps what it was asked, and stores verdicts on them
 * as the DynamoDB memory does (returning the turn as it was before).
 */
function fakeMemory(turns: ConversationTurn[]): ConversationMemory & {
  asked: { sessionId: string; options: HistoryOptions }[];
} {
  const asked: { sessionId: string; options: HistoryOptions }[] = [];
  return {
    asked,
    append: () => Promise.reject(new Error('this intent must not store turns')),
    history: async (sessionId, options) => {
      asked.push({ sessionId, options });
      return options.maxTurns === undefined ? [...turns] : turns.slice(-options.maxTurns);
    },
    recall: () => Promise.reject(new Error('this intent reads history only')),
    recordFeedback: async (_sessionId, number, feedback) => {
      const index = turns.findIndex((candidate) => candidate.turn === number);
      const before = turns[index];
      if (before) turns[index] = { ...before, feedback };
      return before;
    },
  };
}

function gapLog(): { gaps: KnowledgeGapInput[]; recordGap: CodeHookDependencies['recordGap'] } {
  const gaps: KnowledgeGapInput[] = [];
  return {
    gaps,
    recordGap: async (gap) => {
      gaps.push(gap);
    },
  };
}

function complaint(localeId = 'en_US', sessionAttributes: Record<string, string> = {}): LexV2Event {
  return lexEvent({
    intent: 'AnswerNotHelpful',
    localeId,
    sessionId: 'session-9',
    inputTranscript: "that didn't help",
    sessionAttributes,
  });
}

let createHandler: (overrides: Partial<CodeHookDependencies>) => CodeHookHandler;
let logged: string[];
beforeAll(() => {
  logged = [];
  const keep = (chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return true;
  };
  jest.spyOn(process.stdout, 'write').mockImplementation(keep);
  jest.spyOn(process.stderr, 'write').mockImplementation(keep);
  createHandler = loadHandlerModule().createHandler;
});
beforeEach(() => logged.splice(0));
afterAll(() => jest.restoreAllMocks());

describe('AnswerNotHelpful', () => {
  it('records the last question of the session as an unhelpful gap and apologises, offering an agent', async () => {
    const memory = fakeMemory([
      turn(1, 'do you ship to Canada?'),
      turn(2, 'and to Brazil?', { channel: 'voice', localeId: 'es_US' }),
    ]);
    const { gaps, recordGap } = gapLog();
    const result = await createHandler({ memory, recordGap })(complaint('en_US', { channel: 'web' }));

    expect(memory.asked).toEqual([
      { sessionId: 'session-9', options: expect.objectContaining({ maxTurns: 1 }) },
    ]);
    expect(gaps).toEqual([
      { kind: 'unhelpful', question: 'and to Brazil?', localeId: 'es_US', channel: 'voice' },
    ]);
    expect(result.sessionState.dialogAction.type).toBe('Close');
    expect(result.sessionState.intent).toMatchObject({ name: 'AnswerNotHelpful', state: 'Fulfilled' });
    expect(textOf(result)).toBe(messagesFor('en_US').feedback.unhelpfulAnswer);
    expect(textOf(result)).toMatch(/person/);
    // "Yes" next is read as accepting the offer (AcceptAgentOffer), for that turn only.
    expect(result.sessionState.activeContexts).toEqual([
      expect.objectContaining({
        name: 'AgentOffered',
        timeToLive: expect.objectContaining({ turnsToLive: 1 }),
      }),
      expect.objectContaining({ name: 'LastReply', contextAttributes: { text: textOf(result) } }),
    ]);
    expect(resultProblems(result)).toEqual([]);
  });

  it('leaves the handoff to the customer: no handoff attributes, the others kept', async () => {
    const { recordGap } = gapLog();
    const result = await createHandler({ memory: fakeMemory([turn(1, 'q')]), recordGap })(
      complaint('en_US', { channel: 'web' }),
    );
    const attributes = result.sessionState.sessionAttributes ?? {};
    expect(attributes).toMatchObject({ channel: 'web' });
    expect(attributes).not.toHaveProperty(HANDOFF_ATTRIBUTES.target);
    expect(attributes).not.toHaveProperty(HANDOFF_ATTRIBUTES.reason);
  });

  it('apologises in Spanish', async () => {
    const { recordGap } = gapLog();
    const result = await createHandler({ memory: fakeMemory([turn(1, '¿envían a Brasil?')]), recordGap })(
      complaint('es_US'),
    );
    expect(textOf(result)).toBe(messagesFor('es_US').feedback.unhelpfulAnswer);
    expect(textOf(result)).toMatch(/persona/);
  });

  it.each(['en_US', 'es_US'])(
    'with no earlier answer in the session (%s), apologises and offers help, recording nothing',
    async (localeId) => {
      const { gaps, recordGap } = gapLog();
      const result = await createHandler({ memory: fakeMemory([]), recordGap })(complaint(localeId));
      expect(gaps).toEqual([]);
      expect(result.sessionState.intent).toMatchObject({ state: 'Fulfilled' });
      expect(textOf(result)).toBe(messagesFor(localeId).feedback.noPreviousAnswer);
    },
  );

  it('with no earlier answer, looks up a problem named with it ("my tracking number doesn\'t work")', async () => {
    const { gaps, recordGap } = gapLog();
    const asked: string[] = [];
    const questions: QuestionAnswerer = {
      answer: async ({ question }: QuestionRequest) => {
        asked.push(question);
        const known = question.includes('tracking');
        return {
          text: known ? 'Tracking can take up to 24 hours to show.' : 'No answer.',
          citations: known ? [{ id: 'order-tracking#1', title: 'Tracking' }] : [],
          outcome: known ? 'answer' : 'cannot_answer',
          source: 'model',
        };
      },
      hasArticleFor: async ({ question }) => question.includes('tracking'),
    };
    const handler = createHandler({ memory: fakeMemory([]), recordGap, questions });
    const tracking = await handler({ ...complaint(), inputTranscript: "my tracking number doesn't work" });
    expect(textOf(tracking)).toMatch(/^Tracking can take up to 24 hours/);
    expect(gaps).toEqual([]);
    const bare = await handler(complaint());
    // "That didn't help" alone is not looked up: no turn is remembered for it, and no gap is recorded.
    expect(asked).toEqual(["my tracking number doesn't work"]);
    expect(textOf(bare)).toBe(messagesFor('en_US').feedback.noPreviousAnswer);
  });

  it('counts the same answer once when the customer complains twice, and a newer answer again', async () => {
    const turns = [turn(1, 'do you ship to Canada?')];
    const { gaps, recordGap } = gapLog();
    const handler = createHandler({ memory: fakeMemory(turns), recordGap });
    const first = await handler(complaint());
    const again = await handler(complaint('en_US', first.sessionState.sessionAttributes));
    expect(textOf(again)).toBe(messagesFor('en_US').feedback.unhelpfulAnswer);
    expect(gaps.map((gap) => gap.question)).toEqual(['do you ship to Canada?']);
    expect(turns[0]).toMatchObject({ feedback: 'unhelpful' });

    turns.push(turn(2, 'and to Brazil?'));
    await handler(complaint('en_US', again.sessionState.sessionAttributes));
    expect(gaps.map((gap) => gap.question)).toEqual(['do you ship to Canada?', 'and to Brazil?']);
  });

  it('still answers, and logs why, when the memory cannot be read', async () => {
    const memory: ConversationMemory = {
      append: () => Promise.reject(new Error('unused')),
      history: () => Promise.reject(new MemoryUnavailableError('Could not read: throttled')),
      recall: () => Promise.reject(new Error('unused')),
      recordFeedback: () => Promise.reject(new Error('unused')),
    };
    const { gaps, recordGap } = gapLog();
    const result = await createHandler({ memory, recordGap })(complaint());
    expect(gaps).toEqual([]);
    expect(result.sessionState.intent).toMatchObject({ state: 'Fulfilled' });
    expect(textOf(result)).toBe(messagesFor('en_US').feedback.noPreviousAnswer);
    expect(logged.join('')).toMatch(/Could not read the answer the customer found unhelpful/);
  });

  it('still apologises, and logs why, when the gap cannot be recorded', async () => {
    const recordGap = () => Promise.reject(new Error('ProvisionedThroughputExceededException'));
    const result = await createHandler({ memory: fakeMemory([turn(1, 'q')]), recordGap })(complaint());
    expect(result.sessionState.intent).toMatchObject({ state: 'Fulfilled' });
    expect(textOf(result)).toBe(messagesFor('en_US').feedback.unhelpfulAnswer);
    expect(logged.join('')).toMatch(/Could not record the unhelpful answer[^\n]*ProvisionedThroughput/);
  });
});
