import type { Logger } from '@aws-lambda-powertools/logger';
import type { ConversationTurn } from '../../memory/conversation-memory';
import type { CodeHookDependencies } from '../dependencies';

/**
 * The conversation's latest remembered answer, for intents about it ("that didn't help", "tell me more").
 * Memory only improves those replies, so when it cannot be read the failure is logged, with `purpose`, and
 * the intent answers without it.
 */
export async function lastRememberedTurn(
  sessionId: string,
  deps: CodeHookDependencies,
  log: Logger,
  purpose: string,
): Promise<ConversationTurn | undefined> {
  try {
    const turns = await deps.memory.history(sessionId, { tokenBudget: Number.MAX_SAFE_INTEGER, maxTurns: 1 });
    return turns.at(-1);
  } catch (error) {
    log.warn(`Could not read ${purpose}`, error instanceof Error ? error : String(error));
    return undefined;
  }
}
