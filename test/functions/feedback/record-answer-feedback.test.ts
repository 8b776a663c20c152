import { recordAnswerFeedback } from '../../../functions/feedback/record-answer-feedback';
import type { KnowledgeGapInput } from '../../../functions/knowledge/gaps';
import type { AnswerFeedback, ConversationTurn } from '../../../functions/memory/conversation-memory';

/** A memory holding one remembered answer (turn 3), keeping verdicts the way the DynamoDB one does. */
function memoryWithOneAnswer() {
  let stored: ConversationTurn | undefined = {
    turn: 3,
    user: 'can I pay with paypal?',
    assistant: 'We accept cards.',
    requestId: 'r3',
    localeId: 'en_US',
    channel: 'chat',
    createdAt: '2026-03-10T15:00:00.000Z',
  };
  return {
    async recordFeedback(_sessionId: string, turn: number, feedback: AnswerFeedback) {
      if (!stored || turn !== stored.turn) return undefined;
      const before = stored;
      stored = { ...stored, feedback };
      return before;
    },
  };
}

function gapLog() {
  const gaps: KnowledgeGapInput[] = [];
  return { gaps, recordGap: async (gap: KnowledgeGapInput) => gaps.push(gap) };
}

describe('recordAnswerFeedback', () => {
  it('puts an unhelpful answer on the gaps list once, however often it is clicked', async () => {
    const memory = memoryWithOneAnswer();
    const { gaps, recordGap } = gapLog();
    const input = { sessionId: 's', turn: 3, feedback: 'unhelpful' as const };
    expect(await recordAnswerFeedback({ memory, recordGap }, input)).toBe('recorded');
    expect(await recordAnswerFeedback({ memory, recordGap }, input)).toBe('unchanged');
    expect(gaps).toEqual([
      { kind: 'unhelpful', question: 'can I pay with paypal?', localeId: 'en_US', channel: 'chat' },
    ]);
  });

  it('keeps a helpful verdict off the gaps list', async () => {
    const { gaps, recordGap } = gapLog();
    const outcome = await recordAnswerFeedback(
      { memory: memoryWithOneAnswer(), recordGap },
      { sessionId: 's', turn: 3, feedback: 'helpful' },
    );
    expect(outcome).toBe('recorded');
    expect(gaps).toEqual([]);
  });

  it('says so when the answer is no longer remembered, and records nothing', async () => {
    const { gaps, recordGap } = gapLog();
    const outcome = await recordAnswerFeedback(
      { memory: memoryWithOneAnswer(), recordGap },
      { sessionId: 's', turn: 9, feedback: 'unhelpful' },
    );
    expect(outcome).toBe('unknown-turn');
    expect(gaps).toEqual([]);
  });
});
