import { randomUUID } from 'node:crypto';
import type { IntentClassifier } from '../nlu/types';
import type { SlotTypeResolver } from '../slots/types';
import type { InputMode } from '../runtime/types';
import { expireContexts } from './contexts';
import { DialogTurn } from './dialog-turn';
import type { CodeHookBinding, HookCall } from './hook-exchange';
import type { LocaleDefinition } from './intent-definitions';
import type { DialogSession, WireIntent, WireInterpretation, WireMessage } from './state';

/** Everything the engine needs about one bot locale, built once at startup. */
export interface LocaleBundle {
  botId: string;
  botName: string;
  definition: LocaleDefinition;
  classifier: IntentClassifier;
  confirmation: SlotTypeResolver;
  codeHook?: CodeHookBinding;
}

export interface TurnInput {
  /** The alias the request named: Lex tells the code hook, which may decide who is asking from it. */
  alias: { id: string; name: string };
  text: string;
  inputMode: InputMode;
  /** The recognizer's confidence in `text`; typed and keyed input are certain. */
  transcriptionConfidence?: number;
  responseContentType: string;
  requestAttributes?: Record<string, string>;
}

export interface TurnResult {
  messages: WireMessage[];
  interpretations: WireInterpretation[];
  requestAttributes?: Record<string, string>;
  /** The classifier's best score this turn, when it classified. */
  topScore?: number;
  hookCalls: HookCall[];
}

/**
 * The Lex V2 dialog manager (spec lex-v2.md §3). One instance per bot locale; one call per user turn, which
 * reads the turn as what the dialog waits for (a slot value, a confirmation) or as a new request. The session
 * object is mutated in place; the caller persists it.
 */
export class DialogEngine {
  constructor(private readonly bundle: LocaleBundle) {}

  async runTurn(session: DialogSession, input: TurnInput, nowMs: number): Promise<TurnResult> {
    const turn = new DialogTurn(this.bundle, session, input, nowMs);
    const contexts = expireContexts(session, nowMs);
    const action = session.state.dialogAction;
    const intent = session.state.intent;
    if (action?.type === 'ElicitSlot' && action.slotToElicit && intent && isOpen(intent)) {
      await turn.answerSlot(intent, action.slotToElicit, contexts);
    } else if (action?.type === 'ConfirmIntent' && intent && isOpen(intent)) {
      await turn.answerConfirmation(intent, contexts);
    } else {
      await turn.classifyAndStart(contexts);
    }
    session.state.originatingRequestId = randomUUID();
    session.turnCount += 1;
    return turn.result();
  }
}

function isOpen(intent: WireIntent): boolean {
  return intent.state !== 'Fulfilled' && intent.state !== 'Failed';
}
