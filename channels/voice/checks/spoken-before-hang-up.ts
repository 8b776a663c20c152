import { transitionsOf, type FlowAction, type FlowTransition } from '../flow-language';
import type { ContactFlowProblem } from './problem';

/**
 * What the caller has last been told when an action runs: either something that says where the call stands
 * (a prompt of the flow, or the bot's own reply that ends a Lex turn), or nothing since `since`: the call
 * began, or something failed that nobody has explained yet.
 */
type LastHeard = { told: true } | { told: false; since: string };

const TOLD: LastHeard = { told: true };
const CALL_BEGAN: LastHeard = { told: false, since: 'the call began' };

/**
 * Every branch that hangs up while the caller, on some path to it, has been told nothing since the call
 * began or since something failed. A hang-up is fine right after a `MessageParticipant` or after the bot's
 * reply at the end of a Lex turn (Connect plays the bot's closing message before the block returns), also
 * when only silent decisions (`Compare`) lie in between, as on the bot's own "end the call" marker.
 *
 * `reached` is the set of actions the call can reach; `byId` every action by identifier.
 */
export function silentHangUpProblems(
  startAction: string,
  byId: ReadonlyMap<string, FlowAction>,
  reached: ReadonlySet<string>,
): ContactFlowProblem[] {
  const lastHeard = lastHeardOnEveryPath(startAction, byId);
  const problems: ContactFlowProblem[] = [];
  for (const id of reached) {
    const action = byId.get(id);
    const before = lastHeard.get(id);
    if (action === undefined || before === undefined) continue;
    for (const transition of transitionsOf(action)) {
      if (byId.get(transition.target)?.Type !== 'DisconnectParticipant') continue;
      const after = heardAfter(action, transition, before);
      if (!after.told)
        problems.push({
          action: id,
          field: transition.field,
          message:
            `hangs up without a word: the caller has heard no MessageParticipant and no Lex bot turn since ` +
            `${after.since}; go through a MessageParticipant that says goodbye or apologises before ` +
            `"${transition.target}"`,
        });
    }
  }
  return problems;
}

/**
 * For each action the call can reach, what the caller has been told on *every* path to it: one silent path
 * is enough for "told nothing". A forward walk that only ever lowers an action's value (unknown, then told,
 * then told nothing), so it settles after at most two visits per action, loops included.
 */
function lastHeardOnEveryPath(
  startAction: string,
  byId: ReadonlyMap<string, FlowAction>,
): Map<string, LastHeard> {
  const lastHeard = new Map<string, LastHeard>([[startAction, CALL_BEGAN]]);
  const queue = [startAction];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const action = byId.get(id);
    const before = lastHeard.get(id);
    if (action === undefined || before === undefined) continue;
    for (const transition of transitionsOf(action)) {
      if (!byId.has(transition.target)) continue;
      const known = lastHeard.get(transition.target);
      const after = heardAfter(action, transition, before);
      if (known === undefined || (known.told && !after.told)) {
        lastHeard.set(transition.target, after);
        queue.push(transition.target);
      }
    }
  }
  return lastHeard;
}

/** What the caller has been told once `action` has taken `transition`. */
function heardAfter(action: FlowAction, transition: FlowTransition, before: LastHeard): LastHeard {
  switch (action.Type) {
    // Its error branch too: a prompt that could not be played has no better fallback than another prompt.
    case 'MessageParticipant':
      return TOLD;
    // The intent branches (a condition, NextAction, or no condition matched) come after the bot's closing
    // reply; a timeout or an error means the bot could not finish its turn.
    case 'ConnectParticipantWithLexBot':
      return transition.errorType === undefined || transition.errorType === 'NoMatchingCondition'
        ? TOLD
        : failed(action, transition);
    // A decision: neither speaks nor fails, whichever branch it takes.
    case 'Compare':
      return before;
    // Success hands the call to the queue and leaves the flow, so every exit that stays in it is a failure.
    case 'TransferContactToQueue':
      return failed(action, transition);
    default:
      return transition.errorType === undefined ? before : failed(action, transition);
  }
}

function failed(action: FlowAction, transition: FlowTransition): LastHeard {
  const reason = transition.errorType === undefined ? '' : ` (${transition.errorType})`;
  return { told: false, since: `"${action.Identifier}" took ${transition.field}${reason}` };
}
