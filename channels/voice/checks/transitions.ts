import { didYouMean } from '../../../bot-definitions/loader/closest-name';
import { transitionsOf, type FlowAction } from '../flow-language';
import { FLOW_LEVEL, type ContactFlowProblem } from './problem';
import { silentHangUpProblems } from './spoken-before-hang-up';

/** Where a call leaves the flow: hung up, or handed to an agent queue. */
const ENDINGS: ReadonlySet<FlowAction['Type']> = new Set(['DisconnectParticipant', 'TransferContactToQueue']);

/**
 * The flow as a graph: every transition names an action, every action is reached from the start, every
 * reached action has a way out of the flow, and no branch hangs up without the caller hearing why (see
 * silentHangUpProblems).
 */
export function transitionProblems(
  startAction: string,
  actions: readonly FlowAction[],
): ContactFlowProblem[] {
  const problems: ContactFlowProblem[] = [];
  const byId = new Map<string, FlowAction>();
  for (const action of actions) {
    if (byId.has(action.Identifier))
      problems.push({
        action: action.Identifier,
        field: 'Identifier',
        message: 'is used by more than one action',
      });
    else byId.set(action.Identifier, action);
  }
  const missing = (target: string) => `names no action: "${target}"${didYouMean(target, byId.keys())}`;

  const start = byId.get(startAction);
  if (start === undefined)
    problems.push({ action: FLOW_LEVEL, field: 'StartAction', message: missing(startAction) });
  else if (start.Type === 'DisconnectParticipant')
    problems.push({ action: FLOW_LEVEL, field: 'StartAction', message: 'hangs up before saying anything' });

  for (const action of actions)
    for (const { field, target } of transitionsOf(action))
      if (!byId.has(target)) problems.push({ action: action.Identifier, field, message: missing(target) });
  if (start === undefined) return problems;

  const reached = walk([startAction], (id) => targetsOf(byId.get(id)));
  const predecessors = new Map<string, string[]>();
  for (const action of actions)
    for (const { target } of transitionsOf(action))
      predecessors.set(target, [...(predecessors.get(target) ?? []), action.Identifier]);
  const endings = actions.filter((action) => ENDINGS.has(action.Type)).map((action) => action.Identifier);
  const canEnd = walk(endings, (id) => predecessors.get(id) ?? []);

  for (const action of byId.values()) {
    if (!reached.has(action.Identifier))
      problems.push({
        action: action.Identifier,
        field: 'Identifier',
        message: `is never reached from StartAction "${startAction}"`,
      });
    else if (!canEnd.has(action.Identifier))
      problems.push({
        action: action.Identifier,
        field: 'Transitions',
        message:
          'no path from here hangs up (DisconnectParticipant) or reaches an agent (TransferContactToQueue)',
      });
  }
  problems.push(...silentHangUpProblems(startAction, byId, reached));
  return problems;
}

function targetsOf(action: FlowAction | undefined): string[] {
  return action === undefined ? [] : transitionsOf(action).map((transition) => transition.target);
}

/** Every id reachable from `from` through `next`, including `from` itself. */
function walk(from: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift())
    for (const target of next(id))
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
  return seen;
}
