import type { ContactFlow, FlowAction } from '../../../channels/voice/flow-language';
import { toPlainSpeechText } from '../../../functions/voice/ssml';

/**
 * How one Get customer input (Lex) block ends: the bot closed an intent, with the closing message it said
 * (`botSays`, played by Connect before the block returns), or the block failed.
 */
export type LexTurn =
  | { intent: string; botSays?: string; sessionAttributes?: Record<string, string> }
  | { error: 'InputTimeLimitExceeded' | 'NoMatchingError' };

export interface CallScript {
  /** One entry per Lex block the call reaches, in order. */
  lexTurns: LexTurn[];
  /** Action identifier to the error branch it takes instead of succeeding. */
  failures?: Record<string, string>;
}

export interface CallResult {
  path: string[];
  /** What the caller heard, in order: the flow's prompts as plain text, and the bot's closing messages. */
  heard: string[];
  ending: 'hung up' | 'transferred';
  queue?: string;
  contactAttributes: Record<string, string>;
  lexSessionAttributes: Record<string, string>;
}

const MAX_STEPS = 200;

/**
 * Follows a contact flow the way the Connect docs describe each action: a Lex block branches on the closed
 * intent (else NoMatchingCondition), a Compare on its JSONPath value, the transfer ends the flow. Only the
 * JSONPaths Parley's flow uses are understood; anything else fails the test loudly.
 */
export function simulateCall(flow: ContactFlow, script: CallScript): CallResult {
  const byId = new Map(flow.Actions.map((action) => [action.Identifier, action]));
  const lexTurns = [...script.lexTurns];
  const result: CallResult = {
    path: [],
    heard: [],
    ending: 'hung up',
    contactAttributes: {},
    lexSessionAttributes: {},
  };
  let intentName: string | undefined;
  const resolve = (value: string): string | undefined => {
    const lexAttribute = /^\$\.Lex\.SessionAttributes\.\['([^']+)'\]$/.exec(value);
    if (lexAttribute?.[1] !== undefined) return result.lexSessionAttributes[lexAttribute[1]];
    if (value === '$.Lex.IntentName') return intentName;
    if (value.startsWith('$.')) throw new Error(`the simulator does not know ${value}`);
    return value;
  };

  let action: FlowAction | undefined = byId.get(flow.StartAction);
  for (let step = 0; action !== undefined; step++) {
    if (step === MAX_STEPS) throw new Error(`no ending after ${MAX_STEPS} steps: ${result.path.join(' > ')}`);
    result.path.push(action.Identifier);
    const failure = script.failures?.[action.Identifier];
    if (failure !== undefined) {
      action = byId.get(errorBranch(action, failure));
      continue;
    }
    switch (action.Type) {
      case 'DisconnectParticipant':
        return result;
      case 'TransferContactToQueue':
        return { ...result, ending: 'transferred' };
      case 'MessageParticipant':
        result.heard.push(spoken(action.Parameters));
        break;
      case 'ConnectParticipantWithLexBot': {
        result.heard.push(spoken(action.Parameters));
        const turn = lexTurns.shift();
        if (turn === undefined) throw new Error(`the script has no Lex turn left for ${action.Identifier}`);
        if ('error' in turn) {
          action = byId.get(errorBranch(action, turn.error));
          continue;
        }
        if (turn.botSays !== undefined) result.heard.push(turn.botSays);
        intentName = turn.intent;
        result.lexSessionAttributes = { ...result.lexSessionAttributes, ...turn.sessionAttributes };
        action = byId.get(branchOn(action, turn.intent));
        continue;
      }
      case 'Compare':
        action = byId.get(branchOn(action, resolve(action.Parameters.ComparisonValue)));
        continue;
      case 'UpdateContactAttributes':
        for (const [key, value] of Object.entries(action.Parameters.Attributes))
          result.contactAttributes[key] = resolve(value) ?? '';
        break;
      case 'UpdateContactTargetQueue':
        result.queue = action.Parameters.QueueId;
        break;
      default:
        break;
    }
    action = byId.get(action.Transitions.NextAction);
  }
  throw new Error(`dangling transition after ${result.path.join(' > ')}`);
}

function spoken(parameters: { Text?: string; SSML?: string }): string {
  return parameters.SSML === undefined ? (parameters.Text ?? '') : toPlainSpeechText(parameters.SSML);
}

function branchOn(action: FlowAction, value: string | undefined): string {
  if ((action.Type === 'Compare' || action.Type === 'ConnectParticipantWithLexBot') && value !== undefined) {
    const match = (action.Transitions.Conditions ?? []).find(
      (condition) => condition.Condition.Operands[0] === value,
    );
    if (match !== undefined) return match.NextAction;
  }
  return errorBranch(action, 'NoMatchingCondition');
}

function errorBranch(action: FlowAction, errorType: string): string {
  const errors: readonly { NextAction: string; ErrorType: string }[] =
    action.Type === 'DisconnectParticipant' ? [] : action.Transitions.Errors;
  const branch = errors.find((error) => error.ErrorType === errorType);
  if (branch === undefined) throw new Error(`${action.Identifier} has no ${errorType} branch`);
  return branch.NextAction;
}
