import { randomUUID } from 'node:crypto';
import { describeInput, type ConversationTest } from './format';
import { judgeTurn, wordsOf, type Mismatch } from './judge';
import type { Target } from './target';
import { sendTurn } from './turn';

export interface TurnResult {
  input: string;
  reply: string;
  mismatches: Mismatch[];
  /** The turn could not be sent (the service failed, a WAV file is missing). */
  error?: string;
}

export interface ConversationResult {
  name: string;
  file: string;
  passed: boolean;
  /** Turns run; a conversation stops at its first failing turn, since the next ones build on it. */
  turns: TurnResult[];
  durationMs: number;
}

/** Runs one conversation in a session of its own, turn by turn, stopping at the first failure. */
export async function runConversation(
  target: Target,
  conversation: ConversationTest,
): Promise<ConversationResult> {
  const started = Date.now();
  const sessionId = `convtest-${randomUUID()}`;
  const turns: TurnResult[] = [];
  for (const turn of conversation.turns) {
    const input = describeInput(turn);
    try {
      const seen = await sendTurn(target, conversation, turn, sessionId);
      const mismatches = judgeTurn(turn.expect, seen);
      turns.push({ input, reply: wordsOf(seen), mismatches });
      if (mismatches.length > 0) break;
    } catch (error) {
      turns.push({ input, reply: '', mismatches: [], error: errorText(error) });
      break;
    }
  }
  const passed =
    turns.length === conversation.turns.length &&
    turns.every((turn) => !turn.error && turn.mismatches.length === 0);
  return {
    name: conversation.name,
    file: conversation.file,
    passed,
    turns,
    durationMs: Date.now() - started,
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
