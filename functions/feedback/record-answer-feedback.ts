import type { GapRecorder } from '../generative/dependencies';
import type { AnswerFeedback, ConversationMemory } from '../memory/conversation-memory';

export interface AnswerFeedbackServices {
  memory: Pick<ConversationMemory, 'recordFeedback'>;
  recordGap: GapRecorder;
}

export interface AnswerFeedbackInput {
  sessionId: string;
  turn: number;
  feedback: AnswerFeedback;
}

export type AnswerFeedbackOutcome = 'recorded' | 'unchanged' | 'unknown-turn';

/**
 * A person's verdict on a remembered answer, kept with the turn; "not helpful" also puts the question on the
 * FAQ owners' gaps list, once per answer however often it is clicked, as the AnswerNotHelpful intent does.
 */
export async function recordAnswerFeedback(
  services: AnswerFeedbackServices,
  { sessionId, turn, feedback }: AnswerFeedbackInput,
): Promise<AnswerFeedbackOutcome> {
  const before = await services.memory.recordFeedback(sessionId, turn, feedback);
  if (!before) return 'unknown-turn';
  if (before.feedback === feedback) return 'unchanged';
  if (feedback === 'unhelpful') {
    await services.recordGap({
      kind: 'unhelpful',
      question: before.user,
      localeId: before.localeId,
      channel: before.channel,
    });
  }
  return 'recorded';
}
